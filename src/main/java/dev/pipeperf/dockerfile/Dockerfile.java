package dev.pipeperf.dockerfile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A parsed Dockerfile: parser directives, the {@code ARG}s before the first {@code FROM}, and the
 * build stages.
 *
 * @param path the file, relative to the analysis root
 * @param directives parser directives ({@code syntax}, {@code escape}, {@code check}), keys
 *     lower-cased, in file order
 * @param escape the escape character: {@code \} or {@code `}
 * @param globalArgs the {@code ARG} instructions before the first {@code FROM}
 * @param stages the build stages, in file order
 * @param instructions every instruction in file order, including any stray one before the first
 *     {@code FROM} that is neither in {@code globalArgs} nor in a stage (BuildKit's parser keeps
 *     those, and its later stage reports them)
 */
public record Dockerfile(
    String path,
    Map<String, String> directives,
    char escape,
    List<Instruction> globalArgs,
    List<Stage> stages,
    List<Instruction> instructions) {

  public Dockerfile {
    directives = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(directives));
    globalArgs = List.copyOf(globalArgs);
    stages = List.copyOf(stages);
    instructions = List.copyOf(instructions);
  }

  /** A stage by name (case-insensitive) or by 0-based index. */
  public Optional<Stage> stage(String nameOrIndex) {
    if (nameOrIndex == null) {
      return Optional.empty();
    }
    String wanted = nameOrIndex.toLowerCase(Locale.ROOT);
    for (Stage s : stages) {
      if (wanted.equals(s.name())) {
        return Optional.of(s);
      }
    }
    if (!wanted.isEmpty() && wanted.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        int i = Integer.parseInt(wanted);
        if (i < stages.size()) {
          return Optional.of(stages.get(i));
        }
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * The stages a build of {@code target} builds (null or empty: the last stage), dependencies
   * before dependents, i.e. in file order, since a stage can only use earlier ones. Empty when the
   * target names no stage.
   */
  public List<Stage> stagesNeededFor(String target) {
    Optional<Stage> start =
        target == null || target.isEmpty()
            ? (stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1)))
            : stage(target);
    if (start.isEmpty()) {
      return List.of();
    }
    TreeSet<Integer> seen = new TreeSet<>();
    Deque<Integer> todo = new ArrayDeque<>();
    todo.push(start.get().index());
    while (!todo.isEmpty()) {
      int i = todo.pop();
      if (!seen.add(i)) {
        continue;
      }
      for (StageDependency d : stages.get(i).dependencies()) {
        if (d.stageIndex() != null && d.stageIndex() >= 0 && d.stageIndex() < stages.size()) {
          todo.push(d.stageIndex());
        }
      }
    }
    List<Stage> out = new ArrayList<>();
    for (int i : seen) {
      out.add(stages.get(i));
    }
    return out;
  }

  /** The last stage, the default build target; empty when there is no FROM. */
  public Optional<Stage> finalStage() {
    return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
  }
}
