package org.tuanwu.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tuanwu.shared.DataDirectory;

/**
 * The head of the audit chain anchored outside the database: after each append this node
 * writes a checkpoint (last id, last hash, the keyed-from id), signed with the audit key,
 * to {@code
 *
<dir>
 * /<node>.checkpoint}. A database rolled back, cut short or rewritten after a checkpoint
 * no longer matches it. Several nodes on one database each write their own file; with a
 * shared directory verification checks all of them.
 */
final class AuditCheckpoints {

	static final String SUFFIX = ".checkpoint";

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	private final Optional<Path> dir;

	private final String node;

	private final AuditKey key;

	private final Clock clock;

	/**
	 * The highest id this node has written, so that a late commit never rolls it back.
	 */
	private long written = -1;

	/** Set when the checkpoint found at the first write does not match the chain. */
	private boolean blocked;

	AuditCheckpoints(Optional<Path> dir, String node, AuditKey key, Clock clock) {
		this.dir = dir;
		this.node = node.replaceAll("[^A-Za-z0-9._-]", "_");
		this.key = key;
		this.clock = clock;
	}

	Optional<Path> dir() {
		return dir;
	}

	/**
	 * One checkpoint as read from its file; {@code signed} is false for a forged or
	 * damaged one.
	 */
	record Checkpoint(Path file, String node, long lastId, String lastHash, long keyedFrom, boolean signed) {
	}

	/**
	 * Records the chain's head after a committed append. A failure to write is logged,
	 * not thrown: the change and its audit entry are committed already.
	 * <p>
	 * The first write of a process checks the checkpoint it would replace against the
	 * chain ({@code hashAt} gives a row's hash): one the chain no longer holds is
	 * evidence (a database cut short, rolled back or rewritten) and is never overwritten;
	 * this node then writes no checkpoint until an operator has looked
	 * (docs/security.md).
	 */
	synchronized void write(long lastId, String lastHash, long keyedFrom, LongFunction<Optional<String>> hashAt) {
		if (dir.isEmpty() || blocked || lastId <= written) {
			return;
		}
		try {
			Path file = dir.get().resolve(node + SUFFIX);
			if (written < 0 && Files.exists(file)) {
				Checkpoint previous = read(file);
				boolean held = previous.signed() && previous.keyedFrom() == keyedFrom && previous.lastId() <= lastId
						&& (previous.lastId() == 0
								|| hashAt.apply(previous.lastId()).filter(previous.lastHash()::equals).isPresent());
				if (!held) {
					blocked = true;
					log.error("The audit checkpoint {} names a chain the database no longer holds; it is kept as "
							+ "evidence and this node writes no checkpoint until it is moved away. Run verify-audit.",
							file.toAbsolutePath());
					return;
				}
			}
			DataDirectory.createPrivate(dir.get());
			String at = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
			Map<String, String> fields = new LinkedHashMap<>();
			fields.put("node", node);
			fields.put("lastId", Long.toString(lastId));
			fields.put("lastHash", lastHash);
			fields.put("keyedFrom", Long.toString(keyedFrom));
			fields.put("writtenAt", at);
			StringBuilder text = new StringBuilder("# 团务通审计日志检查点：由服务器以审计密钥签名，请勿修改\n");
			fields.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
			text.append("mac=").append(key.mac(signed(fields))).append('\n');
			DataDirectory.writePrivate(file, text.toString().getBytes(StandardCharsets.UTF_8));
			written = lastId;
		}
		catch (RuntimeException e) {
			log.error("Could not write the audit checkpoint in {}: {}", dir.get(), e.getMessage());
		}
	}

	/** Every checkpoint file of the directory (none when there is no directory). */
	List<Checkpoint> readAll() {
		List<Checkpoint> all = new ArrayList<>();
		if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
			return all;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.get(), "*" + SUFFIX)) {
			for (Path file : files) {
				all.add(read(file));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法读取审计检查点目录 " + dir.get(), e);
		}
		all.sort(java.util.Comparator.comparing(c -> c.file().getFileName().toString()));
		return all;
	}

	private Checkpoint read(Path file) {
		Map<String, String> fields = new LinkedHashMap<>();
		String mac = "";
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				int eq = line.indexOf('=');
				if (line.startsWith("#") || eq < 0) {
					continue;
				}
				String name = line.substring(0, eq);
				String value = line.substring(eq + 1);
				if (name.equals("mac")) {
					mac = value;
				}
				else {
					fields.put(name, value);
				}
			}
			long lastId = Long.parseLong(fields.getOrDefault("lastId", "-1"));
			long keyedFrom = Long.parseLong(fields.getOrDefault("keyedFrom", "-1"));
			boolean signed = lastId >= 0 && keyedFrom >= 1 && fields.keySet().equals(FIELDS)
					&& java.security.MessageDigest.isEqual(mac.getBytes(StandardCharsets.US_ASCII),
							key.mac(signed(fields)).getBytes(StandardCharsets.US_ASCII));
			return new Checkpoint(file, fields.getOrDefault("node", ""), lastId, fields.getOrDefault("lastHash", ""),
					keyedFrom, signed);
		}
		catch (IOException | NumberFormatException e) {
			return new Checkpoint(file, "", -1, "", -1, false);
		}
	}

	private static final java.util.Set<String> FIELDS = java.util.Set.of("node", "lastId", "lastHash", "keyedFrom",
			"writtenAt");

	private static String signed(Map<String, String> fields) {
		return String.join("\u001f", "tuanwu-audit-checkpoint", fields.get("node"), fields.get("lastId"),
				fields.get("lastHash"), fields.get("keyedFrom"), fields.get("writtenAt"));
	}

}
