package org.tuanwu.identity.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.Role;
import org.tuanwu.shared.Command;
import org.tuanwu.shared.Problem;

/**
 * {@code users}: the separated administrators' (三员) accounts, kept on the server by its
 * operator, never in the web app. Exit 0 done, 1 refused (unknown user, taken name), 2
 * wrong usage.
 */
@Component
class UsersCommand implements Command {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private static final String USAGE = """
			用法：
			  users list
			  users create --role SYSTEM_ADMIN|SECURITY_ADMIN|AUDIT_ADMIN --username 用户名 --name 姓名
			  users reset-password 用户名
			  users unlock 用户名
			  users disable 用户名
			  users enable 用户名""";

	private final OperatorAccounts accounts;

	private final Clock clock;

	UsersCommand(OperatorAccounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "users";
	}

	@Override
	public String usage() {
		return "users list|create|reset-password|unlock|disable|enable  管理三员账户（仅限服务器上的运维人员）";
	}

	@Override
	public int run(List<String> args, PrintStream out, PrintStream err) {
		try {
			return runVerb(args, out, err);
		}
		catch (Problem refused) {
			err.println("错误：" + refused.detail());
			return 1;
		}
	}

	private int runVerb(List<String> args, PrintStream out, PrintStream err) {
		if (args.isEmpty()) {
			err.println(USAGE);
			return 2;
		}
		Actor operator = Actor.commandLine(System.getProperty("user.name", "unknown"));
		String verb = args.get(0);
		List<String> rest = args.subList(1, args.size());
		switch (verb) {
			case "list" -> {
				if (!rest.isEmpty()) {
					return usage(err, "users list 不带参数");
				}
				list(out);
				return 0;
			}
			case "create" -> {
				return create(operator, rest, out, err);
			}
			case "reset-password", "unlock", "disable", "enable" -> {
				if (rest.size() != 1 || rest.get(0).startsWith("--")) {
					return usage(err, "users " + verb + " 需要且只需要一个用户名");
				}
				String username = rest.get(0);
				switch (verb) {
					case "reset-password" -> {
						String password = accounts.resetPassword(operator, username);
						out.println("已重置 " + username + " 的密码，其会话已结束。一次性密码（仅显示这一次，首次登录后须修改）：");
						out.println(password);
					}
					case "unlock" -> {
						accounts.unlock(operator, username);
						out.println("已解锁 " + username);
					}
					case "disable" -> {
						accounts.setEnabled(operator, username, false);
						out.println("已停用 " + username + "，其会话已结束");
					}
					default -> {
						accounts.setEnabled(operator, username, true);
						out.println("已启用 " + username);
					}
				}
				return 0;
			}
			default -> {
				return usage(err, "未知的 users 子命令：" + verb);
			}
		}
	}

	private int create(Actor operator, List<String> args, PrintStream out, PrintStream err) {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("--")) {
				return usage(err, "无法识别的参数：" + arg);
			}
			String name = arg.substring(2);
			String value;
			int eq = name.indexOf('=');
			if (eq >= 0) {
				value = name.substring(eq + 1);
				name = name.substring(0, eq);
			}
			else if (i + 1 < args.size()) {
				value = args.get(++i);
			}
			else {
				return usage(err, "参数 --" + name + " 缺少取值");
			}
			if (!Set.of("role", "username", "name").contains(name)) {
				return usage(err, "未知参数：--" + name);
			}
			if (options.put(name, value) != null) {
				return usage(err, "参数 --" + name + " 只能给一次（一个账户只能担任一种三员角色）");
			}
		}
		if (!options.keySet().containsAll(Set.of("role", "username", "name"))) {
			return usage(err, "users create 需要 --role、--username 和 --name");
		}
		Optional<Role> role = Optional.ofNullable(options.get("role"))
			.flatMap(r -> List.of(Role.values())
				.stream()
				.filter(Role::isSeparatedAdministrator)
				.filter(x -> x.name().equals(r))
				.findFirst());
		if (role.isEmpty()) {
			return usage(err, "--role 只能是 SYSTEM_ADMIN、SECURITY_ADMIN、AUDIT_ADMIN 之一（一个账户只担任一种三员角色）");
		}
		OperatorAccounts.Created created = accounts.create(operator, role.get(), options.get("username"),
				options.get("name"));
		out.println("已创建 " + created.user().username() + "（" + role.get().name() + "）。一次性密码（仅显示这一次，首次登录后须修改）：");
		out.println(created.oneTimePassword());
		return 0;
	}

	private void list(PrintStream out) {
		out.println(String.join("\t", "编号", "用户名", "姓名", "角色", "管辖组织", "状态", "最近登录"));
		for (UserAccount u : accounts.list()) {
			String state = !u.enabled() ? "已停用" : u.lockedAt(clock.instant()) ? "已锁定" : "正常";
			if (u.mustChangePassword()) {
				state += "，须改密码";
			}
			out.println(String.join("\t", Long.toString(u.id()), u.username(), u.displayName(),
					UserAdministration.roleText(u.roles()), u.scopeOrgId().map(id -> "#" + id).orElse("全部组织"), state,
					u.lastLoginAt().map(TIME::format).orElse("—")));
		}
	}

	private static int usage(PrintStream err, String reason) {
		err.println(reason);
		err.println(USAGE);
		return 2;
	}

}
