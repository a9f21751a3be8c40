package org.tuanwu.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.shared.Problem;
import org.tuanwu.support.TestUsers;

/**
 * The units register: scoped by the responsible org, audited, imported all-or-nothing and
 * idempotently.
 */
@DatabaseTest
@Import(TestUsers.class)
class UnitRegisterTests {

	@Autowired
	UnitRegister units;

	@Autowired
	TestUsers fixtures;

	@Autowired
	JdbcClient jdbc;

	OrgDetail county, townA, branchA, townB, branchB;

	Actor adminA;

	@BeforeEach
	void tree() {
		county = fixtures.root("单位县团委");
		townA = fixtures.child(county, "甲镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		branchA = fixtures.child(townA, "甲村团支部", OrgKind.BRANCH);
		townB = fixtures.child(county, "乙镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		branchB = fixtures.child(townB, "乙村团支部", OrgKind.BRANCH);
		adminA = fixtures.adminOf(townA);
	}

	UnitDraft village(String code, OrgDetail responsible, Optional<OrgDetail> league) {
		return new UnitDraft(code, code + "村", UnitType.VILLAGE, responsible.id(), league.map(OrgDetail::id),
				Optional.empty(), Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.empty());
	}

	@Test
	void anOrgAdminReadsAndWritesOnlyUnitsOfTheirSubtree() {
		UnitView inB = units.create(TestUsers.platform(), village(TestUsers.unique("V"), townB, Optional.of(branchB)));
		UnitView inA = units.create(adminA, village(TestUsers.unique("V"), townA, Optional.of(branchA)));
		assertThat(inA.covered()).isTrue();
		assertThat(units.get(adminA, inA.id()).responsibleOrg().code()).isEqualTo(townA.code());
		assertThatThrownBy(() -> units.get(adminA, inB.id())).isInstanceOf(Problem.class)
			.extracting(e -> ((Problem) e).code())
			.isEqualTo("unit.not-found");
		assertThatThrownBy(
				() -> units.update(adminA, inB.id(), village(inB.code(), townA, Optional.empty()), inB.version()))
			.isInstanceOf(Problem.class);
		assertThatThrownBy(() -> units.delete(adminA, inB.id())).isInstanceOf(Problem.class);
		assertThat(units.search(adminA, "", Optional.empty(), Optional.empty(), Optional.empty(), 0, 50).items())
			.extracting(UnitView::code)
			.containsExactly(inA.code());
		// Neither a responsible org nor a league org outside the subtree.
		assertThatThrownBy(() -> units.create(adminA, village(TestUsers.unique("V"), townB, Optional.empty())))
			.isInstanceOf(Problem.class);
		assertThatThrownBy(() -> units.create(adminA, village(TestUsers.unique("V"), townA, Optional.of(branchB))))
			.isInstanceOf(Problem.class);
		assertThatThrownBy(
				() -> units.update(adminA, inA.id(), village(inA.code(), townA, Optional.of(branchB)), inA.version()))
			.isInstanceOf(Problem.class);
		// The county admin sees both; an uncovered filter finds the one without org after
		// an edit.
		Actor countyAdmin = fixtures.adminOf(county);
		UnitView edited = units.update(countyAdmin, inB.id(), village(inB.code(), townB, Optional.empty()),
				inB.version());
		assertThat(edited.covered()).isFalse();
		assertThat(units.search(countyAdmin, "", Optional.empty(), Optional.empty(), Optional.of(false), 0, 50).items())
			.extracting(UnitView::code)
			.containsExactly(inB.code());
		long audited = jdbc.sql("SELECT count(*) FROM audit_event WHERE target_type = 'UNIT' AND target_id = ?")
			.param(inB.code())
			.query(Long.class)
			.single();
		assertThat(audited).isEqualTo(2);
		units.delete(countyAdmin, inB.id());
		assertThatThrownBy(() -> units.get(countyAdmin, inB.id())).isInstanceOf(Problem.class);
	}

	UnitDraft unit(String code, UnitType type, OrgDetail responsible, Optional<OrgDetail> league, boolean flags) {
		return new UnitDraft(code, code + "单位", type, responsible.id(), league.map(OrgDetail::id), Optional.of(flags),
				Optional.of(flags), Optional.of(flags), Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.empty());
	}

	@Test
	void theRegisterFiltersByTownshipFlagsAndCoverageAsTheIndicatorCountsIt() {
		Actor countyAdmin = fixtures.adminOf(county);
		OrgDetail gone = fixtures.child(townA, "甲村旧团支部", OrgKind.BRANCH);
		units.create(countyAdmin, village(TestUsers.unique("V"), townA, Optional.of(gone)));
		OrgDetail future = fixtures.child(townB, "乙村筹建团支部", OrgKind.BRANCH);
		UnitView covered = units.create(countyAdmin, village(TestUsers.unique("V"), townA, Optional.of(branchA)));
		UnitView dissolvedCover = units
			.search(countyAdmin, "", Optional.empty(), Optional.of(townA.id()), Optional.empty(), 0, 50)
			.items()
			.stream()
			.filter(u -> u.leagueOrg().map(l -> l.id() == gone.id()).orElse(false))
			.findFirst()
			.orElseThrow();
		fixtures.dissolve(gone);
		UnitView enterprise = units.create(countyAdmin,
				unit(TestUsers.unique("E"), UnitType.NON_PUBLIC_ENTERPRISE, townB, Optional.empty(), true));
		UnitView notYet = units.create(countyAdmin, village(TestUsers.unique("V"), townB, Optional.of(future)));
		UnitView countyLevel = units.create(countyAdmin,
				unit(TestUsers.unique("E"), UnitType.NON_PUBLIC_ENTERPRISE, county, Optional.empty(), false));
		// The branch is founded next month: the indicators do not count the village as
		// covered yet, and neither does the register (it used to).
		jdbc.sql("UPDATE org SET established_on = ? WHERE id = ?")
			.params(java.time.LocalDate.now().plusMonths(1), future.id())
			.update();

		assertThat(codes(new UnitSearch("", Optional.empty(), Optional.empty(), Optional.of(townA.id()),
				Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0, 50)))
			.containsExactlyInAnyOrder(covered.code(), dissolvedCover.code());
		assertThat(codes(new UnitSearch("", Optional.empty(), Optional.empty(), Optional.of(townB.id()),
				Optional.of(false), Optional.empty(), Optional.empty(), Optional.empty(), 0, 50)))
			.containsExactlyInAnyOrder(enterprise.code(), notYet.code());
		assertThat(codes(new UnitSearch("", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false),
				Optional.empty(), Optional.empty(), Optional.empty(), 0, 50)))
			.containsExactlyInAnyOrder(dissolvedCover.code(), enterprise.code(), notYet.code(), countyLevel.code());
		assertThat(codes(new UnitSearch("", Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(true),
				Optional.empty(), Optional.empty(), Optional.empty(), 0, 50)))
			.containsExactly(covered.code());
		assertThat(codes(new UnitSearch("", Optional.of(UnitType.NON_PUBLIC_ENTERPRISE), Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.of(true), Optional.of(true), Optional.of(true), 0, 50)))
			.containsExactly(enterprise.code());
		assertThat(codes(new UnitSearch("", Optional.of(UnitType.NON_PUBLIC_ENTERPRISE), Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.of(false), Optional.empty(), Optional.empty(), 0, 50)))
			.containsExactly(countyLevel.code());

		UnitView marked = units.get(countyAdmin, dissolvedCover.id());
		assertThat(marked.covered()).isFalse();
		assertThat(marked.leagueOrgDissolvedOn()).contains(java.time.LocalDate.now());
		assertThat(marked.township()).map(OrgDetail.OrgRef::id).contains(townA.id());
		assertThat(units.get(countyAdmin, notYet.id()).covered()).isFalse();
		assertThat(units.get(countyAdmin, countyLevel.id()).township()).isEmpty();
		assertThatThrownBy(() -> units.search(countyAdmin,
				new UnitSearch("", Optional.empty(), Optional.empty(), Optional.of(branchA.id()), Optional.empty(),
						Optional.empty(), Optional.empty(), Optional.empty(), 0, 50)))
			.isInstanceOf(Problem.class)
			.hasMessageContaining("不是乡镇团委或街道团工委");
	}

	List<String> codes(UnitSearch search) {
		return units.search(fixtures.adminOf(county), search).items().stream().map(UnitView::code).toList();
	}

	@Test
	void foundingALeagueOrgCreatesTheBranchAndLinksTheUnitInOneAuditedStep() {
		Actor countyAdmin = fixtures.adminOf(county);
		UnitView enterprise = units.create(countyAdmin,
				unit(TestUsers.unique("E"), UnitType.NON_PUBLIC_ENTERPRISE, townB, Optional.empty(), true));
		String refusedCode = TestUsers.unique("LB");
		// Under a branch: the org's kind rule refuses, and nothing is written at all.
		assertThatThrownBy(() -> units.foundLeagueOrg(countyAdmin, enterprise.id(), branchB.id(),
				TestUsers.draft(refusedCode, "某公司团支部", OrgKind.BRANCH), enterprise.version()))
			.isInstanceOf(Problem.class)
			.hasMessageContaining("团支部之下不能再设下级组织");
		assertThat(jdbc.sql("SELECT count(*) FROM org WHERE code = ?").param(refusedCode).query(Long.class).single())
			.isZero();
		// Under a parent outside the scope: not found.
		assertThatThrownBy(() -> units.foundLeagueOrg(adminA, enterprise.id(), townB.id(),
				TestUsers.draft(TestUsers.unique("LB"), "某公司团支部", OrgKind.BRANCH), enterprise.version()))
			.isInstanceOf(Problem.class);

		String code = TestUsers.unique("LB");
		UnitView linked = units.foundLeagueOrg(countyAdmin, enterprise.id(), townB.id(),
				TestUsers.draft(code, "某公司团支部", OrgKind.BRANCH), enterprise.version());
		assertThat(linked.covered()).isTrue();
		assertThat(linked.leagueOrg()).map(OrgDetail.OrgRef::code).contains(code);
		assertThat(linked.version()).isEqualTo(enterprise.version() + 1);
		long parent = jdbc.sql("SELECT parent_id FROM org WHERE code = ?").param(code).query(Long.class).single();
		assertThat(parent).isEqualTo(townB.id());
		String summary = jdbc
			.sql("SELECT summary FROM audit_event WHERE action = 'UNIT_UPDATED' AND target_id = ? ORDER BY id DESC")
			.param(enterprise.code())
			.query(String.class)
			.list()
			.get(0);
		assertThat(summary).startsWith("建团").contains(code);
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ORG_CREATED' AND target_id = ?")
			.param(code)
			.query(Long.class)
			.single()).isEqualTo(1);
		// Covered now: a second 建团 is refused.
		assertThatThrownBy(() -> units.foundLeagueOrg(countyAdmin, enterprise.id(), townB.id(),
				TestUsers.draft(TestUsers.unique("LB"), "又一个团支部", OrgKind.BRANCH), linked.version()))
			.isInstanceOf(Problem.class)
			.hasMessageContaining("无需再建团");
	}

