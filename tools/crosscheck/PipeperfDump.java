// pipeperf side of the cross-check. Single-file source program (Java 11+ source launch):
//
//   java -cp target/pipeperf.jar tools/crosscheck/PipeperfDump.java FILE...
//
// Prints one JSON line per file: {file, accepted, jobs: {id: [needs]}, diagnostics: [...]}
// where accepted = no diagnostic of severity HIGH or worse. With no arguments, reads paths from
// stdin, one per line. Uses only pipeperf's public API (SourceFile.read, WorkflowParser.parse).

import dev.pipeperf.source.Diagnostic;
import dev.pipeperf.source.ParseResult;
import dev.pipeperf.source.Severity;
import dev.pipeperf.source.SourceFile;
import dev.pipeperf.workflow.Job;
import dev.pipeperf.workflow.Workflow;
import dev.pipeperf.workflow.WorkflowParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public class PipeperfDump {

  public static void main(String[] args) throws Exception {
    List<String> files = new ArrayList<>(List.of(args));
    if (files.isEmpty()) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isBlank()) {
          files.add(line.strip());
        }
      }
    }
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    for (String f : files) {
      out.println(dump(f));
    }
    out.flush();
  }

  static String dump(String file) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Workflow workflow = null;
    String crash = null;
    try {
      ParseResult<SourceFile> src = SourceFile.read(Path.of(file), file);
      diagnostics.addAll(src.diagnostics());
      if (src.model() != null) {
        ParseResult<Workflow> wf = WorkflowParser.parse(src.model());
        diagnostics.addAll(wf.diagnostics());
        workflow = wf.model();
      }
    } catch (RuntimeException | StackOverflowError e) {
      // The parser promises never to throw on user input; a throw is a bug worth reporting.
      crash = e.toString();
    }
    boolean accepted =
        crash == null && diagnostics.stream().noneMatch(d -> d.severity().atLeast(Severity.HIGH));
    StringBuilder sb = new StringBuilder();
    sb.append("{\"file\":").append(str(file));
    sb.append(",\"accepted\":").append(accepted);
    sb.append(",\"model\":").append(workflow != null);
    if (crash != null) {
      sb.append(",\"crashed\":").append(str(crash));
    }
    sb.append(",\"jobs\":{");
    if (workflow != null) {
      boolean first = true;
      for (Job j : workflow.jobs()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append(str(j.id())).append(":[");
        List<String> needs = j.needIds();
        for (int i = 0; i < needs.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          sb.append(str(needs.get(i)));
        }
        sb.append(']');
      }
    }
    sb.append("},\"diagnostics\":[");
    for (int i = 0; i < diagnostics.size(); i++) {
      Diagnostic d = diagnostics.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"line\":").append(d.location().line());
      sb.append(",\"col\":").append(d.location().column());
      sb.append(",\"severity\":").append(str(d.severity().name()));
      sb.append(",\"code\":").append(str(d.code()));
      sb.append(",\"message\":").append(str(d.message())).append('}');
    }
    sb.append("]}");
    return sb.toString();
  }

  static String str(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
