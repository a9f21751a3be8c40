package org.tuanwu.identity.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a server start (not a command), creates the first administrators if there are no
 * users.
 */
@Component
@Profile("!command")
@Order(1)
class ServerStart implements ApplicationRunner {

	private final FirstStart firstStart;

	ServerStart(FirstStart firstStart) {
		this.firstStart = firstStart;
	}

	@Override
	public void run(ApplicationArguments args) {
		firstStart.createAdministratorsIfNone(System.out);
	}

}
