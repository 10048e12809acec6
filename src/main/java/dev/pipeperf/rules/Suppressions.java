package dev.pipeperf.rules;

import dev.pipeperf.source.SourceFile;
import java.util.Locale;
import java.util.Map;
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
    return SourceFile.readInside(root, p, path).model();
  }

  boolean suppressed(Finding f) {
    SourceFile file = sources.get(f.location().file());
    if (file == null && root != null) {
      file = extra.computeIfAbsent(f.location().file(), this::read);
    }
    if (file == null || f.location().line() == 0) {
      return false;
    }
    int line = f.location().line();
    return names(file.line(line), f.ruleId())
        || (line > 1 && names(file.line(line - 1), f.ruleId()));
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