	@Test
	void aUnitCodeTakenOutsideTheScopeIsUnavailableWithoutSayingWhere() {
		UnitView inB = units.create(TestUsers.platform(), village(TestUsers.unique("V"), townB, Optional.of(branchB)));
		Problem created = org.assertj.core.api.Assertions.catchThrowableOfType(Problem.class,
				() -> units.create(adminA, village(inB.code(), townA, Optional.empty())));
		assertThat(created.status()).isEqualTo(409);
		assertThat(created.detail()).isEqualTo("单位编码 " + inB.code() + " 不可用，请换一个编码").doesNotContain(inB.name());
		var imported = units.importUnits(adminA, List.of(row(2, inB.code(), townA, Optional.empty())), List.of());
		assertThat(imported.errors()).singleElement()
			.satisfies(e -> assertThat(e.reason()).isEqualTo("单位编码 " + inB.code() + " 不可用，请换一个编码"));
	}

	UnitRegister.ImportRow row(int n, String code, OrgDetail responsible, Optional<String> league) {
		return new UnitRegister.ImportRow(n,
				new UnitRecord(code, code + "公司", UnitType.NON_PUBLIC_ENTERPRISE, responsible.code(), Optional.of(true),
						Optional.of(true), Optional.of(false), league, Optional.empty(), Optional.empty(),
						Optional.empty(), Optional.empty(), Optional.empty()));
	}

