package org.tuanwu.identity.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.Role;

/**
 * On the first start of the server (no users yet) creates the three separated
 * administrators, each with a random one-time password printed once to the console and a
 * forced change at first login. There is no default password anywhere.
 */
@Component
class FirstStart {

	record Account(String username, String displayName, Role role) {
	}

	static final List<Account> ACCOUNTS = List.of(new Account("admin", "系统管理员", Role.SYSTEM_ADMIN),
			new Account("security", "安全管理员", Role.SECURITY_ADMIN), new Account("auditor", "审计管理员", Role.AUDIT_ADMIN));

	private final UserStore users;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Clock clock;

	FirstStart(UserStore users, PasswordEncoder encoder, AuditLog audit, Clock clock) {
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	/** Creates the administrators if there are no users; returns whether it did. */
	@Transactional
	boolean createAdministratorsIfNone(PrintStream console) {
		if (users.count() > 0) {
			return false;
		}
		StringBuilder text = new StringBuilder("\n================ 团务通 首次启动 / first start ================\n")
			.append("已创建以下管理员账户，一次性密码仅显示这一次，首次登录后须修改：\n")
			.append("These accounts were created; each one-time password is shown only now and must be changed at first login:\n");
		for (Account account : ACCOUNTS) {
			String password = PasswordPolicy.oneTimePassword();
			long id = users.insert(account.username(), account.displayName(), encoder.encode(password),
					Optional.empty(), Set.of(account.role()), clock.instant());
			audit.record("system", Optional.empty(), new AuditEntry("USER_CREATED", Optional.empty(), "USER",
					Long.toString(id), "首次启动创建 " + account.displayName() + " " + account.username(), List.of()));
			text.append(String.format("  %-10s %-8s %s%n", account.username(), account.displayName(), password));
		}
		text.append("================================================================\n");
		console.println(text);
		return true;
	}

}
