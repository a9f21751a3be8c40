package org.tuanwu.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HexFormat;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tuanwu.support.ApiClient;

import tools.jackson.databind.JsonNode;

/**
 * Two instances of the packaged jar over one PostgreSQL, as a province runs them behind a
 * load balancer (docs/deployment.md): a session, the lockout count and the scorecard's
 * data version live in the database, so whichever node a request reaches sees the same
 * state. Run by Failsafe after {@code package}, on the database
 * {@code tuanwu.nodes.datasource.*} that scripts/test.sh creates empty for this test
 * alone.
 */
class TwoNodesIT {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

	private static final String PASSWORD = "Zweiknoten-2026!";

	private static final Path WORK = Path.of("target", "two-nodes");

	private static final List<Process> nodes = new ArrayList<>();

	private static final String AUDIT_KEY = HexFormat.of().formatHex(SecureRandom.getSeed(32));

	private static int portA;

	private static int portB;

	private static String oneTimePassword;

	@BeforeAll
	static void startTwoNodes() throws Exception {
		Files.createDirectories(WORK);
		// The first 三员 account is made as an operator would: a command of the jar on the
		// server.
		Process create = new ProcessBuilder(command("users", "create", "--role", "SYSTEM_ADMIN", "--username",
				"nodes_admin", "--name", "双节点测试管理员", "--tuanwu.audit.node-id=cli"))
			.redirectErrorStream(false)
			.redirectError(WORK.resolve("users-create.err").toFile())
			.start();
		String out = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(create.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(create.exitValue()).as("users create: " + out).isZero();
		// The password is printed on the line after the notice, and only there.
		String[] lines = out.strip().split("\\R");
		assertThat(lines.length).as(out).isGreaterThanOrEqualTo(2);
		assertThat(lines[lines.length - 2]).as(out).contains("一次性密码");
		oneTimePassword = lines[lines.length - 1].strip();
		portA = freePort();
		portB = freePort();
		nodes.add(start("a", portA));
		nodes.add(start("b", portB));
		awaitUp(portA);
		awaitUp(portB);
	}

	@AfterAll
	static void stopNodes() throws InterruptedException {
		for (Process p : nodes) {
			p.destroy();
		}
		for (Process p : nodes) {
			if (!p.waitFor(30, TimeUnit.SECONDS)) {
				p.destroyForcibly();
			}
		}
	}

	@Test
	void bothNodesShareSessionsLockoutsAndTheScorecard() {
		ApiClient onA = new ApiClient(portA);
		ApiClient.Response login = onA.login("nodes_admin", oneTimePassword);
		assertThat(login.status()).as(login.raw().body()).isEqualTo(200);
		ApiClient.Response changed = onA.post("/api/v1/auth/password",
				Map.of("currentPassword", oneTimePassword, "newPassword", PASSWORD));
		assertThat(changed.status()).as(changed.raw().body()).isEqualTo(204);

		// A login on A works on B: the same cookies, sent to the other node.
		ApiClient onB = onA.at(portB);
		assertThat(onB.get("/api/v1/auth/me").json().path("username").asString()).isEqualTo("nodes_admin");

		// A write on A shows in B's scorecard at once (the cache keys on the database's
		// data version).
		JsonNode county = onA.post("/api/v1/orgs", org(null, "NODES-X", "共青团双节点县委员会", "COUNTY_COMMITTEE")).json();
		long town = onA
			.post("/api/v1/orgs", org(county.path("id").asLong(), "NODES-X.01", "共青团双节点镇委员会", "TOWNSHIP_COMMITTEE"))
			.json()
			.path("id")
			.asLong();
		assertThat(onA.post("/api/v1/units", village("NODES-V1", "一村", town)).status()).isEqualTo(201);
		assertThat(villageCoverage(onB, county).path("denominator").asLong()).isEqualTo(1);
		assertThat(onA.post("/api/v1/units", village("NODES-V2", "二村", town)).status()).isEqualTo(201);
		JsonNode after = villageCoverage(onB, county);
		assertThat(after.path("denominator").asLong()).isEqualTo(2);
		assertThat(after.path("numerator").asLong()).isZero();

		// Logout on A ends the session on B.
		assertThat(onA.post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);
		assertThat(onB.get("/api/v1/auth/me").status()).isEqualTo(401);

		// Failures spread over A and B lock the account: the count is one row in the
		// database.
		ApiClient guessA = new ApiClient(portA);
		ApiClient guessB = new ApiClient(portB);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			statuses.add((i % 2 == 0 ? guessA : guessB).login("nodes_admin", "Wrong-Guess-" + i + "x").status());
		}
		assertThat(statuses).containsExactly(401, 401, 401, 401, 423);
		assertThat(new ApiClient(portB).login("nodes_admin", PASSWORD).status()).isEqualTo(423);
	}

