package org.tuanwu.scorecard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.identity.Scope;
import org.tuanwu.scorecard.IndicatorFamily.Condition;
import org.tuanwu.scorecard.IndicatorFamily.Rule;
import org.tuanwu.shared.Language;
import org.tuanwu.shared.Page;

/**
 * An {@link IndicatorSource} made of {@link IndicatorFamily families}: a module declares
 * its families and delegates {@code codes}, {@code count} and {@code evidence} here.
 * <p>
 * {@link #count} runs one statement per family that has an asked code, whatever the size
 * of the subtree: a scan of the fact table over the subtree's path range with a
 * {@code count(*) FILTER (WHERE …)} pair per code, grouped by the attributed org and then
 * by the direct child of the subtree's top that holds it (or the top itself). A code
 * declared by several families adds up. {@link #evidence} lists the records of the first
 * family that lists the code, with the note of the condition that decided the record.
 */
public final class IndicatorFamilies implements IndicatorSource {

	private final JdbcClient jdbc;

	private final List<IndicatorFamily> families;

	private final Set<String> codes;

	public IndicatorFamilies(JdbcClient jdbc, List<IndicatorFamily> families) {
		this.jdbc = jdbc;
		this.families = List.copyOf(families);
		Set<String> all = new LinkedHashSet<>();
		families.forEach(f -> all.addAll(f.codes()));
		this.codes = java.util.Collections.unmodifiableSet(all);
	}

	@Override
	public Set<String> codes() {
		return codes;
	}

	@Override
	public List<IndicatorFamily> families() {
		return families;
	}

	@Override
	public Map<String, Map<Long, Counts>> count(Set<String> asked, Scope subtree, Period period) {
		Map<String, Map<Long, Counts>> result = new LinkedHashMap<>();
		asked.stream().filter(codes::contains).forEach(c -> result.put(c, new HashMap<>()));
		if (result.isEmpty() || subtree.isNone()) {
			return result;
		}
		for (IndicatorFamily family : families) {
			List<Rule> rules = family.codes()
				.stream()
				.filter(result::containsKey)
				.map(c -> family.rule(c).orElseThrow())
				.toList();
			if (!rules.isEmpty()) {
				count(family, rules, subtree, period, result);
			}
		}
		return result;
	}

	/**
	 * The path of the direct child of the top that holds the record's org, or the top's
	 * own path: the top's path, then the org's path up to the next {@code /}. Only
	 * integer literals are inlined (so that the expression repeated in GROUP BY is the
	 * same on PostgreSQL).
	 */
	static String childKey(String path, Scope subtree) {
		int length = subtree.lower().length();
		return "SUBSTRING(" + path + ", 1, " + length + " + POSITION('/' IN SUBSTRING(" + path + ", " + (length + 1)
				+ ")))";
	}

	/** The org a key of {@link #childKey} names: the last id of the path. */
	static long keyOrg(String key, Scope subtree) {
		if (key.equals(subtree.lower()) && subtree.orgId().isPresent()) {
			return subtree.orgId().get();
		}
		int end = key.length() - 1;
		return Long.parseLong(key.substring(key.lastIndexOf('/', end - 1) + 1, end));
	}

	/**
	 * Two levels: the scan counts per attributed org (grouped by its id, whose number the
	 * database estimates well, so that PostgreSQL aggregates in a hash table, in
	 * parallel), then the org rows are summed per child. Grouped by the child key
	 * directly, PostgreSQL takes every org path for a group and sorts the whole scan on
	 * disk. A family of one record per org (the org table itself) is grouped by the child
	 * key in one level: the per-org level would be as large as the scan.
	 */
	private void count(IndicatorFamily family, List<Rule> rules, Scope subtree, Period period,
			Map<String, Map<Long, Counts>> result) {
		boolean oneLevel = family.oneRecordPerOrg();
		String path = oneLevel ? family.orgPath() : "x.org_path";
		String key = childKey(path, subtree);
		StringBuilder counts = new StringBuilder();
		StringBuilder sums = new StringBuilder();
		for (int i = 0; i < rules.size(); i++) {
			Rule r = rules.get(i);
			counts.append(", ").append(filtered(r.numeratorSql())).append(" AS n").append(i);
			counts.append(", ").append(filtered(r.denominator())).append(" AS d").append(i);
			sums.append(", SUM(x.n").append(i).append(") AS n").append(i);
			sums.append(", SUM(x.d").append(i).append(") AS d").append(i);
		}
		String scan = " FROM " + family.from() + where(family);
		String sql = oneLevel ? "SELECT " + key + " AS child_key" + counts + scan + " GROUP BY " + key
				: "SELECT " + key + " AS child_key" + sums + " FROM (SELECT MIN(" + family.orgPath() + ") AS org_path"
						+ counts + scan + " GROUP BY " + family.orgId() + ") x GROUP BY " + key;
		params(jdbc.sql(sql), subtree, period).query(rs -> {
			long org = keyOrg(rs.getString(1), subtree);
			for (int i = 0; i < rules.size(); i++) {
				long n = rs.getLong(2 + 2 * i);
				long d = rs.getLong(3 + 2 * i);
				if (n != 0 || d != 0) {
					result.get(rules.get(i).code()).merge(org, new Counts(n, d), Counts::plus);
				}
			}
		});
	}

