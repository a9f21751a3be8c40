package org.tuanwu.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP client that behaves like the web app: keeps cookies, reads the XSRF-TOKEN
 * cookie and echoes it in the X-XSRF-TOKEN header on every write.
 */
public class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final CookieManager cookies;

	private final HttpClient http;

	private boolean sendCsrf = true;

	private final Map<String, String> headers = new java.util.LinkedHashMap<>();

	public ApiClient(int port) {
		this(port, new CookieManager());
	}

	private ApiClient(int port, CookieManager cookies) {
		this.base = "http://localhost:" + port;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
	}

	/**
	 * The same browser talking to another server on this machine (another node behind the
	 * load balancer): the cookies are shared.
	 */
	public ApiClient at(int port) {
		return new ApiClient(port, cookies);
	}

	public record Response(int status, JsonNode json, HttpResponse<String> raw) {

		public String detail() {
			return json.path("detail").asString();
		}

		public String code() {
			return json.path("code").asString();
		}

	}

	public ApiClient withoutCsrf() {
		sendCsrf = false;
		return this;
	}

	/** Sends this header with every request, e.g. as a reverse proxy would add it. */
	public ApiClient withHeader(String name, String value) {
		headers.put(name, value);
		return this;
	}

	/**
	 * Requests from this client address, as the trusted proxy (this machine) reports it
	 * in X-Forwarded-For: per-address limits then count this client alone.
	 */
	public ApiClient from(String address) {
		return withHeader("X-Forwarded-For", address);
	}

	public Response login(String username, String password) {
		get("/api/v1/auth/csrf");
		return post("/api/v1/auth/login", Map.of("username", username, "password", password));
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	public Response post(String path, Object body) {
		return send(json(HttpRequest.newBuilder(URI.create(base + path)), body, "POST"));
	}

	public Response put(String path, Object body) {
		return send(json(HttpRequest.newBuilder(URI.create(base + path)), body, "PUT"));
	}

	public Response delete(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).DELETE();
		if (sendCsrf) {
			cookie("XSRF-TOKEN").ifPresent(t -> builder.header("X-XSRF-TOKEN", t));
		}
		return send(builder);
	}

	/**
	 * Any request, as a client that is not the web app might send it: the method, the
	 * body's bytes and its Content-Type as given ({@code null}: none), with the CSRF
	 * header.
	 */
	public Response send(String method, String path, String contentType, byte[] body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		if (sendCsrf) {
			cookie("XSRF-TOKEN").ifPresent(t -> builder.header("X-XSRF-TOKEN", t));
		}
		return send(builder);
	}

	public Optional<String> cookie(String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst();
	}

	private HttpRequest.Builder json(HttpRequest.Builder builder, Object body, String method) {
		builder.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		if (sendCsrf) {
			cookie("XSRF-TOKEN").ifPresent(t -> builder.header("X-XSRF-TOKEN", t));
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		headers.forEach(builder::header);
		try {
			HttpResponse<String> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode json;
			try {
				json = r.body().isBlank() || !r.headers().firstValue("Content-Type").orElse("").contains("json")
						? JSON.createObjectNode() : JSON.readTree(r.body());
			}
			catch (tools.jackson.core.JacksonException e) {
				// Not JSON after all: the test sees an empty object and the raw body.
				json = JSON.createObjectNode();
			}
			return new Response(r.statusCode(), json, r);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

}