	@Test
	void importIsAllOrNothingAndIdempotent() {
		String c1 = TestUsers.unique("E");
		String c2 = TestUsers.unique("E");
		String c3 = TestUsers.unique("E");
		List<UnitRegister.ImportRow> rows = new ArrayList<>(List.of(row(2, c1, townA, Optional.of(branchA.code())),
				row(3, c2, townA, Optional.empty()), row(4, c3, townB, Optional.empty())));
		// Row 4 names a responsible org outside town A: nothing is written.
		var refused = units.importUnits(adminA, rows, List.of());
		assertThat(refused.refused()).isTrue();
		assertThat(refused.errors()).extracting(org.tuanwu.shared.RowError::row, org.tuanwu.shared.RowError::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4, "responsible_org_code"));
		assertThat(units.search(TestUsers.platform(), c1, Optional.empty(), Optional.empty(), Optional.empty(), 0, 10)
			.items()).isEmpty();
		// A league org outside the scope is refused too.
		rows.set(2, row(4, c3, townA, Optional.of(branchB.code())));
		assertThat(units.importUnits(adminA, rows, List.of()).errors()).extracting(org.tuanwu.shared.RowError::field)
			.containsExactly("league_org_code");
		rows.set(2, row(4, c3, townA, Optional.empty()));
		var first = units.importUnits(adminA, rows, List.of());
		assertThat(first.errors()).isEmpty();
		assertThat(first.created()).isEqualTo(3);
		var again = units.importUnits(adminA, rows, List.of());
		assertThat(again.created()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(3);
		rows.set(1, row(3, c2, townA, Optional.of(branchA.code())));
		var update = units.importUnits(adminA, rows, List.of());
		assertThat(update.updated()).isEqualTo(1);
		assertThat(units.search(adminA, c2, Optional.empty(), Optional.empty(), Optional.of(true), 0, 10).items())
			.hasSize(1);
		List<UnitRecord> exported = new ArrayList<>();
		units.export(adminA, Optional.empty(), exported::add);
		assertThat(exported).extracting(UnitRecord::code).contains(c1, c2, c3);
	}

}