	private static String filtered(Optional<String> predicate) {
		return predicate.map(p -> "count(*) FILTER (WHERE " + p + ")").orElse("0");
	}

	private static String where(IndicatorFamily family) {
		return " WHERE " + family.orgPath() + " >= :lower AND " + family.orgPath() + " < :upper";
	}

	private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec spec, Scope subtree, Period period) {
		return spec.param("lower", subtree.lower())
			.param("upper", subtree.upper())
			.param("asOf", period.asOf())
			.param("start", period.start());
	}

	@Override
	public Page<Evidence> evidence(String code, Scope subtree, Period period, boolean failingOnly, int page, int size) {
		long total = total(code, subtree, period, failingOnly);
		List<Evidence> items = total == 0 ? List.of()
				: records(code, subtree, period, failingOnly, (long) page * size, size);
		return new Page<>(items, total, page, size);
	}

	/** How many records the evidence of the code lists (only failing ones if asked). */
	public long total(String code, Scope subtree, Period period, boolean failingOnly) {
		Optional<Listing> listing = listing(code);
		if (listing.isEmpty() || subtree.isNone()) {
			return 0;
		}
		return params(
				jdbc.sql("SELECT count(*) FROM " + listing.get().family().from() + listing.get().where(failingOnly)),
				subtree, period)
			.query(Long.class)
			.single();
	}

	/**
	 * The records behind the code, from {@code offset}, at most {@code limit}, in the
	 * family's stable order.
	 */
	public List<Evidence> records(String code, Scope subtree, Period period, boolean failingOnly, long offset,
			int limit) {
		Optional<Listing> found = listing(code);
		if (found.isEmpty() || subtree.isNone() || limit <= 0) {
			return List.of();
		}
		Listing listing = found.get();
		IndicatorFamily f = listing.family();
		List<IndicatorFamily.Template> templates = new ArrayList<>();
		String counted = listing.rule().numeratorSql().orElse("(1 = 0)");
		Optional<Condition> numerator = listing.rule().numerator();
		String note = numerator
			.map(n -> "CASE WHEN " + counted + " IS TRUE THEN " + n.metCase(templates) + " ELSE "
					+ n.unmetCase(templates) + " END")
			.orElse("NULL");
		StringBuilder sql = new StringBuilder("SELECT ").append(f.code())
			.append(" AS r_code, ")
			.append(f.name())
			.append(" AS r_name, ")
			.append(f.orgId())
			.append(" AS r_org_id, ")
			.append(f.orgCode())
			.append(" AS r_org_code, ")
			.append(f.orgName())
			.append(" AS r_org_name, CASE WHEN ")
			.append(counted)
			.append(" IS TRUE THEN 1 ELSE 0 END AS r_counted, ")
			.append(note)
			.append(" AS r_note");
		List<String> detailNames = new ArrayList<>(f.details().keySet());
		for (int i = 0; i < detailNames.size(); i++) {
			sql.append(", ").append(f.details().get(detailNames.get(i))).append(" AS r_d").append(i);
		}
		sql.append(" FROM ")
			.append(f.from())
			.append(listing.where(failingOnly))
			.append(" ORDER BY ")
			.append(f.order())
			.append(" LIMIT :limit OFFSET :offset");
		List<String> notes = templates.stream().map(t -> t.in(Language.english())).toList();
		return params(jdbc.sql(sql.toString()), subtree, period).param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> evidence(f, rs, detailNames, notes, period))
			.list();
	}

	private static Evidence evidence(IndicatorFamily f, ResultSet rs, List<String> detailNames, List<String> notes,
			Period period) throws SQLException {
		Map<String, String> values = new HashMap<>();
		values.put("asOf", period.asOf().toString());
		values.put("start", period.start().toString());
		for (int i = 0; i < detailNames.size(); i++) {
			values.put(detailNames.get(i), text(rs.getObject("r_d" + i)));
		}
		int noteIndex = rs.getInt("r_note");
		String note = rs.wasNull() ? "" : IndicatorFamily.fill(notes.get(noteIndex), values);
		return new Evidence(f.recordType(), rs.getString("r_code"), rs.getString("r_name"), rs.getLong("r_org_id"),
				rs.getString("r_org_code"), rs.getString("r_org_name"), rs.getInt("r_counted") == 1, note);
	}

	private static String text(Object value) {
		if (value == null) {
			return "—";
		}
		if (value instanceof java.sql.Date d) {
			return d.toLocalDate().toString();
		}
		if (value instanceof java.sql.Timestamp t) {
			return t.toLocalDateTime().toLocalDate().toString();
		}
		if (value instanceof LocalDate d) {
			return d.toString();
		}
		return value.toString();
	}

	private Optional<Listing> listing(String code) {
		for (IndicatorFamily f : families) {
			Optional<Rule> rule = f.rule(code).filter(r -> r.listed().isPresent());
			if (rule.isPresent()) {
				return Optional.of(new Listing(f, rule.get()));
			}
		}
		return Optional.empty();
	}

	private record Listing(IndicatorFamily family, Rule rule) {

		String where(boolean failingOnly) {
			String failing = failingOnly ? " AND " + rule.numeratorSql().orElse("(1 = 0)") + " IS NOT TRUE" : "";
			return IndicatorFamilies.where(family) + " AND " + rule.listed().orElseThrow() + failing;
		}

	}

}
