package dev.pipeperf.rules;

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.SourceFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline silencing: {@code # pipeperf-ignore PP001} (or {@code // pipeperf-ignore PP001} in HCL) on
 * the finding's line or the line above. Several ids may be listed, separated by commas or spaces.
 */
final class Suppressions {

  private static final Pattern IGNORE =
      Pattern.compile(
          "(?:#|//)\\s*pipeperf-ignore\\s+((?:PP\\d{3}[\\s,]*)+)", Pattern.CASE_INSENSITIVE);

  private final Map<String, SourceFile> sources;

  private final java.nio.file.Path root;

  /**
   * @param sources the files the workspace read
   * @param root the analysed folder: a finding in a file the workspace did not read (a manifest a
   *     rule looked into) has that file read here, once, bounded like every other read
   */
  Suppressions(Map<String, SourceFile> sources, java.nio.file.Path root) {
    this.root = root;
    this.sources = sources;
  }

  private final Map<String, SourceFile> extra = new java.util.HashMap<>();

  private SourceFile read(String path) {
    java.nio.file.Path p = root.resolve(path).normalize();
    if (!p.startsWith(root.normalize()) || !java.nio.file.Files.isRegularFile(p)) {
      return null;
    }
    return SourceFile.read(p, path).model();
  }

  /** {@code file:line:ID} of each comment that silenced a finding. */
  private final Set<String> used = new HashSet<>();

  /** Findings silenced (each counted once, however many times a rule reported it). */
  private final Set<String> silenced = new HashSet<>();

  boolean suppressed(Finding f) {
    SourceFile file = sources.get(f.location().file());
    if (file == null && root != null) {
      file = extra.computeIfAbsent(f.location().file(), this::read);
    }
    if (file == null || f.location().line() == 0) {
      return false;
    }
    int line = f.location().line();
    int at =
        names(file.line(line), f.ruleId())
            ? line
            : line > 1 && names(file.line(line - 1), f.ruleId()) ? line - 1 : 0;
    if (at == 0) {
      return false;
    }
    used.add(f.location().file() + ":" + at + ":" + f.ruleId());
    silenced.add(f.ruleId() + "|" + f.location() + "|" + f.message());
    return true;
  }

  /** How many findings the comments silenced. */
  int count() {
    return silenced.size();
  }

  /**
   * The comments that silence nothing: a rule id pipeperf does not have, or a rule that reported
   * nothing on that line or the next (the finding was fixed, or the comment sits on the wrong
   * line). Silently ignored, such a comment hides nothing now and would hide a finding later.
   *
   * @param known every rule id
   * @param running the ids of the rules that ran (a rule turned off reports nothing anywhere)
   */
  List<Diagnostic> unused(Set<String> known, Set<String> running) {
    List<Diagnostic> out = new ArrayList<>();
    for (SourceFile file : sources.values()) {
      if (!file.text().contains("pipeperf-ignore")) {
        continue;
      }
      for (int line = 1; line <= file.lineCount(); line++) {
        Matcher m = IGNORE.matcher(file.line(line));
        while (m.find()) {
          for (String part : m.group(1).split("[\\s,]+")) {
            String id = part.toUpperCase(Locale.ROOT);
            if (id.isEmpty()) {
              continue;
            }
            int col = m.start(1) + 1;
            if (!known.contains(id)) {
              out.add(
                  Diagnostic.warning(
                      file.at(line, col),
                      "pipeperf-ignore",
                      "pipeperf-ignore names "
                          + id
                          + ", which is no pipeperf rule (see pipeperf rules)"));
            } else if (running.contains(id)
                && !used.contains(file.path() + ":" + line + ":" + id)) {
              out.add(
                  Diagnostic.warning(
                      file.at(line, col),
                      "pipeperf-ignore",
                      "pipeperf-ignore "
                          + id
                          + " silences nothing: "
                          + id
                          + " reports nothing on this line or the next (fixed, or the comment is"
                          + " on the wrong line)"));
            }
          }
        }
      }
    }
    return out;
  }

  private static boolean names(String line, String id) {
    Matcher m = IGNORE.matcher(line);
    while (m.find()) {
      for (String part : m.group(1).split("[\\s,]+")) {
        if (part.toUpperCase(Locale.ROOT).equals(id)) {
          return true;
        }
      }
    }
    return false;
  }
}
