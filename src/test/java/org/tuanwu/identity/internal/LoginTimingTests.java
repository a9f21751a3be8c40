package org.tuanwu.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.Role;
import org.tuanwu.shared.Problem;
import org.tuanwu.support.TestUsers;

/**
 * What a login costs does not depend on whether the username exists or is locked: every
 * attempt makes exactly one password hash comparison (the cost that dwarfs the rest),
 * counted here with an encoder that records its calls instead of timing anything.
 */
@DatabaseTest
class LoginTimingTests {

	@Autowired
	UserStore users;

	@Autowired
	LoginAttempts attempts;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	AuditLog audit;

	@Autowired
	SecuritySettings settings;

	@Autowired
	Clock clock;

	/** An address of its own for this test's failures. */
	final String address = "198.19." + java.util.concurrent.ThreadLocalRandom.current().nextInt(256) + "."
			+ java.util.concurrent.ThreadLocalRandom.current().nextInt(256);

	/** Delegates, and remembers the hash each comparison was made against. */
	class CountingEncoder implements PasswordEncoder {

		final List<String> comparedWith = new ArrayList<>();

		@Override
		public String encode(CharSequence raw) {
			return encoder.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			comparedWith.add(encoded);
			return encoder.matches(raw, encoded);
		}

	}

	record Attempt(int comparisons, String answer) {
	}

	Attempt attempt(String username, String password) {
		CountingEncoder counting = new CountingEncoder();
		LoginService logins = new LoginService(users, attempts, throttle, counting, audit, settings, clock);
		counting.comparedWith.clear(); // the decoy hash made by the constructor
		Problem refusal = catchThrowableOfType(Problem.class, () -> logins.authenticate(username, password, address));
		String answer = refusal == null ? "200"
				: refusal.status() + " " + refusal.code() + " " + refusal.detail().replaceAll("\\d\\d:\\d\\d", "HH:mm");
		return new Attempt(counting.comparedWith.size(), answer);
	}

	@Test
	void everyAttemptCostsOneComparisonKnownOrUnknownLockedOrNot() {
		String known = TestUsers.unique("timed_");
		users.insert(known, "计时", encoder.encode(TestUsers.PASSWORD), Optional.empty(),
				java.util.Set.of(Role.AUDIT_ADMIN), clock.instant());
		String unknown = TestUsers.unique("nobody_");
		List<Attempt> knownAttempts = new ArrayList<>();
		List<Attempt> unknownAttempts = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			knownAttempts.add(attempt(known, "Wrong-Passw0rd!"));
			unknownAttempts.add(attempt(unknown, "Wrong-Passw0rd!"));
		}
		// Locked, the right password too is compared (and refused).
		knownAttempts.add(attempt(known, TestUsers.PASSWORD));
		unknownAttempts.add(attempt(unknown, TestUsers.PASSWORD));
		// Longer than bcrypt reads: compared all the same.
		knownAttempts.add(attempt(known, "x".repeat(100)));
		unknownAttempts.add(attempt(unknown, "x".repeat(100)));

		assertThat(knownAttempts).extracting(Attempt::comparisons).containsOnly(1);
		assertThat(unknownAttempts).extracting(Attempt::comparisons).containsOnly(1);
		assertThat(unknownAttempts).extracting(Attempt::answer)
			.isEqualTo(knownAttempts.stream().map(Attempt::answer).toList());
		assertThat(knownAttempts.get(4).answer()).startsWith("423 auth.locked");
		assertThat(knownAttempts.get(7).answer()).startsWith("423 auth.locked");
	}

}
