package org.tuanwu.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tuanwu.identity.Role;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.TestUsers;
import org.tuanwu.support.WebTest;

/** /api/v1/units over HTTP as the front end calls it (docs/api.md "Units register"). */
@WebTest
class UnitApiTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Test
	void createReadUpdateListAndDeleteAUnitWithinTheScope() {
		OrgDetail county = users.root("接口县团委");
		OrgDetail town = users.child(county, "接口镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail branch = users.child(town, "接口村团支部", OrgKind.BRANCH);
		OrgDetail other = users.root("别县团委");
		ApiClient api = new ApiClient(port);
		assertThat(
				api.login(users.create(Role.ORG_ADMIN, Optional.of(county.id()), false), TestUsers.PASSWORD).status())
			.isEqualTo(200);
		String code = TestUsers.unique("AV");
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("name", "接口村");
		body.put("type", "VILLAGE");
		body.put("responsibleOrgId", town.id());
		body.put("leagueOrgId", branch.id());
		var created = api.post("/api/v1/units", body);
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("covered").asBoolean()).isTrue();
		assertThat(created.json().path("responsibleOrg").path("code").asString()).isEqualTo(town.code());
		assertThat(created.json().path("leagueOrg").path("code").asString()).isEqualTo(branch.code());
		long id = created.json().path("id").asLong();
		assertThat(api.get("/api/v1/units/" + id).json().path("type").asString()).isEqualTo("VILLAGE");

		body.put("leagueOrgId", null);
		body.put("version", created.json().path("version").asInt());
		var updated = api.put("/api/v1/units/" + id, body);
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().path("covered").asBoolean()).isFalse();
		var uncovered = api.get("/api/v1/units?covered=false&under=" + county.id());
		assertThat(uncovered.json().path("items").get(0).path("code").asString()).isEqualTo(code);

		body.put("code", TestUsers.unique("AV"));
		body.put("responsibleOrgId", other.id());
		body.remove("version");
		var outside = api.post("/api/v1/units", body);
		assertThat(outside.status()).isEqualTo(400);

		var template = api.get("/api/v1/exchange/units/template?format=csv");
		assertThat(template.status()).isEqualTo(200);
		assertThat(template.raw().body()).contains("单位编码", "属地团组织编码");

		assertThat(api.delete("/api/v1/units/" + id).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/units/" + id).status()).isEqualTo(404);
	}

}
