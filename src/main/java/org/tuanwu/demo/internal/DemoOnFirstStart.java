package org.tuanwu.demo.internal;

import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a server start (never a command) with an empty org table, loads the county demo so
 * that a first look at the application shows something. Off with
 * {@code tuanwu.demo.on-first-start=false}.
 */
@Component
@Profile("!command")
@Order(2)
class DemoOnFirstStart implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(DemoOnFirstStart.class);

	private final DemoLoader loader;

	private final boolean enabled;

	DemoOnFirstStart(DemoLoader loader, @Value("${tuanwu.demo.on-first-start:false}") boolean enabled) {
		this.loader = loader;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		loadIfFirstStart();
	}

	/** Returns what was loaded, if anything. */
	Optional<DemoLoader.Loaded> loadIfFirstStart() {
		if (!enabled || loader.databaseHoldsOrgs()) {
			return Optional.empty();
		}
		DemoLoader.Loaded loaded = loader.load(DemoScale.COUNTY, DemoLoader.DEFAULT_SEED, Optional.empty());
		log.info("首次启动：已载入县级演示数据 " + loaded.orgs() + " 个组织（关闭：tuanwu.demo.on-first-start=false）");
		return Optional.of(loaded);
	}

}
