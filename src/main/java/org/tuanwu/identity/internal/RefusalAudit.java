package org.tuanwu.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.CurrentActor;

/**
 * Audits refused requests — 403, 404 of a record (not found or outside the caller's
 * scope), CSRF failures, throttled logins — bounded: at most
 * {@code tuanwu.security.refusal-audit-per-minute} entries per user (or, without a login,
 * per address) and minute, then one note, so that nobody can flood the log. The bound is
 * counted in the database, across nodes.
 */
@Component
class RefusalAudit {

	static final String ACCESS_REFUSED = "ACCESS_REFUSED";

	static final String CSRF_REFUSED = "CSRF_REFUSED";

	static final String LOGIN_THROTTLED = "LOGIN_THROTTLED";

	static final String REFUSALS_SUPPRESSED = "REFUSALS_SUPPRESSED";

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final AuditLog audit;

	private final CurrentActor actors;

	private final RateCounters counters;

	private final SecuritySettings settings;

	private final Clock clock;

	RefusalAudit(AuditLog audit, CurrentActor actors, RateCounters counters, SecuritySettings settings, Clock clock) {
		this.audit = audit;
		this.actors = actors;
		this.counters = counters;
		this.settings = settings;
		this.clock = clock;
	}

	/** A 403 or 404 problem answered to this request. */
	void refused(HttpServletRequest request, int status, String code) {
		record(request,
				new AuditEntry(ACCESS_REFUSED, Optional.empty(), "REQUEST", "",
						"拒绝访问：" + request.getMethod() + " " + path(request) + " → " + status + " " + code,
						java.util.List.of()));
	}

	void csrf(HttpServletRequest request) {
		record(request, new AuditEntry(CSRF_REFUSED, Optional.empty(), "REQUEST", "",
				"缺少有效的 CSRF 令牌：" + request.getMethod() + " " + path(request), java.util.List.of()));
	}

	void throttled(String address, long retryAfterSeconds) {
		record("", address, new AuditEntry(LOGIN_THROTTLED, Optional.empty(), "ADDRESS", address,
				"该地址登录失败次数过多，拒绝登录 " + retryAfterSeconds + " 秒", java.util.List.of()));
	}

	private void record(HttpServletRequest request, AuditEntry entry) {
		String username = actors.find().map(Actor::username).orElse("");
		record(username, request.getRemoteAddr(), entry);
	}

	private void record(String username, String address, AuditEntry entry) {
		Instant now = clock.instant();
		String subject = username.isEmpty() ? "address:" + address : "user:" + username;
		int hits = counters.hit("refusal-audit:" + truncate(subject, 150), MINUTE, now).hits();
		int limit = settings.refusalAuditPerMinute();
		String who = username.isEmpty() ? "anonymous" : username;
		if (hits <= limit) {
			audit.record(who, Optional.of(address), entry);
		}
		else if (hits == limit + 1) {
			audit.record(who, Optional.of(address),
					AuditEntry.of(REFUSALS_SUPPRESSED, "一分钟内被拒绝的请求超过 " + limit + " 次，本分钟内其余的不再逐条记录"));
		}
	}

	/** The path, at most 300 characters, control characters shown as '?'. */
	private static String path(HttpServletRequest request) {
		return truncate(request.getRequestURI(), 300).replaceAll("\\p{Cntrl}", "?");
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}

}
