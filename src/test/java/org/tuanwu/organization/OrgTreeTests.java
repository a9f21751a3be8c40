package org.tuanwu.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.shared.Problem;
import org.tuanwu.support.TestUsers;

@DatabaseTest
@Import(TestUsers.class)
class OrgTreeTests {

	@Autowired
	OrganizationManagement orgs;

	@Autowired
	TestUsers fixtures;

	@Autowired
	JdbcClient jdbc;

	final Actor admin = TestUsers.platform();

	String path(long id) {
		return jdbc.sql("SELECT path FROM org WHERE id = ?").param(id).query(String.class).single();
	}

	@Test
	void createsUnderAParentWithAPathBelowIt() {
		OrgDetail county = fixtures.root("路径县团委");
		OrgDetail town = fixtures.child(county, "路径镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		assertThat(path(town.id())).isEqualTo(path(county.id()) + town.id() + "/");
		assertThat(town.termYears()).isEqualTo(3);
		assertThat(town.path()).extracting(OrgDetail.OrgRef::id).containsExactly(county.id(), town.id());
		assertThat(orgs.children(admin, county.id(), false)).extracting(OrgNode::code).containsExactly(town.code());
		assertThat(orgs.roots(admin, false)).extracting(OrgNode::id).contains(county.id());
	}

	@Test
	void refusesADuplicateCode() {
		OrgDetail county = fixtures.root("重码县团委");
		Problem p = catchThrowableOfType(Problem.class,
				() -> orgs.create(admin, county.id(), TestUsers.draft(county.code(), "重复", OrgKind.BRANCH)));
		assertThat(p.status()).isEqualTo(409);
		// The caller sees the org holding the code, so it is named.
		assertThat(p.detail()).isEqualTo("组织编码 " + county.code() + " 已是 重码县团委 的编码，请换一个编码");
	}

	@Test
	void aBranchHasNoChildOrgsAndAGeneralBranchOnlyBranches() {
		OrgDetail county = fixtures.root("规则县团委");
		OrgDetail general = fixtures.child(county, "某校团总支", OrgKind.GENERAL_BRANCH);
		OrgDetail branch = fixtures.child(general, "一班团支部", OrgKind.BRANCH);
		Problem underBranch = catchThrowableOfType(Problem.class, () -> fixtures.child(branch, "团小组", OrgKind.BRANCH));
		assertThat(underBranch.detail()).contains("团支部之下不能再设下级组织");
		Problem committeeUnderGeneral = catchThrowableOfType(Problem.class,
				() -> fixtures.child(general, "某团委", OrgKind.BASIC_COMMITTEE));
		assertThat(committeeUnderGeneral.detail()).contains("团总支之下只能设团支部类组织");
		// a committee with a child committee cannot become a branch
		OrgDetail committee = fixtures.child(county, "某企业团委", OrgKind.BASIC_COMMITTEE);
		fixtures.child(committee, "车间团总支", OrgKind.GENERAL_BRANCH);
		Problem toBranch = catchThrowableOfType(Problem.class, () -> orgs.update(admin, committee.id(),
				TestUsers.draft(committee.code(), committee.name(), OrgKind.BRANCH), committee.version()));
		assertThat(toBranch.status()).isEqualTo(400);
	}

	@Test
	void movesAWholeSubtreeInOneStepAndRefusesACycle() {
		OrgDetail county = fixtures.root("迁移县团委");
		OrgDetail townA = fixtures.child(county, "甲镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail school = fixtures.child(townA, "甲镇中学团委", OrgKind.BASIC_COMMITTEE);
		OrgDetail grade = fixtures.child(school, "初一团总支", OrgKind.GENERAL_BRANCH);
		OrgDetail klass = fixtures.child(grade, "初一(1)班团支部", OrgKind.BRANCH);
		OrgDetail townB = fixtures.child(county, "乙镇团委", OrgKind.TOWNSHIP_COMMITTEE);

		Problem cycle = catchThrowableOfType(Problem.class, () -> orgs.move(admin, townA.id(), grade.id()));
		assertThat(cycle.status()).isEqualTo(400);
		assertThat(cycle.code()).isEqualTo("org.move-cycle");
		Problem self = catchThrowableOfType(Problem.class, () -> orgs.move(admin, townA.id(), townA.id()));
		assertThat(self.code()).isEqualTo("org.move-cycle");

		orgs.move(admin, school.id(), townB.id());
		String base = path(townB.id());
		assertThat(path(school.id())).isEqualTo(base + school.id() + "/");
		assertThat(path(grade.id())).isEqualTo(base + school.id() + "/" + grade.id() + "/");
		assertThat(path(klass.id())).isEqualTo(base + school.id() + "/" + grade.id() + "/" + klass.id() + "/");
		assertThat(orgs.children(admin, townA.id(), true)).isEmpty();
		assertThat(orgs.search(admin, "初一", Optional.of(townB.id()), Optional.empty(), false, 0, 10).total())
			.isEqualTo(2);
		int depth = jdbc.sql("SELECT depth FROM org WHERE id = ?").param(klass.id()).query(Integer.class).single();
		assertThat(depth).isEqualTo(4);
		long moved = jdbc.sql("SELECT count(*) FROM org_history WHERE org_id = ? AND event = 'MOVED'")
			.param(school.id())
			.query(Long.class)
			.single();
		assertThat(moved).isEqualTo(1);
	}

	@Test
	void dissolvesKeepingTheOrgHiddenByDefault() {
		OrgDetail county = fixtures.root("撤销县团委");
		OrgDetail town = fixtures.child(county, "撤销镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail branch = fixtures.child(town, "撤销村团支部", OrgKind.BRANCH);
		Problem withChildren = catchThrowableOfType(Problem.class,
				() -> orgs.dissolve(admin, town.id(), LocalDate.now().minusDays(1), "合并"));
		assertThat(withChildren.detail()).contains("1 个未撤销的下级组织");
		Problem noReason = catchThrowableOfType(Problem.class,
				() -> orgs.dissolve(admin, branch.id(), LocalDate.now(), " "));
		assertThat(noReason.detail()).contains("撤销原因");
		Problem future = catchThrowableOfType(Problem.class,
				() -> orgs.dissolve(admin, branch.id(), LocalDate.now().plusDays(3), "将来"));
		assertThat(future.detail()).contains("不能晚于今天");

		OrgDetail dissolved = orgs.dissolve(admin, branch.id(), LocalDate.now(), "村团支部合并");
		assertThat(dissolved.dissolvedOn()).contains(LocalDate.now());
		assertThat(orgs.children(admin, town.id(), false)).isEmpty();
		assertThat(orgs.children(admin, town.id(), true)).extracting(OrgNode::id).containsExactly(branch.id());
		assertThat(orgs.get(admin, branch.id()).name()).isEqualTo("撤销村团支部");
		assertThat(orgs.stats(admin, Optional.of(town.id())).dissolved()).isEqualTo(1);
		assertThat(orgs.stats(admin, Optional.of(town.id())).total()).isEqualTo(1);
		Problem under = catchThrowableOfType(Problem.class, () -> fixtures.child(dissolved, "x", OrgKind.BRANCH));
		assertThat(under).isNotNull();
	}

	@Test
	void editsAreVersionedAndAudited() {
		OrgDetail county = fixtures.root("编辑县团委");
		OrgDetail town = fixtures.child(county, "编辑镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDraft draft = new OrgDraft(town.code(), "编辑镇团委（新）", OrgKind.TOWNSHIP_COMMITTEE, Sector.TOWNSHIP,
				Optional.of(LocalDate.of(2010, 5, 4)), Optional.of(LocalDate.of(2023, 6, 1)), Optional.empty(),
				Optional.of(5200), Optional.of(9000), Optional.of(true));
		OrgDetail edited = orgs.update(admin, town.id(), draft, town.version());
		assertThat(edited.termExpiresOn()).contains(LocalDate.of(2026, 6, 1));
		assertThat(edited.version()).isEqualTo(town.version() + 1);
		Problem stale = catchThrowableOfType(Problem.class, () -> orgs.update(admin, town.id(), draft, town.version()));
		assertThat(stale.status()).isEqualTo(409);
		String changes = jdbc.sql("SELECT changes FROM audit_event WHERE action = 'ORG_UPDATED' AND target_id = ?")
			.param(town.code())
			.query(String.class)
			.single();
		assertThat(changes).contains("编辑镇团委（新）").contains("\"before\":\"编辑镇团委\"").contains("residentYouth");
		Problem codeChange = catchThrowableOfType(Problem.class, () -> orgs.update(admin, town.id(),
				TestUsers.draft("OTHER-" + town.code(), "x", OrgKind.TOWNSHIP_COMMITTEE), edited.version()));
		assertThat(codeChange.detail()).contains("组织编码不能修改");
	}

	@Test
	void importIsAllOrNothingAndReimportUpdatesWithoutDuplicating() {
		OrgDetail county = fixtures.root("导入县团委");
		String town = TestUsers.unique("T");
		String village = TestUsers.unique("V");
		List<OrgImport.Row> bad = List.of(
				new OrgImport.Row(2, record(town, "导入镇团委", county.code(), OrgKind.TOWNSHIP_COMMITTEE)),
				new OrgImport.Row(3, record(village, "导入村团支部", town, OrgKind.BRANCH)),
				new OrgImport.Row(4, record(TestUsers.unique("X"), "孤儿支部", "NO-SUCH-PARENT", OrgKind.BRANCH)),
				new OrgImport.Row(5, record(village, "重复编码", town, OrgKind.BRANCH)));
		var refused = orgs.importOrganizations(admin, bad, List.of());
		assertThat(refused.errors()).extracting(org.tuanwu.shared.RowError::row).containsExactly(4, 5);
		assertThat(refused.errors().get(0).value()).isEqualTo("NO-SUCH-PARENT");
		assertThat(refused.errors().get(0).field()).isEqualTo("parent_code");
		assertThat(refused.errors().get(0).reason()).isEqualTo("上级组织不存在（文件和系统中都没有这个编码）");
		assertThat(orgs.findByCode(admin, town)).isEmpty();

		var first = orgs.importOrganizations(admin, bad.subList(0, 2), List.of());
		assertThat(first.created()).isEqualTo(2);
		var again = orgs.importOrganizations(admin, bad.subList(0, 2), List.of());
		assertThat(again.created()).isZero();
		assertThat(again.unchanged()).isEqualTo(2);
		var renamed = orgs.importOrganizations(admin,
				List.of(new OrgImport.Row(2, record(village, "导入村团支部（更名）", town, OrgKind.BRANCH))), List.of());
		assertThat(renamed.updated()).isEqualTo(1);
		assertThat(orgs.findByCode(admin, village).orElseThrow().name()).isEqualTo("导入村团支部（更名）");
		long count = jdbc.sql("SELECT count(*) FROM org WHERE code IN (?, ?)")
			.params(town, village)
			.query(Long.class)
			.single();
		assertThat(count).isEqualTo(2);
	}

	@Test
	void importRefusesACycleThroughTheFile() {
		OrgDetail county = fixtures.root("循环县团委");
		String a = TestUsers.unique("A");
		String b = TestUsers.unique("B");
		var outcome = orgs.importOrganizations(admin,
				List.of(new OrgImport.Row(2, record(a, "甲", b, OrgKind.BASIC_COMMITTEE)),
						new OrgImport.Row(3, record(b, "乙", a, OrgKind.BASIC_COMMITTEE))),
				List.of());
		assertThat(outcome.errors()).extracting(org.tuanwu.shared.RowError::reason).allMatch(r -> r.contains("循环"));
		// an existing org moved below its own child through a file is a cycle too
		OrgDetail town = fixtures.child(county, "循环大学团委", OrgKind.BASIC_COMMITTEE);
		OrgDetail committee = fixtures.child(town, "循环学院团委", OrgKind.BASIC_COMMITTEE);
		var moveCycle = orgs.importOrganizations(admin, List
			.of(new OrgImport.Row(2, record(town.code(), town.name(), committee.code(), OrgKind.BASIC_COMMITTEE))),
				List.of());
		assertThat(moveCycle.refused()).isTrue();
		assertThat(moveCycle.errors().get(0).reason())
			.startsWith("上下级关系构成循环：" + town.code() + " → " + committee.code() + " → " + town.code());
	}

	@Test
	void searchResultsCarryTheirPathWithinTheCallersView() {
		OrgDetail county = fixtures.root("路径搜索县团委");
		OrgDetail townA = fixtures.child(county, "东镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail townB = fixtures.child(county, "西镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		String name = TestUsers.unique("同名村") + "团支部";
		OrgDetail inA = fixtures.child(townA, name, OrgKind.BRANCH);
		OrgDetail inB = fixtures.child(townB, name, OrgKind.BRANCH);
		var hits = orgs.search(fixtures.adminOf(county), name, Optional.empty(), Optional.empty(), false, 0, 10)
			.items();
		// Same names, told apart by their township (from the top of the caller's view).
		assertThat(hits).extracting(OrgNode::id).containsExactly(inA.id(), inB.id());
		assertThat(hits.get(0).ancestors()).extracting(OrgDetail.OrgRef::name).containsExactly("路径搜索县团委", "东镇团委");
		assertThat(hits.get(1).ancestors()).extracting(OrgDetail.OrgRef::name).containsExactly("路径搜索县团委", "西镇团委");
		// A town admin's view starts at the town: nothing above it is shown.
		var fromTown = orgs.search(fixtures.adminOf(townA), name, Optional.empty(), Optional.empty(), false, 0, 10);
		assertThat(fromTown.items()).singleElement()
			.satisfies(n -> assertThat(n.ancestors()).extracting(OrgDetail.OrgRef::name).containsExactly("东镇团委"));
		assertThat(orgs.children(admin, townA.id(), false)).singleElement()
			.satisfies(
					n -> assertThat(n.ancestors()).extracting(OrgDetail.OrgRef::id).endsWith(county.id(), townA.id()));
	}

	@Test
	void theNameSearchFindsOneAndTwoCharacterKeywordsAndTakesWildcardsLiterally() {
		OrgDetail county = fixtures.root("关键词县团委");
		OrgDetail town = fixtures.child(county, "新华镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail village = fixtures.child(town, "新华村团支部", OrgKind.BRANCH);
		OrgDetail percent = fixtures.child(town, "百分之100%团支部", OrgKind.BRANCH);
		fixtures.child(town, "华新社区团支部", OrgKind.BRANCH);
		Optional<Long> under = Optional.of(county.id());
		assertThat(orgs.search(admin, "新华", under, Optional.empty(), false, 0, 10).items()).extracting(OrgNode::id)
			.containsExactly(town.id(), village.id());
		assertThat(orgs.search(admin, "村", under, Optional.empty(), false, 0, 10).items()).extracting(OrgNode::id)
			.containsExactly(village.id());
		assertThat(orgs.search(admin, "%", under, Optional.empty(), false, 0, 10).items()).extracting(OrgNode::id)
			.containsExactly(percent.id());
		assertThat(orgs.search(admin, "团支部", under, Optional.empty(), false, 0, 10).total()).isEqualTo(3);
		// the code half: a prefix of the code
		assertThat(orgs.search(admin, village.code(), under, Optional.empty(), false, 0, 10).items())
			.extracting(OrgNode::id)
			.containsExactly(village.id());
	}

	@Test
	void theMovePickerListsOnlyValidNewParents() {
		OrgDetail county = fixtures.root("调整县团委");
		OrgDetail townA = fixtures.child(county, "调整甲镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail townB = fixtures.child(county, "调整乙镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail townC = fixtures.child(county, "调整丙镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		orgs.dissolve(admin, townC.id(), LocalDate.now(), "撤并");
		OrgDetail committee = fixtures.child(townA, "调整企业团委", OrgKind.BASIC_COMMITTEE);
		OrgDetail below = fixtures.child(committee, "调整车间团总支", OrgKind.GENERAL_BRANCH);
		fixtures.child(townA, "调整村团支部", OrgKind.BRANCH);
		var valid = orgs
			.search(admin,
					new OrgSearch("", Optional.of(county.id()), Optional.empty(), false, Optional.of(committee.id()),
							Optional.empty(), 0, 50))
			.items();
		// Not its current parent (town A), not itself or below it, not a branch, not a
		// dissolved town.
		assertThat(valid).extracting(OrgNode::id).containsExactlyInAnyOrder(county.id(), townB.id());
		assertThat(valid).extracting(OrgNode::id).doesNotContain(townA.id(), committee.id(), below.id(), townC.id());
		// The parent picker of 新增下级 for a township committee: only county-level orgs.
		var forTownship = orgs
			.search(admin,
					new OrgSearch("", Optional.of(county.id()), Optional.empty(), false, Optional.empty(),
							Optional.of(OrgKind.TOWNSHIP_COMMITTEE), 0, 50))
			.items();
		assertThat(forTownship).extracting(OrgNode::id).containsExactly(county.id());
	}

	@Test
	void aNeverElectedOrgsTermRunsFromItsFounding() {
		OrgDetail county = fixtures.root("届期县团委");
		OrgDetail branch = orgs.create(admin, county.id(),
				new OrgDraft(TestUsers.unique("TM"), "届期团支部", OrgKind.BRANCH, Sector.OTHER,
						Optional.of(LocalDate.of(2022, 3, 1)), Optional.empty(), Optional.empty(), Optional.empty(),
						Optional.empty(), Optional.empty()));
		// founding 2022-03-01 + 2 years (a branch's default term)
		assertThat(branch.termExpiresOn()).contains(LocalDate.of(2024, 3, 1));
	}

	static OrgRecord record(String code, String name, String parent, OrgKind kind) {
		return new OrgRecord(code, name, Optional.of(parent), kind, Sector.OTHER, Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
	}

}
