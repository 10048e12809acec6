package dev.pipeperf.bake;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's {@code path.Clean}, which buildx applies to a target's context before using it. */
final class GoPath {

  private GoPath() {}

  static String clean(String p) {
    if (p.isEmpty()) {
      return ".";
    }
    boolean rooted = p.startsWith("/");
    Deque<String> parts = new ArrayDeque<>();
    for (String el : p.split("/")) {
      if (el.isEmpty() || el.equals(".")) {
        continue;
      }
      if (el.equals("..")) {
        if (!parts.isEmpty() && !parts.peekLast().equals("..")) {
          parts.removeLast();
        } else if (!rooted) {
          parts.addLast("..");
        }
        continue;
      }
      parts.addLast(el);
    }
    String joined = String.join("/", parts);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  /** The context as buildx resolves it: {@code cwd://} stripped, local paths cleaned. */
  static String context(String context) {
    if (context.startsWith("cwd://")) {
      return clean(context.substring("cwd://".length()));
    }
    if (isRemote(context)) {
      return context;
    }
    return clean(context);
  }

  /** URLs and git references, which buildx leaves alone. */
  static boolean isRemote(String s) {
    return s.contains("://")
        || s.startsWith("git@")
        || s.startsWith("github.com/")
        || s.startsWith("target:")
        || s.startsWith("docker-image:");
  }
}
