package org.tuanwu.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tuanwu.identity.Role;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.TestUsers;
import org.tuanwu.support.WebTest;

import tools.jackson.databind.JsonNode;

/**
 * What the edit forms, the move dialog, the pickers and the units register call
 * (docs/api.md): the field rules and the kind hierarchy served from the server's own
 * constants, the valid new parents, restore and 建团.
 */
@WebTest
class OrgEditingApiTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	OrganizationManagement orgs;

	ApiClient loggedInAs(OrgDetail scope) {
		ApiClient api = new ApiClient(port);
		assertThat(api.login(users.create(Role.ORG_ADMIN, Optional.of(scope.id()), false), TestUsers.PASSWORD).status())
			.isEqualTo(200);
		return api;
	}

	@Test
	void theFieldRulesAreServedAndAcceptEveryCodeTheImportAndTheDemoWrite() {
		OrgDetail county = users.root("规则接口县团委");
		ApiClient api = loggedInAs(county);
		JsonNode rules = api.get("/api/v1/meta/field-rules").json();
		JsonNode code = rules.path("org").path("code");
		assertThat(code.path("pattern").asString()).isEqualTo("^[A-Za-z0-9_.-]+$");
		assertThat(code.path("maxLength").asInt()).isEqualTo(64);
		assertThat(code.path("readOnlyAfterCreate").asBoolean()).isTrue();
		Pattern served = Pattern.compile(code.path("pattern").asString());
		for (String demo : List.of("P01.C01.X01.T03.V012", "X01.W2.S01.N1.B03", "U.X01.T01.V001", "X0101-V001")) {
			assertThat(served.matcher(demo).matches()).as(demo).isTrue();
		}
		assertThat(rules.path("unit").path("code").path("pattern").asString()).isEqualTo("^[A-Za-z0-9_.-]+$");
		assertThat(rules.path("org").path("termYears").path("min").asInt()).isEqualTo(1);
		assertThat(rules.path("org").path("termYears").path("max").asInt()).isEqualTo(5);
		assertThat(rules.path("org").path("name").path("maxLength").asInt()).isEqualTo(200);
		assertThat(rules.path("org").path("establishedOn").path("earliest").asString()).isEqualTo("1900-01-01");
		assertThat(rules.path("org").path("lastElectionOn").path("notBefore").asString()).isEqualTo("establishedOn");
		assertThat(rules.path("dissolve").path("reason").path("maxLength").asInt()).isEqualTo(500);

		// An org with a dotted code, as every demo and imported org has, saves unchanged.
		OrgDetail town = orgs.create(TestUsers.platform(), county.id(),
				TestUsers.draft(county.code() + ".T01", "规则接口镇团委", OrgKind.TOWNSHIP_COMMITTEE));
		Map<String, Object> body = new HashMap<>();
		body.put("code", town.code());
		body.put("name", "规则接口镇团委（改）");
		body.put("kind", "TOWNSHIP_COMMITTEE");
		body.put("version", town.version());
		var saved = api.put("/api/v1/orgs/" + town.id(), body);
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.json().path("name").asString()).isEqualTo("规则接口镇团委（改）");
	}

	@Test
	void theKindHierarchyIsServedForTheKindListAndNewChildButton() {
		OrgDetail county = users.root("层级接口县团委");
		JsonNode enums = loggedInAs(county).get("/api/v1/meta/enums").json();
		assertThat(enums.path("childKinds").path("BRANCH").size()).isZero();
		assertThat(texts(enums.path("childKinds").path("GENERAL_BRANCH"))).containsExactly("BRANCH", "JOINT_BRANCH",
				"TEMPORARY_BRANCH", "FLOATING_BRANCH");
		assertThat(texts(enums.path("childKinds").path("TOWNSHIP_COMMITTEE"))).doesNotContain("PROVINCE_COMMITTEE",
				"TOWNSHIP_COMMITTEE", "WORK_COMMITTEE");
		assertThat(texts(enums.path("rootKinds"))).containsExactly("PROVINCE_COMMITTEE", "CITY_COMMITTEE",
				"COUNTY_COMMITTEE", "DISTRICT_COMMITTEE");
	}

	@Test
	void theMoveDialogRestoreAndFoundingALeagueOrgOverHttp() {
		OrgDetail county = users.root("调整接口县团委");
		OrgDetail townA = users.child(county, "调整接口甲镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail townB = users.child(county, "调整接口乙镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail branch = users.child(townA, "调整接口村团支部", OrgKind.BRANCH);
		ApiClient api = loggedInAs(county);
		JsonNode parents = api.get("/api/v1/orgs?validParentFor=" + branch.id() + "&q=调整接口").json();
		assertThat(ids(parents.path("items"))).containsExactlyInAnyOrder(county.id(), townB.id());
		assertThat(parents.path("items").get(0).path("ancestors").isArray()).isTrue();

		var dissolved = api.post("/api/v1/orgs/" + branch.id() + "/dissolve",
				Map.of("dissolvedOn", LocalDate.now().toString(), "reason", "村合并"));
		assertThat(dissolved.status()).isEqualTo(200);
		var noReason = api.post("/api/v1/orgs/" + branch.id() + "/restore", Map.of("reason", ""));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.detail()).isEqualTo("请填写恢复原因");
		var restored = api.post("/api/v1/orgs/" + branch.id() + "/restore", Map.of("reason", "合并取消"));
		assertThat(restored.status()).isEqualTo(200);
		assertThat(restored.json().path("dissolvedOn").isNull()).isTrue();

		Map<String, Object> unit = new HashMap<>();
		unit.put("code", TestUsers.unique("LU"));
		unit.put("name", "调整接口某公司");
		unit.put("type", "NON_PUBLIC_ENTERPRISE");
		unit.put("responsibleOrgId", townB.id());
		var created = api.post("/api/v1/units", unit);
		assertThat(created.status()).isEqualTo(201);
		long unitId = created.json().path("id").asLong();
		String orgCode = TestUsers.unique("LO");
		Map<String, Object> found = new HashMap<>();
		found.put("parentId", townB.id());
		found.put("code", orgCode);
		found.put("name", "调整接口某公司团支部");
		found.put("kind", "BRANCH");
		found.put("version", created.json().path("version").asInt());
		var linked = api.post("/api/v1/units/" + unitId + "/league-org", found);
		assertThat(linked.status()).isEqualTo(201);
		assertThat(linked.json().path("covered").asBoolean()).isTrue();
		assertThat(linked.json().path("leagueOrg").path("code").asString()).isEqualTo(orgCode);
		JsonNode inTown = api.get("/api/v1/units?township=" + townB.id() + "&covered=true").json();
		assertThat(ids(inTown.path("items"))).containsExactly(unitId);
		assertThat(inTown.path("items").get(0).path("township").path("id").asLong()).isEqualTo(townB.id());
		assertThat(orgs.findByCode(TestUsers.platform(), orgCode).orElseThrow().sector())
			.isEqualTo(Sector.NON_PUBLIC_ENTERPRISE);
	}

	static List<String> texts(JsonNode array) {
		List<String> out = new ArrayList<>();
		array.forEach(n -> out.add(n.asString()));
		return out;
	}

	static List<Long> ids(JsonNode items) {
		List<Long> out = new ArrayList<>();
		items.forEach(n -> out.add(n.path("id").asLong()));
		return out;
	}

}
