package org.tuanwu.shared;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Runs the command named on the command line (the application starts with the
 * {@code command} profile and no web server when there is one) and keeps its exit status
 * for {@code SpringApplication.exit}. The commands are the {@link Command} beans of the
 * modules: nothing lists them, so a module adds one by declaring a bean.
 * <p>
 * A command whose bean is named after it — {@code verifyAuditCommand} for
 * {@code verify-audit}, as a class {@code VerifyAuditCommand} or a bean method
 * {@code verifyAuditCommand()} is — is found without creating the other commands (the
 * context is lazy in the {@code command} profile, so their services are not created
 * either); any other command is found among all of them.
 */
@Component
@Profile("command")
class CommandLine implements ApplicationRunner, ExitCodeGenerator {

	/** Options meant for Spring (database, logging, …), never passed to a command. */
	private static final List<String> SPRING_OPTIONS = List.of("--spring.", "--server.", "--logging.", "--tuanwu.");

	private final ListableBeanFactory beans;

	private int status = 0;

	CommandLine(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public void run(ApplicationArguments args) {
		status = run(args.getSourceArgs(), System.out, System.err);
	}

	/**
	 * Runs the command named by the first word that is not an option, with the arguments
	 * after it (Spring's own options excluded); an unknown name prints the usage of every
	 * command and gives status 2.
	 */
	int run(String[] sourceArgs, PrintStream out, PrintStream err) {
		// Options of the command itself (--org X, --scale city) arrive as non-option
		// words or as Spring options; the command gets both, in order.
		List<String> raw = new ArrayList<>();
		for (String a : sourceArgs) {
			if (SPRING_OPTIONS.stream().noneMatch(a::startsWith)) {
				raw.add(a);
			}
		}
		Optional<String> name = raw.stream().filter(a -> !a.startsWith("--")).findFirst();
		Optional<Command> command = name.flatMap(this::find);
		if (command.isEmpty()) {
			err.println(name.map(n -> "未知命令：" + n).orElse("缺少命令") + "。可用的命令：");
			beans.getBeanProvider(Command.class)
				.stream()
				.sorted(Comparator.comparing(Command::name))
				.forEach(c -> err.println("  " + c.usage()));
			return 2;
		}
		try {
			return command.get().run(raw.subList(raw.indexOf(name.get()) + 1, raw.size()), out, err);
		}
		catch (Problem p) {
			err.println("错误：" + p.detail());
			p.errors().forEach(e -> err.println("  " + e));
			return 1;
		}
	}

	private Optional<Command> find(String name) {
		String bean = beanName(name);
		if (beans.containsBean(bean) && beans.isTypeMatch(bean, Command.class)) {
			Command command = beans.getBean(bean, Command.class);
			if (command.name().equals(name)) {
				return Optional.of(command);
			}
		}
		return beans.getBeanProvider(Command.class).stream().filter(c -> c.name().equals(name)).findFirst();
	}

	/**
	 * The bean name a command is looked up by first: {@code verify-audit} →
	 * {@code verifyAuditCommand}.
	 */
	static String beanName(String command) {
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char c : command.toCharArray()) {
			if (c == '-' || c == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.append("Command").toString();
	}

	@Override
	public int getExitCode() {
		return status;
	}

}
