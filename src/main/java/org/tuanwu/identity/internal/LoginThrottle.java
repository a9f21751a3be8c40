package org.tuanwu.identity.internal;

import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Failed logins per client address (as the trusted proxy reports it), counted in the
 * database so that all nodes share the count: past the limit an address gets 429 until
 * its window ends, whatever username and password it sends. It costs no password hash,
 * and says nothing about which usernames exist.
 */
@Component
class LoginThrottle {

	private final RateCounters counters;

	private final SecuritySettings settings;

	private final RefusalAudit refusals;

	LoginThrottle(RateCounters counters, SecuritySettings settings, RefusalAudit refusals) {
		this.counters = counters;
		this.settings = settings;
		this.refusals = refusals;
	}

	/** Refuses with 429 while the address has used up its failures. */
	void check(String address, Instant now) {
		counters.current(name(address), now).filter(c -> c.hits() >= settings.addressMaxFailures()).ifPresent(c -> {
			long seconds = c.secondsLeft(now);
			refusals.throttled(address, seconds);
			throw new LoginThrottled(seconds);
		});
	}

	void failed(String address, Instant now) {
		counters.hit(name(address), settings.addressWindow(), now);
	}

	static String name(String address) {
		return "login-address:" + (address.length() > 100 ? address.substring(0, 100) : address);
	}

}
