package org.tuanwu.identity.internal;

import java.time.Clock;

import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every ten minutes, forgets the failure counts and counters that no longer count, so
 * that names sprayed at the login form do not pile up. Every node may run it: it only
 * deletes what has expired.
 */
@Component
@Profile("!command")
@EnableScheduling
class LoginHousekeeping {

	private final LoginAttempts attempts;

	private final RateCounters counters;

	private final SecuritySettings settings;

	private final Clock clock;

	LoginHousekeeping(LoginAttempts attempts, RateCounters counters, SecuritySettings settings, Clock clock) {
		this.attempts = attempts;
		this.counters = counters;
		this.settings = settings;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
	void purge() {
		attempts.purge(clock.instant(), settings.lockout());
		counters.purge(clock.instant());
	}

}
