package org.tuanwu.scorecard.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.Permission;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * The rule packs: the built-in ones of the classpath ({@code scorecard/packs/*.yaml},
 * version 1) and the uploaded versions of the database. A pack id without {@code version}
 * means its newest version.
 */
@Service
class RulePacks {

	static final List<String> BUILT_IN = List.of("STD", "JC", "QZ", "WX", "XZ", "SZX");

	private final RulePackStore store;

	private final AuditLog audit;

	private final Clock clock;

	private final Map<String, RulePack> builtIn = new LinkedHashMap<>();

	/** Parsed uploads by id:version; versions never change once stored. */
	private final Map<String, RulePack> parsed = new ConcurrentHashMap<>();

	RulePacks(RulePackStore store, AuditLog audit, Clock clock) {
		this.store = store;
		this.audit = audit;
		this.clock = clock;
		for (String id : BUILT_IN) {
			builtIn.put(id, RulePackParser.parse(classpathYaml(id), true));
		}
	}

	static String classpathYaml(String id) {
		try (InputStream in = RulePacks.class.getResourceAsStream("/scorecard/packs/" + id + ".yaml")) {
			if (in == null) {
				throw new IllegalStateException("built-in rule pack missing: " + id);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The newest version of every pack, built-in ones first. */
	List<RulePack> latest() {
		Map<String, RulePack> newest = new LinkedHashMap<>(builtIn);
		for (RulePackStore.StoredPack s : store.all()) {
			newest.put(s.id(), stored(s));
		}
		return new ArrayList<>(newest.values());
	}

	List<Integer> versions(String id) {
		List<Integer> versions = new ArrayList<>();
		if (builtIn.containsKey(id)) {
			versions.add(1);
		}
		store.all().stream().filter(s -> s.id().equals(id)).forEach(s -> versions.add(s.version()));
		versions.sort(Comparator.naturalOrder());
		return versions;
	}

	RulePack get(String id, Optional<Integer> version) {
		return find(id, version).orElseThrow(() -> Problem.notFound("scorecard.pack-not-found",
				version.isPresent()
						? Text.of("规则包不存在：{0}（版本 {1}）", "No such rule pack: {0} (version {1})", id, version.get())
						: Text.of("规则包不存在：{0}", "No such rule pack: {0}", id)));
	}

	Optional<RulePack> find(String id, Optional<Integer> version) {
		int v = version.orElseGet(() -> Math.max(store.lastVersion(id), builtIn.containsKey(id) ? 1 : 0));
		if (v == 1 && builtIn.containsKey(id)) {
			return Optional.of(builtIn.get(id));
		}
		if (v < 1) {
			return Optional.empty();
		}
		return store.find(id, v).map(this::stored);
	}

	@Transactional
	RulePack upload(Actor actor, String yaml) {
		actor.require(Permission.SCORECARD_MANAGE);
		RulePack pack = RulePackParser.parse(yaml, false);
		int version = Math.max(store.lastVersion(pack.id()), builtIn.containsKey(pack.id()) ? 1 : 0) + 1;
		RulePack saved = pack.withStored(version, OffsetDateTime.now(clock), actor.username());
		store.insert(saved);
		audit.record(actor, new AuditEntry("RULE_PACK_UPLOADED", Optional.empty(), "RULE_PACK",
				saved.id() + ":" + version, "上传规则包 " + saved.id() + " 版本 " + version + "：" + saved.title(), List.of()));
		return saved;
	}

	private RulePack stored(RulePackStore.StoredPack s) {
		return parsed.computeIfAbsent(s.id() + ":" + s.version(),
				k -> RulePackParser.parse(s.yaml(), false).withStored(s.version(), s.uploadedAt(), s.uploadedBy()));
	}

}
