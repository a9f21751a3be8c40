package org.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.TestUsers;
import org.tuanwu.support.WebTest;

/**
 * Behind a TLS proxy, headers, and the audit of refused requests (bounded, with sanitised
 * usernames).
 */
@WebTest
class WebHardeningTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The proxy (this machine, trusted) says the browser spoke https: the session and
	 * CSRF cookies are Secure and HSTS is sent; the client address is the forwarded one.
	 */
	@Test
	void behindATlsProxyTheCookiesAreSecureAndHstsIsSent() throws Exception {
		String name = users.create(Role.AUDIT_ADMIN, Optional.empty(), false);
		String address = ClientAddresses.unique();
		ApiClient viaTls = new ApiClient(port).from(address).withHeader("X-Forwarded-Proto", "https");
		var csrf = viaTls.get("/api/v1/auth/csrf");
		assertThat(csrf.raw().headers().firstValue("Strict-Transport-Security").orElse(""))
			.contains("max-age=31536000");
		String token = csrf.json().path("token").asString();
		// The client's cookie store keeps Secure cookies from plain http; send them by
		// hand.
		HttpResponse<String> login = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/login"))
				.header("Content-Type", "application/json")
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-For", address)
				.header("Cookie", "XSRF-TOKEN=" + token)
				.header("X-XSRF-TOKEN", token)
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"username\":\"" + name + "\",\"password\":\"" + TestUsers.PASSWORD + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(200);
		List<String> cookies = login.headers().allValues("Set-Cookie");
		assertThat(cookies).filteredOn(c -> c.startsWith("TUANWU_SESSION="))
			.singleElement()
			.satisfies(c -> assertThat(c).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));
		assertThat(cookies).filteredOn(c -> c.startsWith("XSRF-TOKEN=") && !c.startsWith("XSRF-TOKEN=;"))
			.allSatisfy(c -> assertThat(c).contains("Secure"));
		assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(jdbc.sql("SELECT ip FROM audit_event WHERE username = ? AND action = 'LOGIN_SUCCESS'")
			.param(name)
			.query(String.class)
			.single()).isEqualTo(address);
	}

	@Test
	void overPlainHttpNeitherSecureCookiesNorHsts() {
		String name = users.create(Role.AUDIT_ADMIN, Optional.empty(), false);
		ApiClient plain = new ApiClient(port).from(ClientAddresses.unique());
		var login = plain.login(name, TestUsers.PASSWORD);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.raw().headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(login.raw().headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("TUANWU_SESSION="))
			.singleElement()
			.satisfies(c -> assertThat(c).doesNotContain("Secure"));
	}

	@Test
	void theContentSecurityPolicyLimitsBaseAndFormTargets() {
		var r = new ApiClient(port).get("/api/v1/auth/csrf");
		String csp = r.raw().headers().firstValue("Content-Security-Policy").orElse("");
		assertThat(csp).contains("default-src 'self'").contains("base-uri 'self'").contains("form-action 'self'");
	}

	@Test
	void refusedAccessesAreAuditedAtMostTwentyAMinutePerUser() {
		OrgDetail mine = users.root("拒绝审计本县团委");
		OrgDetail theirs = users.root("拒绝审计他县团委");
		String name = users.create(Role.ORG_ADMIN, Optional.of(mine.id()), false);
		ApiClient admin = new ApiClient(port).from(ClientAddresses.unique());
		admin.login(name, TestUsers.PASSWORD);
		var outside = admin.get("/api/v1/orgs/" + theirs.id());
		assertThat(outside.status()).isEqualTo(404);
		var forbidden = admin.get("/api/v1/audit");
		assertThat(forbidden.status()).isEqualTo(403);
		List<String> summaries = jdbc
			.sql("SELECT summary FROM audit_event WHERE username = ? AND action = 'ACCESS_REFUSED' ORDER BY id")
			.param(name)
			.query(String.class)
			.list();
		assertThat(summaries).containsExactly("拒绝访问：GET /api/v1/orgs/" + theirs.id() + " → 404 org.not-found",
				"拒绝访问：GET /api/v1/audit → 403 auth.forbidden");
		// A flood: 30 more refusals in the same minute leave 20 entries and one note.
		for (int i = 0; i < 30; i++) {
			assertThat(admin.get("/api/v1/audit").status()).isEqualTo(403);
		}
		assertThat(count(name, "ACCESS_REFUSED")).isEqualTo(20);
		assertThat(count(name, "REFUSALS_SUPPRESSED")).isEqualTo(1);
	}

	@Test
	void aCsrfFailureIsAudited() {
		String name = users.create(Role.SECURITY_ADMIN, Optional.empty(), false);
		ApiClient c = new ApiClient(port).from(ClientAddresses.unique());
		c.login(name, TestUsers.PASSWORD);
		assertThat(c.withoutCsrf().post("/api/v1/users", Map.of()).status()).isEqualTo(403);
		assertThat(jdbc.sql("SELECT summary FROM audit_event WHERE username = ? AND action = 'CSRF_REFUSED'")
			.param(name)
			.query(String.class)
			.single()).isEqualTo("缺少有效的 CSRF 令牌：POST /api/v1/users");
	}

	/**
	 * A typed username goes into the audit log without control or bidi characters (a NUL
	 * would make PostgreSQL refuse the row, and the login a 500). A longer one than a
	 * username may be is refused before any login is tried.
	 */
	@Test
	void aTypedUsernameIsSanitisedForTheAuditLog() {
		String address = ClientAddresses.unique();
		String typed = "evil\u0000\u202Ename\n" + "x".repeat(53);
		var r = new ApiClient(port).from(address).login(typed, "Wrong-Passw0rd!");
		assertThat(r.status()).isEqualTo(401);
		String logged = jdbc.sql("SELECT username FROM audit_event WHERE action = 'LOGIN_FAILURE' AND ip = ?")
			.param(address)
			.query(String.class)
			.single();
		assertThat(logged).startsWith("evil??name?xxx").hasSize(64).doesNotContainPattern("\\p{Cntrl}|\\p{Cf}");
	}

	long count(String username, String action) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE username = ? AND action = ?")
			.params(username, action)
			.query(Long.class)
			.single();
	}

}
