package org.tuanwu.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuanwu.shared.DataDirectory;

/**
 * The secret that keys the audit chain (HMAC-SHA256). It never enters the database: it
 * comes from {@code tuanwu.audit.key} or a key file, so a copy of the database alone
 * cannot be rewritten with a chain that verifies.
 */
final class AuditKey {

	static final int MIN_LENGTH = 32;

	private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

	private final SecretKeySpec key;

	private AuditKey(String secret) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	static AuditKey of(String secret) {
		if (secret.strip().length() < MIN_LENGTH) {
			throw new IllegalStateException("审计日志密钥至少需要 " + MIN_LENGTH + " 个字符（tuanwu.audit.key）");
		}
		return new AuditKey(secret.strip());
	}

	/** Hex HMAC-SHA256 of the text. */
	String mac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The configured key; else the key file; else, on the embedded database's first
	 * start, a new random key written to the key file ({@code 0600}); else, for an
	 * in-memory database, a key of this process. A database server without a configured
	 * key refuses to start: its nodes must share one key, which no node may invent.
	 */
	static AuditKey resolve(AuditSettings settings, String jdbcUrl) {
		if (settings.key() != null && !settings.key().isBlank()) {
			return of(settings.key());
		}
		Optional<Path> embedded = DataDirectory.ofJdbcUrl(jdbcUrl);
		Optional<Path> file = Optional.ofNullable(settings.keyFile())
			.or(() -> embedded.map(dir -> dir.resolve("secrets").resolve("audit.key")));
		if (file.isPresent()) {
			Path path = file.get();
			if (Files.isRegularFile(path)) {
				return of(read(path));
			}
			if (embedded.isPresent()) {
				return generate(path);
			}
			throw new IllegalStateException("审计日志密钥文件 " + path + " 不存在（tuanwu.audit.key-file）");
		}
		if (jdbcUrl != null && jdbcUrl.toLowerCase(java.util.Locale.ROOT).startsWith("jdbc:h2:mem:")) {
			log.info("In-memory database: the audit log is keyed with a random key of this process");
			return of(random());
		}
		throw new IllegalStateException("未配置审计日志密钥：请设置 tuanwu.audit.key（例如环境变量 TUANWU_AUDIT_KEY，至少 " + MIN_LENGTH
				+ " 个字符）或 tuanwu.audit.key-file；同一数据库的每个节点须使用同一密钥（见 docs/security.md）");
	}

	private static AuditKey generate(Path path) {
		DataDirectory.createPrivate(path.toAbsolutePath().getParent());
		String secret = random();
		DataDirectory.writePrivate(path, (secret + "\n").getBytes(StandardCharsets.UTF_8));
		log.warn("Generated a new audit log key in {} (owner-only). Back it up with the database: without it the log "
				+ "written from now on cannot be verified. See docs/security.md.", path.toAbsolutePath());
		return of(secret);
	}

	private static String read(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8).strip();
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法读取审计日志密钥文件 " + path, e);
		}
	}

	private static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
