package org.tuanwu.scorecard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tuanwu.shared.Text;

/**
 * An indicator family declared as data: one fact table (a {@code FROM} clause) whose
 * records are each attributed to one org, and per indicator code the predicates of its
 * denominator and numerator. {@link IndicatorFamilies} turns it into SQL: one scan of the
 * fact table for every asked code ({@code count(*) FILTER (WHERE …)} per code, grouped by
 * the top's direct children), and per code the evidence query, whose notes come from the
 * same predicates (a {@link Condition}'s notes become a SQL {@code CASE}).
 * <p>
 * Predicates are SQL over the aliases of the {@code FROM} clause and the bound parameters
 * {@link #AS_OF} and {@link #START}; they must run on H2 (PostgreSQL mode) and
 * PostgreSQL. They are written by the module, never by users: only values are bound.
 *
 * <pre>{@code
 * IndicatorFamily units = IndicatorFamily.over("unit u JOIN org o ON o.id = u.responsible_org_id")
 * 	.attributedTo("u.responsible_org_id", "o.path")
 * 	.records("UNIT", "u.code", "u.name", "o.code", "o.name", "o.path, u.code")
 * 	.detail("league", "l.code")
 * 	.rate("ORG_VILLAGE_COVERAGE", "u.type = 'VILLAGE'",
 * 			Condition.holds("l.id IS NOT NULL").met(Text.of("由 {league} 覆盖", "Covered by {league}"))
 * 			.unmet(Text.of("无团组织", "No league org")))
 * 	.build();
 * }</pre>
 */
public final class IndicatorFamily {

	/** The period's evaluation date (stock figures are taken on it), as SQL. */
	public static final String AS_OF = "CAST(:asOf AS DATE)";

	/** The period's first day (flows count from it), as SQL. */
	public static final String START = "CAST(:start AS DATE)";

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

	/** Placeholders every note may use besides the family's details. */
	static final Set<String> BUILT_IN_DETAILS = Set.of("asOf", "start");

	private final String from;

	private final String orgId;

	private final String orgPath;

	private final String recordType;

	private final String code;

	private final String name;

	private final String orgCode;

	private final String orgName;

	private final String order;

	private final Map<String, String> details;

	private final Map<String, Rule> rules;

	private final boolean oneRecordPerOrg;

