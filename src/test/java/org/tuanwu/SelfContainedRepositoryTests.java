package org.tuanwu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The repository is self-contained: a fresh clone with nothing beside it builds, tests
 * and documents itself. No tracked file refers to a path outside the repository, and the
 * documents the project's own files name exist in it.
 */
class SelfContainedRepositoryTests {

	static final Path ROOT = Path.of("").toAbsolutePath();

	/**
	 * Machine-wide folders and home directories, which a clone elsewhere does not have.
	 * Built from pieces so that this file does not name them itself.
	 */
	static final List<String> MACHINE_FOLDERS = List.of("/" + "work/", "/" + "home/", "/" + "root/", "/" + "Users/",
			"C:" + "\\Users");

	/** A relative path that climbs: one or more {@code ../} and the name after them. */
	static final Pattern CLIMBING = Pattern.compile("(?:\\.\\./)+[\\w.-]*");

	/**
	 * The relative paths in a line of the file that, resolved against the file's folder,
	 * lead out of the repository (a folder that sat beside it while it was written) or to
	 * nothing in it (the same folder named from one level down).
	 */
	static List<String> climbingOut(String file, String line) {
		Path dir = ROOT.resolve(file).getParent();
		List<String> out = new ArrayList<>();
		Matcher m = CLIMBING.matcher(line);
		while (m.find()) {
			Path target = dir.resolve(m.group()).normalize();
			if (!target.startsWith(ROOT) || (!isSource(file) && !existsInRepository(target))) {
				out.add(m.group());
			}
		}
		return out;
	}

	/**
	 * Source files hold relative paths that are not the file's own (a glob relative to
	 * another folder, a test's sample path): for them only leaving the repository counts.
	 */
	static boolean isSource(String file) {
		return file.matches(".*\\.(java|ts|vue|js)$");
	}

	/** The path, or a file of that name with an extension (a script's import). */
	static boolean existsInRepository(Path target) {
		if (Files.exists(target) || target.equals(ROOT)) {
			return true;
		}
		String name = target.getFileName().toString() + ".";
		try (Stream<Path> siblings = Files.list(target.getParent())) {
			return siblings.anyMatch(p -> p.getFileName().toString().startsWith(name));
		}
		catch (IOException e) {
			return false;
		}
	}

	/**
	 * A document named in a text: {@code docs/api.md}, {@code [Files](docs/exchange.md)}…
	 */
	static final Pattern DOCUMENT = Pattern.compile("(?<![\\w./*-])((?:\\.\\.?/)*\\w[\\w./-]*\\.md)(?![\\w])");

	/**
	 * Files the document check leaves alone: migrations, because a released migration is
	 * never edited (every database keeps its checksum), even for a comment.
	 */
	static final List<String> NOT_CHECKED_FOR_DOCUMENTS = List.of("src/main/resources/db/");

	/**
	 * The tracked files (git), or the files of the tree without git's and the build's
	 * folders.
	 */
	static List<String> trackedFiles() throws IOException, InterruptedException {
		Optional<List<String>> git = gitLsFiles();
		if (git.isPresent()) {
			return git.get();
		}
		try (Stream<Path> files = Files.walk(ROOT)) {
			return files.filter(Files::isRegularFile)
				.map(f -> ROOT.relativize(f).toString().replace('\\', '/'))
				.filter(f -> !f.startsWith(".git/") && !f.startsWith("target/") && !f.startsWith("data/")
						&& !f.contains("node_modules/") && !f.startsWith("frontend/dist/"))
				.sorted()
				.toList();
		}
	}

