package org.tuanwu.scorecard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.tuanwu.scorecard.internal.RulePack.PackIndicator;

/**
 * The code catalogue and the built-in packs against the project's indicator catalogue,
 * {@code docs/indicators.md}: every code with its Chinese name, every code in exactly the
 * packs its row lists, with the row's target (or the pack's own, in parentheses) and a
 * clause the row names — so that the packs, the code and the document cannot drift apart.
 */
class PolicyRulesCatalogueTests {

	static final Path CATALOGUE = Path.of("docs", "indicators.md");

	/** A target as the document writes it: {@code ≥ 100 %}, {@code ≤ 0}, {@code > 0}… */
	static final Pattern TARGET = Pattern.compile("^(≥|≤|=|>|<) (\\d+(?:\\.\\d+)?)( %)?$");

	/** A pack of the packs column, with its own target in parentheses if it differs. */
	static final Pattern PACK = Pattern.compile("^([A-Z]+)(?: \\((.+)\\))?$");

	/** One row of the document's tables. */
	record Row(String code, String name, String target, List<String> clauses, Map<String, String> packs) {

		/** The target pack {@code id} applies to this code. */
		String targetIn(String id) {
			String own = packs.get(id);
			return own.isEmpty() ? target : own;
		}

	}

	static List<Row> rows() throws IOException {
		List<Row> rows = new ArrayList<>();
		for (String line : Files.readAllLines(CATALOGUE, StandardCharsets.UTF_8)) {
			String[] cells = line.split("\\|");
			if (cells.length < 7 || !cells[1].strip().matches("[A-Z][A-Z0-9_]+")) {
				continue;
			}
			Map<String, String> packs = new LinkedHashMap<>();
			for (String p : cells[6].split(",")) {
				Matcher m = PACK.matcher(p.strip());
				assertThat(m.matches()).as("packs of " + cells[1].strip() + ": " + p).isTrue();
				packs.put(m.group(1), Optional.ofNullable(m.group(2)).orElse(""));
			}
			rows.add(new Row(cells[1].strip(), cells[2].strip(), cells[4].strip(),
					Arrays.stream(cells[5].split(";")).map(String::strip).toList(), packs));
		}
		return rows;
	}

	static Map<String, RulePack> packs() {
		Map<String, RulePack> packs = new LinkedHashMap<>();
		RulePacks.BUILT_IN.forEach(id -> packs.put(id, RulePackParser.parse(RulePacks.classpathYaml(id), true)));
		return packs;
	}

	@Test
	void theCatalogueHasEveryCodeOfTheDocumentWithItsName() throws IOException {
		List<Row> rows = rows();

		assertThat(rows).hasSizeGreaterThan(60);
		assertThat(IndicatorCatalogue.all().keySet())
			.containsExactlyInAnyOrderElementsOf(rows.stream().map(Row::code).toList());
		for (Row row : rows) {
			assertThat(IndicatorCatalogue.get(row.code()).name()).as(row.code()).isEqualTo(row.name());
		}
	}

	@Test
	void theDocumentListsEveryBuiltInPackAndNoOther() throws IOException {
		Set<String> listed = new TreeSet<>();
		rows().forEach(row -> listed.addAll(row.packs().keySet()));

		assertThat(listed).containsExactlyInAnyOrderElementsOf(RulePacks.BUILT_IN);
	}

	@Test
	void everyPackHoldsExactlyTheCodesTheDocumentGivesIt() throws IOException {
		Map<String, RulePack> packs = packs();
		for (Row row : rows()) {
			for (RulePack pack : packs.values()) {
				assertThat(pack.indicator(row.code()).isPresent()).as(pack.id() + " holds " + row.code())
					.isEqualTo(row.packs().containsKey(pack.id()));
			}
		}
	}

	@Test
	void everyPackCitesAClauseTheDocumentNames() throws IOException {
		Map<String, RulePack> packs = packs();
		for (Row row : rows()) {
			for (String id : row.packs().keySet()) {
				PackIndicator pi = packs.get(id).indicator(row.code()).orElseThrow();

				assertThat(row.clauses()).as(id + " " + row.code()).contains(pi.clause());
				assertThat(pi.clause()).as(id + " " + row.code()).startsWith(id);
			}
		}
	}

	@Test
	void everyPackUsesTheTargetsOfTheDocument() throws IOException {
		Map<String, RulePack> packs = packs();
		for (Row row : rows()) {
			for (String id : row.packs().keySet()) {
				PackIndicator pi = packs.get(id).indicator(row.code()).orElseThrow();
				String t = row.targetIn(id);
				String what = id + " " + row.code() + " (" + t + ")";
				if (t.equals("参考")) {
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

	@Test
	void readsTheTargetNotationOfTheDocument() {
		assertThat(expected("≥ 100 %")).containsExactly(">=", "1");
		assertThat(expected("≥ 60 %")).containsExactly(">=", "0.6");
		assertThat(expected("= 100 %")).containsExactly("==", "1");
		assertThat(expected("≥ 90")).containsExactly(">=", "90");
		assertThat(expected("≤ 0")).containsExactly("<=", "0");
		assertThat(expected("> 0")).containsExactly(">", "0");
		assertThat(expected("是")).containsExactly("==", "1");
	}

	/** The op and value a target cell states. */
	static String[] expected(String t) {
		if (t.equals("是")) {
			return new String[] { "==", "1" };
		}
		Matcher m = TARGET.matcher(t);
		if (!m.matches()) {
			throw new AssertionError("target not understood by this test: " + t);
		}
		String op = switch (m.group(1)) {
			case "≥" -> ">=";
			case "≤" -> "<=";
			case "=" -> "==";
			default -> m.group(1);
		};
		BigDecimal value = new BigDecimal(m.group(2));
		if (m.group(3) != null) {
			value = value.movePointLeft(2);
		}
		return new String[] { op, value.stripTrailingZeros().toPlainString() };
	}

}
