package org.tuanwu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RestController;
import org.tuanwu.shared.Command;
import org.tuanwu.support.TestUsers;

/**
 * The jar as the command line starts it: a word that is not an option means a command,
 * whatever its name; a command runs without the web server, creates only the beans it
 * needs, and its status becomes the exit status.
 */
class CommandModeTests {

	@Test
	void aWordThatIsNotAnOptionMeansACommandWhateverItsName() {
		assertThat(TuanwuApplication.isCommand(new String[] {})).isFalse();
		assertThat(TuanwuApplication
			.isCommand(new String[] { "--server.port=9090", "--spring.datasource.url=jdbc:h2:mem:x;MODE=PostgreSQL" }))
			.isFalse();
		// Named by no list: the identity module's users command, for one.
		assertThat(TuanwuApplication.isCommand(new String[] { "users", "unlock", "admin" })).isTrue();
		assertThat(TuanwuApplication
			.isCommand(new String[] { "--spring.datasource.url=jdbc:h2:mem:x", "template", "units", "u.xlsx" }))
			.isTrue();
	}

	@Test
	void aCommandRunsWithoutTheWebServerAndCreatesOnlyTheBeansItNeeds(@TempDir Path dir) throws Exception {
		Path template = dir.resolve("团组织模板.xlsx");
		String[] args = { "template", "organizations", template.toString(), "--spring.datasource.url=jdbc:h2:mem:"
				+ TestUsers.unique("command") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" };
		SpringApplication app = TuanwuApplication.application(args);
		app.setAdditionalProfiles("command", "test");

		ConfigurableApplicationContext context = app.run(args);

		assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
		assertThat(Files.size(template)).isPositive();
		ConfigurableListableBeanFactory beans = context.getBeanFactory();
		List<String> controllers = List.of(beans.getBeanDefinitionNames())
			.stream()
			.filter(name -> beans.getType(name) != null
					&& AnnotatedElementUtils.hasAnnotation(beans.getType(name), RestController.class))
			.toList();
		assertThat(controllers).isNotEmpty();
		assertThat(controllers).noneMatch(beans::containsSingleton);
		// The template command's bean is named after it: no other command was created.
		assertThat(beans.containsSingleton("templateCommand")).isTrue();
		assertThat(beans.containsSingleton("scorecardCommand")).isFalse();
		assertThat(beans.containsSingleton("demoCommand")).isFalse();
		assertThat(context.getBeanProvider(Command.class).stream().map(Command::name)).contains("import", "export",
				"template", "scorecard", "demo", "verify-audit", "bench", "bench-scorecard");
		assertThat(SpringApplication.exit(context)).isZero();
	}

}