	static Optional<List<String>> gitLsFiles() throws IOException, InterruptedException {
		try {
			Process git = new ProcessBuilder("git", "ls-files", "-z").directory(ROOT.toFile())
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
			byte[] out = git.getInputStream().readAllBytes();
			if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
				return Optional.empty();
			}
			List<String> files = new ArrayList<>();
			for (String f : new String(out, StandardCharsets.UTF_8).split("\0")) {
				if (!f.isEmpty() && Files.isRegularFile(ROOT.resolve(f))) {
					files.add(f);
				}
			}
			return Optional.of(files);
		}
		catch (IOException e) {
			// No git on this machine (a source archive): the tree itself is the project.
			return Optional.empty();
		}
	}

	/** The file as UTF-8 text, or empty for a binary file. */
	static Optional<String> text(String file) throws IOException {
		byte[] bytes = Files.readAllBytes(ROOT.resolve(file));
		for (byte b : bytes) {
			if (b == 0) {
				return Optional.empty();
			}
		}
		try {
			return Optional.of(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(bytes))
				.toString());
		}
		catch (CharacterCodingException e) {
			return Optional.empty();
		}
	}

	@Test
	void theFilesOfTheProjectAreFound() throws Exception {
		assertThat(trackedFiles()).contains("README.md", "pom.xml", "docs/indicators.md",
				"src/test/java/org/tuanwu/SelfContainedRepositoryTests.java");
	}

	@Test
	void noFileRefersToAPathOutsideTheRepository() throws Exception {
		List<String> found = new ArrayList<>();
		for (String file : trackedFiles()) {
			Optional<String> text = text(file);
			if (text.isEmpty()) {
				continue;
			}
			String[] lines = text.get().split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				for (String folder : MACHINE_FOLDERS) {
					if (lines[i].contains(folder)) {
						found.add(file + ":" + (i + 1) + " " + folder);
					}
				}
				for (String path : climbingOut(file, lines[i])) {
					found.add(file + ":" + (i + 1) + " " + path);
				}
			}
		}

		assertThat(found).as("paths outside the repository").isEmpty();
	}

	@Test
	void aRelativePathIsOutsideWhenItClimbsAboveTheRepositoryOrToNothing() {
		String up = "..";
		assertThat(climbingOut("README.md", "see " + up + "/notes/x for more")).containsExactly(up + "/notes");
		assertThat(climbingOut("docs/api.md", "see " + up + "/README.md")).isEmpty();
		assertThat(climbingOut("docs/api.md", "see " + up + "/" + up + "/elsewhere")).hasSize(1);
		// From docs/ one level up is the repository itself, where no such folder is.
		assertThat(climbingOut("docs/api.md", "see " + up + "/notes/x")).containsExactly(up + "/notes");
		assertThat(climbingOut("frontend/src/utils/__tests__/x.spec.ts", "from '" + up + "/password-policy'"))
			.isEmpty();
		assertThat(climbingOut("frontend/src/a.ts", "from '" + up + "/" + up + "/" + up + "/elsewhere'")).hasSize(1);
	}

	@Test
	void theDocumentsTheProjectNamesAreInTheRepository() throws Exception {
		List<String> missing = new ArrayList<>();
		for (String file : trackedFiles()) {
			Optional<String> text = text(file);
			if (text.isEmpty() || NOT_CHECKED_FOR_DOCUMENTS.stream().anyMatch(file::startsWith)) {
				continue;
			}
			Path dir = Optional.ofNullable(Path.of(file).getParent()).orElse(Path.of(""));
			Matcher m = DOCUMENT.matcher(text.get());
			while (m.find()) {
				String name = m.group(1);
				// Relative to the file, to the repository, or a bare name of docs/.
				if (Stream.of(ROOT.resolve(dir), ROOT, ROOT.resolve("docs"))
					.noneMatch(base -> Files.isRegularFile(base.resolve(name)))) {
					missing.add(file + " names " + name);
				}
			}
		}

		assertThat(missing).as("documents that are not in the repository").isEmpty();
	}

	@Test
	void recognisesTheWaysADocumentIsNamed() {
		// Joined here, so that this file does not name documents that are not there.
		String md = ".md";
		String text = "see docs/api" + md + ", [scorecard" + md + "](scorecard" + md + ") and `EXCHANGE" + md + "`; [*"
				+ md + "] and x" + md + "x are no documents";

		List<String> names = new ArrayList<>();
		Matcher m = DOCUMENT.matcher(text);
		while (m.find()) {
			names.add(m.group(1));
		}

		assertThat(names).containsExactly("docs/api" + md, "scorecard" + md, "scorecard" + md, "EXCHANGE" + md);
	}

}
