package org.tuanwu.demo.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --name value} and {@code --name=value} options of a command; anything else is
 * refused.
 */
final class CommandOptions {

	private final Map<String, String> values = new HashMap<>();

	private CommandOptions() {
	}

	/** The options, or a Chinese reason why they cannot be read. */
	static CommandOptions parse(List<String> args, Set<String> known) {
		CommandOptions options = new CommandOptions();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("无法识别的参数：" + arg);
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
				throw new IllegalArgumentException("参数 --" + name + " 缺少取值");
			}
			if (!known.contains(name)) {
				throw new IllegalArgumentException("未知参数：--" + name);
			}
			options.values.put(name, value);
		}
		return options;
	}

	Optional<String> get(String name) {
		return Optional.ofNullable(values.get(name));
	}

}
