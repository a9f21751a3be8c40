package org.tuanwu.identity.internal;

import java.io.PrintStream;
import java.util.List;

import org.springframework.stereotype.Component;
import org.tuanwu.shared.Command;

/**
 * {@code verify-audit}: recomputes the audit log's hash chain; exit 0 when intact, 1 when
 * broken.
 */
@Component
class VerifyAuditCommand implements Command {

	private final JdbcAuditLog log;

	VerifyAuditCommand(JdbcAuditLog log) {
		this.log = log;
	}

	@Override
	public String name() {
		return "verify-audit";
	}

	@Override
	public String usage() {
		return "verify-audit                       校验审计日志的哈希链";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		JdbcAuditLog.Verification result = log.verify();
		if (result.valid()) {
			out.println("审计日志完整：已校验 " + result.checked() + " 条记录");
			return 0;
		}
		err.println("审计日志被篡改：自第 " + result.firstBrokenId().orElse(0L) + " 条记录起哈希链不一致（此前 " + result.checked() + " 条完整）");
		return 1;
	}

}
