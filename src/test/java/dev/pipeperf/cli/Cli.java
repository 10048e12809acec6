package dev.pipeperf.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the CLI in-process and keeps what it printed. */
record Cli(int code, String out, String err) {

  static Cli run(String... args) {
    return run(Map.of(), args);
  }

  static Cli run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), false, env, args);
    return new Cli(code, out.toString(), err.toString());
  }
}
