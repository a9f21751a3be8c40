package org.tuanwu;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * 团务通. With no command it serves the web app; with a command ({@code import},
 * {@code export}, {@code template}, {@code demo}, …) it runs it against the same database
 * without a web server and exits with its status.
 * <p>
 * The commands are not listed here: any module contributes one as a
 * {@link org.tuanwu.shared.Command} bean. A first argument that is not an option
 * ({@code --x=y}) means a command; the command line then runs the bean of that name or,
 * for an unknown name, prints the usage of every command and exits with status 2.
 */
@SpringBootApplication
public class TuanwuApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = application(args).run(args);
		if (isCommand(args)) {
			System.exit(SpringApplication.exit(context));
		}
	}

	/**
	 * The application for these arguments: the server, or a command (profile
	 * {@code command}, no web server).
	 */
	static SpringApplication application(String[] args) {
		SpringApplication app = new SpringApplication(TuanwuApplication.class);
		if (isCommand(args)) {
			app.setWebApplicationType(WebApplicationType.NONE);
			app.setAdditionalProfiles("command");
		}
		return app;
	}

	/**
	 * Whether the arguments name a command: any word that is not an option. Spring's own
	 * settings are options ({@code --spring.datasource.url=…}) and never make one.
	 */
	static boolean isCommand(String[] args) {
		return Arrays.stream(args).anyMatch(a -> !a.startsWith("--"));
	}

}
