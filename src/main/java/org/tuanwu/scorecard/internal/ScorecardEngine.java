package org.tuanwu.scorecard.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.Permission;
import org.tuanwu.identity.Scope;
import org.tuanwu.scorecard.Counts;
import org.tuanwu.scorecard.Evidence;
import org.tuanwu.scorecard.IndicatorSource;
import org.tuanwu.scorecard.OrgTreeSource;
import org.tuanwu.scorecard.OrgTreeSource.TreeOrg;
import org.tuanwu.scorecard.Period;
import org.tuanwu.scorecard.internal.IndicatorCatalogue.Definition;
import org.tuanwu.scorecard.internal.RulePack.PackIndicator;
import org.tuanwu.scorecard.internal.RulePack.Target;
import org.tuanwu.scorecard.internal.ScorecardView.ChildRef;
import org.tuanwu.scorecard.internal.ScorecardView.ChildScorecard;
import org.tuanwu.scorecard.internal.ScorecardView.IndicatorResult;
import org.tuanwu.scorecard.internal.ScorecardView.OrgRef;
import org.tuanwu.scorecard.internal.ScorecardView.PackRef;
import org.tuanwu.scorecard.internal.ScorecardView.Status;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * Evaluates a rule pack over an org subtree for a period (docs/scorecard.md
 * "Evaluation"): the org's direct children and the subtree's tallies from the tree
 * source, one {@link IndicatorSource#count} call per source for all its codes — answered
 * already rolled up to the children, so the org's figure is their sum and no subtree is
 * ever walked in memory — targets compared exactly (ratios only after summing, never
 * averaged), and the result cached per data version.
 * <p>
 * The cache key holds {@link AuditLog#dataVersion()}, read from the database on every
 * evaluation: a write through any app node over the same database moves it, so every
 * node's next evaluation misses its own cache. Nothing is invalidated by hand.
 */
@Service
class ScorecardEngine {

	static final Text NO_SOURCE = Text.of("平台尚未记录该指标所需的数据",
			"The platform does not record the data of this indicator yet");

	static final Text NO_RECORDS = Text.of("没有需要考核的记录（分母为 0）", "There are no records to assess (the denominator is 0)");

	private static final int CACHE_SIZE = 512;

	private final Supplier<Optional<OrgTreeSource>> trees;

	private final Supplier<List<IndicatorSource>> sources;

	private final AuditLog audit;

	private final Clock clock;

	private final Map<CacheKey, Evaluation> cache = new LinkedHashMap<>(64, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<CacheKey, Evaluation> eldest) {
			return size() > CACHE_SIZE;
		}
	};

	@Autowired
	ScorecardEngine(ObjectProvider<OrgTreeSource> trees, ObjectProvider<IndicatorSource> sources, AuditLog audit,
			Clock clock) {
		this(() -> Optional.ofNullable(trees.getIfAvailable()), () -> sources.orderedStream().toList(), audit, clock);
	}

	ScorecardEngine(Supplier<Optional<OrgTreeSource>> trees, Supplier<List<IndicatorSource>> sources, AuditLog audit,
			Clock clock) {
		this.trees = trees;
		this.sources = sources;
		this.audit = audit;
		this.clock = clock;
	}

	/** A scorecard as computed (and cached). */
	record Evaluation(ScorecardView scorecard) {
	}

	private record CacheKey(String pack, int version, long orgId, int year, LocalDate asOf, long dataVersion) {
	}

	Clock clock() {
		return clock;
	}

	Period period(String text) {
		return Period.parse(text, clock);
	}

	/**
	 * The org of this code if the actor may see it; 404 otherwise, so that its existence
	 * is not revealed.
	 */
	TreeOrg org(Actor actor, String code) {
		actor.require(Permission.SCORECARD_READ);
		return tree().findByCode(code.strip())
			.filter(o -> actor.scope().covers(o.path()))
			.orElseThrow(() -> Problem.notFound("org.not-found",
					Text.of("组织不存在或不在您的管理范围内：{0}", "No such org, or it is outside your scope: {0}", code)));
	}

	Evaluation evaluate(Actor actor, RulePack pack, String orgCode, Period period) {
		return evaluate(org(actor, orgCode), pack, period);
	}

	Evaluation evaluate(TreeOrg org, RulePack pack, Period period) {
		long dataVersion = audit.dataVersion();
		CacheKey key = key(pack, org, period, dataVersion);
		synchronized (cache) {
			Evaluation cached = cache.get(key);
			if (cached != null) {
				return cached;
			}
		}
		Evaluation evaluation = compute(org, pack, period, dataVersion);
		synchronized (cache) {
			cache.put(key, evaluation);
		}
		return evaluation;
	}

	Page<Evidence> evidence(Actor actor, RulePack pack, String orgCode, Period period, String code, boolean failingOnly,
			int page, int size) {
		TreeOrg org = org(actor, orgCode);
		if (pack.indicator(code).isEmpty()) {
			throw Problem.notFound("scorecard.indicator-not-found",
					Text.of("规则包 {0} 中没有指标 {1}", "The rule pack {0} has no indicator {1}", pack.id(), code));
		}
		int pageSize = Page.size(size);
		return owners().getOrDefault(code, null) == null ? new Page<>(List.of(), 0, Math.max(0, page), pageSize)
				: owners().get(code).evidence(code, subtree(org), period, failingOnly, Math.max(0, page), pageSize);
	}

	/**
	 * How many orgs of the org's subtree are not dissolved by the period's evaluation
	 * date, and how many of them are branches (the dashboard's tiles; one count).
	 */
	OrgTreeSource.Tally tally(TreeOrg org, Period period) {
		return tree().tally(subtree(org), period.asOf());
	}

	/** The scope's own org, or the first root for a platform-wide scope. */
	Optional<TreeOrg> top(Scope scope) {
		return tree().top(scope);
	}

	static Scope subtree(TreeOrg org) {
		return Scope.of(org.id(), org.path());
	}

	OrgTreeSource tree() {
		return trees.get()
			.orElseThrow(() -> new Problem(503, "scorecard.org-tree-unavailable", Text.of("组织树尚未接入指标考核，暂时无法计算",
					"The org tree is not yet connected to the scorecards: nothing can be computed for now")));
	}

	/** Which source answers each code: the first that names it. */
	private Map<String, IndicatorSource> owners() {
		Map<String, IndicatorSource> owners = new HashMap<>();
		for (IndicatorSource s : sources.get()) {
			for (String code : s.codes()) {
				owners.putIfAbsent(code, s);
			}
		}
		return owners;
	}

	Evaluation compute(TreeOrg root, RulePack pack, Period period, long dataVersion) {
		return view(rollup(root, List.of(pack), period), pack, period, dataVersion);
	}

	/**
	 * Several packs for one org: the subtree is walked and each source counted once for
	 * the codes of all of them (the dashboard shows every pack). Cached evaluations are
	 * reused.
	 */
	List<Evaluation> evaluateAll(TreeOrg org, List<RulePack> packs, Period period) {
		long dataVersion = audit.dataVersion();
		Map<RulePack, Evaluation> done = new LinkedHashMap<>();
		List<RulePack> missing = new ArrayList<>();
		synchronized (cache) {
			for (RulePack pack : packs) {
				Evaluation cached = cache.get(key(pack, org, period, dataVersion));
				if (cached != null) {
					done.put(pack, cached);
				}
				else {
					missing.add(pack);
				}
			}
		}
		if (!missing.isEmpty()) {
			Rollup rollup = rollup(org, missing, period);
			for (RulePack pack : missing) {
				Evaluation evaluation = view(rollup, pack, period, dataVersion);
				synchronized (cache) {
					cache.put(key(pack, org, period, dataVersion), evaluation);
				}
				done.put(pack, evaluation);
			}
		}
		return packs.stream().map(done::get).toList();
	}

	private static CacheKey key(RulePack pack, TreeOrg org, Period period, long dataVersion) {
		return new CacheKey(pack.id(), pack.version(), org.id(), period.year(), period.asOf(), dataVersion);
	}

	/**
	 * The counts of every code the packs need, for the org and its children: index 0 is
	 * the org (everything of its subtree), 1… its children in {@code children} order.
	 */
	private record Rollup(TreeOrg root, List<TreeOrg> children, Map<String, Counts[]> totals) {
	}

	/**
	 * No walk of the subtree: the children come from one lookup, and each source answers
	 * already rolled up to the children (IndicatorSource), so that the org's figure is
	 * the sum of its answer.
	 */
	private Rollup rollup(TreeOrg root, List<RulePack> packs, Period period) {
		Scope subtree = subtree(root);
		OrgTreeSource tree = tree();
		List<TreeOrg> children = tree.children(root).stream().filter(c -> !dissolved(c, period)).toList();
		Map<Long, Integer> index = new HashMap<>();
		for (int i = 0; i < children.size(); i++) {
			index.put(children.get(i).id(), i + 1);
		}
		// Codes needed for the org or any child, asked of each source in one call.
		Set<String> needed = new LinkedHashSet<>();
		for (RulePack pack : packs) {
			for (PackIndicator pi : pack.indicators()) {
				if (pi.appliesTo(root.kind()) || children.stream().anyMatch(c -> pi.appliesTo(c.kind()))) {
					needed.add(pi.code());
				}
			}
		}
		Map<String, IndicatorSource> owners = owners();
		Map<IndicatorSource, Set<String>> asked = new LinkedHashMap<>();
		for (String code : needed) {
			IndicatorSource s = owners.get(code);
			if (s != null) {
				asked.computeIfAbsent(s, k -> new LinkedHashSet<>()).add(code);
			}
		}
		Map<String, Counts[]> totals = new HashMap<>();
		asked.forEach((source, codes) -> {
			Map<String, Map<Long, Counts>> counts = source.count(Set.copyOf(codes), subtree, period);
			for (String code : codes) {
				Counts[] t = new Counts[children.size() + 1];
				java.util.Arrays.fill(t, Counts.ZERO);
				counts.getOrDefault(code, Map.of()).forEach((orgId, c) -> {
					// Every entry is the org's; a living child's is also the child's.
					t[0] = t[0].plus(c);
					Integer i = index.get(orgId);
					if (i != null) {
						t[i] = t[i].plus(c);
					}
				});
				totals.put(code, t);
			}
		});
		return new Rollup(root, children, totals);
	}

	private Evaluation view(Rollup r, RulePack pack, Period period, long dataVersion) {
		TreeOrg root = r.root();
		List<IndicatorResult> rootResults = results(pack, root, 0, r.totals());
		List<ChildScorecard> childResults = new ArrayList<>();
		for (int i = 0; i < r.children().size(); i++) {
			TreeOrg c = r.children().get(i);
			childResults.add(new ChildScorecard(new ChildRef(c.id(), c.code(), c.name(), c.kind()),
					results(pack, c, i + 1, r.totals())));
		}
		ScorecardView view = new ScorecardView(new PackRef(pack.id(), pack.title(), pack.version()), period.toString(),
				new OrgRef(root.id(), root.code(), root.name()), rootResults, List.copyOf(childResults), dataVersion,
				OffsetDateTime.now(clock));
		return new Evaluation(view);
	}

	static boolean dissolved(TreeOrg org, Period period) {
		return org.dissolvedOn().map(d -> !d.isAfter(period.asOf())).orElse(false);
	}

	private static List<IndicatorResult> results(RulePack pack, TreeOrg org, int i, Map<String, Counts[]> totals) {
		List<IndicatorResult> results = new ArrayList<>();
		for (Definition def : IndicatorCatalogue.all().values()) {
			Optional<PackIndicator> pi = pack.indicator(def.code());
			if (pi.isEmpty() || !pi.get().appliesTo(org.kind())) {
				continue;
			}
			Counts[] t = totals.get(def.code());
			results.add(result(pack, pi.get(), def, t == null ? null : t[i]));
		}
		return results;
	}

	/**
	 * The figure and status of one indicator from its rolled-up counts (null: no source
	 * provides the code).
	 */
	static IndicatorResult result(RulePack pack, PackIndicator pi, Definition def, @Nullable Counts counts) {
		String clause = pi.clause();
		String text = pack.clauses().getOrDefault(clause, "");
		Target target = pi.target().orElse(null);
		boolean info = pi.informational();
		if (counts == null) {
			return new IndicatorResult(def.code(), def.name(), def.area(), def.unit(), null, null, null, target,
					info ? Status.INFO : Status.NO_DATA, clause, text, NO_SOURCE);
		}
		long num = counts.numerator();
		long den = counts.denominator();
		if (def.unit() == IndicatorUnit.COUNT) {
			Status status = info || target == null ? Status.INFO
					: target.holds(BigDecimal.valueOf(num), target.value()) ? Status.MET : Status.NOT_MET;
			return new IndicatorResult(def.code(), def.name(), def.area(), def.unit(), num, num, null, target, status,
					clause, text, null);
		}
		if (den == 0) {
			return new IndicatorResult(def.code(), def.name(), def.area(), def.unit(), null, num, den, target,
					info ? Status.INFO : Status.NO_DATA, clause, text, NO_RECORDS);
		}
		BigDecimal numerator = BigDecimal.valueOf(num);
		BigDecimal denominator = BigDecimal.valueOf(den);
		BigDecimal exact;
		BigDecimal left;
		BigDecimal right;
		if (def.unit() == IndicatorUnit.GROWTH) {
			// num/den − 1 op t ⇔ num op den·(1 + t), den > 0: compared exactly, 6/5 − 1
			// meets ≥ 0.20.
			exact = numerator.subtract(denominator).divide(denominator, 6, RoundingMode.HALF_UP);
			left = numerator;
			right = target == null ? BigDecimal.ZERO : denominator.multiply(BigDecimal.ONE.add(target.value()));
		}
		else {
			BigDecimal scale = BigDecimal.valueOf(def.unit().scale());
			exact = numerator.multiply(scale).divide(denominator, 6, RoundingMode.HALF_UP);
			left = numerator.multiply(scale);
			right = target == null ? BigDecimal.ZERO : target.value().multiply(denominator);
		}
		Status status = info || target == null ? Status.INFO : target.holds(left, right) ? Status.MET : Status.NOT_MET;
		return new IndicatorResult(def.code(), def.name(), def.area(), def.unit(), exact.doubleValue(), num, den,
				target, status, clause, text, null);
	}

}
