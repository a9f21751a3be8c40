package org.tuanwu.identity.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.AuditLog.Change;
import org.tuanwu.identity.Role;
import org.tuanwu.shared.FieldError;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * Accounts as the operator of the server keeps them, with the {@code users} command: the
 * only place where a separated administrator (三员) account is created, reset, unlocked,
 * disabled or enabled. Whoever runs the jar can read its database, so no permission is
 * asked; every change is audited under the operator's name ({@code cli:<os user>}).
 */
@Service
class OperatorAccounts {

	private final UserStore users;

	private final LoginAttempts attempts;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Clock clock;

	OperatorAccounts(UserStore users, LoginAttempts attempts, PasswordEncoder encoder, AuditLog audit, Clock clock) {
		this.users = users;
		this.attempts = attempts;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	record Created(UserAccount user, String oneTimePassword) {
	}

	List<UserAccount> list() {
		return users.search("");
	}

	/**
	 * A new 三员 account with exactly this one role (separation of duties: no account holds
	 * two of them, nor one of them and another role) and a one-time password.
	 */
	@Transactional
	Created create(Actor operator, Role role, String username, String displayName) {
		if (!role.isSeparatedAdministrator()) {
			throw Problem.badRequest("user.not-separated-admin", Text.of(
					"users create 只创建三员账户（SYSTEM_ADMIN、SECURITY_ADMIN、AUDIT_ADMIN）；其他用户由安全管理员或团组织管理员在网页中创建",
					"users create only creates the separated administrators (SYSTEM_ADMIN, SECURITY_ADMIN, AUDIT_ADMIN); other users are created in the web app by a security administrator or an org administrator"));
		}
		UserAdministration.usernameProblem(users, username).ifPresent(m -> {
			throw FieldError.invalid("user.invalid", Map.of("username", m));
		});
		if (displayName.isBlank()) {
			throw FieldError.invalid("user.invalid",
					Map.of("displayName", Text.of("请填写姓名（--name）", "Enter the name (--name)")));
		}
		String password = PasswordPolicy.oneTimePassword();
		long id = users.insert(username, displayName.strip(), encoder.encode(password), Optional.empty(), Set.of(role),
				clock.instant());
		audit.record(operator, new AuditEntry("USER_CREATED", Optional.empty(), "USER", Long.toString(id),
				"命令行新建三员账户 " + username, List.of(new Change("roles", "", role.name()))));
		return new Created(users.findById(id).orElseThrow(), password);
	}

	/** A new one-time password; the account's sessions end and its lock is lifted. */
	@Transactional
	String resetPassword(Actor operator, String username) {
		UserAccount user = find(username);
		String password = PasswordPolicy.oneTimePassword();
		users.changePassword(user.id(), encoder.encode(password), true, clock.instant());
		attempts.clear(Usernames.key(user.username()));
		audit.record(operator, new AuditEntry("USER_PASSWORD_RESET", user.scopeOrgId(), "USER",
				Long.toString(user.id()), "命令行重置用户 " + user.username() + " 的密码（其会话已结束）", List.of()));
		return password;
	}

	@Transactional
	void unlock(Actor operator, String username) {
		UserAccount user = find(username);
		attempts.clear(Usernames.key(user.username()));
		audit.record(operator, new AuditEntry("USER_UNLOCKED", user.scopeOrgId(), "USER", Long.toString(user.id()),
				"命令行解锁用户 " + user.username(), List.of()));
	}

	/** Disables (and ends the sessions of) or enables the account. */
	@Transactional
	void setEnabled(Actor operator, String username, boolean enabled) {
		UserAccount user = find(username);
		users.setEnabled(user.id(), enabled);
		audit.record(operator,
				new AuditEntry("USER_UPDATED", user.scopeOrgId(), "USER", Long.toString(user.id()),
						"命令行" + (enabled ? "启用" : "停用") + "用户 " + user.username() + (enabled ? "" : "（其会话已结束）"),
						List.of(new Change("enabled", Boolean.toString(user.enabled()), Boolean.toString(enabled)))));
	}

	private UserAccount find(String username) {
		return users.findByUsernameKey(Usernames.key(username))
			.orElseThrow(() -> Problem.notFound("user.not-found",
					Text.of("用户 {0} 不存在", "User {0} does not exist", Usernames.forAudit(username))));
	}

}
