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
import org.tuanwu.shared.Text;

/**
 * Checks credentials and changes passwords.
 * <p>
 * A login costs one password hash comparison whatever happens next, and a username that
 * belongs to nobody is counted, locked and answered exactly as a real one: the answer
 * (status, code, message) and its cost tell nothing about who exists. Failures are
 * counted in the database per username ({@link LoginAttempts}) and per client address
 * ({@link LoginThrottle}), so parallel guesses and several nodes count alike.
 */
@Service
class LoginService {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	/**
	 * Compared in place of a password too long for bcrypt, so that it costs the same.
	 */
	private static final String TOO_LONG_STAND_IN = "too-long-password-stand-in";

	private final UserStore users;

	private final LoginAttempts attempts;

	private final LoginThrottle throttle;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final SecuritySettings settings;

	private final Clock clock;

	/**
	 * Compared against when the user does not exist, so that a wrong username costs as
	 * long as a wrong password.
	 */
	private final String decoyHash;

	LoginService(UserStore users, LoginAttempts attempts, LoginThrottle throttle, PasswordEncoder encoder,
			AuditLog audit, SecuritySettings settings, Clock clock) {
		this.users = users;
		this.attempts = attempts;
		this.throttle = throttle;
		this.encoder = encoder;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
		this.decoyHash = encoder.encode(PasswordPolicy.oneTimePassword());
	}

	/**
	 * The account when the credentials are right; otherwise a refusal: 401, 423 while the
	 * username is locked, 429 while the address is throttled.
	 */
	UserAccount authenticate(String typedUsername, String password, String address) {
		Instant now = clock.instant();
		throttle.check(address, now);
		String key = Usernames.key(typedUsername);
		Optional<UserAccount> found = users.findByUsernameKey(key);
		// Always one comparison, also for an unknown or locked username.
		boolean passwordRight = matches(password, found.map(UserAccount::passwordHash).orElse(decoyHash))
				&& found.isPresent();
		String auditName = found.map(UserAccount::username).orElse(Usernames.forAudit(typedUsername));
		Optional<Instant> locked = attempts.lockedUntil(key, now);
		if (locked.isPresent()) {
			refuse(auditName, address, now, "账户已锁定");
			throw locked(locked.get());
		}
		if (!passwordRight) {
			LoginAttempts.Failure failure = attempts.recordFailure(key, settings.maxFailedAttempts(),
					settings.lockout(), now);
			String reason = (found.isPresent() ? "密码错误" : "用户不存在") + "（第 " + failure.attempts() + " 次）";
			refuse(auditName, address, now, failure.lockedUntil().map(u -> reason + "，锁定至 " + time(u)).orElse(reason));
			throw failure.lockedUntil().map(LoginService::locked).orElseGet(LoginService::wrongCredentials);
		}
		if (!attempts.clearUnlessLocked(key, now)) {
			// A failure on another request locked the username while this one was
			// checked.
			refuse(auditName, address, now, "账户已锁定");
			throw locked(attempts.lockedUntil(key, now).orElse(now.plus(settings.lockout())));
		}
		UserAccount user = found.get();
		if (!user.enabled()) {
			refuse(auditName, address, now, "账户已停用");
			throw new Problem(401, "auth.disabled",
					Text.of("该账户已停用，请联系安全管理员", "This account is disabled: ask the security administrator"));
		}
		users.recordLogin(user.id(), now);
		audit.record(user.username(), Optional.of(address), AuditEntry.of("LOGIN_SUCCESS", "登录成功"));
		return user;
	}

	/**
	 * Changes the actor's own password; their other sessions end. Returns the new session
	 * epoch, for the session that made the change.
	 */
	@Transactional
	int changePassword(Actor actor, String current, String next) {
		UserAccount user = users.findById(actor.userId())
			.orElseThrow(() -> new Problem(401, "auth.unauthenticated",
					Text.of("未登录或会话已过期，请重新登录", "Not signed in, or the session has expired: sign in again")));
		if (!matches(current, user.passwordHash())) {
			throw FieldError.invalid("auth.password-invalid",
					Map.of("currentPassword", Text.of("当前密码不正确", "The current password is wrong")));
		}
		List<Text> reasons = PasswordPolicy.violations(user.username(), next,
				users.recentPasswordHashes(user.id(), settings.passwordHistory()), encoder);
		if (!reasons.isEmpty()) {
			throw FieldError.invalid("auth.password-policy", Map.of("newPassword", Text.join(reasons, "；", "; ")));
		}
		int epoch = users.changePassword(user.id(), encoder.encode(next), false, clock.instant());
		audit.record(actor, new AuditEntry("PASSWORD_CHANGED", Optional.empty(), "USER", Long.toString(user.id()),
				"修改密码（该用户的其他会话已结束）", List.of()));
		return epoch;
	}

	/**
	 * A bcrypt comparison; a password longer than bcrypt reads never matches but costs
	 * the same.
	 */
	private boolean matches(String password, String hash) {
		if (!PasswordPolicy.fitsBcrypt(password)) {
			encoder.matches(TOO_LONG_STAND_IN, hash);
			return false;
		}
		return encoder.matches(password, hash);
	}

	private void refuse(String username, String address, Instant now, String reason) {
		throttle.failed(address, now);
		audit.record(username, Optional.of(address), AuditEntry.of("LOGIN_FAILURE", "登录失败：" + reason));
	}

	private static Problem wrongCredentials() {
		return new Problem(401, "auth.bad-credentials", Text.of("用户名或密码错误", "Wrong username or password"));
	}

	private static Problem locked(Instant until) {
		return new Problem(423, "auth.locked", Text.of("连续登录失败次数过多，账户已锁定，请于 {0} 后重试",
				"Too many failed logins: the account is locked; try again after {0} (Beijing time)", time(until)));
	}

	private static String time(Instant instant) {
		return LocalTime.ofInstant(instant, SHANGHAI).format(DateTimeFormatter.ofPattern("HH:mm"));
	}

}
