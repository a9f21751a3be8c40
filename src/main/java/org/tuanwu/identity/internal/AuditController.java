package org.tuanwu.identity.internal;

import org.tuanwu.shared.Text;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.CurrentActor;
import org.tuanwu.identity.Permission;
import org.tuanwu.identity.internal.JdbcAuditLog.AuditQuery;
import org.tuanwu.identity.internal.JdbcAuditLog.AuditView;
import org.tuanwu.identity.internal.JdbcAuditLog.Verification;
import org.tuanwu.shared.Page;

/**
 * 审计日志 for the audit administrator: search and verify. There is no call that changes the
 * log; verifying adds an entry of its own ({@code POST}).
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final JdbcAuditLog log;

	private final CurrentActor actors;

	private final org.tuanwu.identity.OrgDirectory orgs;

	AuditController(JdbcAuditLog log, CurrentActor actors, org.tuanwu.identity.OrgDirectory orgs) {
		this.log = log;
		this.actors = actors;
		this.orgs = orgs;
	}

	@GetMapping
	Page<AuditView> search(@RequestParam Optional<String> username, @RequestParam Optional<String> action,
			@RequestParam Optional<Long> orgId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> to,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		actors.get().require(Permission.AUDIT_READ);
		AuditQuery query = new AuditQuery(username.filter(s -> !s.isBlank()), action.filter(s -> !s.isBlank()), orgId,
				from.map(d -> d.atStartOfDay(SHANGHAI).toOffsetDateTime()),
				to.map(d -> d.plusDays(1).atStartOfDay(SHANGHAI).toOffsetDateTime()));
		return log.search(query, Math.max(0, page), Page.size(size))
			.map(e -> e.withOrg(Optional.ofNullable(e.orgId())
				.flatMap(orgs::find)
				.map(o -> new JdbcAuditLog.OrgView(o.id(), o.code(), o.name()))));
	}

	@GetMapping("/actions")
	List<String> actions() {
		actors.get().require(Permission.AUDIT_READ);
		return log.actions();
	}

	/**
	 * Verifies the chain and the checkpoints and writes nothing: for a look (and for
	 * monitoring). A GET never writes, so it is not audited.
	 */
	@GetMapping("/verification")
	Verification check() {
		actors.get().require(Permission.AUDIT_READ);
		return log.verify();
	}

	/** Verifies as an audited action of the audit administrator (校验日志完整性). */
	@PostMapping("/verification")
	Verification verify() {
		Actor actor = actors.get();
		actor.require(Permission.AUDIT_READ);
		Verification result = log.verify();
		log.record(actor, AuditEntry.of("AUDIT_VERIFIED", result.valid() ? "校验审计日志：完整（" + result.checked() + " 条）"
				: "校验审计日志：" + result.problem().map(Text::zh).orElse("不一致")));
		return result;
	}

}
