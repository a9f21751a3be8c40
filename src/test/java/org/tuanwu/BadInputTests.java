package org.tuanwu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tuanwu.identity.Role;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.UnitDraft;
import org.tuanwu.organization.UnitRegister;
import org.tuanwu.organization.UnitType;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.TestUsers;
import org.tuanwu.support.WebTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * No input gives a 500: every write endpoint of the running server's OpenAPI document
 * (POST, PUT, PATCH, DELETE) gets, as a user allowed to call it, bodies of the wrong
 * type, over-long texts, absurd dates, XML and other wrong media types, empty and null
 * bodies, and path variables that are not ids. Every answer must be below 500 and every
 * refusal a problem ({@code application/problem+json}) with a Chinese {@code detail}; a
 * malformed body must be refused, not stored. The endpoints are read from the document,
 * so an endpoint added later is tried too.
 */
@WebTest
class BadInputTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	static final String LONG = "长".repeat(100_000);

	static final List<String> ABSURD_DATES = List.of("-999999999-01-01", "+999999999-12-31", "0000-01-01", "1899-12-31",
			"2101-01-01", "2024-13-45", "20240504", "明天");

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	UnitRegister units;

	ApiClient system;

	ApiClient security;

	ApiClient auditor;

	OrgDetail root;

	OrgDetail branch;

	long unitId;

	long userId;

	JsonNode docs;

	final List<String> failures = new ArrayList<>();

	int requests;

	@BeforeEach
	void usersFixturesAndTheDocument() {
		system = login(Role.SYSTEM_ADMIN, Optional.empty());
		security = login(Role.SECURITY_ADMIN, Optional.empty());
		auditor = login(Role.AUDIT_ADMIN, Optional.empty());
		root = users.root("共青团坏输入测试县委员会");
		branch = users.child(root, "坏输入测试团支部", OrgKind.BRANCH);
		unitId = units
			.create(TestUsers.platform(),
					new UnitDraft(TestUsers.unique("BU"), "坏输入测试单位", UnitType.NON_PUBLIC_ENTERPRISE, root.id(),
							Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
							Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()))
			.id();
		String username = users.create(Role.ORG_ADMIN, Optional.of(root.id()), false);
		userId = security.get("/api/v1/users?q=" + username).json().path("items").get(0).path("id").asLong();
		// The document may need a login (a setting opens it): a logged-in user reads it
		// either way.
		ApiClient.Response document = system.get("/api/docs");
		assertThat(document.status()).isEqualTo(200);
		docs = document.json();
	}

	ApiClient login(Role role, Optional<Long> scope) {
		ApiClient c = new ApiClient(port);
		assertThat(c.login(users.create(role, scope, false), TestUsers.PASSWORD).status()).isEqualTo(200);
		return c;
	}

	@Test
	void noWriteEndpointAnswersMalformedInputWithA5xx() {
		int operations = 0;
		for (Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").properties().iterator(); paths
			.hasNext();) {
			var path = paths.next();
			for (String method : List.of("post", "put", "patch", "delete")) {
				JsonNode operation = path.getValue().path(method);
				if (operation.isMissingNode()) {
					continue;
				}
				operations++;
				fuzz(method.toUpperCase(), path.getKey(), operation);
			}
		}
		assertThat(operations).as("write endpoints in the document").isGreaterThanOrEqualTo(15);
		assertThat(requests).isGreaterThan(operations * 10);
		assertThat(failures).as(failures.size() + " of " + requests + " requests").isEmpty();
	}

	@Test
	void anAbsurdDateInAQueryParameterIsRefusedNamingIt() {
		ApiClient.Response r = auditor.get("/api/v1/audit?from=-999999999-01-01");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("from");
		assertThat(r.detail()).contains("from").contains("1900-01-01").contains("2100-12-31");
		assertThat(auditor.get("/api/v1/audit?to=2024-02-30").status()).isEqualTo(400);
		assertThat(auditor.get("/api/v1/audit?from=2024-05-04&size=1").status()).isEqualTo(200);
	}

	@Test
	void anAbsurdDateInABodyIsRefusedNamingTheFieldBeforeAnyRule() {
		ApiClient.Response r = system.post("/api/v1/orgs/" + branch.id() + "/dissolve",
				Map.of("dissolvedOn", "-999999999-01-01", "reason", "测试"));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("dissolvedOn");
		assertThat(r.detail()).contains("dissolvedOn").contains("1900-01-01");
		assertThat(system.get("/api/v1/orgs/" + branch.id()).json().path("dissolvedOn").isNull()).isTrue();
	}

	@Test
	void anOverLongTextIsRefusedNamingTheFieldAndItsLimit() {
		ApiClient.Response r = system.put("/api/v1/units/" + unitId, Map.of("name", LONG, "version", 0));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
		assertThat(r.detail()).contains("name").contains("1000");
		ApiClient.Response name = security.put("/api/v1/users/" + userId,
				Map.of("displayName", "名".repeat(101), "roles", List.of("ORG_ADMIN"), "scopeOrgId", root.id()));
		assertThat(name.status()).isEqualTo(400);
		assertThat(name.json().path("errors").get(0).path("field").asString()).isEqualTo("displayName");
		assertThat(name.detail()).contains("100");
	}

	@Test
	void anXmlBodyIsA415InChinese() {
		ApiClient.Response r = system.send("POST", "/api/v1/orgs", "application/xml",
				"<org><name>x</name></org>".getBytes(StandardCharsets.UTF_8));
		assertThat(r.status()).isEqualTo(415);
		assertThat(r.code()).isEqualTo("request.media-type");
		assertThat(r.detail()).contains("application/xml").contains("application/json");
	}

	// --- the fuzzer ---

	void fuzz(String method, String template, JsonNode operation) {
		ApiClient client = clientFor(template);
		String path = fill(template, Map.of());
		JsonNode content = operation.path("requestBody").path("content");
		boolean json = content.has("application/json");
		boolean multipart = content.has("multipart/form-data");
		if (json) {
			JsonNode schema = resolve(content.path("application/json").path("schema"));
			ObjectNode base = baseline(schema);
			for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").properties().iterator(); props
				.hasNext();) {
				var prop = props.next();
				JsonNode type = resolve(prop.getValue());
				for (JsonNode wrong : wrongValues(type)) {
					ObjectNode body = base.deepCopy();
					body.set(prop.getKey(), wrong);
					check(client, method, path, "application/json", body.toString(), true,
							prop.getKey() + "=" + abbreviate(wrong.toString()));
				}
				ObjectNode withNull = base.deepCopy();
				withNull.putNull(prop.getKey());
				check(client, method, path, "application/json", withNull.toString(), false, prop.getKey() + "=null");
			}
			check(client, method, path, "application/json", "", true, "an empty body");
			check(client, method, path, "application/json", "null", true, "null");
			check(client, method, path, "application/json", "[]", true, "an array");
			check(client, method, path, "application/json", "{\"a\":", true, "broken JSON");
			check(client, method, path, "application/json", "<org><name>x</name></org>", true, "XML as JSON");
			check(client, method, path, "application/xml", "<org><name>x</name></org>", true, "XML");
			check(client, method, path, "text/plain", "name=x", true, "text");
			check(client, method, path, "application/x-www-form-urlencoded", "name=x", true, "a form");
			check(client, method, path, null, base.toString(), true, "no Content-Type");
		}
		else if (multipart) {
			check(client, method, path, "application/json", "{\"file\":\"x\"}", true, "JSON instead of a file");
			check(client, method, path, "application/xml", "<file/>", true, "XML instead of a file");
			check(client, method, path, "multipart/form-data", "--x\r\n", true, "multipart without a boundary");
			for (var file : files().entrySet()) {
				check(client, method, path, "multipart/form-data; boundary=B",
						multipart(file.getKey(), file.getValue()), false, "file " + file.getKey());
			}
		}
		else {
			// No body is read: whatever is sent must still be answered below 500.
			check(client, method, path, "application/xml", "<x/>", false, "XML to an endpoint without a body");
			check(client, method, path, "application/json", "{\"a\":", false,
					"broken JSON to an endpoint without a body");
		}
		if (template.contains("{id}")) {
			for (String id : List.of("abc", "99999999999999999999", "-1", "1.5", "%E9%95%BF")) {
				check(client, method, fill(template, Map.of("id", id)), json ? "application/json" : null,
						json ? "{}" : null, true, "id " + id);
			}
		}
	}

	/**
	 * Logging out ends the session: that endpoint gets a session of its own each time.
	 */
	ApiClient clientFor(String template) {
		if (template.startsWith("/api/v1/auth/logout")) {
			return new ApiClient(port) {
				@Override
				public Response send(String method, String path, String contentType, byte[] body) {
					ApiClient fresh = BadInputTests.this.login(Role.SYSTEM_ADMIN, Optional.empty());
					return fresh.send(method, path, contentType, body);
				}
			};
		}
		if (template.startsWith("/api/v1/users")) {
			return security;
		}
		if (template.startsWith("/api/v1/audit")) {
			return auditor;
		}
		return system;
	}

	String fill(String template, Map<String, String> given) {
		String id = given.getOrDefault("id",
				template.startsWith("/api/v1/units") ? Long.toString(unitId)
						: template.startsWith("/api/v1/users") ? Long.toString(userId)
								: template.startsWith("/api/v1/rule-packs") ? "STD" : Long.toString(branch.id()));
		return template.replace("{id}", id).replace("{type}", "organizations");
	}

	void check(ApiClient client, String method, String path, String contentType, String body, boolean mustRefuse,
			String what) {
		check(client, method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
				mustRefuse, what);
	}

	void check(ApiClient client, String method, String path, String contentType, byte[] body, boolean mustRefuse,
			String what) {
		requests++;
		ApiClient.Response r = client.send(method, path, contentType, body);
		String where = method + " " + path + " (" + what + "): " + r.status();
		String type = r.raw().headers().firstValue("Content-Type").orElse("");
		if (r.status() >= 500) {
			failures.add(where + " " + abbreviate(r.raw().body()));
		}
		else if (r.status() >= 400 && (!type.contains("application/problem+json") || !chinese(r.detail()))) {
			failures.add(where + " is not a problem with a Chinese detail: " + type + " " + abbreviate(r.raw().body()));
		}
		else if (mustRefuse && r.status() < 400) {
			failures.add(where + " accepted a malformed request");
		}
	}

	static boolean chinese(String text) {
		return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	static String abbreviate(String s) {
		return s.length() <= 160 ? s : s.substring(0, 160) + "…";
	}

	// --- bodies from the schema ---

	JsonNode resolve(JsonNode schema) {
		if (schema.has("$ref")) {
			String name = schema.path("$ref").asString().replace("#/components/schemas/", "");
			return resolve(docs.path("components").path("schemas").path(name));
		}
		return schema;
	}

	/**
	 * A plausible body: each property of its type, so that one wrong field stands out.
	 */
	ObjectNode baseline(JsonNode schema) {
		ObjectNode body = NODES.objectNode();
		for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").properties().iterator(); props
			.hasNext();) {
			var prop = props.next();
			body.set(prop.getKey(), plausible(resolve(prop.getValue())));
		}
		return body;
	}

	JsonNode plausible(JsonNode type) {
		if (type.has("enum")) {
			return type.path("enum").get(0);
		}
		return switch (type.path("type").asString()) {
			case "integer", "number" -> NODES.numberNode(1);
			case "boolean" -> NODES.booleanNode(true);
			case "array" -> {
				ArrayNode a = NODES.arrayNode();
				JsonNode items = resolve(type.path("items"));
				if (items.has("enum")) {
					a.add(items.path("enum").get(0));
				}
				yield a;
			}
			case "object" -> NODES.objectNode();
			default -> "date".equals(type.path("format").asString()) ? NODES.stringNode("2020-05-04")
					: NODES.stringNode("坏输入测试");
		};
	}

	/** Values the property must refuse: the wrong JSON type, too long, an absurd date. */
	List<JsonNode> wrongValues(JsonNode type) {
		List<JsonNode> wrong = new ArrayList<>();
		String t = type.has("enum") ? "enum" : type.path("type").asString();
		boolean date = "date".equals(type.path("format").asString());
		switch (t) {
			case "integer", "number" -> {
				wrong.add(NODES.stringNode("不是数字"));
				wrong.add(NODES.objectNode());
				wrong.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999999")));
			}
			case "boolean" -> {
				wrong.add(NODES.stringNode("也许"));
				wrong.add(NODES.objectNode());
			}
			case "enum" -> {
				wrong.add(NODES.stringNode("NO_SUCH_VALUE"));
				wrong.add(NODES.objectNode());
			}
			case "array" -> {
				wrong.add(NODES.objectNode());
				ArrayNode bad = NODES.arrayNode();
				bad.add(NODES.objectNode());
				wrong.add(bad);
			}
			case "object" -> wrong.add(NODES.stringNode("不是对象"));
			default -> {
				wrong.add(NODES.objectNode());
				wrong.add(NODES.arrayNode().add(1));
				wrong.add(NODES.stringNode(LONG));
				if (date) {
					ABSURD_DATES.forEach(d -> wrong.add(NODES.stringNode(d)));
				}
			}
		}
		return wrong;
	}

	/**
	 * Files for multipart endpoints: wrong kinds, garbage, over-long cells, absurd dates.
	 */
	Map<String, Supplier<byte[]>> files() {
		Map<String, Supplier<byte[]>> files = new LinkedHashMap<>();
		files.put("程序.exe", () -> new byte[] { 0x4d, 0x5a, 0, 1 });
		files.put("坏.xlsx", () -> "这不是 xlsx".getBytes(StandardCharsets.UTF_8));
		files.put("坏.csv",
				() -> ("组织编码,组织名称,上级组织编码,组织类别,成立日期\n" + TestUsers.unique("BX") + "," + LONG + "," + root.code()
						+ ",团支部,-999999999-01-01\n" + TestUsers.unique("BX") + ",x," + root.code()
						+ ",团支部,0000-01-01\n")
					.getBytes(StandardCharsets.UTF_8));
		files.put("坏.yaml",
				() -> ("id: BAD\ntitle: " + "长".repeat(400) + "\nindicators: []\n").getBytes(StandardCharsets.UTF_8));
		files.put("空.csv", () -> new byte[0]);
		return files;
	}

	static byte[] multipart(String name, Supplier<byte[]> content) {
		byte[] head = ("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = "\r\n--B--\r\n".getBytes(StandardCharsets.UTF_8);
		byte[] body = content.get();
		byte[] all = new byte[head.length + body.length + tail.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(body, 0, all, head.length, body.length);
		System.arraycopy(tail, 0, all, head.length + body.length, tail.length);
		return all;
	}

}
