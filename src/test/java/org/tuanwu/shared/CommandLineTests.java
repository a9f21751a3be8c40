package org.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

/**
 * The command line runs the {@link Command} bean named by the first word, whatever module
 * declares it, and lists every command when the name is unknown.
 */
class CommandLineTests {

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	final List<List<String>> calls = new ArrayList<>();

	/** The commands created, by name: a command's services are created with it. */
	final List<String> created = new ArrayList<>();

	/** A command that records its arguments and exits with {@code status}. */
	Command command(String name, int status) {
		return new Command() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public String usage() {
				return name + " <参数>   " + name + " 的用法";
			}

			@Override
			public int run(List<String> args, PrintStream o, PrintStream e) {
				calls.add(List.of(name, String.join(" ", args)));
				o.println(name + " 完成");
				return status;
			}
		};
	}

	int run(DefaultListableBeanFactory beans, String... args) {
		return new CommandLine(beans).run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	/**
	 * Registers a command as the lazy context of a command run would: created on demand.
	 */
	void add(DefaultListableBeanFactory beans, String beanName, String name, int status) {
		beans.registerBeanDefinition(beanName, BeanDefinitionBuilder.genericBeanDefinition(Command.class, () -> {
			created.add(name);
			return command(name, status);
		}).setLazyInit(true).getBeanDefinition());
	}

	DefaultListableBeanFactory beans() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		add(beans, "templateCommand", "template", 0);
		add(beans, "verifyAuditCommand", "verify-audit", 1);
		add(beans, "scorecardBenchCommand", "bench-scorecard", 0);
		return beans;
	}

	@Test
	void runsTheNamedCommandWithTheArgumentsAfterItAndItsExitStatus() {
		int status = run(beans(), "--spring.datasource.url=jdbc:h2:mem:x", "template", "organizations", "a.xlsx",
				"--logging.level.root=info", "--out", "b");

		assertThat(status).isZero();
		assertThat(calls).containsExactly(List.of("template", "organizations a.xlsx --out b"));
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("template 完成\n");
	}

	@Test
	void aCommandOfAModuleThatNothingListsRuns() {
		// The users command of the identity module, say: a bean, and nothing else.
		DefaultListableBeanFactory beans = beans();
		add(beans, "usersCommand", "users", 0);

		assertThat(run(beans, "users", "unlock", "admin")).isZero();
		assertThat(calls).containsExactly(List.of("users", "unlock admin"));
	}

	@Test
	void aCommandWhoseBeanIsNamedAfterItIsCreatedAloneTheOthersAreFoundAmongAll() {
		assertThat(run(beans(), "verify-audit")).isEqualTo(1);
		assertThat(created).containsExactly("verify-audit");

		created.clear();
		// scorecardBenchCommand is not "benchScorecardCommand": found, at the cost of
		// creating every command.
		assertThat(run(beans(), "bench-scorecard", "--runs", "1")).isZero();
		assertThat(created).containsExactlyInAnyOrder("template", "verify-audit", "bench-scorecard");
		assertThat(calls).containsExactly(List.of("verify-audit", ""), List.of("bench-scorecard", "--runs 1"));
	}

	@Test
	void theBeanNameOfACommandIsItsNameInCamelCase() {
		assertThat(CommandLine.beanName("verify-audit")).isEqualTo("verifyAuditCommand");
		assertThat(CommandLine.beanName("import")).isEqualTo("importCommand");
		assertThat(CommandLine.beanName("bench-scorecard")).isEqualTo("benchScorecardCommand");
	}

	@Test
	void anUnknownCommandListsTheUsageOfEveryCommandWithStatusTwo() {
		int status = run(beans(), "tempalte", "organizations", "a.xlsx");

		assertThat(status).isEqualTo(2);
		assertThat(calls).isEmpty();
		assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("""
				未知命令：tempalte。可用的命令：
				  bench-scorecard <参数>   bench-scorecard 的用法
				  template <参数>   template 的用法
				  verify-audit <参数>   verify-audit 的用法
				""");
	}

	@Test
	void aRefusalOfTheCommandIsStatusOneWithItsReason() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("scorecardCommand", new Command() {

			@Override
			public String name() {
				return "scorecard";
			}

			@Override
			public String usage() {
				return "scorecard";
			}

			@Override
			public int run(List<String> args, PrintStream o, PrintStream e) {
				throw Problem.notFound("scorecard.pack-not-found", Text.of("未找到规则包 XX", "No rule pack XX"));
			}
		});

		assertThat(run(beans, "scorecard", "--pack", "XX")).isEqualTo(1);
		assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("错误：未找到规则包 XX\n");
	}

}
