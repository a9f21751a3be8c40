package org.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.TestUsers;
import org.tuanwu.support.WebTest;

/**
 * Failed logins per client address: past {@code tuanwu.security.address-max-failures}
 * (30) within the window the address gets 429 with Retry-After, even with the right
 * password; other addresses are not affected.
 */
@WebTest
class LoginThrottleTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAddressWithTooManyFailuresGets429UntilItsWindowEnds() {
		String name = users.create(Role.AUDIT_ADMIN, Optional.empty(), false);
		String address = ClientAddresses.unique();
		ApiClient attacker = new ApiClient(port).from(address);
		// Failures at several usernames count against the address (unknown ones too).
		for (int i = 0; i < 3; i++) {
			assertThat(attacker.login(TestUsers.unique("spray_"), "Wrong-Passw0rd!").status()).isEqualTo(401);
		}
		assertThat(failuresOf(address)).isEqualTo(3);
		// 26 more failures as if sent by now (the counting itself is shown above).
		jdbc.sql("UPDATE rate_counter SET hits = hits + 26 WHERE name = ?").param("login-address:" + address).update();
		assertThat(attacker.login(TestUsers.unique("spray_"), "Wrong-Passw0rd!").status()).as("the 30th failure")
			.isEqualTo(401);

		var throttled = attacker.login(name, TestUsers.PASSWORD);
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.code()).isEqualTo("auth.throttled");
		assertThat(throttled.detail()).contains("登录失败次数过多").contains("分钟后再试");
		long retryAfter = Long.parseLong(throttled.raw().headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 15 * 60L);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'LOGIN_THROTTLED' AND ip = ?")
			.param(address)
			.query(Long.class)
			.single()).isEqualTo(1);

		// Another address logs in as usual.
		assertThat(new ApiClient(port).from(ClientAddresses.unique()).login(name, TestUsers.PASSWORD).status())
			.isEqualTo(200);
		// Once the window has ended, so does the attacker's address.
		jdbc.sql("UPDATE rate_counter SET expires_at = ? WHERE name = ?")
			.params(OffsetDateTime.now().minusSeconds(1), "login-address:" + address)
			.update();
		assertThat(attacker.login(name, TestUsers.PASSWORD).status()).isEqualTo(200);
	}

	int failuresOf(String address) {
		return jdbc.sql("SELECT hits FROM rate_counter WHERE name = ?")
			.param("login-address:" + address)
			.query(Integer.class)
			.single();
	}

}
