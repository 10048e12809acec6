package dev.pipeperf.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reads hyperfine's {@code --export-json}: {@code Json median <file>} prints the median in ms. */
public final class Json {

  private Json() {}

  public static void main(String[] args) throws IOException {
    JsonNode r = new ObjectMapper().readTree(Path.of(args[1]).toFile()).get("results").get(0);
    System.out.printf("%.0f%n", r.get(args[0]).asDouble() * 1000);
  }
}
