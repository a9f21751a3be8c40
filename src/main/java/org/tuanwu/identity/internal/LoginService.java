package org.tuanwu.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.shared.FieldError;
import org.tuanwu.shared.Problem;

/** Checks credentials, counts failures, locks accounts and changes passwords. */
@Service
class LoginService {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final UserStore users;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final SecuritySettings settings;

	private final Clock clock;

	/**
	 * Compared against when the user does not exist, so that a wrong username costs as
	 * long as a wrong password.
	 */
	private final String decoyHash;

	LoginService(UserStore users, PasswordEncoder encoder, AuditLog audit, SecuritySettings settings, Clock clock) {
		this.users = users;
		this.encoder = encoder;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
		this.decoyHash = encoder.encode(PasswordPolicy.oneTimePassword());
	}

	/**
	 * The account when the credentials are right; otherwise a refusal (401, or 423 while
	 * locked).
	 */
	UserAccount authenticate(String username, String password, String ip) {
		Instant now = clock.instant();
		Optional<UserAccount> found = users.findByUsername(username);
		if (found.isEmpty()) {
			encoder.matches(password, decoyHash);
			fail(username, ip, "用户不存在");
			throw wrongCredentials();
		}
		UserAccount user = found.get();
		if (user.lockedAt(now)) {
			fail(username, ip, "账户已锁定");
			throw locked(user.lockedUntil().orElse(now));
		}
		if (!encoder.matches(password, user.passwordHash())) {
			int failures = user.failedAttempts() + 1;
			if (failures >= settings.maxFailedAttempts()) {
				Instant until = now.plus(settings.lockout());
				users.recordFailure(user.id(), 0, Optional.of(until));
				fail(username, ip, "密码错误，连续失败 " + failures + " 次，账户锁定至 " + time(until));
				throw locked(until);
			}
			users.recordFailure(user.id(), failures, Optional.empty());
			fail(username, ip, "密码错误（第 " + failures + " 次）");
			throw wrongCredentials();
		}
		if (!user.enabled()) {
			fail(username, ip, "账户已停用");
			throw new Problem(401, "auth.disabled", "该账户已停用，请联系安全管理员");
		}
		users.recordSuccess(user.id(), now);
		audit.record(username, Optional.of(ip), AuditEntry.of("LOGIN_SUCCESS", "登录成功"));
		return user;
	}

	@Transactional
	void changePassword(Actor actor, String current, String next) {
		UserAccount user = users.findById(actor.userId())
			.orElseThrow(() -> new Problem(401, "auth.unauthenticated", "未登录或会话已过期，请重新登录"));
		if (!encoder.matches(current, user.passwordHash())) {
			throw FieldError.invalid("auth.password-invalid", Map.of("currentPassword", "当前密码不正确"));
		}
		List<String> reasons = PasswordPolicy.violations(user.username(), next,
				users.recentPasswordHashes(user.id(), settings.passwordHistory()), encoder);
		if (!reasons.isEmpty()) {
			throw FieldError.invalid("auth.password-policy", Map.of("newPassword", String.join("；", reasons)));
		}
		users.changePassword(user.id(), encoder.encode(next), false, clock.instant());
		audit.record(actor, new AuditEntry("PASSWORD_CHANGED", Optional.empty(), "USER", Long.toString(user.id()),
				"修改密码", List.of()));
	}

	private void fail(String username, String ip, String reason) {
		audit.record(username, Optional.of(ip), AuditEntry.of("LOGIN_FAILURE", "登录失败：" + reason));
	}

	private static Problem wrongCredentials() {
		return new Problem(401, "auth.bad-credentials", "用户名或密码错误");
	}

	private static Problem locked(Instant until) {
		return new Problem(423, "auth.locked", "连续登录失败次数过多，账户已锁定，请于 " + time(until) + " 后重试");
	}

	private static String time(Instant instant) {
		return LocalTime.ofInstant(instant, SHANGHAI).format(DateTimeFormatter.ofPattern("HH:mm"));
	}

}
