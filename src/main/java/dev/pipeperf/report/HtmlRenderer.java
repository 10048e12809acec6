package dev.pipeperf.report;

import dev.pipeperf.AnalysisResult;
import java.io.PrintWriter;

/** Placeholder. */
public final class HtmlRenderer {
  private HtmlRenderer() {}

  public static void render(AnalysisResult result, PrintWriter out) {
    out.println("<!doctype html>");
  }
}
