package org.tuanwu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.identity.Role;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.TestUsers;
import org.tuanwu.support.WebTest;

import tools.jackson.databind.JsonNode;

/**
 * A GET never writes: not a record, not an audit entry of an action. Verifying the audit
 * log, an audited action, is a POST. The one note a GET may leave is the security log of
 * a refusal (a 403, or a 404 of a record: docs/security.md "Audit log"), which changes no
 * record and so leaves the data version alone.
 */
@WebTest
class SafeMethodsTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	ApiClient login(Role role) {
		ApiClient c = new ApiClient(port);
		assertThat(c.login(users.create(role, Optional.empty(), false), TestUsers.PASSWORD).status()).isEqualTo(200);
		return c;
	}

	long lastAuditId() {
		return jdbc.sql("SELECT last_id FROM audit_head WHERE id = 1").query(Long.class).single();
	}

	/** Audit entries after the id, other than the security notes of refused requests. */
	long actionsSince(long id) {
		return jdbc
			.sql("SELECT count(*) FROM audit_event WHERE id > ?"
					+ " AND action NOT IN ('ACCESS_REFUSED', 'REFUSALS_SUPPRESSED')")
			.param(id)
			.query(Long.class)
			.single();
	}

	@Test
	void lookingAtTheVerificationWritesNothingAndVerifyingIsAudited() {
		ApiClient auditor = login(Role.AUDIT_ADMIN);
		long before = lastAuditId();
		ApiClient.Response look = auditor.get("/api/v1/audit/verification");
		assertThat(look.status()).isEqualTo(200);
		assertThat(look.json().path("valid").asBoolean()).as(look.json().toString()).isTrue();
		assertThat(lastAuditId()).isEqualTo(before);

		ApiClient.Response verify = auditor.post("/api/v1/audit/verification", Map.of());
		assertThat(verify.status()).isEqualTo(200);
		assertThat(verify.json().path("valid").asBoolean()).isTrue();
		assertThat(verify.json().path("checked").asLong()).isGreaterThanOrEqualTo(before);
		assertThat(verify.json().has("checkpoints")).isTrue();
		assertThat(lastAuditId()).isEqualTo(before + 1);
		assertThat(
				jdbc.sql("SELECT action FROM audit_event WHERE id = ?").param(before + 1).query(String.class).single())
			.isEqualTo("AUDIT_VERIFIED");
		assertThat(login(Role.SYSTEM_ADMIN).post("/api/v1/audit/verification", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void noGetOfTheApiWritesAnything() {
		ApiClient system = login(Role.SYSTEM_ADMIN);
		ApiClient security = login(Role.SECURITY_ADMIN);
		ApiClient auditor = login(Role.AUDIT_ADMIN);
		OrgDetail root = users.root("共青团只读测试县委员会");
		OrgDetail branch = users.child(root, "只读测试团支部", OrgKind.BRANCH);
		Map<String, String> values = Map.of("org", root.code(), "pack", "STD", "period", "2024", "code",
				"MEM_OVERAGE_ACTIVE", "type", "organizations", "id", Long.toString(branch.id()));
		JsonNode docs = system.get("/api/docs").json();
		List<String> writes = new ArrayList<>();
		int gets = 0;
		for (Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").properties().iterator(); paths
			.hasNext();) {
			var path = paths.next();
			JsonNode get = path.getValue().path("get");
			if (get.isMissingNode()) {
				continue;
			}
			String url = path.getKey();
			List<String> query = new ArrayList<>();
			for (JsonNode p : get.path("parameters")) {
				String name = p.path("name").asString();
				String value = path.getKey().startsWith("/api/v1/rule-packs") && name.equals("id") ? "STD"
						: values.getOrDefault(name, "1");
				if (p.path("in").asString().equals("path")) {
					url = url.replace("{" + name + "}", value);
				}
				else if (p.path("required").asBoolean()) {
					query.add(name + "=" + value);
				}
			}
			if (!query.isEmpty()) {
				url += "?" + String.join("&", query);
			}
			ApiClient client = url.startsWith("/api/v1/users") ? security
					: url.startsWith("/api/v1/audit") ? auditor : system;
			long before = lastAuditId();
			long version = jdbc.sql("SELECT data_version FROM audit_head WHERE id = 1").query(Long.class).single();
			int status = client.get(url).status();
			gets++;
			if (actionsSince(before) > 0 || jdbc.sql("SELECT data_version FROM audit_head WHERE id = 1")
				.query(Long.class)
				.single() != version) {
				writes.add("GET " + url + " (" + status + ") wrote to the audit log");
			}
		}
		assertThat(gets).isGreaterThanOrEqualTo(15);
		assertThat(writes).isEmpty();
	}

	@Test
	void anExportIsAnAuditedPost() {
		ApiClient system = login(Role.SYSTEM_ADMIN);
		OrgDetail root = users.root("共青团导出测试县委员会");
		long before = lastAuditId();
		ApiClient.Response r = system.send("POST",
				"/api/v1/exchange/organizations/export?format=csv&under=" + root.id(), null, null);
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.raw().body()).contains(root.code());
		assertThat(lastAuditId()).isEqualTo(before + 1);
		assertThat(new ApiClient(port).withoutCsrf()
			.send("POST", "/api/v1/exchange/organizations/export", null, null)
			.status()).isIn(401, 403);
	}

	@Test
	void theAuditedDownloadsAnswerNoGet() {
		ApiClient system = login(Role.SYSTEM_ADMIN);
		OrgDetail root = users.root("共青团下载方法测试县委员会");
		String q = "?org=" + root.code() + "&pack=STD&period=2024";
		long before = lastAuditId();
		assertThat(system.get("/api/v1/exchange/organizations/export?format=csv&under=" + root.id()).status())
			.isEqualTo(405);
		assertThat(system.get("/api/v1/scorecards/export" + q + "&format=xlsx").status()).isEqualTo(405);
		assertThat(system.get("/api/v1/todos/export?org=" + root.code()).status()).isEqualTo(405);
		// The evidence page stays a GET; asking it for the file is refused.
		ApiClient.Response evidence = system
			.get("/api/v1/scorecards/evidence" + q + "&code=ORG_TERM_ON_TIME&format=xlsx");
		assertThat(evidence.status()).isEqualTo(400);
		assertThat(evidence.json().path("code").asString()).isEqualTo("scorecard.download-is-post");
		assertThat(actionsSince(before)).isZero();

		ApiClient.Response post = system.send("POST", "/api/v1/todos/export?org=" + root.code(), null, null);
		assertThat(post.status()).isEqualTo(200);
		assertThat(actionsSince(before)).isEqualTo(1);
	}

}
