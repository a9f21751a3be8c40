package org.tuanwu.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Before the pool opens the embedded database, creates its directory ({@code ./data} by
 * default) readable by its owner only, so that H2 never creates it with the process's
 * umask (usually world-readable).
 */
@Component
class EmbeddedDatabaseDirectory implements BeanPostProcessor {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseDirectory.class);

	@Override
	public Object postProcessBeforeInitialization(Object bean, String name) {
		if (bean instanceof HikariDataSource ds) {
			DataDirectory.ofJdbcUrl(ds.getJdbcUrl()).ifPresent(dir -> {
				DataDirectory.createPrivate(dir);
				log.debug("Embedded database directory {} is readable by its owner only", dir);
			});
		}
		return bean;
	}

}
