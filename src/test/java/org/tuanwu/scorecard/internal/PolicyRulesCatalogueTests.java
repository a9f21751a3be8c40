package org.tuanwu.scorecard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tuanwu.scorecard.internal.RulePack.PackIndicator;

/**
 * The catalogue and the built-in packs against POLICY-RULES.md (beside the project, as in
 * CI): every code with its name, every code in every pack its source column names
 * ({@code DOMAIN} → {@code STD}) and no other, and the targets of the target column — so
 * that neither can drift from the other.
 */
class PolicyRulesCatalogueTests {

	static final Path RULES = Path.of("..", "shared", "design", "POLICY-RULES.md");

	static final Pattern PACK = Pattern.compile("\\b(JC|QZ|WX|XZ|SZX|DOMAIN)\\b");

	record Row(String code, String name, String target, String source) {
	}

	static List<Row> rows() throws IOException {
		List<Row> rows = new ArrayList<>();
		for (String line : Files.readAllLines(RULES, StandardCharsets.UTF_8)) {
			String[] cells = line.split("\\|");
			if (cells.length >= 6 && cells[1].strip().matches("[A-Z][A-Z0-9_]+")) {
				rows.add(new Row(cells[1].strip(), cells[2].strip(), cells[4].strip(), cells[5].strip()));
			}
		}
		return rows;
	}

	static Set<String> packsOf(Row row) {
		Set<String> packs = new TreeSet<>();
		Matcher m = PACK.matcher(row.source());
		while (m.find()) {
			packs.add(m.group(1).equals("DOMAIN") ? "STD" : m.group(1));
		}
		return packs;
	}

	static Map<String, RulePack> packs() {
		Map<String, RulePack> packs = new LinkedHashMap<>();
		RulePacks.BUILT_IN.forEach(id -> packs.put(id, RulePackParser.parse(RulePacks.classpathYaml(id), true)));
		return packs;
	}

	@Test
	void theCatalogueHasEveryCodeOfPolicyRulesWithItsName() throws IOException {
		List<Row> rows = rows();

		assertThat(rows).hasSizeGreaterThan(60);
		assertThat(IndicatorCatalogue.all().keySet())
			.containsExactlyInAnyOrderElementsOf(rows.stream().map(Row::code).toList());
		for (Row row : rows) {
			assertThat(IndicatorCatalogue.get(row.code()).name()).as(row.code()).isEqualTo(row.name());
		}
	}

	@Test
	void everyPackHoldsExactlyTheCodesItsDocumentNames() throws IOException {
		Map<String, RulePack> packs = packs();
		for (Row row : rows()) {
			Set<String> expected = packsOf(row);
			assertThat(expected).as(row.code()).isNotEmpty();
			for (RulePack pack : packs.values()) {
				assertThat(pack.indicator(row.code()).isPresent()).as(pack.id() + " holds " + row.code())
					.isEqualTo(expected.contains(pack.id()));
			}
		}
	}

	@Test
	void everyPackUsesTheTargetsOfPolicyRules() throws IOException {
		Map<String, RulePack> packs = packs();
		for (Row row : rows()) {
			for (String id : packsOf(row)) {
				PackIndicator pi = packs.get(id).indicator(row.code()).orElseThrow();
				String t = row.target();
				String what = id + " " + row.code() + " (" + t + ")";
				if (t.startsWith("informational") || t.matches(".*\\b" + id + " reports.*")
						|| t.startsWith("within the band")) {
					// The band limits of 团青比 differ per grade band; a single target
					// cannot state them.
					assertThat(pi.informational()).as(what).isTrue();
					continue;
				}
				assertThat(pi.informational()).as(what).isFalse();
				RulePack.Target target = pi.target().orElseThrow();
				String[] expected = expected(t);
				assertThat(target.op()).as(what).isEqualTo(expected[0]);
				assertThat(target.value()).as(what).isEqualByComparingTo(new BigDecimal(expected[1]));
			}
		}
	}

	/** The op and value a target cell states. */
	static String[] expected(String t) {
		Matcher m;
		if (t.startsWith("100 % and not above")) {
			return new String[] { "==", "1" };
		}
		if (t.startsWith("100 %")) {
			return new String[] { ">=", "1" };
		}
		if ((m = Pattern.compile("^≥ (\\d+) %").matcher(t)).find()) {
			return new String[] { ">=", new BigDecimal(m.group(1)).movePointLeft(2).toPlainString() };
		}
		if ((m = Pattern.compile("^≥ (\\d+)").matcher(t)).find()) {
			return new String[] { ">=", m.group(1) };
		}
		if (t.equals("0")) {
			return new String[] { "<=", "0" };
		}
		if (t.equals("> 0")) {
			return new String[] { ">", "0" };
		}
		if (t.equals("yes")) {
			return new String[] { "==", "1" };
		}
		throw new AssertionError("target not understood by this test: " + t);
	}

}
