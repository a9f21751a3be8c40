package org.tuanwu.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.Permission;
import org.tuanwu.identity.Role;
import org.tuanwu.identity.Scope;
import org.tuanwu.shared.Problem;
import org.tuanwu.support.TestUsers;

/**
 * Users × orgs × operations: an actor reads and writes exactly the orgs of their subtree,
 * and nothing outside it is visible or reachable — on reads, writes, moves, searches,
 * exports and imports.
 */
@DatabaseTest
@Import(TestUsers.class)
class ScopeMatrixTests {

	@Autowired
	OrganizationManagement orgs;

	@Autowired
	TestUsers fixtures;

	OrgDetail county, townA, branchA1, townB, branchB1, otherCounty, otherBranch;

	Map<String, Actor> actors;

	@BeforeEach
	void tree() {
		county = fixtures.root("示例县团委");
		townA = fixtures.child(county, "甲镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		branchA1 = fixtures.child(townA, "甲村团支部", OrgKind.BRANCH);
		townB = fixtures.child(county, "乙镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		branchB1 = fixtures.child(townB, "乙村团支部", OrgKind.BRANCH);
		otherCounty = fixtures.root("邻县团委");
		otherBranch = fixtures.child(otherCounty, "邻县某团支部", OrgKind.BRANCH);
		Actor adminA = fixtures.adminOf(townA);
		actors = new LinkedHashMap<>();
		actors.put("countyAdmin", fixtures.adminOf(county));
		actors.put("townAdminA", adminA);
		actors.put("reviewerA", new Actor(2, "reviewer", Set.of(Role.PARTY_REVIEWER), adminA.scope(), "test"));
		actors.put("unresolvedScope", new Actor(3, "nobody", Set.of(Role.ORG_ADMIN), Scope.NONE, "test"));
		actors.put("auditor", new Actor(4, "auditor", Set.of(Role.AUDIT_ADMIN), Scope.ALL, "test"));
	}

	/** Which of the seven orgs each actor may see. */
	Set<Long> visibleTo(String actor) {
		return switch (actor) {
			case "countyAdmin" -> Set.of(county.id(), townA.id(), branchA1.id(), townB.id(), branchB1.id());
			case "townAdminA", "reviewerA" -> Set.of(townA.id(), branchA1.id());
			case "auditor" -> Set.of(county.id(), townA.id(), branchA1.id(), townB.id(), branchB1.id(),
					otherCounty.id(), otherBranch.id());
			default -> Set.of();
		};
	}

	boolean writes(String actor) {
		return actor.equals("countyAdmin") || actor.equals("townAdminA");
	}

	List<OrgDetail> all() {
		return List.of(county, townA, branchA1, townB, branchB1, otherCounty, otherBranch);
	}

	@Test
	void readsAreLimitedToTheSubtree() {
		List<String> wrong = new ArrayList<>();
		actors.forEach((name, actor) -> {
			for (OrgDetail org : all()) {
				boolean expected = visibleTo(name).contains(org.id());
				check(wrong, name + " get " + org.name(), expected, 404, () -> orgs.get(actor, org.id()));
				check(wrong, name + " children " + org.name(), expected, 404,
						() -> orgs.children(actor, org.id(), true));
				boolean byCode = orgs.findByCode(actor, org.code()).isPresent();
				if (byCode != expected) {
					wrong.add(name + " findByCode " + org.name() + ": " + byCode);
				}
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void writesAreLimitedToTheSubtreeAndToWritingRoles() {
		List<String> wrong = new ArrayList<>();
		actors.forEach((name, actor) -> {
			for (OrgDetail org : List.of(county, townA, townB, otherCounty)) {
				boolean visible = visibleTo(name).contains(org.id());
				boolean expected = visible && writes(name);
				int refusal = visible ? 403 : (actor.can(Permission.ORG_WRITE) ? 404 : 403);
				check(wrong, name + " create under " + org.name(), expected, refusal, () -> orgs.create(actor, org.id(),
						TestUsers.draft(TestUsers.unique("N"), "新支部", OrgKind.BRANCH)));
				OrgDetail fresh = orgs.get(TestUsers.platform(), org.id());
				check(wrong, name + " edit " + org.name(), expected, refusal, () -> orgs.update(actor, org.id(),
						TestUsers.draft(fresh.code(), fresh.name() + "（改）", fresh.kind()), fresh.version()));
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void searchAndStatsSeeOnlyTheSubtree() {
		Actor adminA = actors.get("townAdminA");
		var found = orgs.search(adminA, "团支部", Optional.empty(), Optional.empty(), true, 0, 50).items();
		assertThat(found).extracting(OrgNode::id).containsExactly(branchA1.id());
		assertThat(orgs.search(adminA, "", Optional.empty(), Optional.empty(), true, 0, 50).total()).isEqualTo(2);
		assertThat(
				catchThrowable(() -> orgs.search(adminA, "", Optional.of(townB.id()), Optional.empty(), true, 0, 50)))
			.isInstanceOf(Problem.class);
		assertThat(orgs.stats(adminA, Optional.empty()).total()).isEqualTo(2);
		assertThat(orgs.roots(adminA, false)).extracting(OrgNode::id).containsExactly(townA.id());
		assertThat(orgs.roots(actors.get("unresolvedScope"), true)).isEmpty();
	}

	@Test
	void exportsOnlyTheSubtree() {
		List<String> codes = new ArrayList<>();
		orgs.export(actors.get("townAdminA"), Optional.empty(), true, r -> codes.add(r.code()));
		assertThat(codes).containsExactly(townA.code(), branchA1.code());
		assertThatThrownBy(() -> orgs.export(actors.get("townAdminA"), Optional.of(county.id()), true, r -> {
		})).isInstanceOf(Problem.class);
		assertThatThrownBy(() -> orgs.export(actors.get("reviewerA"), Optional.empty(), true, r -> {
		})).isInstanceOf(Problem.class).hasMessageContaining("exchange:export");
	}

	@Test
	void movesCannotLeaveOrEnterTheSubtree() {
		Actor adminA = actors.get("townAdminA");
		// out of the subtree: the target parent is not visible
		assertThat(status(() -> orgs.move(adminA, branchA1.id(), townB.id()))).isEqualTo(404);
		// into the subtree from outside: the org is not visible
		assertThat(status(() -> orgs.move(adminA, branchB1.id(), townA.id()))).isEqualTo(404);
		// the scope's own top cannot move away
		assertThat(status(() -> orgs.move(adminA, townA.id(), townA.id()))).isEqualTo(403);
		assertThat(orgs.get(TestUsers.platform(), branchA1.id()).parent()).map(OrgDetail.OrgRef::id)
			.contains(townA.id());
		// within the subtree it works, and the org keeps being found below its new parent
		Actor countyAdmin = actors.get("countyAdmin");
		orgs.move(countyAdmin, branchA1.id(), townB.id());
		assertThat(orgs.children(countyAdmin, townB.id(), false)).extracting(OrgNode::id).contains(branchA1.id());
		assertThat(status(() -> orgs.get(adminA, branchA1.id()))).isEqualTo(404);
	}

	@Test
	void importsRefuseRowsOutsideTheSubtree() {
		Actor adminA = actors.get("townAdminA");
		String newCode = TestUsers.unique("I");
		var outcome = orgs.importOrganizations(adminA, List.of(row(2, newCode, "新建村团支部", townA.code()),
				row(3, branchB1.code(), "改名乙村团支部", townB.code()), row(4, TestUsers.unique("I"), "越权新建", townB.code())),
				List.of());
		assertThat(outcome.refused()).isTrue();
		assertThat(outcome.errors()).extracting(org.tuanwu.shared.RowError::row).containsExactly(3, 4);
		assertThat(orgs.findByCode(TestUsers.platform(), newCode)).as("nothing written").isEmpty();
		assertThat(orgs.get(TestUsers.platform(), branchB1.id()).name()).isEqualTo("乙村团支部");
		var ok = orgs.importOrganizations(adminA, List.of(row(2, newCode, "新建村团支部", townA.code())), List.of());
		assertThat(ok.refused()).isFalse();
		assertThat(ok.created()).isEqualTo(1);
	}

	static OrgImport.Row row(int number, String code, String name, String parent) {
		return new OrgImport.Row(number,
				new OrgRecord(code, name, Optional.of(parent), OrgKind.BRANCH, Sector.VILLAGE, Optional.empty(),
						Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
						Optional.empty()));
	}

	static int status(Runnable r) {
		Throwable t = catchThrowable(r::run);
		return t instanceof Problem p ? p.status() : (t == null ? 200 : 500);
	}

	static void check(List<String> wrong, String what, boolean allowed, int refusal, Runnable r) {
		int status = status(r);
		if (allowed && status != 200 || !allowed && status != refusal) {
			wrong.add(what + ": expected " + (allowed ? 200 : refusal) + " got " + status);
		}
	}

}
