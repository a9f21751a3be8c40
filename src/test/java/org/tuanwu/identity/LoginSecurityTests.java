package org.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.TestUsers;
import org.tuanwu.support.WebTest;

@WebTest
class LoginSecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	ApiClient client() {
		return new ApiClient(port);
	}

	String sessionCookie(ApiClient c) {
		return c.cookie("TUANWU_SESSION").orElse("");
	}

	@Test
	void logsInWithTheRightPasswordAndRenewsTheSessionId() {
		String name = users.create(Role.SECURITY_ADMIN, Optional.empty(), false);
		ApiClient c = client();
		c.get("/api/v1/auth/csrf");
		c.get("/api/v1/auth/me"); // 401, but may create a session
		String before = sessionCookie(c);
		var login = c.post("/api/v1/auth/login", Map.of("username", name, "password", TestUsers.PASSWORD));
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().path("username").asString()).isEqualTo(name);
		assertThat(login.json().path("permissions").toString()).contains("user:manage");
		assertThat(sessionCookie(c)).isNotEmpty().isNotEqualTo(before);
		assertThat(c.get("/api/v1/auth/me").status()).isEqualTo(200);
	}

	@Test
	void refusesAWrongPasswordWithAChineseMessageAndAuditsIt() {
		String name = users.create(Role.ORG_ADMIN, Optional.of(users.root("登录测试团县委").id()), false);
		var r = client().login(name, "Wrong-Passw0rd!");
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.detail()).isEqualTo("用户名或密码错误");
		assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		long failures = jdbc.sql("SELECT count(*) FROM audit_event WHERE username = ? AND action = 'LOGIN_FAILURE'")
			.param(name)
			.query(Long.class)
			.single();
		assertThat(failures).isEqualTo(1);
	}

	@Test
	void anUnknownUserGetsTheSameAnswerAsAWrongPassword() {
		var r = client().login("nobody-" + System.nanoTime(), "Whatever-1!");
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.detail()).isEqualTo("用户名或密码错误");
	}

	@Test
	void locksTheAccountAfterFiveFailuresEvenForTheRightPassword() {
		String name = users.create(Role.SECURITY_ADMIN, Optional.empty(), false);
		for (int i = 1; i <= 4; i++) {
			assertThat(client().login(name, "Wrong-Passw0rd!").status()).as("failure %d", i).isEqualTo(401);
		}
		var fifth = client().login(name, "Wrong-Passw0rd!");
		assertThat(fifth.status()).isEqualTo(423);
		assertThat(fifth.detail()).contains("账户已锁定");
		var right = client().login(name, TestUsers.PASSWORD);
		assertThat(right.status()).isEqualTo(423);
	}

	@Test
	void aLockExpiresAfterItsTime() {
		String name = users.create(Role.SECURITY_ADMIN, Optional.empty(), false);
		jdbc.sql("UPDATE app_user SET locked_until = ? WHERE username = ?")
			.params(java.time.OffsetDateTime.now().minusMinutes(1), name)
			.update();
		assertThat(client().login(name, TestUsers.PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void refusesAWriteWithoutTheCsrfToken() {
		String name = users.create(Role.SECURITY_ADMIN, Optional.empty(), false);
		ApiClient c = client();
		assertThat(c.login(name, TestUsers.PASSWORD).status()).isEqualTo(200);
		var r = c.withoutCsrf()
			.post("/api/v1/users", Map.of("username", TestUsers.unique("u"), "displayName", "x", "roles",
					java.util.List.of("AUDIT_ADMIN")));
		assertThat(r.status()).isEqualTo(403);
		assertThat(r.code()).isEqualTo("auth.csrf");
	}

	@Test
	void logoutEndsTheSessionOnTheServer() throws Exception {
		String name = users.create(Role.AUDIT_ADMIN, Optional.empty(), false);
		ApiClient c = client();
		c.login(name, TestUsers.PASSWORD);
		String session = sessionCookie(c);
		// The replayed cookie works while the session lives, so the refusal below is the
		// logout's doing.
		assertThat(replay(session).statusCode()).isEqualTo(200);
		assertThat(c.post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);
		var after = replay(session);
		assertThat(after.statusCode()).isEqualTo(401);
		assertThat(after.body()).contains("未登录或会话已过期");
	}

	/** A plain request to /auth/me carrying only this session cookie. */
	java.net.http.HttpResponse<String> replay(String session) throws Exception {
		return java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/auth/me"))
				.header("Cookie", "TUANWU_SESSION=" + session)
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void anUnauthenticatedCallGetsAProblemNotALoginPage() {
		var r = client().get("/api/v1/orgs/roots");
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.code()).isEqualTo("auth.unauthenticated");
	}

	@Test
	void sessionsTimeOutAfterThirtyIdleMinutesByDefault(@Autowired org.springframework.core.env.Environment env) {
		assertThat(env.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
	}

	// First login: the forced password change.

	@Test
	void blocksEverythingButThePasswordChangeUntilDone() {
		String name = users.create(Role.SECURITY_ADMIN, Optional.empty(), true);
		ApiClient c = client();
		var login = c.login(name, TestUsers.PASSWORD);
		assertThat(login.json().path("mustChangePassword").asBoolean()).isTrue();
		var blocked = c.get("/api/v1/users");
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.code()).isEqualTo("auth.password-change-required");
		var changed = c.post("/api/v1/auth/password",
				Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "Brand-New-Pass9"));
		assertThat(changed.status()).isEqualTo(204);
		assertThat(c.get("/api/v1/users").status()).isEqualTo(200);
		assertThat(client().login(name, "Brand-New-Pass9").status()).isEqualTo(200);
	}

	@Test
	void refusesAPasswordThatBreaksThePolicyWithTheReasons() {
		String name = users.create(Role.SECURITY_ADMIN, Optional.empty(), true);
		ApiClient c = client();
		c.login(name, TestUsers.PASSWORD);
		var weak = c.post("/api/v1/auth/password",
				Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "abcdefgh"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.json().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
		assertThat(weak.detail()).contains("至少三类");
		var reused = c.post("/api/v1/auth/password",
				Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", TestUsers.PASSWORD));
		assertThat(reused.status()).isEqualTo(400);
		assertThat(reused.detail()).contains("最近");
		var wrongCurrent = c.post("/api/v1/auth/password",
				Map.of("currentPassword", "nope", "newPassword", "Brand-New-Pass9"));
		assertThat(wrongCurrent.status()).isEqualTo(400);
		assertThat(wrongCurrent.detail()).contains("当前密码不正确");
	}

}
