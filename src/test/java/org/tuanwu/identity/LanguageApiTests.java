package org.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.TestUsers;
import org.tuanwu.support.WebTest;

/**
 * The same refusal answers in Chinese by default (and for a language the server does not
 * speak) and in English for {@code Accept-Language: en…}, with the same {@code code}:
 * from a security filter, from the login, from a form and from the scope.
 */
@WebTest
class LanguageApiTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	ApiClient client(String language) {
		ApiClient c = new ApiClient(port).from(ClientAddresses.unique());
		return language == null ? c : c.withHeader("Accept-Language", language);
	}

	ApiClient signedIn(String username, String language) {
		ApiClient c = client(language);
		assertThat(c.login(username, TestUsers.PASSWORD).status()).isEqualTo(200);
		return c;
	}

	@Test
	void aBadLoginIsRefusedInChineseByDefaultAndInEnglishOnRequest() {
		String username = users.create(Role.SECURITY_ADMIN, Optional.empty(), false);
		var chinese = client(null).login(username, "Wrong-Passw0rd!");
		var fallback = client("fr-FR").login(username, "Wrong-Passw0rd!");
		var english = client("en-US,en;q=0.9").login(username, "Wrong-Passw0rd!");
		assertThat(chinese.status()).isEqualTo(401);
		assertThat(chinese.detail()).isEqualTo("用户名或密码错误");
		assertThat(fallback.detail()).isEqualTo("用户名或密码错误");
		assertThat(english.status()).isEqualTo(401);
		assertThat(english.detail()).isEqualTo("Wrong username or password");
		assertThat(english.code()).isEqualTo(chinese.code()).isEqualTo("auth.bad-credentials");
	}

	@Test
	void aRefusalOfTheSecurityFiltersFollowsTheLanguageToo() {
		var chinese = client("zh-CN").get("/api/v1/orgs/roots");
		var english = client("en").get("/api/v1/orgs/roots");
		assertThat(chinese.status()).isEqualTo(401);
		assertThat(chinese.detail()).isEqualTo("未登录或会话已过期，请重新登录");
		assertThat(english.status()).isEqualTo(401);
		assertThat(english.detail()).isEqualTo("Not signed in, or the session has expired: sign in again");
		assertThat(english.code()).isEqualTo(chinese.code());
	}

	@Test
	void anInvalidOrgAndAnOrgOutsideTheScopeAreRefusedInTheRequestsLanguage() {
		OrgDetail mine = users.root("语言测试本县");
		OrgDetail theirs = users.root("语言测试他县");
		String admin = users.create(Role.ORG_ADMIN, Optional.of(mine.id()), false);
		ApiClient zh = signedIn(admin, null);
		ApiClient en = signedIn(admin, "en-US");

		Map<String, Object> bad = Map.of("parentId", mine.id(), "code", "坏 编码", "name", "", "kind", "BRANCH", "sector",
				"OTHER");
		var zhInvalid = zh.post("/api/v1/orgs", bad);
		var enInvalid = en.post("/api/v1/orgs", bad);
		assertThat(zhInvalid.status()).isEqualTo(400);
		assertThat(enInvalid.status()).isEqualTo(400);
		assertThat(enInvalid.code()).isEqualTo(zhInvalid.code()).isEqualTo("org.invalid");
		assertThat(zhInvalid.detail()).contains("组织名称不能为空");
		assertThat(enInvalid.detail()).contains("Org name cannot be empty").doesNotContainPattern("\\p{IsHan}");
		assertThat(enInvalid.json().path("errors").toString()).contains("\"field\":\"name\"")
			.contains("Org name cannot be empty");

		var zhOutside = zh.get("/api/v1/orgs/" + theirs.id());
		var enOutside = en.get("/api/v1/orgs/" + theirs.id());
		assertThat(zhOutside.status()).isEqualTo(404);
		assertThat(zhOutside.detail()).isEqualTo("组织不存在或不在您的管理范围内");
		assertThat(enOutside.status()).isEqualTo(404);
		assertThat(enOutside.detail()).isEqualTo("No such org, or it is outside your scope");
		assertThat(enOutside.code()).isEqualTo(zhOutside.code()).isEqualTo("org.not-found");
	}

	@Test
	void theFieldRulesAreServedInTheRequestsLanguage() {
		String admin = users.create(Role.SECURITY_ADMIN, Optional.empty(), false);
		var zh = signedIn(admin, null).get("/api/v1/meta/field-rules");
		var en = signedIn(admin, "en").get("/api/v1/meta/field-rules");
		assertThat(zh.json().path("org").path("code").path("label").asString()).isEqualTo("组织编码");
		assertThat(en.json().path("org").path("code").path("label").asString()).isEqualTo("Org code");
		assertThat(en.json().path("org").path("code").path("patternMessage").asString())
			.startsWith("Org code may only contain letters");
		assertThat(en.json().toString()).doesNotContainPattern("\\p{IsHan}");
	}

}
