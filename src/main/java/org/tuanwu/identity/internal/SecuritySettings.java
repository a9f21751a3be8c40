package org.tuanwu.identity.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Login security settings ({@code tuanwu.security.*}).
 *
 * @param maxFailedAttempts failures in a row that lock an account
 * @param lockout how long a locked account stays locked
 * @param passwordHistory how many previous passwords may not be reused
 */
@ConfigurationProperties("tuanwu.security")
record SecuritySettings(Integer maxFailedAttempts, Duration lockout, Integer passwordHistory) {

	SecuritySettings {
		maxFailedAttempts = maxFailedAttempts == null ? 5 : maxFailedAttempts;
		lockout = lockout == null ? Duration.ofMinutes(15) : lockout;
		passwordHistory = passwordHistory == null ? 5 : passwordHistory;
	}

}
