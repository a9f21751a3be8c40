package org.tuanwu.shared;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of the jar's command line (docs/exchange.md "Command line"). Modules
 * contribute commands as beans; the {@link CommandLine} runs the one named by the first
 * argument.
 */
public interface Command {

	/** The name typed on the command line, e.g. {@code import}. */
	String name();

	/** One line for the usage text. */
	String usage();

	/**
	 * Runs the command.
	 * @param args the arguments after the command name, options ({@code --x=y}) of Spring
	 * excluded
	 * @return the exit status: 0 success, 1 refused input, 2 wrong usage
	 */
	int run(List<String> args, PrintStream out, PrintStream err);

}
