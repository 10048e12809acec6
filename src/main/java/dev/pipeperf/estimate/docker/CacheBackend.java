package dev.pipeperf.estimate.docker;

import java.util.Locale;

/**
 * Where a CI build imports its layer cache from and exports it to: buildx's {@code --cache-from} /
 * {@code cache-from:} backends. {@link #NONE} means no cache, so every CI build is cold (hosted
 * runners start empty).
 */
public enum CacheBackend {
  NONE,
  GHA,
  REGISTRY,
  LOCAL,
  INLINE;

  /**
   * The backend of a buildx cache spec: {@code type=gha,mode=max}, {@code
   * type=registry,ref=ghcr.io/o/r:cache}, {@code type=local,src=/tmp/.buildx-cache}, {@code
   * type=inline}. A bare image reference ({@code --cache-from ghcr.io/o/r:latest}) is a registry
   * cache, as buildx reads it. Null, empty or an unknown type ({@code s3}, {@code azblob}): {@code
   * s3}/{@code azblob} count as {@link #REGISTRY} (a remote store), anything else as {@link #NONE}.
   */
  public static CacheBackend fromCacheSpec(String spec) {
    if (spec == null || spec.isBlank()) {
      return NONE;
    }
    String s = spec.trim();
    String type = null;
    boolean hasFields = false;
    for (String field : s.split(",")) {
      int eq = field.indexOf('=');
      if (eq > 0) {
        hasFields = true;
        if (field.substring(0, eq).trim().equalsIgnoreCase("type")) {
          type = field.substring(eq + 1).trim().toLowerCase(Locale.ROOT);
        }
      }
    }
    if (type == null) {
      // buildx: a value without type= is a registry ref (ref=... alone too).
      return hasFields && !s.toLowerCase(Locale.ROOT).contains("ref=") ? NONE : REGISTRY;
    }
    return switch (type) {
      case "gha" -> GHA;
      case "registry", "s3", "azblob" -> REGISTRY;
      case "local" -> LOCAL;
      case "inline" -> INLINE;
      default -> NONE;
    };
  }
}
