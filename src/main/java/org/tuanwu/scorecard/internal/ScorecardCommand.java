package org.tuanwu.scorecard.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tuanwu.identity.Actor;
import org.tuanwu.shared.Command;
import org.tuanwu.shared.Problem;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code scorecard --org CODE --pack ID --period YYYY [--format json|xlsx|pdf] [--out FILE]}:
 * the same scorecard as {@code GET /api/v1/scorecards}, the JSON identical. Runs as the
 * operator of the command line. Exit status: 0 done, 1 refused (unknown pack or org, bad
 * period, unwritable file), 2 wrong usage.
 */
@Component
class ScorecardCommand implements Command {

	private static final Set<String> OPTIONS = Set.of("org", "pack", "period", "format", "out", "version");

	private final Scorecards scorecards;

	private final ScorecardExports exports;

	private final JsonMapper json;

	ScorecardCommand(Scorecards scorecards, ScorecardExports exports, JsonMapper json) {
		this.scorecards = scorecards;
		this.exports = exports;
		this.json = json;
	}

	@Override
	public String name() {
		return "scorecard";
	}

	@Override
	public String usage() {
		return "scorecard --org 组织编码 --pack 规则包 --period YYYY [--format json|xlsx|pdf] [--out 文件]  指标考核";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String a = args.get(i);
			if (!a.startsWith("--")) {
				err.println("多余的参数：" + a);
				err.println("用法：" + usage());
				return 2;
			}
			String name = a.substring(2);
			String value;
			int eq = name.indexOf('=');
			if (eq >= 0) {
				value = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
				value = args.get(++i);
			}
			else {
				err.println("选项 --" + name + " 缺少取值");
				err.println("用法：" + usage());
				return 2;
			}
			if (!OPTIONS.contains(name)) {
				err.println("未知选项：--" + name);
				err.println("用法：" + usage());
				return 2;
			}
			options.put(name, value);
		}
		for (String required : List.of("org", "pack", "period")) {
			if (!options.containsKey(required)) {
				err.println("缺少 --" + required);
				err.println("用法：" + usage());
				return 2;
			}
		}
		String format = options.getOrDefault("format", "json");
		if (!List.of("json", "xlsx", "pdf").contains(format)) {
			err.println("--format 只能是 json、xlsx 或 pdf：" + format);
			return 2;
		}
		Optional<Path> file = Optional.ofNullable(options.get("out")).map(Path::of);
		if (!format.equals("json") && file.isEmpty()) {
			err.println("导出 " + format + " 需要 --out 文件");
			return 2;
		}
		Optional<Integer> version;
		try {
			version = Optional.ofNullable(options.get("version")).map(Integer::valueOf);
		}
		catch (NumberFormatException e) {
			err.println("--version 应为数字：" + options.get("version"));
			return 2;
		}
		Actor actor = Actor.commandLine(System.getProperty("user.name", "unknown"));
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			ScorecardView view = scorecards.scorecard(actor, options.get("org"), options.get("pack"), version,
					options.get("period"));
			if (file.isEmpty()) {
				out.println(json.writeValueAsString(view));
				return 0;
			}
			try (OutputStream o = Files.newOutputStream(file.get())) {
				switch (format) {
					case "pdf" -> exports.pdf(view, o);
					case "xlsx" -> exports.xlsx(view, o);
					default -> o.write(json.writeValueAsString(view).getBytes(StandardCharsets.UTF_8));
				}
			}
			if (!format.equals("json")) {
				scorecards.auditExport(actor, view, "（" + format + "，命令行）");
			}
			out.println("已写出：" + file.get() + "（" + view.org().name() + "，" + view.pack().title() + "，" + view.period()
					+ " 年度，" + view.indicators().size() + " 项指标）");
			return 0;
		}
		catch (Problem p) {
			err.println("错误：" + p.detail());
			return 1;
		}
		catch (IOException e) {
			err.println("错误：无法写入文件 " + file.orElse(Path.of("")) + "：" + e.getMessage());
			return 1;
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

}
