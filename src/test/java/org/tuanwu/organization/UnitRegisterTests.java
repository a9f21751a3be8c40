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
