package org.tuanwu;

import java.util.Arrays;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 团务通. With no command it serves the web app; with a command ({@code import},
 * {@code export}, {@code template}, {@code demo}, …) it runs it against the same database
 * without a web server and exits with its status.
 */
@SpringBootApplication
public class TuanwuApplication {

	/** The commands of EXCHANGE.md "Command line"; anything else starts the server. */
	public static final Set<String> COMMANDS = Set.of("import", "export", "template", "demo", "bench", "scorecard",
			"verify-audit", "bench-scorecard", "users");

	public static void main(String[] args) {
		boolean command = Arrays.stream(args)
			.filter(a -> !a.startsWith("--"))
			.findFirst()
			.filter(COMMANDS::contains)
			.isPresent();
		SpringApplication app = new SpringApplication(TuanwuApplication.class);
		if (command) {
			app.setWebApplicationType(WebApplicationType.NONE);
			app.setAdditionalProfiles("command");
		}
		ConfigurableApplicationContext context = app.run(args);
		if (command) {
			System.exit(SpringApplication.exit(context));
		}
	}

}
