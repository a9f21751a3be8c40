package org.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.WebTest;

@WebTest
class ApiDocsTests {

	@LocalServerPort
	int port;

	@Test
	void publishesTheOpenApiDescriptionWithoutLogin() {
		var docs = new ApiClient(port).get("/api/docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("openapi").asString()).startsWith("3.");
		assertThat(docs.json().path("paths").has("/api/v1/orgs/{id}/children")).isTrue();
		assertThat(docs.json().path("paths").has("/api/v1/auth/login")).isTrue();
	}

	@Test
	void anUnknownApiPathIsAProblemNotAnHtmlPage() {
		var r = new ApiClient(port).get("/api/v1/no-such-thing");
		assertThat(r.status()).isIn(401, 404);
		assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).contains("problem+json");
	}

}