	private IndicatorFamily(Builder b) {
		this.from = b.from;
		this.orgId = b.orgId;
		this.orgPath = b.orgPath;
		this.recordType = b.recordType;
		this.code = b.code;
		this.name = b.name;
		this.orgCode = b.orgCode;
		this.orgName = b.orgName;
		this.order = b.order;
		this.details = Map.copyOf(b.details);
		this.rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.rules));
		this.oneRecordPerOrg = b.oneRecordPerOrg;
	}

	/**
	 * Starts a family over a fact table.
	 * @param from the {@code FROM} clause without the keyword, joins included, e.g.
	 * {@code unit u JOIN org o ON o.id = u.responsible_org_id}
	 */
	public static Builder over(String from) {
		return new Builder(from);
	}

	/** The codes this family computes, in declaration order. */
	public Set<String> codes() {
		return rules.keySet();
	}

	String from() {
		return from;
	}

	String orgId() {
		return orgId;
	}

	String orgPath() {
		return orgPath;
	}

	String recordType() {
		return recordType;
	}

	String code() {
		return code;
	}

	String name() {
		return name;
	}

	String orgCode() {
		return orgCode;
	}

	String orgName() {
		return orgName;
	}

	String order() {
		return order;
	}

	Map<String, String> details() {
		return details;
	}

	boolean oneRecordPerOrg() {
		return oneRecordPerOrg;
	}

	Optional<Rule> rule(String code) {
		return Optional.ofNullable(rules.get(code));
	}

	/**
	 * The plain scan this family's aggregate is measured against: every record of the
	 * subtree counted per attributed org id, nothing else ({@code bench-scorecard}).
	 */
	public String bareScanSql() {
		return "SELECT " + orgId + " AS org_id, count(*) AS n FROM " + from + " WHERE " + orgPath + " >= :lower AND "
				+ orgPath + " < :upper GROUP BY " + orgId;
	}

	/**
	 * One indicator of the family.
	 *
	 * @param denominator the records the denominator counts; empty: this family adds
	 * nothing to it
	 * @param numerator what the numerator counts; empty: nothing
	 * @param withinDenominator the numerator counts only records of the denominator (a
	 * rate) rather than on its own (two stocks, a count)
	 * @param listed the records the evidence lists; empty: this family lists none for the
	 * code
	 */
	record Rule(String code, Optional<String> denominator, Optional<Condition> numerator, boolean withinDenominator,
			Optional<String> listed) {

		/** The SQL of the numerator as counted. */
		Optional<String> numeratorSql() {
			return numerator.map(n -> withinDenominator && denominator.isPresent()
					? "(" + denominator.get() + ") AND (" + n.sql() + ")" : n.sql());
		}

	}

	/**
	 * A predicate with what it means for a record, in words: the note shown when it holds
	 * and when it does not. Leaves are SQL; {@link #allOf} and {@link #anyOf} combine
	 * them, and their notes follow from the parts unless set: all-of is unmet for the
	 * reason of the first part that fails and met with its last part's note; any-of is
	 * met for the reason of the first part that holds and unmet with its last part's
	 * note. A predicate that is NULL (unknown) counts as not holding, in the figures as
	 * in the notes. Notes may name the family's details as {@code {name}} (and
	 * {@code {asOf}}, {@code {start}}); they are filled in per record.
	 */
	public static final class Condition {

		private enum Combination {

			LEAF, ALL, ANY

		}

		private final Combination combination;

		private final String sql;

		private final List<Condition> parts;

		private final Optional<Note> met;

		private final Optional<Note> unmet;

		private Condition(Combination combination, String sql, List<Condition> parts, Optional<Note> met,
				Optional<Note> unmet) {
			this.combination = combination;
			this.sql = sql;
			this.parts = parts;
			this.met = met;
			this.unmet = unmet;
		}

		/** A predicate in SQL, e.g. {@code u.has_league_school = TRUE}. */
		public static Condition holds(String sql) {
			return new Condition(Combination.LEAF, "(" + sql + ")", List.of(), Optional.empty(), Optional.empty());
		}

		/** Holds when every part holds; unmet note: the first failing part's. */
		public static Condition allOf(Condition... parts) {
			return combine(Combination.ALL, " AND ", parts);
		}

		/** Holds when some part holds; met note: the first holding part's. */
		public static Condition anyOf(Condition... parts) {
			return combine(Combination.ANY, " OR ", parts);
		}

		private static Condition combine(Combination c, String op, Condition... parts) {
			if (parts.length == 0) {
				throw new IllegalArgumentException("a combination needs parts");
			}
			List<String> sqls = new ArrayList<>();
			for (Condition p : parts) {
				sqls.add(p.sql);
			}
			return new Condition(c, "(" + String.join(op, sqls) + ")", List.of(parts), Optional.empty(),
					Optional.empty());
		}

		/** The note of a record for which the condition holds. */
		public Condition met(Text text) {
			return met(Note.of(text));
		}

		public Condition met(Note note) {
			return new Condition(combination, sql, parts, Optional.of(note), unmet);
		}

		/** The note of a record for which the condition does not hold. */
		public Condition unmet(Text text) {
			return unmet(Note.of(text));
		}

		public Condition unmet(Note note) {
			return new Condition(combination, sql, parts, met, Optional.of(note));
		}

		/** The predicate as SQL, parenthesised. */
		public String sql() {
			return sql;
		}

		/**
		 * The note when the condition holds, as a SQL expression giving the index of a
		 * template in {@code templates} (NULL: no note).
		 */
		String metCase(List<Template> templates) {
			if (met.isPresent()) {
				return met.get().sqlCase(templates);
			}
			return switch (combination) {
				case LEAF -> "NULL";
				case ALL -> parts.get(parts.size() - 1).metCase(templates);
				case ANY -> {
					StringBuilder s = new StringBuilder("CASE");
					for (Condition p : parts) {
						s.append(" WHEN ").append(p.sql).append(" IS TRUE THEN ").append(p.metCase(templates));
					}
					yield s.append(" END").toString();
				}
			};
		}

		/** The note when the condition does not hold, likewise. */
		String unmetCase(List<Template> templates) {
			if (unmet.isPresent()) {
				return unmet.get().sqlCase(templates);
			}
			return switch (combination) {
				case LEAF -> "NULL";
				case ANY -> parts.get(parts.size() - 1).unmetCase(templates);
				case ALL -> {
					StringBuilder s = new StringBuilder("CASE");
					for (Condition p : parts) {
						s.append(" WHEN ").append(p.sql).append(" IS NOT TRUE THEN ").append(p.unmetCase(templates));
					}
					yield s.append(" END").toString();
				}
			};
		}

		/** Every template this condition may show, for checking the placeholders. */
		void templates(List<Template> into) {
			met.ifPresent(n -> n.templates(into));
			unmet.ifPresent(n -> n.templates(into));
			parts.forEach(p -> p.templates(into));
		}

	}

	/**
	 * A note that may depend on the record: the text of the first case whose SQL holds,
	 * else the {@code otherwise} text.
	 */
	public static final class Note {

		private record Case(String sql, Template text) {
		}

		private final List<Case> cases;

		private final Optional<Template> otherwise;

		private Note(List<Case> cases, Optional<Template> otherwise) {
			this.cases = cases;
			this.otherwise = otherwise;
		}

		public static Note of(Text text) {
			return new Note(List.of(), Optional.of(Template.of(text)));
		}

		/**
		 * Starts a note whose text depends on the record: this text when {@code sql}
		 * holds.
		 */
		public static Note when(String sql, Text text) {
			return new Note(List.of(new Case("(" + sql + ")", Template.of(text))), Optional.empty());
		}

		public Note orWhen(String sql, Text text) {
			List<Case> more = new ArrayList<>(cases);
			more.add(new Case("(" + sql + ")", Template.of(text)));
			return new Note(List.copyOf(more), otherwise);
		}

		public Note otherwise(Text text) {
			return new Note(cases, Optional.of(Template.of(text)));
		}

		String sqlCase(List<Template> templates) {
			if (cases.isEmpty()) {
				return Integer.toString(index(templates, otherwise.orElse(Template.EMPTY)));
			}
			StringBuilder s = new StringBuilder("CASE");
			for (Case c : cases) {
				s.append(" WHEN ").append(c.sql()).append(" IS TRUE THEN ").append(index(templates, c.text()));
			}
			otherwise.ifPresent(o -> s.append(" ELSE ").append(index(templates, o)));
			return s.append(" END").toString();
		}

		void templates(List<Template> into) {
			cases.forEach(c -> into.add(c.text()));
			otherwise.ifPresent(into::add);
		}

		private static int index(List<Template> templates, Template text) {
			int i = templates.indexOf(text);
			if (i < 0) {
				templates.add(text);
				i = templates.size() - 1;
			}
			return i;
		}

	}

	/**
	 * A note's wording in both languages, with the family's details as {@code {name}}
	 * (filled per record, in the language of the request that lists the evidence).
	 */
	record Template(String zh, String en) {

		static final Template EMPTY = new Template("", "");

		static Template of(Text text) {
			return new Template(text.zh(), text.en());
		}

		String in(boolean english) {
			return english ? en : zh;
		}

	}

	/** Declares a family; {@link #build()} checks it. */
	public static final class Builder {

		private final String from;

		private String orgId = "";

		private String orgPath = "";

		private String recordType = "";

		private String code = "";

		private String name = "";

		private String orgCode = "";

		private String orgName = "";

		private String order = "";

		private final Map<String, String> details = new LinkedHashMap<>();

		private final Map<String, Rule> rules = new LinkedHashMap<>();

		private boolean oneRecordPerOrg;

		private Builder(String from) {
			this.from = from;
		}

		/**
		 * The org each record counts for: its id and its materialized path (the range of
		 * the subtree is taken on the path, so it should be indexed).
		 */
		public Builder attributedTo(String orgId, String orgPath) {
			this.orgId = orgId;
			this.orgPath = orgPath;
			return this;
		}

		/**
		 * Declares that every record is an org of its own (the fact table is the org
		 * table): the count then groups in one level instead of two (the result is the
		 * same; only the plan differs).
		 */
		public Builder oneRecordPerOrg() {
			this.oneRecordPerOrg = true;
			return this;
		}

		/**
		 * What the evidence shows of a record: its type (e.g. {@code UNIT}), code and
		 * name, the code and name of the org it counts for, and a stable order.
		 */
		public Builder records(String recordType, String code, String name, String orgCode, String orgName,
				String order) {
			this.recordType = recordType;
			this.code = code;
			this.name = name;
			this.orgCode = orgCode;
			this.orgName = orgName;
			this.order = order;
			return this;
		}

		/**
		 * A value the notes may show as {@code {name}}: a SQL expression of the record
		 * (dates print as yyyy-MM-dd, an empty value as —).
		 */
		public Builder detail(String name, String sql) {
			if (!name.matches("[A-Za-z][A-Za-z0-9]*") || BUILT_IN_DETAILS.contains(name)) {
				throw new IllegalArgumentException("bad detail name " + name);
			}
			details.put(name, sql);
			return this;
		}

		/**
		 * A rate (or flag, per-unit figure): the denominator counts the records of
		 * {@code denominator}, the numerator those of them for which {@code numerator}
		 * holds; the evidence lists the denominator.
		 */
		public Builder rate(String code, String denominator, Condition numerator) {
			return rule(new Rule(code, Optional.of("(" + denominator + ")"), Optional.of(numerator), true,
					Optional.of("(" + denominator + ")")));
		}

		/**
		 * A count: the numerator counts the records for which {@code counted} holds (the
		 * denominator stays 0); the evidence lists them.
		 */
		public Builder count(String code, Condition counted) {
			return rule(new Rule(code, Optional.empty(), Optional.of(counted), false, Optional.of(counted.sql())));
		}

		/**
		 * Two stocks (a growth): the denominator counts the records of {@code before},
		 * the numerator those of {@code after}, independently; the evidence lists both,
		 * counted when in {@code after}.
		 */
		public Builder stocks(String code, String before, Condition after) {
			return rule(new Rule(code, Optional.of("(" + before + ")"), Optional.of(after), false,
					Optional.of("((" + before + ") OR " + after.sql() + ")")));
		}

		/**
		 * Adds the records of {@code denominator} to the code's denominator only, listing
		 * none (another family gives its numerator and evidence).
		 */
		public Builder denominatorOnly(String code, String denominator) {
			return rule(
					new Rule(code, Optional.of("(" + denominator + ")"), Optional.empty(), false, Optional.empty()));
		}

		private Builder rule(Rule rule) {
			if (rules.putIfAbsent(rule.code(), rule) != null) {
				throw new IllegalArgumentException("code declared twice in one family: " + rule.code());
			}
			return this;
		}

		public IndicatorFamily build() {
			if (orgId.isBlank() || orgPath.isBlank()) {
				throw new IllegalStateException("attributedTo(orgId, orgPath) is required");
			}
			if (code.isBlank() || order.isBlank()) {
				throw new IllegalStateException("records(…) is required");
			}
			List<Template> notes = new ArrayList<>();
			rules.values().forEach(r -> r.numerator().ifPresent(n -> n.templates(notes)));
			List<String> templates = new ArrayList<>();
			notes.forEach(n -> templates.addAll(List.of(n.zh(), n.en())));
			for (String t : templates) {
				Matcher m = PLACEHOLDER.matcher(t);
				while (m.find()) {
					if (!details.containsKey(m.group(1)) && !BUILT_IN_DETAILS.contains(m.group(1))) {
						throw new IllegalStateException("note \"" + t + "\" names an undeclared detail " + m.group(1));
					}
				}
			}
			return new IndicatorFamily(this);
		}

	}

	/** Fills a note's placeholders from the record's details. */
	static String fill(String template, Map<String, String> values) {
		Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "—")));
		}
		m.appendTail(out);
		return out.toString();
	}

}
