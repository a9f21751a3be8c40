package org.tuanwu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A module's tables appear only in its own SQL (docs/architecture.md "Tables belong to
 * their module"). Each table, view and sequence belongs to the module whose migration
 * folder creates it; the SQL in a module's Java sources (its string literals) and in its
 * migrations may name only its own tables, the views other modules publish, and — in a
 * migration, for a foreign key — another module's table after {@code REFERENCES}.
 */
class TableOwnershipTests {

	static final Path JAVA = Path.of("src", "main", "java", "org", "tuanwu");

	static final Path MIGRATIONS = Path.of("src", "main", "resources", "db");

	/**
	 * The migration folder of the platform's own tables (band 0), named like no module.
	 */
	static final String PLATFORM = "platform";

	/**
	 * Named exceptions, each with its reason: a source file and a table of another module
	 * it may name.
	 */
	static final Map<String, Set<String>> ALLOWED = Map.of(
			// The benchmark times the organization module's queries against bare scans
			// of the same tables (the floor no query can beat) and against the plain
			// LIKE search the trigram index replaced; a benchmark, not a feature.
			"demo/internal/BenchCommand.java", Set.of("org", "unit"));

	static final Pattern CREATES = Pattern.compile(
			"(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(table|view|sequence)\\s+(?:if\\s+not\\s+exists\\s+)?\"?([a-z_][a-z0-9_]*)");

	/** Where SQL names a table: after these words (and in sequence functions). */
	static final Pattern NAMES = Pattern.compile(
			"(?i)\\b(from|join|into|update|table|on|references|truncate)\\s+\"?([a-z_][a-z0-9_]*)\"?|nextval\\s*\\(\\s*'([a-z_][a-z0-9_]*)'|next\\s+value\\s+for\\s+([a-z_][a-z0-9_]*)");

	record Relation(String name, String kind, String module, Path createdIn) {

		boolean published() {
			return kind.equalsIgnoreCase("view");
		}

	}

	record Reference(String word, String table) {
	}

	/** Every table, view and sequence of the migrations, by name. */
	static Map<String, Relation> relations() throws IOException {
		Map<String, Relation> relations = new TreeMap<>();
		for (Path file : migrations()) {
			String module = moduleOfMigration(file);
			Matcher m = CREATES.matcher(withoutSqlComments(Files.readString(file, StandardCharsets.UTF_8)));
			while (m.find()) {
				String name = m.group(2).toLowerCase();
				Relation previous = relations.put(name, new Relation(name, m.group(1), module, file));
				assertThat(previous)
					.as(name + " is created twice: " + file + " and " + (previous == null ? "" : previous.createdIn()))
					.isNull();
			}
		}
		return relations;
	}

