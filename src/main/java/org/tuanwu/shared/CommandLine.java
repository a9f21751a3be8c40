package org.tuanwu.shared;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Runs the command named on the command line (the application starts with the
 * {@code command} profile and no web server when there is one) and keeps its exit status
 * for {@code SpringApplication.exit}.
 */
@Component
@Profile("command")
class CommandLine implements ApplicationRunner, ExitCodeGenerator {

	private final List<Command> commands;

	private int status = 0;

	CommandLine(List<Command> commands) {
		this.commands = commands;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> words = new ArrayList<>(args.getNonOptionArgs());
		// Options of the command itself (--org X, --scale city) arrive as non-option
		// words or as Spring options;
		// give the command both, in order, Spring's own (--spring.*) excluded.
		List<String> raw = new ArrayList<>();
		for (String a : args.getSourceArgs()) {
			if (!a.startsWith("--spring.") && !a.startsWith("--server.") && !a.startsWith("--logging.")
					&& !a.startsWith("--tuanwu.")) {
				raw.add(a);
			}
		}
		String name = words.isEmpty() ? "" : words.get(0);
		Command command = commands.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
		if (command == null) {
			System.err.println("未知命令：" + name);
			commands.forEach(c -> System.err.println("  " + c.usage()));
			status = 2;
			return;
		}
		try {
			status = command.run(raw.subList(raw.indexOf(name) + 1, raw.size()), System.out, System.err);
		}
		catch (Problem p) {
			System.err.println("错误：" + p.detail());
			p.errors().forEach(e -> System.err.println("  " + e));
			status = 1;
		}
	}

	@Override
	public int getExitCode() {
		return status;
	}

}
