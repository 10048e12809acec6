package dev.pipeperf.estimate.observed.github;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server on 127.0.0.1 that replays recorded GitHub API pages: each path-and-query has a
 * queue of responses, played in order (the last one repeats); anything else is a 404 like GitHub's.
 */
public final class ReplayServer implements AutoCloseable {

  /** One recorded response. */
  public record Response(int status, Map<String, String> headers, String body) {
    public static Response ok(String body) {
      return new Response(200, Map.of(), body);
    }
  }

  /** One request as received. */
  public record Received(String pathAndQuery, String authorization, String ifNoneMatch) {}

  private final HttpServer server;
  private final Map<String, Deque<Response>> routes = new HashMap<>();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

  public ReplayServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String key = exchange.getRequestURI().toString();
          received.add(
              new Received(
                  key,
                  exchange.getRequestHeaders().getFirst("Authorization"),
                  exchange.getRequestHeaders().getFirst("If-None-Match")));
          Response r;
          synchronized (routes) {
            Deque<Response> q = routes.get(key);
            if (q == null || q.isEmpty()) {
              r =
                  new Response(
                      404,
                      Map.of(),
                      "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com\"}");
            } else {
              r = q.size() > 1 ? q.poll() : q.peek();
            }
          }
          byte[] body = r.body() == null ? new byte[0] : r.body().getBytes(StandardCharsets.UTF_8);
          r.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(r.status(), r.status() == 304 ? -1 : body.length);
          if (r.status() != 304) {
            try (OutputStream os = exchange.getResponseBody()) {
              os.write(body);
            }
          }
          exchange.close();
        });
    server.start();
  }

  /** The API URL to give the client. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Sets the responses for a path and query ({@code /repos/o/r/actions/runs?...}). */
  public ReplayServer on(String pathAndQuery, Response... responses) {
    synchronized (routes) {
      routes.put(pathAndQuery, new ArrayDeque<>(List.of(responses)));
    }
    return this;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