	static List<Path> migrations() throws IOException {
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			return files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
		}
	}

	/**
	 * {@code db/migration/<module>/…} and {@code db/vendor/<database>/<module>/…}.
	 */
	static String moduleOfMigration(Path file) {
		Path relative = MIGRATIONS.relativize(file);
		int index = relative.getName(0).toString().equals("vendor") ? 2 : 1;
		return relative.getName(index).toString();
	}

	static Set<String> modules() throws IOException {
		try (Stream<Path> dirs = Files.list(JAVA)) {
			return dirs.filter(Files::isDirectory)
				.map(d -> d.getFileName().toString())
				.collect(TreeSet::new, Set::add, Set::addAll);
		}
	}

	/** The tables and sequences a piece of SQL names, with the word before each. */
	static List<Reference> references(String sql) {
		List<Reference> found = new ArrayList<>();
		Matcher m = NAMES.matcher(sql);
		while (m.find()) {
			if (m.group(2) != null) {
				found.add(new Reference(m.group(1).toLowerCase(), m.group(2).toLowerCase()));
			}
			else {
				found.add(new Reference("sequence", (m.group(3) != null ? m.group(3) : m.group(4)).toLowerCase()));
			}
		}
		return found;
	}

	static String withoutSqlComments(String sql) {
		return sql.replaceAll("--[^\n]*", " ");
	}

	/**
	 * The contents of the string literals and text blocks of a Java source, comments left
	 * out: the SQL a class runs is in its literals.
	 */
	static List<String> literals(String java) {
		List<String> literals = new ArrayList<>();
		int i = 0;
		int n = java.length();
		while (i < n) {
			char c = java.charAt(i);
			if (java.startsWith("//", i)) {
				i = java.indexOf('\n', i) < 0 ? n : java.indexOf('\n', i);
			}
			else if (java.startsWith("/*", i)) {
				int end = java.indexOf("*/", i + 2);
				i = end < 0 ? n : end + 2;
			}
			else if (java.startsWith("\"\"\"", i)) {
				int end = java.indexOf("\"\"\"", i + 3);
				while (end > 0 && java.charAt(end - 1) == '\\') {
					end = java.indexOf("\"\"\"", end + 1);
				}
				end = end < 0 ? n : end;
				literals.add(java.substring(i + 3, end));
				i = end + 3;
			}
			else if (c == '"' || c == '\'') {
				StringBuilder literal = new StringBuilder();
				int j = i + 1;
				while (j < n && java.charAt(j) != c && java.charAt(j) != '\n') {
					if (java.charAt(j) == '\\' && j + 1 < n) {
						literal.append(java.charAt(j + 1));
						j += 2;
					}
					else {
						literal.append(java.charAt(j++));
					}
				}
				if (c == '"') {
					literals.add(literal.toString());
				}
				i = j + 1;
			}
			else {
				i++;
			}
		}
		return literals;
	}

	/** Every module's Java sources with the tables their SQL names. */
	static Map<Path, List<Reference>> sourceReferences() throws IOException {
		Map<Path, List<Reference>> references = new LinkedHashMap<>();
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				List<Reference> found = new ArrayList<>();
				// Adjacent literals are often one statement split over lines.
				found.addAll(references(String.join(" ", literals(Files.readString(file, StandardCharsets.UTF_8)))));
				references.put(file, found);
			}
		}
		return references;
	}

	static String moduleOfSource(Path file) {
		return JAVA.relativize(file).getName(0).toString();
	}

	@Test
	void everyMigrationFolderIsAModuleOrThePlatform() throws IOException {
		Set<String> modules = modules();
		for (Path file : migrations()) {
			assertThat(moduleOfMigration(file)).as(file.toString()).isIn(union(modules, Set.of(PLATFORM)));
		}
	}

	@Test
	void aModulesJavaNamesOnlyItsOwnTablesAndPublishedViews() throws IOException {
		Map<String, Relation> relations = relations();
		List<String> violations = new ArrayList<>();
		sourceReferences().forEach((file, references) -> {
			String module = moduleOfSource(file);
			String relative = JAVA.relativize(file).toString().replace('\\', '/');
			for (Reference r : references) {
				Relation relation = relations.get(r.table());
				if (relation != null && !relation.module().equals(module) && !relation.published()
						&& !ALLOWED.getOrDefault(relative, Set.of()).contains(r.table())) {
					violations.add(relative + " (" + module + ") names " + r.table() + " of " + relation.module()
							+ " after " + r.word().toUpperCase());
				}
			}
		});

		assertThat(violations).as("join the owner's published view (e.g. org_scope) or call its face").isEmpty();
	}

	@Test
	void aModulesMigrationsChangeOnlyItsOwnTables() throws IOException {
		Map<String, Relation> relations = relations();
		List<String> violations = new ArrayList<>();
		for (Path file : migrations()) {
			String module = moduleOfMigration(file);
			for (Reference r : references(withoutSqlComments(Files.readString(file, StandardCharsets.UTF_8)))) {
				Relation relation = relations.get(r.table());
				if (relation != null && !relation.module().equals(module) && !r.word().equals("references")) {
					violations.add(file + " (" + module + ") names " + r.table() + " of " + relation.module()
							+ " after " + r.word().toUpperCase());
				}
			}
		}

		assertThat(violations).isEmpty();
	}

	@Test
	void theScanSeesTheTablesEachModuleUses() throws IOException {
		Map<String, Set<String>> used = new TreeMap<>();
		sourceReferences().forEach((file, references) -> references
			.forEach(r -> used.computeIfAbsent(moduleOfSource(file), m -> new TreeSet<>()).add(r.table())));

		// Worked out from the stores of each module: if the scan saw nothing, the rules
		// above would pass without checking anything.
		assertThat(used.get("organization")).contains("org", "org_history", "unit", "org_id_seq");
		assertThat(used.get("identity")).contains("app_user", "user_role", "audit_event");
		assertThat(used.get("scorecard")).contains("scorecard_rule_pack");
		assertThat(relations()).containsKeys("org", "unit", "app_user", "scorecard_rule_pack", "org_scope");
		assertThat(relations().get("org_scope").published()).isTrue();
		assertThat(relations().get("org").published()).isFalse();
	}

	@Test
	void readsSqlFromLiteralsAndTextBlocksButNotFromComments() {
		String java = """
				// SELECT * FROM app_user in a comment
				/* JOIN audit_event in a block comment */
				class X {
					String a = "SELECT count(*) FROM unit u JOIN \\"org\\" o ON o.id = u.responsible_org_id";
					String b = \"""
							UPDATE org_history SET x = 1
							\""";
					char c = '"';
					String d = "INSERT INTO member (id) VALUES (nextval('member_seq'))";
				}
				""";

		List<Reference> found = references(String.join(" ", literals(java)));

		assertThat(found).extracting(Reference::table)
			.containsSubsequence("unit", "org", "org_history", "member", "member_seq")
			.doesNotContain("app_user", "audit_event");
	}

	static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> all = new TreeSet<>(a);
		all.addAll(b);
		return all;
	}

}
