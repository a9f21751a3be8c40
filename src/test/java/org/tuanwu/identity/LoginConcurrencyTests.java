package org.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tuanwu.support.ApiClient;
import org.tuanwu.support.TestUsers;
import org.tuanwu.support.WebTest;

/**
 * Forty wrong passwords for one username sent at once (each from its own address, as a
 * botnet would, so that the per-address throttle plays no part) count exactly as forty
 * sent one after the other: four are answered 401, the fifth locks, the rest find it
 * locked. On H2 and on PostgreSQL.
 */
@WebTest
class LoginConcurrencyTests {

	static final int GUESSES = 40;

	@LocalServerPort
	int port;

	@Autowired
	TestUsers users;

	@Test
	void fortyParallelWrongPasswordsLockAnAccountAsFiveSequentialOnesDo() throws Exception {
		String name = users.create(Role.SECURITY_ADMIN, Optional.empty(), false);
		assertThat(statusesOfParallelGuesses(name)).isEqualTo(Map.of(401, 4, 423, GUESSES - 4));
		var right = new ApiClient(port).from(ClientAddresses.unique()).login(name, TestUsers.PASSWORD);
		assertThat(right.status()).isEqualTo(423);
	}

	@Test
	void fortyParallelGuessesAtAnUnknownUsernameAreAnsweredAlike() throws Exception {
		String unknown = TestUsers.unique("ghost_");
		assertThat(statusesOfParallelGuesses(unknown)).isEqualTo(Map.of(401, 4, 423, GUESSES - 4));
	}

	/** How many of the parallel guesses got each status. */
	Map<Integer, Integer> statusesOfParallelGuesses(String username) throws Exception {
		List<ApiClient> clients = new ArrayList<>();
		for (int i = 0; i < GUESSES; i++) {
			ApiClient c = new ApiClient(port).from(ClientAddresses.unique());
			c.get("/api/v1/auth/csrf");
			clients.add(c);
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(GUESSES);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (ApiClient c : clients) {
				Callable<Integer> guess = () -> {
					start.await();
					return c.post("/api/v1/auth/login", Map.of("username", username, "password", "Wrong-Passw0rd!"))
						.status();
				};
				answers.add(pool.submit(guess));
			}
			start.countDown();
			Map<Integer, Integer> counts = new TreeMap<>();
			for (Future<Integer> answer : answers) {
				counts.merge(answer.get(), 1, Integer::sum);
			}
			return counts;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
