package org.tuanwu.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.Scope;
import org.tuanwu.support.TestUsers;

/**
 * The scope contract other modules join on: the view {@code org_scope} with identity's
 * scope condition gives exactly an org's subtree, on H2 and on PostgreSQL.
 */
@DatabaseTest
class OrgScopeViewTests {

	@Autowired
	OrganizationManagement orgs;

	@Autowired
	JdbcClient jdbc;

	final Actor admin = TestUsers.platform();

	OrgDetail county;

	OrgDetail town;

	OrgDetail village;

	OrgDetail otherTown;

	@BeforeEach
	void tree() {
		county = orgs.createRoot(admin, TestUsers.draft(TestUsers.unique("SV"), "视图县团委", OrgKind.COUNTY_COMMITTEE));
		town = orgs.create(admin, county.id(),
				TestUsers.draft(TestUsers.unique("SV"), "视图镇团委", OrgKind.TOWNSHIP_COMMITTEE));
		village = orgs.create(admin, town.id(), TestUsers.draft(TestUsers.unique("SV"), "视图村团支部", OrgKind.BRANCH));
		otherTown = orgs.create(admin, county.id(),
				TestUsers.draft(TestUsers.unique("SV"), "视图另一镇团委", OrgKind.TOWNSHIP_COMMITTEE));
	}

	/** The ids among this test's orgs that the view and the scope's condition give. */
	List<Long> inScope(Scope scope) {
		return scope
			.bind(jdbc.sql("SELECT s.org_id FROM org_scope s WHERE s.org_id IN (:ids) AND " + Scope.sql("s.path")
					+ " ORDER BY s.org_id"))
			.param("ids", List.of(county.id(), town.id(), village.id(), otherTown.id()))
			.query(Long.class)
			.list();
	}

	Scope scopeOf(OrgDetail org) {
		String path = jdbc.sql("SELECT path FROM org_scope WHERE org_id = ?")
			.param(org.id())
			.query(String.class)
			.single();
		return Scope.of(org.id(), path);
	}

	@Test
	void aTownshipsScopeHoldsItselfAndItsVillagesAndNothingBesideOrAbove() {
		assertThat(inScope(scopeOf(town))).containsExactly(town.id(), village.id());
	}

	@Test
	void theCountysScopeHoldsTheWholeTreeAndNoScopeHoldsNothing() {
		assertThat(inScope(scopeOf(county))).containsExactly(county.id(), town.id(), village.id(), otherTown.id());
		assertThat(inScope(Scope.ALL)).containsExactly(county.id(), town.id(), village.id(), otherTown.id());
		assertThat(inScope(Scope.NONE)).isEmpty();
	}

	@Test
	void theViewShowsWhatAJoinNeedsOfAnOrg() {
		orgs.dissolve(admin, village.id(), LocalDate.of(2024, 6, 1), "撤村并居");

		Map<String, Object> row = jdbc
			.sql("SELECT org_id, parent_id, code, name, kind, dissolved_on FROM org_scope WHERE org_id = ?")
			.param(village.id())
			.query()
			.singleRow();

		assertThat(row).containsEntry("parent_id", town.id())
			.containsEntry("code", village.code())
			.containsEntry("name", "视图村团支部")
			.containsEntry("kind", "BRANCH");
		assertThat(row.get("dissolved_on").toString()).isEqualTo("2024-06-01");
	}

}
