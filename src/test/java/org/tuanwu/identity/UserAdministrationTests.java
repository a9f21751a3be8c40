package org.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.TestUsers;
import org.tuanwu.support.WebTest;

/**
 * 用户与权限 over HTTP: no 三员 account is kept in the web app, a manager manages only users
 * strictly below their own scope, and no grant goes beyond it.
 */
@WebTest
class UserAdministrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	ApiClient as(Role role, Optional<Long> scope) {
		return as(users.create(role, scope, false));
	}

	ApiClient as(String username) {
		ApiClient c = new ApiClient(port).from(ClientAddresses.unique());
		assertThat(c.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
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

	static Map<String, Object> edit(List<String> roles, long scopeOrgId, boolean enabled) {
		return Map.of("displayName", "张晓明", "roles", roles, "scopeOrgId", scopeOrgId, "enabled", enabled);
	}

	long idOf(String username) {
		return jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
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
		ApiClient newcomer = new ApiClient(port).from(ClientAddresses.unique());
		var login = newcomer.login((String) body.get("username"), password);
		assertThat(login.json().path("mustChangePassword").asBoolean()).isTrue();
		assertThat(newcomer.get("/api/v1/orgs/roots").code()).isEqualTo("auth.password-change-required");
	}

	@Test
	void noThreeAdministratorAccountIsCreatedOrGrantedInTheWebApp() {
		OrgDetail county = users.root("三员县团委");
		ApiClient security = as(Role.SECURITY_ADMIN, Optional.empty());
		for (List<String> roles : List.of(List.of("AUDIT_ADMIN"), List.of("SYSTEM_ADMIN"), List.of("SECURITY_ADMIN"),
				List.of("SYSTEM_ADMIN", "AUDIT_ADMIN"), List.of("AUDIT_ADMIN", "ORG_ADMIN"))) {
			var r = security.post("/api/v1/users", user(roles, null));
			assertThat(r.status()).as("%s", roles).isEqualTo(403);
			assertThat(r.code()).isEqualTo("user.separated-admin");
			assertThat(r.detail()).contains("三员").contains("users");
		}
		// Nor is an ordinary user turned into one.
		String ordinary = users.create(Role.ORG_ADMIN, Optional.of(county.id()), false);
		var grant = security.put("/api/v1/users/" + idOf(ordinary), edit(List.of("AUDIT_ADMIN"), county.id(), true));
		assertThat(grant.status()).isEqualTo(403);
		assertThat(grant.code()).isEqualTo("user.separated-admin");
	}

	@Test
	void noThreeAdministratorAccountIsResetUnlockedOrDisabledInTheWebApp() {
		ApiClient security = as(Role.SECURITY_ADMIN, Optional.empty());
		for (Role role : List.of(Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)) {
			String name = users.create(role, Optional.empty(), false);
			long id = idOf(name);
			assertThat(security.post("/api/v1/users/" + id + "/reset-password", Map.of()).code()).as("reset %s", role)
				.isEqualTo("user.separated-admin");
			assertThat(security.post("/api/v1/users/" + id + "/unlock", Map.of()).code()).as("unlock %s", role)
				.isEqualTo("user.separated-admin");
			var disable = security.put("/api/v1/users/" + id,
					Map.of("displayName", "x", "roles", List.of(role.name()), "enabled", false));
			assertThat(disable.status()).isEqualTo(403);
			assertThat(disable.code()).isEqualTo("user.separated-admin");
			assertThat(security.get("/api/v1/users?size=500&q=" + name).json().path("total").asLong())
				.as("%s in the list", role)
				.isZero();
			// The account still works as before.
			assertThat(as(name).get("/api/v1/auth/me").status()).isEqualTo(200);
		}
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
		assertThat(beyond.detail()).isEqualTo("不能授予超出您自身管理范围的权限");
		var parent = adminA.post("/api/v1/users", user(List.of("PARTY_REVIEWER"), county.id()));
		assertThat(parent.status()).isEqualTo(403);
		// A peer: the same scope as their own.
		var peer = adminA.post("/api/v1/users", user(List.of("ORG_ADMIN"), townA.id()));
		assertThat(peer.status()).isEqualTo(403);
		assertThat(peer.code()).isEqualTo("user.scope-beyond");
		assertThat(peer.detail()).contains("只能授予您下级组织");
		var platformWide = adminA.post("/api/v1/users", user(List.of("ORG_ADMIN"), null));
		assertThat(platformWide.status()).isEqualTo(400);
		var separated = adminA.post("/api/v1/users", user(List.of("AUDIT_ADMIN"), null));
		assertThat(separated.status()).isEqualTo(403);

		var within = adminA.post("/api/v1/users", user(List.of("ORG_ADMIN"), village.id()));
		assertThat(within.status()).isEqualTo(201);
		long createdId = within.json().path("user").path("id").asLong();
		// raising the new user's scope to their own, or the parent, is refused too
		assertThat(adminA.put("/api/v1/users/" + createdId, edit(List.of("ORG_ADMIN"), townA.id(), true)).status())
			.isEqualTo(403);
		assertThat(adminA.put("/api/v1/users/" + createdId, edit(List.of("ORG_ADMIN"), county.id(), true)).status())
			.isEqualTo(403);
	}

	@Test
	void anOrgAdminSeesOnlyUsersStrictlyBelowTheirScope() {
		OrgDetail county = users.root("列表县团委");
		OrgDetail townA = users.child(county, "列表甲镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail townB = users.child(county, "列表乙镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		String inB = users.create(Role.ORG_ADMIN, Optional.of(townB.id()), false);
		String inA = users.create(Role.PARTY_REVIEWER, Optional.of(townA.id()), false);
		String peerOfCounty = users.create(Role.ORG_ADMIN, Optional.of(county.id()), false);
		String adminAName = users.create(Role.ORG_ADMIN, Optional.of(townA.id()), false);
		String listed = as(adminAName).get("/api/v1/users?size=500").json().path("items").toString();
		assertThat(listed).doesNotContain(inB).doesNotContain(inA).doesNotContain(adminAName);
		String countyAdminName = users.create(Role.ORG_ADMIN, Optional.of(county.id()), false);
		String all = as(countyAdminName).get("/api/v1/users?size=500").json().path("items").toString();
		assertThat(all).contains(inA)
			.contains(inB)
			.contains(adminAName)
			.doesNotContain(peerOfCounty)
			.doesNotContain(countyAdminName);
	}

	/**
	 * The takeover of the finding: an org admin resets and disables a peer of the same
	 * scope, then logs in as them. Every step is refused as not found.
	 */
	@Test
	void anOrgAdminCannotTakeOverAPeerOfTheSameScope() {
		OrgDetail county = users.root("同级县团委");
		OrgDetail town = users.child(county, "同级镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		ApiClient attacker = as(Role.ORG_ADMIN, Optional.of(county.id()));
		String peer = users.create(Role.ORG_ADMIN, Optional.of(county.id()), false);
		long peerId = idOf(peer);
		for (var r : List.of(attacker.post("/api/v1/users/" + peerId + "/reset-password", Map.of()),
				attacker.post("/api/v1/users/" + peerId + "/unlock", Map.of()),
				attacker.put("/api/v1/users/" + peerId, edit(List.of("ORG_ADMIN"), town.id(), false)))) {
			assertThat(r.status()).isEqualTo(404);
			assertThat(r.code()).isEqualTo("user.not-found");
		}
		assertThat(as(peer).get("/api/v1/auth/me").status()).isEqualTo(200);
	}

	@Test
	void aUsernameDifferingOnlyInCaseIsTaken() {
		OrgDetail county = users.root("大小写县团委");
		ApiClient security = as(Role.SECURITY_ADMIN, Optional.empty());
		String name = "Zhang.Wei" + TestUsers.unique("");
		var body = user(List.of("ORG_ADMIN"), county.id());
		body.put("username", name);
		assertThat(security.post("/api/v1/users", body).status()).isEqualTo(201);
		body.put("username", name.toLowerCase());
		var again = security.post("/api/v1/users", body);
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.json().path("errors").get(0).path("field").asString()).isEqualTo("username");
		assertThat(again.detail()).contains("已被使用");
	}

	@Test
	void theSecurityAdminUnlocksAnOrdinaryAccountAndItIsAudited() {
		OrgDetail county = users.root("解锁县团委");
		String locked = users.create(Role.ORG_ADMIN, Optional.of(county.id()), false);
		for (int i = 0; i < 5; i++) {
			new ApiClient(port).from(ClientAddresses.unique()).login(locked, "Wrong-Passw0rd!");
		}
		ApiClient security = as(Role.SECURITY_ADMIN, Optional.empty());
		long id = idOf(locked);
		assertThat(security.get("/api/v1/users?q=" + locked).json().path("items").get(0).path("locked").asBoolean())
			.isTrue();
		var unlocked = security.post("/api/v1/users/" + id + "/unlock", Map.of());
		assertThat(unlocked.status()).isEqualTo(200);
		assertThat(unlocked.json().path("locked").asBoolean()).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'USER_UNLOCKED' AND target_id = ?")
			.param(Long.toString(id))
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(new ApiClient(port).from(ClientAddresses.unique()).login(locked, TestUsers.PASSWORD).status())
			.isEqualTo(200);
	}

	@Test
	void aResetOrADisableEndsTheUsersSessions() {
		OrgDetail county = users.root("会话县团委");
		String name = users.create(Role.ORG_ADMIN, Optional.of(county.id()), false);
		String other = users.create(Role.ORG_ADMIN, Optional.of(county.id()), false);
		ApiClient security = as(Role.SECURITY_ADMIN, Optional.empty());

		ApiClient session = as(name);
		assertThat(security.post("/api/v1/users/" + idOf(name) + "/reset-password", Map.of()).status()).isEqualTo(200);
		assertThat(session.get("/api/v1/auth/me").code()).isEqualTo("auth.session-ended");

		// Disabled and enabled again before the old session makes another request: it has
		// ended all the same.
		ApiClient otherSession = as(other);
		assertThat(
				security.put("/api/v1/users/" + idOf(other), edit(List.of("ORG_ADMIN"), county.id(), false)).status())
			.isEqualTo(200);
		assertThat(security.put("/api/v1/users/" + idOf(other), edit(List.of("ORG_ADMIN"), county.id(), true)).status())
			.isEqualTo(200);
		assertThat(otherSession.get("/api/v1/auth/me").code()).isEqualTo("auth.session-ended");
		assertThat(as(other).get("/api/v1/auth/me").status()).isEqualTo(200);
	}

	@Test
	void anotherCountysOrgIsNotFoundOverHttp() {
		OrgDetail mine = users.root("本县团委");
		OrgDetail theirs = users.root("他县团委");
		ApiClient admin = as(Role.ORG_ADMIN, Optional.of(mine.id()));
		var read = admin.get("/api/v1/orgs/" + theirs.id());
		assertThat(read.status()).isEqualTo(404);
		assertThat(read.detail()).isEqualTo("组织不存在或不在您的管理范围内");
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
