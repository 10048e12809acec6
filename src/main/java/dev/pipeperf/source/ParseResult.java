package dev.pipeperf.source;

import java.util.List;

/**
 * What a parser returns: the model it could build (null when nothing usable was left) and the
 * diagnostics it met on the way. Parsers never throw on user input.
 */
public record ParseResult<T>(T model, List<Diagnostic> diagnostics) {

  public ParseResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public static <T> ParseResult<T> of(T model, List<Diagnostic> diagnostics) {
    return new ParseResult<>(model, diagnostics);
  }

  public static <T> ParseResult<T> failed(List<Diagnostic> diagnostics) {
    return new ParseResult<>(null, diagnostics);
  }

  public boolean hasModel() {
    return model != null;
  }
}
