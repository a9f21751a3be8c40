package org.tuanwu.identity.internal;

import org.tuanwu.shared.Text;
import java.io.PrintStream;
import java.util.List;

import org.springframework.stereotype.Component;
import org.tuanwu.shared.Command;

/**
 * {@code verify-audit}: recomputes the audit log's keyed hash chain and compares it with
 * the signed checkpoints; exit 0 when intact, 1 when broken.
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
		return "verify-audit                       校验审计日志的哈希链及其检查点";
	}

	private String anchors(JdbcAuditLog.Verification result) {
		return result.checkpoints() == 0 ? "未找到检查点文件（" + log.checkpointDir() + "）"
				: "与 " + result.checkpoints() + " 个检查点一致";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		JdbcAuditLog.Verification result = log.verify();
		if (result.valid()) {
			out.println("审计日志完整：已校验 " + result.checked() + " 条记录，" + anchors(result));
			return 0;
		}
		err.println("审计日志被篡改：" + result.problem().map(Text::zh).orElse("哈希链不一致"));
		result.firstBrokenId()
			.ifPresent(id -> err.println("  第一条不可信的记录：第 " + id + " 条（此前 " + result.checked() + " 条完整）"));
		return 1;
	}

}
