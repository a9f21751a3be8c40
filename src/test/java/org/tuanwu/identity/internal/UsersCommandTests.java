package org.tuanwu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Role;
import org.tuanwu.shared.Command;
import org.tuanwu.support.TestUsers;

/** The {@code users} command: the only way to keep a 三员 account. */
@DatabaseTest
class UsersCommandTests {

	@Autowired
	List<Command> commands;

	@Autowired
	UserStore users;

	@Autowired
	LoginAttempts attempts;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JdbcClient jdbc;

	ByteArrayOutputStream out;

	ByteArrayOutputStream err;

	@BeforeEach
	void streams() {
		out = new ByteArrayOutputStream();
		err = new ByteArrayOutputStream();
	}

	int run(String... args) {
		Command users = commands.stream().filter(c -> c.name().equals("users")).findFirst().orElseThrow();
		return users.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	String osUser() {
		return "cli:" + System.getProperty("user.name", "unknown");
	}

	UserAccount account(String username) {
		return users.findByUsernameKey(Usernames.key(username)).orElseThrow();
	}

	long audited(String action, UserAccount user) {
		return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND target_id = ? AND username = ?")
			.params(action, Long.toString(user.id()), osUser())
			.query(Long.class)
			.single();
	}

	@Test
	void createsAnAuditAdministratorWithAOneTimePassword() {
		String name = TestUsers.unique("auditor_");
		assertThat(run("create", "--role", "AUDIT_ADMIN", "--username", name, "--name", "审计员")).isZero();
		String password = out().lines().reduce((a, b) -> b).orElseThrow();
		UserAccount created = account(name);
		assertThat(created.roles()).containsExactly(Role.AUDIT_ADMIN);
		assertThat(created.mustChangePassword()).isTrue();
		assertThat(created.scopeOrgId()).isEmpty();
		assertThat(password).hasSize(16);
		assertThat(encoder.matches(password, created.passwordHash())).isTrue();
		assertThat(audited("USER_CREATED", created)).isEqualTo(1);
		assertThat(run("list")).isZero();
		assertThat(out()).contains(name + "\t审计员\tAUDIT_ADMIN\t全部组织\t正常，须改密码");
	}

	@Test
	void oneAccountHoldsOneSeparatedRoleOnly() {
		String name = TestUsers.unique("twohats_");
		assertThat(run("create", "--role", "SYSTEM_ADMIN,AUDIT_ADMIN", "--username", name, "--name", "x")).isEqualTo(2);
		assertThat(run("create", "--role", "SYSTEM_ADMIN", "--role", "AUDIT_ADMIN", "--username", name, "--name", "x"))
			.isEqualTo(2);
		assertThat(run("create", "--role", "ORG_ADMIN", "--username", name, "--name", "x")).isEqualTo(2);
		assertThat(err()).contains("只能是 SYSTEM_ADMIN、SECURITY_ADMIN、AUDIT_ADMIN 之一");
		assertThat(users.findByUsernameKey(Usernames.key(name))).isEmpty();
	}

	@Test
	void refusesATakenNameIgnoringCaseWithExitOne() {
		String name = TestUsers.unique("Sec_");
		assertThat(run("create", "--role=SECURITY_ADMIN", "--username=" + name, "--name=安全员")).isZero();
		assertThat(run("create", "--role=SECURITY_ADMIN", "--username=" + name.toLowerCase(), "--name=安全员"))
			.isEqualTo(1);
		assertThat(err()).contains("已被使用");
	}

	@Test
	void resetsUnlocksDisablesAndEnablesAnAccount() {
		String name = TestUsers.unique("sys_");
		run("create", "--role", "SYSTEM_ADMIN", "--username", name, "--name", "系统员");
		UserAccount before = account(name);
		for (int i = 0; i < 5; i++) {
			attempts.recordFailure(Usernames.key(name), 5, java.time.Duration.ofMinutes(15), java.time.Instant.now());
		}
		assertThat(account(name).lockedAt(java.time.Instant.now())).isTrue();

		assertThat(run("unlock", name.toUpperCase())).isZero();
		assertThat(account(name).lockedAt(java.time.Instant.now())).isFalse();
		assertThat(audited("USER_UNLOCKED", before)).isEqualTo(1);

		out.reset();
		assertThat(run("reset-password", name)).isZero();
		String password = out().lines().reduce((a, b) -> b).orElseThrow();
		UserAccount reset = account(name);
		assertThat(encoder.matches(password, reset.passwordHash())).isTrue();
		assertThat(reset.mustChangePassword()).isTrue();
		assertThat(reset.sessionEpoch()).isEqualTo(before.sessionEpoch() + 1);
		assertThat(audited("USER_PASSWORD_RESET", before)).isEqualTo(1);

		assertThat(run("disable", name)).isZero();
		assertThat(account(name).enabled()).isFalse();
		assertThat(account(name).sessionEpoch()).isEqualTo(before.sessionEpoch() + 2);
		assertThat(run("enable", name)).isZero();
		assertThat(account(name).enabled()).isTrue();
		assertThat(audited("USER_UPDATED", before)).isEqualTo(2);
	}

	@Test
	void wrongUsageExitsTwoAndAnUnknownUserOne() {
		assertThat(run()).isEqualTo(2);
		assertThat(run("promote", "x")).isEqualTo(2);
		assertThat(run("unlock")).isEqualTo(2);
		assertThat(run("create", "--role", "AUDIT_ADMIN")).isEqualTo(2);
		assertThat(err()).contains("用法");
		assertThat(run("disable", TestUsers.unique("nobody_"))).isEqualTo(1);
		assertThat(err()).contains("不存在");
	}

	@Test
	void listsOrdinaryUsersToo() {
		String name = TestUsers.unique("plain_");
		users.insert(name, "普通用户", encoder.encode(TestUsers.PASSWORD), Optional.empty(),
				java.util.Set.of(Role.PARTY_REVIEWER), java.time.Instant.now());
		assertThat(run("list")).isZero();
		assertThat(out()).contains(name + "\t普通用户\tPARTY_REVIEWER");
	}

}