	private static JsonNode villageCoverage(ApiClient client, JsonNode org) {
		ApiClient.Response r = client
			.get("/api/v1/scorecards?org=" + org.path("code").asString() + "&pack=QZ&period=" + java.time.Year.now());
		assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
		for (JsonNode i : r.json().path("indicators")) {
			if (i.path("code").asString().equals("ORG_VILLAGE_COVERAGE")) {
				return i;
			}
		}
		throw new AssertionError("no ORG_VILLAGE_COVERAGE in " + r.raw().body());
	}

	private static Map<String, Object> org(Long parentId, String code, String name, String kind) {
		Map<String, Object> form = new java.util.HashMap<>();
		form.put("parentId", parentId);
		form.put("code", code + "-" + Instant.now().toEpochMilli());
		form.put("name", name);
		form.put("kind", kind);
		form.put("sector", kind.equals("TOWNSHIP_COMMITTEE") ? "TOWNSHIP" : "PARTY_GOVERNMENT");
		return form;
	}

	private static Map<String, Object> village(String code, String name, long responsibleOrgId) {
		return Map.of("code", code + "-" + Instant.now().toEpochMilli(), "name", name, "type", "VILLAGE",
				"responsibleOrgId", responsibleOrgId);
	}

	private static Process start(String node, int port) throws IOException {
		List<String> cmd = command("--server.port=" + port, "--tuanwu.audit.node-id=" + node,
				"--tuanwu.demo.on-first-start=false");
		return new ProcessBuilder(cmd).redirectErrorStream(true)
			.redirectOutput(WORK.resolve("node-" + node + ".log").toFile())
			.start();
	}

	/**
	 * {@code java -jar tuanwu.jar ARGS} on the nodes' database, with one audit key for
	 * all.
	 */
	private static List<String> command(String... args) {
		List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-jar", System.getProperty("tuanwu.nodes.jar", "target/tuanwu.jar")));
		cmd.addAll(List.of(args));
		cmd.add("--spring.datasource.url=" + System.getProperty("tuanwu.nodes.datasource.url"));
		cmd.add("--spring.datasource.username=" + System.getProperty("tuanwu.nodes.datasource.username"));
		cmd.add("--spring.datasource.password=" + System.getProperty("tuanwu.nodes.datasource.password", ""));
		cmd.add("--tuanwu.audit.key=" + AUDIT_KEY);
		cmd.add("--tuanwu.audit.checkpoint-dir=" + WORK.resolve("checkpoints").toAbsolutePath());
		return cmd;
	}

	private static void awaitUp(int port) throws InterruptedException {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			try {
				if (new ApiClient(port).get("/api/v1/auth/csrf").status() == 200) {
					return;
				}
			}
			catch (IllegalStateException notYet) {
				// connection refused while the node starts
			}
			for (Process p : nodes) {
				assertThat(p.isAlive()).as("a node exited during start, see " + WORK).isTrue();
			}
			Thread.sleep(500);
		}
		throw new AssertionError("node on port " + port + " did not start within " + START_TIMEOUT);
	}

	private static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

}
