package org.tuanwu.identity.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.tuanwu.shared.DataDirectory;

/** The audit key and this node's checkpoint file, from {@link AuditSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSettings.class)
class AuditConfiguration {

	@Bean
	AuditKey auditKey(AuditSettings settings, Environment env) {
		return AuditKey.resolve(settings, env.getProperty("spring.datasource.url", ""));
	}

	@Bean
	AuditCheckpoints auditCheckpoints(AuditSettings settings, Environment env, AuditKey key, Clock clock) {
		String url = env.getProperty("spring.datasource.url", "");
		return new AuditCheckpoints(checkpointDir(settings, url), nodeId(settings), key, clock);
	}

	static Optional<Path> checkpointDir(AuditSettings settings, String url) {
		if (settings.checkpointDir() != null) {
			return Optional.of(settings.checkpointDir());
		}
		Optional<Path> embedded = DataDirectory.ofJdbcUrl(url);
		if (embedded.isPresent()) {
			return embedded.map(dir -> dir.resolve("audit-checkpoints"));
		}
		if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:mem:")) {
			// An in-memory database is gone with the process; a checkpoint would outlive
			// it.
			return Optional.empty();
		}
		return Optional.of(Path.of("data", "audit-checkpoints"));
	}

	static String nodeId(AuditSettings settings) {
		if (settings.nodeId() != null && !settings.nodeId().isBlank()) {
			return settings.nodeId();
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException e) {
			return "node";
		}
	}

}
