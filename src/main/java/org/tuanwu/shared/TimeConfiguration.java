package org.tuanwu.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every rule takes its time from this clock; dates are in Asia/Shanghai. */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	Clock clock() {
		return Clock.system(ZONE);
	}

}
