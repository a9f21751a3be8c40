package org.tuanwu.identity.internal;

import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * 429: too many failed logins from one client address; the answer carries
 * {@code Retry-After}.
 */
class LoginThrottled extends Problem {

	private final long retryAfterSeconds;

	LoginThrottled(long retryAfterSeconds) {
		super(429, "auth.throttled",
				Text.of("来自您所在网络地址的登录失败次数过多，请于 {0} 分钟后再试",
						"Too many failed logins from your network address: try again in {0} minutes",
						minutes(retryAfterSeconds)));
		this.retryAfterSeconds = retryAfterSeconds;
	}

	long retryAfterSeconds() {
		return retryAfterSeconds;
	}

	private static long minutes(long seconds) {
		return Math.max(1, (seconds + 59) / 60);
	}

}
