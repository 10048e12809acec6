package dev.pipeperf.dockerfile;

import dev.pipeperf.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One Dockerfile instruction, as BuildKit's parser sees it: the logical line (continuations joined,
 * comments dropped), its flags, its arguments and its here-documents.
 *
 * @param keyword the instruction word, upper-cased ({@code RUN}); BuildKit matches it
 *     case-insensitively
 * @param original the logical line as BuildKit rebuilt it, keyword included
 * @param location where the keyword is
 * @param endLine the last physical line the instruction takes, heredoc bodies included
 * @param flags the leading {@code --flags}
 * @param args the argument values of BuildKit's AST: the words of {@code FROM}/{@code COPY}, the
 *     shell text of {@code RUN} (one element) or its exec-form elements, {@code key value sep}
 *     triples for {@code ENV}/{@code LABEL}
 * @param jsonForm true for the exec form ({@code RUN ["a", "b"]})
 * @param heredocs the here-documents, in the order they appear on the line
 * @param trigger the instruction an {@code ONBUILD} wraps; null otherwise
 * @param node BuildKit's AST node, for {@link Dump}
 */
public record Instruction(
    String keyword,
    String original,
    Location location,
    int endLine,
    List<Flag> flags,
    List<String> args,
    boolean jsonForm,
    List<Heredoc> heredocs,
    Instruction trigger,
    AstNode node) {

  public Instruction {
    flags = List.copyOf(flags);
    args = List.copyOf(args);
    heredocs = List.copyOf(heredocs);
  }

  public boolean is(String word) {
    return keyword.equalsIgnoreCase(word);
  }

  public boolean isRun() {
    return is("RUN");
  }

  public boolean isFrom() {
    return is("FROM");
  }

  public boolean isArg() {
    return is("ARG");
  }

  /** COPY or ADD. */
  public boolean isCopyLike() {
    return is("COPY") || is("ADD");
  }

  /** The value of the first flag with this name (without dashes); null when absent or bare. */
  public String flag(String name) {
    for (Flag f : flags) {
      if (f.name().equalsIgnoreCase(name)) {
        return f.value();
      }
    }
    return null;
  }

  public boolean hasFlag(String name) {
    return flags.stream().anyMatch(f -> f.name().equalsIgnoreCase(name));
  }

  /** The {@code --from} value of a COPY or ADD, as written; null when absent. */
  public String from() {
    return flag("from");
  }

  /** The {@code --platform} value, as written; null when absent. */
  public String platform() {
    return flag("platform");
  }

  /**
   * The script the shell runs for a RUN, the way BuildKit builds it: a RUN that is nothing but one
   * heredoc runs that heredoc's body; otherwise the heredoc bodies follow the command line, each
   * closed by its terminator, as a shell would read them. Exec form: the elements joined by spaces.
   * Null for other instructions.
   */
  public String runCommand() {
    if (!isRun()) {
      return null;
    }
    if (jsonForm) {
      return String.join(" ", args);
    }
    String line = args.isEmpty() ? "" : args.get(0);
    if (heredocs.isEmpty()) {
      return line;
    }
    if (HeredocWords.isMarker(line)) {
      return heredocs.get(0).body();
    }
    StringBuilder full = new StringBuilder(line);
    for (Heredoc h : heredocs) {
      full.append('\n').append(h.body()).append(h.name());
    }
    return full.toString();
  }

  /** The sources of a COPY or ADD (heredoc sources stay as their {@code <<EOF} marker). */
  public List<String> copySources() {
    if (!isCopyLike() || args.size() < 2) {
      return List.of();
    }
    return args.subList(0, args.size() - 1);
  }

  /** The destination of a COPY or ADD; null when missing. */
  public String copyDestination() {
    if (!isCopyLike() || args.size() < 2) {
      return null;
    }
    return args.get(args.size() - 1);
  }

  /** The {@code --mount} flags of a RUN, parsed. */
  public List<Mount> mounts() {
    List<Mount> out = new ArrayList<>();
    for (Flag f : flags) {
      if (!f.name().equalsIgnoreCase("mount") || f.value() == null) {
        continue;
      }
      Map<String, String> options = new LinkedHashMap<>();
      for (String field : splitCsv(f.value())) {
        int eq = field.indexOf('=');
        String key = (eq < 0 ? field : field.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
        if (!key.isEmpty()) {
          options.putIfAbsent(key, eq < 0 ? "true" : field.substring(eq + 1));
        }
      }
      out.add(new Mount(options.getOrDefault("type", "bind"), options, f.location()));
    }
    return out;
  }

  /** Splits on commas outside double quotes, dropping the quotes, like Go's csv reader. */
  private static List<String> splitCsv(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  /** {@code KEY=value} pairs of ENV, LABEL or ARG (ARG without default maps to null). */
  public Map<String, String> keyValues() {
    Map<String, String> out = new LinkedHashMap<>();
    if (is("ENV") || is("LABEL")) {
      for (int i = 0; i + 1 < args.size(); i += 3) {
        out.put(args.get(i), args.get(i + 1));
      }
    } else if (isArg()) {
      for (String word : args) {
        int eq = word.indexOf('=');
        out.put(eq < 0 ? word : word.substring(0, eq), eq < 0 ? null : word.substring(eq + 1));
      }
    }
    return out;
  }
}
