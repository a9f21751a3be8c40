package org.tuanwu.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login security settings ({@code tuanwu.security.*}).
 *
 * @param maxFailedAttempts failures of one username within {@code lockout} that lock it
 * (known and unknown usernames alike)
 * @param lockout how long a locked username stays locked, and how long a failure counts
 * @param passwordHistory how many previous passwords may not be reused
 * @param addressMaxFailures failed logins from one client address within
 * {@code addressWindow} after which that address gets 429 until the window ends
 * @param addressWindow the window of {@code addressMaxFailures}
 * @param refusalAuditPerMinute refused requests (403, 404, CSRF, 429) audited per user or
 * address and minute; beyond it one note says that the rest went unrecorded
 */
@ConfigurationProperties("tuanwu.security")
record SecuritySettings(Integer maxFailedAttempts, Duration lockout, Integer passwordHistory,
		Integer addressMaxFailures, Duration addressWindow, Integer refusalAuditPerMinute) {

	SecuritySettings {
		maxFailedAttempts = maxFailedAttempts == null ? 5 : maxFailedAttempts;
		lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
		passwordHistory = passwordHistory == null ? 5 : passwordHistory;
		addressMaxFailures = addressMaxFailures == null ? 30 : addressMaxFailures;
		addressWindow = addressWindow == null ? Duration.ofMinutes(15) : addressWindow;
		refusalAuditPerMinute = refusalAuditPerMinute == null ? 20 : refusalAuditPerMinute;
	}

}
