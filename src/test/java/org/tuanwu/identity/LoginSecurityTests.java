package org.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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

	static final String WRONG = "Wrong-Passw0rd!";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	/** A browser at an address of its own, so that per-address counts are its own. */
	ApiClient client() {
		return new ApiClient(port).from(ClientAddresses.unique());
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
	void theUsernameMatchesInAnyCase() {
		String name = users.create(Role.AUDIT_ADMIN, Optional.empty(), false);
		var login = client().login(name.toUpperCase(), TestUsers.PASSWORD);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().path("username").asString()).isEqualTo(name);
	}

	@Test
	void refusesAWrongPasswordWithAChineseMessageAndAuditsIt() {
		String name = users.create(Role.ORG_ADMIN, Optional.of(users.root("登录测试团县委").id()), false);
		var r = client().login(name, WRONG);
		assertThat(r.status()).isEqualTo(401);
		assertThat(r.detail()).isEqualTo("用户名或密码错误");
		assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(auditCount(name, "LOGIN_FAILURE")).isEqualTo(1);
	}

	@Test
	void locksTheAccountAfterFiveFailuresEvenForTheRightPassword() {
		String name = users.create(Role.SECURITY_ADMIN, Optional.empty(), false);
		for (int i = 1; i <= 4; i++) {
			assertThat(client().login(name, WRONG).status()).as("failure %d", i).isEqualTo(401);
		}
		var fifth = client().login(name, WRONG);
		assertThat(fifth.status()).isEqualTo(423);
		assertThat(fifth.detail()).contains("账户已锁定");
		var right = client().login(name, TestUsers.PASSWORD);
		assertThat(right.status()).isEqualTo(423);
	}

	/**
	 * Whether a username exists cannot be told from the answers: the same statuses, codes
	 * and messages, the fifth failure locking both (the lock's end time masked, being a
	 * clock reading).
	 */
	@Test
	void anUnknownUsernameIsAnsweredAndLockedExactlyAsAKnownOne() {
		String known = users.create(Role.SECURITY_ADMIN, Optional.empty(), false);
		String unknown = TestUsers.unique("nobody_");
		List<String> knownAnswers = new ArrayList<>();
		List<String> unknownAnswers = new ArrayList<>();
		for (int i = 1; i <= 6; i++) {
			knownAnswers.add(answer(client().login(known, WRONG)));
			unknownAnswers.add(answer(client().login(unknown, WRONG)));
		}
		String wrong = "401 auth.bad-credentials 用户名或密码错误";
		String locked = "423 auth.locked 连续登录失败次数过多，账户已锁定，请于 HH:mm 后重试";
		assertThat(knownAnswers).containsExactly(wrong, wrong, wrong, wrong, locked, locked);
		assertThat(unknownAnswers).isEqualTo(knownAnswers);
		// The failures of the unknown name were counted without creating a user.
		assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username_key = ?")
			.param(unknown.toLowerCase())
			.query(Long.class)
			.single()).isZero();
	}

	static String answer(ApiClient.Response r) {
		return r.status() + " " + r.code() + " " + r.detail().replaceAll("\\d\\d:\\d\\d", "HH:mm");
	}

	@Test
	void aLockExpiresAfterItsTime() {
		String name = users.create(Role.SECURITY_ADMIN, Optional.empty(), false);
		for (int i = 1; i <= 5; i++) {
			client().login(name, WRONG);
		}
		assertThat(client().login(name, TestUsers.PASSWORD).status()).isEqualTo(423);
		jdbc.sql("UPDATE login_failure SET locked_until = ? WHERE username_key = ?")
			.params(OffsetDateTime.now().minusMinutes(1), name.toLowerCase())
			.update();
		assertThat(client().login(name, TestUsers.PASSWORD).status()).isEqualTo(200);
		// The success forgot the failures: one more wrong password does not lock again.
		assertThat(client().login(name, WRONG).status()).isEqualTo(401);
	}

	@Test
	void aTooLongPasswordIsRefusedNotAServerError() {
		String name = users.create(Role.SECURITY_ADMIN, Optional.empty(), false);
		String eightyBytes = "Aa1!" + "x".repeat(76);
		assertThat(client().login(name, eightyBytes).status()).isEqualTo(401);
		ApiClient c = client();
		c.login(name, TestUsers.PASSWORD);
		var change = c.post("/api/v1/auth/password",
				Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", eightyBytes));
		assertThat(change.status()).isEqualTo(400);
		assertThat(change.detail()).contains("8–64 个字符");
		// 30 characters, but 81 bytes: bcrypt would read only the first 72.
		var chinese = c.post("/api/v1/auth/password",
				Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "Qx7!" + "团".repeat(26) + "z"));
		assertThat(chinese.status()).isEqualTo(400);
		assertThat(chinese.detail()).contains("72 字节");
	}

	@Test
	void refusesAWriteWithoutTheCsrfToken() {
		String name = users.create(Role.SECURITY_ADMIN, Optional.empty(), false);
		ApiClient c = client();
		assertThat(c.login(name, TestUsers.PASSWORD).status()).isEqualTo(200);
		var r = c.withoutCsrf()
			.post("/api/v1/users", Map.of("username", TestUsers.unique("u"), "displayName", "x", "roles",
					java.util.List.of("ORG_ADMIN")));
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
		// The session is gone from the database every node reads.
		assertThat(sessionsOf(name)).isZero();
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

	/**
	 * Sessions live in the database; moving a session's last access back in time shows
	 * the idle timeout without waiting for it: idle 29 minutes it still works, idle 31 it
	 * has ended.
	 */
	@Test
	void aSessionEndsAfterThirtyIdleMinutes() {
		String name = users.create(Role.AUDIT_ADMIN, Optional.empty(), false);
		ApiClient c = client();
		c.login(name, TestUsers.PASSWORD);
		assertThat(sessionsOf(name)).isEqualTo(1);
		idleFor(name, Duration.ofMinutes(29));
		assertThat(c.get("/api/v1/auth/me").status()).isEqualTo(200);
		idleFor(name, Duration.ofMinutes(31));
		var expired = c.get("/api/v1/auth/me");
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.code()).isEqualTo("auth.unauthenticated");
	}

	void idleFor(String username, Duration idle) {
		long lastAccess = Instant.now().minus(idle).toEpochMilli();
		jdbc.sql("UPDATE spring_session SET last_access_time = ?, expiry_time = ? WHERE principal_name = ?")
			.params(lastAccess, lastAccess + Duration.ofMinutes(30).toMillis(), username)
			.update();
	}

	long sessionsOf(String username) {
		return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	long auditCount(String username, String action) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE username = ? AND action = ?")
			.params(username, action)
			.query(Long.class)
			.single();
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
		var common = c.post("/api/v1/auth/password",
				Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "Password1"));
		assertThat(common.status()).isEqualTo(400);
		assertThat(common.detail()).contains("过于常见");
		var withName = c.post("/api/v1/auth/password",
				Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "Q7!" + name.toUpperCase()));
		assertThat(withName.status()).isEqualTo(400);
		assertThat(withName.detail()).contains("不能包含用户名");
		var reused = c.post("/api/v1/auth/password",
				Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", TestUsers.PASSWORD));
		assertThat(reused.status()).isEqualTo(400);
		assertThat(reused.detail()).contains("最近");
		var wrongCurrent = c.post("/api/v1/auth/password",
				Map.of("currentPassword", "nope", "newPassword", "Brand-New-Pass9"));
		assertThat(wrongCurrent.status()).isEqualTo(400);
		assertThat(wrongCurrent.detail()).contains("当前密码不正确");
	}

	@Test
	void aPasswordChangeEndsTheOtherSessionsButNotThisOne() {
		String name = users.create(Role.AUDIT_ADMIN, Optional.empty(), false);
		ApiClient here = client();
		ApiClient elsewhere = client();
		here.login(name, TestUsers.PASSWORD);
		elsewhere.login(name, TestUsers.PASSWORD);
		assertThat(elsewhere.get("/api/v1/auth/me").status()).isEqualTo(200);
		String before = sessionCookie(here);
		var changed = here.post("/api/v1/auth/password",
				Map.of("currentPassword", TestUsers.PASSWORD, "newPassword", "Quiet-River-82"));
		assertThat(changed.status()).isEqualTo(204);
		assertThat(here.get("/api/v1/auth/me").status()).isEqualTo(200);
		assertThat(sessionCookie(here)).isNotEqualTo(before);
		var ended = elsewhere.get("/api/v1/auth/me");
		assertThat(ended.status()).isEqualTo(401);
		assertThat(ended.code()).isEqualTo("auth.session-ended");
		assertThat(client().login(name, "Quiet-River-82").status()).isEqualTo(200);
	}

}
