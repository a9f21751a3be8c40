package org.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.TestUsers;
import org.tuanwu.support.WebTest;

@WebTest
class ApiDocsTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Test
	void theApiDescriptionNeedsALoginByDefault() {
		ApiClient anonymous = new ApiClient(port);
		for (String path : new String[] { "/api/docs", "/api/docs/ui", "/api/docs/swagger-config",
				"/api/docs/swagger-ui/index.html", "/swagger-ui/index.html" }) {
			assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
		}
		ApiClient c = new ApiClient(port).from(ClientAddresses.unique());
		c.login(users.create(Role.AUDIT_ADMIN, Optional.empty(), false), TestUsers.PASSWORD);
		var docs = c.get("/api/docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("openapi").asString()).startsWith("3.");
		assertThat(docs.json().path("paths").has("/api/v1/orgs/{id}/children")).isTrue();
		assertThat(docs.json().path("paths").has("/api/v1/auth/login")).isTrue();
	}

	@Test
	void anUnknownApiPathIsAChineseProblemNotAnHtmlPage() {
		ApiClient c = new ApiClient(port).from(ClientAddresses.unique());
		c.login(users.create(Role.AUDIT_ADMIN, Optional.empty(), false), TestUsers.PASSWORD);
		var r = c.post("/api/v1/no-such-thing", java.util.Map.of());
		assertThat(r.status()).isEqualTo(404);
		assertThat(r.detail()).isEqualTo("请求的地址不存在");
		assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).contains("problem+json");
	}

}
