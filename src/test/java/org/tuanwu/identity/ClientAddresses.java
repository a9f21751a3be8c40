package org.tuanwu.identity;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client addresses of the benchmarking range 198.18.0.0/15, unique within a run and (from
 * a random start) unlikely to repeat across runs that share a database, so that a test's
 * failed logins count against its own address only.
 */
final class ClientAddresses {

	private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 17));

	private ClientAddresses() {
	}

	static String unique() {
		int n = NEXT.getAndIncrement() & ((1 << 17) - 1);
		return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
	}

}
