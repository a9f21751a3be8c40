package org.tuanwu.scorecard.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tuanwu.shared.Problem;

class RulePackParserTests {

	static final String HEAD = """
			id: CITY
			title: 某市实施方案
			issuer: 某市团委
			issuedOn: 2024-03-01
			clauses:
			  C-1: 村级团组织设置达到100%。
			indicators:
			""";

	static List<Map<String, Object>> errors(String yaml) {
		Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> RulePackParser.parse(yaml, false));
		assertThat(t).isInstanceOf(Problem.class);
		Problem p = (Problem) t;
		assertThat(p.status()).isEqualTo(400);
		assertThat(p.code()).isEqualTo("scorecard.pack-invalid");
		return p.errors();
	}

	@Test
	void readsAGoodPack() {
		RulePack pack = RulePackParser.parse(
				HEAD + """
						  - {code: ORG_VILLAGE_COVERAGE, target: {op: ">=", value: 1.0}, appliesTo: [COUNTY_COMMITTEE], clause: C-1}
						  - {code: MEM_STUDY_COVERAGE, informational: true, clause: C-1}
						""",
				false);

		assertThat(pack.id()).isEqualTo("CITY");
		assertThat(pack.issuedOn()).hasValue(java.time.LocalDate.of(2024, 3, 1));
		assertThat(pack.indicators()).hasSize(2);
		assertThat(pack.indicator("ORG_VILLAGE_COVERAGE").orElseThrow().target().orElseThrow().value())
			.isEqualByComparingTo("1.0");
		assertThat(pack.indicator("MEM_STUDY_COVERAGE").orElseThrow().informational()).isTrue();
	}

	@Test
	void refusesMalformedYamlNamingTheLine() {
		List<Map<String, Object>> errors = errors("""
				id: CITY
				title: 某市
				indicators:
				  - {code: ORG_VILLAGE_COVERAGE, target: {op: ">=", value: 1.0
				  - {code: X}
				""");

		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).get("field")).isEqualTo("yaml");
		assertThat(String.valueOf(errors.get(0).get("message"))).contains("YAML 格式错误").containsPattern("第 [45] 行");
	}

	@Test
	void refusesEveryBadIndicatorAtOnce() {
		List<Map<String, Object>> errors = errors(HEAD + """
				  - {code: ORG_NOT_A_CODE, target: {op: ">=", value: 1.0}, clause: C-1}
				  - {code: ORG_SOE_COVERAGE, target: {op: "=>", value: 1.0}, clause: C-1}
				  - {code: ORG_SOCIAL_COVERAGE, target: {op: ">=", value: 六成}, clause: C-1}
				  - {code: MEM_STUDY_COVERAGE, informational: true, target: {op: ">=", value: 1.0}, clause: C-1}
				  - {code: MEM_ARCHIVE_RATE, clause: C-1}
				  - {code: ORG_LEAGUE_SCHOOL, target: {op: ">=", value: 1.0}, clause: C-9}
				""");

		assertThat(errors).extracting(e -> e.get("field"))
			.containsExactly("indicators[0].code", "indicators[1].target.op", "indicators[2].target.value",
					"indicators[3].target", "indicators[4].target", "indicators[5].clause");
		assertThat(errors).extracting(e -> String.valueOf(e.get("message")))
			.anySatisfy(m -> assertThat(m).contains("未知的指标编码：ORG_NOT_A_CODE"))
			.anySatisfy(m -> assertThat(m).contains("C-9"));
	}

	@Test
	void namesTheLineAndColumnOfEveryBadIndicator() {
		// HEAD is 7 lines; the items start on line 8, their values at fixed offsets.
		List<Map<String, Object>> errors = errors(HEAD + """
				  - {code: ORG_NOT_A_CODE, target: {op: ">=", value: 1.0}, clause: C-1}
				  - {code: ORG_SOE_COVERAGE, target: {op: "=>", value: 1.0}, clause: C-1}
				  - {code: ORG_SOCIAL_COVERAGE, target: {op: ">=", value: 六成}, clause: C-1}
				  - {code: MEM_ARCHIVE_RATE, clause: C-1}
				""");

		// " - {code: " is 11 characters: the code is in column 12.
		assertThat(errors.get(0)).containsEntry("line", 8)
			.containsEntry("column", 12)
			.hasEntrySatisfying("message",
					m -> assertThat(String.valueOf(m)).isEqualTo("第 8 行第 12 列：未知的指标编码：ORG_NOT_A_CODE"));
		// " - {code: ORG_SOE_COVERAGE, target: {op: " is 42 characters.
		assertThat(errors.get(1)).containsEntry("field", "indicators[1].target.op")
			.containsEntry("line", 9)
			.containsEntry("column", 43);
		// A missing target is reported where its indicator starts (the "{" after "- ").
		assertThat(errors.get(3)).containsEntry("field", "indicators[3].target")
			.containsEntry("line", 11)
			.containsEntry("column", 5);
	}

	@Test
	void translatesTheYamlParsersProblemsIntoChinese() {
		// The second colon of line 2: "title: 某市" is 9 characters.
		assertThat(yamlError("id: CITY\ntitle: 某市: 方案\n")).containsEntry("line", 2)
			.containsEntry("column", 10)
			.hasEntrySatisfying("message",
					m -> assertThat(String.valueOf(m)).startsWith("第 2 行第 10 列：YAML 格式错误：此处不能出现冒号"));
		assertThat(String.valueOf(yamlError("id: A\nid: B\ntitle: 某市\n").get("message"))).contains("键 id 重复出现");
		assertThat(String.valueOf(yamlError("id: A\ntitle: \"某市\n").get("message"))).contains("没有闭合");
		assertThat(String.valueOf(yamlError("id: A\nindicators: [{code: X\n").get("message"))).contains("没有闭合");
		assertThat(String.valueOf(yamlError("id: A\n  title: 某市\n").get("message"))).contains("冒号");
		assertThat(String.valueOf(yamlError("id: A\ntitle: @某市\n").get("message"))).contains("“@”不能出现在此处");
	}

	@Test
	void neverShowsTheParsersEnglish() {
		for (String bad : List.of("id: CITY\ntitle: 某市: 方案\n", "id: A\nid: B\n", "id: A\ntitle: \"某市\n",
				"id: A\nindicators: [{code: X\n", "id: A\n  title: 某市\n", "id: A\ntitle: @某市\n", "id: A\n\ttitle: 某市\n",
				"a: &x [1]\nb: *y\n", "id: !!java.io.File x\n", "- a\nb: c\n", "id: {a: 1\n", "? [a, b\n",
				"id: \"\\q\"\n")) {
			String message = String.valueOf(yamlError(bad).get("message"));
			assertThat(message.replace("YAML", "").replace("Tab", "")).as(bad)
				.startsWith("第 ")
				.doesNotContainPattern("[A-Za-z]{3,}");
		}
	}

	static Map<String, Object> yamlError(String yaml) {
		List<Map<String, Object>> errors = errors(yaml);
		assertThat(errors).as(yaml).hasSize(1);
		assertThat(errors.get(0)).containsEntry("field", "yaml");
		return errors.get(0);
	}

	@Test
	void refusesAPackWithoutIdTitleOrIndicators() {
		assertThat(errors("issuer: 某单位\n")).extracting(e -> e.get("field"))
			.containsExactly("id", "title", "indicators");
	}

	@Test
	void everyBuiltInPackParses() {
		for (String id : RulePacks.BUILT_IN) {
			RulePack pack = RulePackParser.parse(RulePacks.classpathYaml(id), true);
			assertThat(pack.id()).isEqualTo(id);
			assertThat(pack.indicators()).isNotEmpty();
		}
	}

}
