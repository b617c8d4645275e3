package com.northbeam.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a random loopback port that answers canned responses, for testing
 * a client against the wire without its real counterpart. Responses can be delayed to
 * test timeouts.
 */
public final class FakeHttpServer implements AutoCloseable {

	/** A canned answer. */
	public record Response(int status, String contentType, String body, Duration delay) {

		public static Response json(String body) {
			return new Response(200, "application/json", body, Duration.ZERO);
		}

		public static Response status(int status) {
			return new Response(status, "application/problem+json", "{\"status\":" + status + "}", Duration.ZERO);
		}

		public Response delayedBy(Duration delay) {
			return new Response(status, contentType, body, delay);
		}

	}

	/**
	 * A request as the server received it; {@code query} is still encoded, as it was
	 * sent.
	 */
	public record Request(String method, String path, Map<String, List<String>> headers, String body, String query) {
	}

	private final HttpServer server;

	private final Map<String, Response> routes = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	public FakeHttpServer() {
		this(0);
	}

	/**
	 * Listens on {@code port}, for a service that comes up at an address its client
	 * already knows; 0 for any free port.
	 */
	public FakeHttpServer(int port) {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.setExecutor(Executors.newCachedThreadPool());
		server.createContext("/", this::handle);
		server.start();
	}

	/** Answers {@code method path} (path without query) with {@code response}. */
	public FakeHttpServer respond(String method, String path, Response response) {
		routes.put(method + " " + path, response);
		return this;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	public List<Request> requests() {
		return List.copyOf(requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
				Map.copyOf(exchange.getRequestHeaders()), body, exchange.getRequestURI().getRawQuery()));
		Response response = routes.getOrDefault(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
				Response.status(404));
		try {
			Thread.sleep(response.delay().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", response.contentType());
		try {
			exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (IOException ex) {
			// The client gave up waiting (a timeout test); nothing to answer to.
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
