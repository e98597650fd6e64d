package io.gatecast.controller;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.gatecast.protocol.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real local HTTP server standing in for the team's alert webhook; keeps every JSON body it is sent. */
final class WebhookReceiver implements AutoCloseable {
  final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  WebhookReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/alerts", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      if ("POST".equals(exchange.getRequestMethod())
          && exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")) {
        received.add(Codec.mapper().readTree(body));
        exchange.sendResponseHeaders(204, -1);
      } else {
        exchange.sendResponseHeaders(400, -1);
      }
      exchange.close();
    });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
  }

  /** The kinds of the notices about one screen, in the order they came. */
  List<String> kindsFor(String screenId) {
    return received.stream().filter(n -> screenId.equals(n.path("screenId").asText())).map(n -> n.get("kind").asText())
        .toList();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
