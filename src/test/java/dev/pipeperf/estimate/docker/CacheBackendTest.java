package dev.pipeperf.estimate.docker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheBackendTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "type=gha,mode=max | GHA",
        "type=gha | GHA",
        "mode=max,type=gha,scope=web | GHA",
        "type=registry,ref=ghcr.io/o/r:buildcache,mode=max | REGISTRY",
        "ref=ghcr.io/o/r:cache | REGISTRY",
        "ghcr.io/o/r:latest | REGISTRY",
        "type=s3,region=eu-west-1,bucket=b | REGISTRY",
        "type=local,src=/tmp/.buildx-cache | LOCAL",
        "type=local,dest=/tmp/.buildx-cache-new,mode=max | LOCAL",
        "type=inline | INLINE",
        "TYPE=GHA | GHA",
        "type=unknown | NONE",
        "'' | NONE",
        "NULL | NONE",
      })
  void parsesBuildxCacheSpecs(String spec, CacheBackend expected) {
    assertThat(CacheBackend.fromCacheSpec(spec)).isEqualTo(expected);
  }
}
