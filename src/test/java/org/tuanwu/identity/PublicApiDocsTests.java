package org.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.tuanwu.support.ApiClient;

/**
 * {@code tuanwu.api-docs.public=true} opens the API description without a login (and
 * nothing else). A context of its own, on the embedded database only: the setting is not
 * about the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tuanwu.api-docs.public=true")
@ActiveProfiles("test")
class PublicApiDocsTests {

	@LocalServerPort
	int port;

	@Test
	void theSettingOpensTheApiDescription() {
		ApiClient anonymous = new ApiClient(port);
		var docs = anonymous.get("/api/docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("openapi").asString()).startsWith("3.");
		var ui = anonymous.get("/api/docs/ui");
		assertThat(ui.status()).isEqualTo(302);
		String page = java.net.URI.create(ui.raw().headers().firstValue("Location").orElseThrow()).getPath();
		assertThat(anonymous.get(page).status()).as(page).isEqualTo(200);
		assertThat(anonymous.get("/api/v1/orgs/roots").status()).isEqualTo(401);
	}

}
