package org.tuanwu.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.tuanwu.identity.Actor;
import org.tuanwu.shared.RowError;
import org.tuanwu.shared.Command;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * The exchange commands of the jar (docs/exchange.md "Command line"): {@code import},
 * {@code export} and {@code template}. Each runs as the operator of the command line
 * ({@link Actor#commandLine}), set as the principal of the security context for the run
 * so that every module sees the same actor. Exit status: 0 done, 1 refused (bad rows,
 * unreadable file), 2 wrong usage. There is no file size limit here; the zip checks
 * apply.
 */
@Configuration(proxyBeanMethods = false)
class ExchangeCommands {

	@Bean
	Command importCommand(ExchangeService exchange) {
		return new ExchangeCommand("import", "import <类型> <文件.xlsx|文件.csv>  导入（整体导入：任一行有错则不写入）", exchange, (run) -> {
			long started = System.nanoTime();
			ImportReport report = exchange.importFile(run.actor(), run.type(), run.file().getFileName().toString(),
					run.file());
			if (report.refused()) {
				run.err().println("导入失败：" + report.badRows() + " 行有错误，未写入任何数据");
				for (RowError e : report.errors()) {
					run.err().println(ExchangeService.line(e));
				}
				return 1;
			}
			run.out()
				.println("导入完成：" + run.file().getFileName() + " 共 " + report.rows() + " 行，新建 " + report.created()
						+ "，修改 " + report.updated() + "，未变 " + report.unchanged());
			// Timing in the log, so that the output stays the one-line summary scripts
			// compare.
			org.slf4j.LoggerFactory.getLogger(ExchangeCommands.class)
				.info("导入用时 {} ms", (System.nanoTime() - started) / 1_000_000);
			return 0;
		}, true);
	}

	@Bean
	Command exportCommand(ExchangeService exchange) {
		return new ExchangeCommand("export", "export <类型> <文件.xlsx|文件.csv>  导出（格式由扩展名决定）", exchange, (run) -> {
			int count = run
				.write(out -> exchange.export(run.actor(), run.type(), run.kind(), Optional.empty(), true, out));
			run.out().println("导出完成：" + run.file() + " 共 " + count + " 条");
			return 0;
		}, false);
	}

	@Bean
	Command templateCommand(ExchangeService exchange) {
		return new ExchangeCommand("template", "template <类型> <文件.xlsx|文件.csv>  写出空白模板（含示例行与可选值）", exchange, (run) -> {
			run.write(out -> {
				exchange.template(run.type(), run.kind(), out);
				return 0;
			});
			run.out().println("模板已写出：" + run.file());
			return 0;
		}, false);
	}

	/** The arguments of one run. */
	record Run(Actor actor, String type, Path file, FileKind kind, PrintStream out, PrintStream err) {

		<T> T write(Function<OutputStream, T> writer) {
			try (OutputStream out = Files.newOutputStream(file)) {
				return writer.apply(out);
			}
			catch (IOException e) {
				throw Problem.badRequest("file.unwritable",
						Text.of("无法写入文件 {0}：{1}", "Cannot write the file {0}: {1}", file, e.getMessage()));
			}
		}

	}

	static final class ExchangeCommand implements Command {

		private final String name;

		private final String usage;

		private final ExchangeService exchange;

		private final Function<Run, Integer> body;

		private final boolean reads;

		ExchangeCommand(String name, String usage, ExchangeService exchange, Function<Run, Integer> body,
				boolean reads) {
			this.name = name;
			this.usage = usage;
			this.exchange = exchange;
			this.body = body;
			this.reads = reads;
		}

		@Override
		public String name() {
			return name;
		}

		@Override
		public String usage() {
			return usage;
		}

		@Override
		public int run(List<String> args, PrintStream out, PrintStream err) {
			List<String> words = args.stream().filter(a -> !a.startsWith("--")).toList();
			if (words.size() != 2) {
				err.println("用法：" + usage);
				err.println("类型：" + String.join("、", exchange.types()));
				return 2;
			}
			String type = words.get(0);
			if (!exchange.types().contains(type)) {
				err.println("未知的数据类型：" + type + "（可用：" + String.join("、", exchange.types()) + "）");
				return 2;
			}
			Path file = Path.of(words.get(1));
			Optional<FileKind> kind = FileKind.ofFileName(file.getFileName().toString());
			if (kind.isEmpty()) {
				err.println("文件名须以 .xlsx 或 .csv 结尾：" + file);
				return 2;
			}
			if (reads && !Files.isRegularFile(file)) {
				err.println("文件不存在或无法读取：" + file);
				return 1;
			}
			Actor actor = Actor.commandLine(System.getProperty("user.name", "unknown"));
			SecurityContext previous = SecurityContextHolder.getContext();
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
			SecurityContextHolder.setContext(context);
			try {
				return body.apply(new Run(actor, type, file, kind.get(), out, err));
			}
			catch (Problem p) {
				err.println("错误：" + p.detail());
				return p.status() == 404 ? 2 : 1;
			}
			finally {
				SecurityContextHolder.setContext(previous);
			}
		}

	}

}
