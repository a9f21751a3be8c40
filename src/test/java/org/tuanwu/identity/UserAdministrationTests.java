package org.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.TestUsers;
import org.tuanwu.support.WebTest;

/**
 * 用户与权限 over HTTP: separation of the three administrators and no grant beyond one's own
 * subtree.
 */
@WebTest
class UserAdministrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	ApiClient as(Role role, Optional<Long> scope) {
		ApiClient c = new ApiClient(port);
		assertThat(c.login(users.create(role, scope, false), TestUsers.PASSWORD).status()).isEqualTo(200);
		return c;
	}

	static Map<String, Object> user(List<String> roles, Long scopeOrgId) {
		Map<String, Object> m = new HashMap<>();
		m.put("username", TestUsers.unique("u"));
		m.put("displayName", "张晓明");
		m.put("roles", roles);
		m.put("scopeOrgId", scopeOrgId);
		return m;
	}

	@Test
	void theSecurityAdminCreatesAUserWithAOneTimePasswordThatMustBeChanged() {
		OrgDetail county = users.root("用户县团委");
		ApiClient security = as(Role.SECURITY_ADMIN, Optional.empty());
		var body = user(List.of("ORG_ADMIN"), county.id());
		var created = security.post("/api/v1/users", body);
		assertThat(created.status()).isEqualTo(201);
		String password = created.json().path("oneTimePassword").asString();
		assertThat(password).hasSize(16);
		assertThat(created.json().path("user").path("scope").path("code").asString()).isEqualTo(county.code());
		ApiClient newcomer = new ApiClient(port);
		var login = newcomer.login((String) body.get("username"), password);
		assertThat(login.json().path("mustChangePassword").asBoolean()).isTrue();
		assertThat(newcomer.get("/api/v1/orgs/roots").code()).isEqualTo("auth.password-change-required");
	}

	@Test
	void noUserHoldsTwoOfTheThreeAdministratorRoles() {
		ApiClient security = as(Role.SECURITY_ADMIN, Optional.empty());
		var r = security.post("/api/v1/users", user(List.of("SYSTEM_ADMIN", "AUDIT_ADMIN"), null));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.detail()).contains("三员").contains("不能兼任");
		var mixed = security.post("/api/v1/users", user(List.of("AUDIT_ADMIN", "ORG_ADMIN"), null));
		assertThat(mixed.status()).isEqualTo(400);
	}

	@Test
	void anOrgAdminCannotCreateAUserOrGrantAScopeBeyondTheirSubtree() {
		OrgDetail county = users.root("授权县团委");
		OrgDetail townA = users.child(county, "授权甲镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail village = users.child(townA, "授权甲村团支部", OrgKind.BRANCH);
		OrgDetail townB = users.child(county, "授权乙镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		ApiClient adminA = as(Role.ORG_ADMIN, Optional.of(townA.id()));

		var beyond = adminA.post("/api/v1/users", user(List.of("ORG_ADMIN"), townB.id()));
		assertThat(beyond.status()).isEqualTo(403);
		assertThat(beyond.detail()).contains("超出您自身管辖范围");
		var parent = adminA.post("/api/v1/users", user(List.of("PARTY_REVIEWER"), county.id()));
		assertThat(parent.status()).isEqualTo(403);
		var platformWide = adminA.post("/api/v1/users", user(List.of("ORG_ADMIN"), null));
		assertThat(platformWide.status()).isEqualTo(400);
		var separated = adminA.post("/api/v1/users", user(List.of("AUDIT_ADMIN"), null));
		assertThat(separated.status()).isEqualTo(403);
		assertThat(separated.detail()).contains("只有安全管理员");

		var within = adminA.post("/api/v1/users", user(List.of("ORG_ADMIN"), village.id()));
		assertThat(within.status()).isEqualTo(201);
		long createdId = within.json().path("user").path("id").asLong();
		// raising the new user's scope to the parent is refused too
		var raise = adminA.put("/api/v1/users/" + createdId, Map.of("displayName", "张晓明", "roles", List.of("ORG_ADMIN"),
				"scopeOrgId", county.id(), "enabled", true));
		assertThat(raise.status()).isEqualTo(403);
	}

	@Test
	void anOrgAdminSeesOnlyUsersOfTheirSubtree() {
		OrgDetail county = users.root("列表县团委");
		OrgDetail townA = users.child(county, "列表甲镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail townB = users.child(county, "列表乙镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		String inB = users.create(Role.ORG_ADMIN, Optional.of(townB.id()), false);
		String inA = users.create(Role.PARTY_REVIEWER, Optional.of(townA.id()), false);
		ApiClient adminA = as(Role.ORG_ADMIN, Optional.of(townA.id()));
		String listed = adminA.get("/api/v1/users?size=500").json().path("items").toString();
		assertThat(listed).contains(inA).doesNotContain(inB);
		ApiClient countyAdmin = as(Role.ORG_ADMIN, Optional.of(county.id()));
		String all = countyAdmin.get("/api/v1/users?size=500").json().path("items").toString();
		assertThat(all).contains(inA).contains(inB);
	}

	@Test
	void anotherCountysOrgIsNotFoundOverHttp() {
		OrgDetail mine = users.root("本县团委");
		OrgDetail theirs = users.root("他县团委");
		ApiClient admin = as(Role.ORG_ADMIN, Optional.of(mine.id()));
		var read = admin.get("/api/v1/orgs/" + theirs.id());
		assertThat(read.status()).isEqualTo(404);
		assertThat(read.detail()).isEqualTo("组织不存在或不在您的管辖范围内");
		var create = admin.post("/api/v1/orgs", Map.of("parentId", theirs.id(), "code", TestUsers.unique("Z"), "name",
				"越权支部", "kind", "BRANCH", "sector", "OTHER"));
		assertThat(create.status()).isEqualTo(404);
		var root = admin.post("/api/v1/orgs",
				Map.of("code", TestUsers.unique("Z"), "name", "越权顶级", "kind", "COUNTY_COMMITTEE", "sector", "OTHER"));
		assertThat(root.status()).isEqualTo(403);
		assertThat(admin.get("/api/v1/orgs/roots").json().toString()).contains(mine.code())
			.doesNotContain(theirs.code());
	}

	@Test
	void theAuditorSearchesTheLogAndOthersCannot() {
		ApiClient auditor = as(Role.AUDIT_ADMIN, Optional.empty());
		var page = auditor.get("/api/v1/audit?action=LOGIN_SUCCESS&size=5");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().path("items").size()).isBetween(1, 5);
		assertThat(page.json().path("items").get(0).path("action").asString()).isEqualTo("LOGIN_SUCCESS");
		assertThat(auditor.get("/api/v1/audit/verification").json().path("valid").asBoolean()).isTrue();
		ApiClient security = as(Role.SECURITY_ADMIN, Optional.empty());
		assertThat(security.get("/api/v1/audit").status()).isEqualTo(403);
		assertThat(auditor.get("/api/v1/users").status()).isEqualTo(403);
	}

}
