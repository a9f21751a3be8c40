package org.tuanwu.organization.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tuanwu.shared.Text;

/**
 * One rule per field of an org and a unit: the server checks forms and imported rows
 * against these constants, and serves the same constants to the front end
 * ({@code GET /api/v1/meta/field-rules}), so that a form never refuses what the server
 * accepts (codes with dots, from every import and the demo) or accepts what it refuses.
 * Each answer is the reason in both languages ({@link Text}); labels too.
 */
final class FieldRules {

	/**
	 * Codes: letters, digits, {@code _ . -}. Anchored so that the same text works as a
	 * JavaScript and a Java pattern.
	 */
	static final String CODE_PATTERN = "^[A-Za-z0-9_.-]+$";

	private static final Pattern CODE = Pattern.compile(CODE_PATTERN);

	static final int CODE_MAX = 64;

	static final int NAME_MAX = 200;

	static final int REASON_MAX = 500;

	/** No org or unit record of the league predates 1900; a date before it is a typo. */
	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	static final int TERM_MIN = 1;

	static final int TERM_MAX = 5;

	static final int POPULATION_MAX = 100_000_000;

	static final int STUDENTS_MAX = 10_000_000;

	/**
	 * The rule of one field as served: what the form checks before sending. Empty parts
	 * do not apply. {@code notBefore} names another field of the same form whose date
	 * this one may not precede.
	 *
	 * @param field the request body's property
	 * @param key the exchange format's key of the same field
	 */
	record FieldRule(String field, String key, Text label, boolean required, Optional<Integer> maxLength,
			Optional<String> pattern, Optional<Text> patternMessage, Optional<Integer> min, Optional<Integer> max,
			Optional<LocalDate> earliest, boolean notAfterToday, Optional<String> notBefore,
			boolean readOnlyAfterCreate) {

		static FieldRule code(String field, String key, Text label) {
			return new FieldRule(field, key, label, true, Optional.of(CODE_MAX), Optional.of(CODE_PATTERN), Optional
				.of(Text.of("{0}只能由字母、数字、下划线（_）、点（.）或连字符（-）组成，最长 {1} 位",
						"{0} may only contain letters, digits, underscores (_), dots (.) or hyphens (-), at most {1} characters",
						label, CODE_MAX)),
					Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), true);
		}

		static FieldRule text(String field, String key, Text label, boolean required, int max) {
			return new FieldRule(field, key, label, required, Optional.of(max), Optional.empty(), Optional.empty(),
					Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false);
		}

		static FieldRule number(String field, String key, Text label, int min, int max) {
			return new FieldRule(field, key, label, false, Optional.empty(), Optional.empty(), Optional.empty(),
					Optional.of(min), Optional.of(max), Optional.empty(), false, Optional.empty(), false);
		}

		static FieldRule date(String field, String key, Text label, Optional<String> notBefore) {
			return new FieldRule(field, key, label, false, Optional.empty(), Optional.empty(), Optional.empty(),
					Optional.empty(), Optional.empty(), Optional.of(EARLIEST), true, notBefore, false);
		}

		/** Why the text is refused, or empty. */
		Optional<Text> checkText(String value) {
			if (value == null || value.isBlank()) {
				return required ? Optional.of(Text.of("{0}不能为空", "{0} cannot be empty", label)) : Optional.empty();
			}
			String v = value.strip();
			if (maxLength.isPresent() && v.length() > maxLength.get()) {
				return Optional
					.of(Text.of("{0}不能超过 {1} 个字", "{0} cannot exceed {1} characters", label, maxLength.get()));
			}
			if (pattern.isPresent() && !CODE.matcher(v).matches()) {
				return patternMessage;
			}
			return Optional.empty();
		}

		Optional<Text> checkNumber(Optional<Integer> value) {
			return value.filter(n -> min.map(m -> n < m).orElse(false) || max.map(m -> n > m).orElse(false))
				.map(n -> min.get() == 0
						? Text.of("{0}须为 0 至 {1} 之间的整数", "{0} must be a whole number from 0 to {1}", label, max.get())
						: Text.of("{0}须为 {1} 至 {2} 年", "{0} must be {1} to {2} years", label, min.get(), max.get()));
		}

		Optional<Text> checkDate(Optional<LocalDate> value, LocalDate today) {
			if (value.isEmpty()) {
				return Optional.empty();
			}
			LocalDate d = value.get();
			if (notAfterToday && d.isAfter(today)) {
				return Optional.of(Text.of("{0}不能晚于今天", "{0} cannot be later than today", label));
			}
			if (earliest.isPresent() && d.isBefore(earliest.get())) {
				return Optional.of(Text.of("{0}不能早于 {1}", "{0} cannot be earlier than {1}", label, earliest.get()));
			}
			return Optional.empty();
		}

	}

	static final FieldRule ORG_CODE = FieldRule.code("code", "code", Text.of("组织编码", "Org code"));

	static final FieldRule ORG_NAME = FieldRule.text("name", "name", Text.of("组织名称", "Org name"), true, NAME_MAX);

	static final FieldRule TERM_YEARS = FieldRule.number("termYears", "term_years", Text.of("届期", "Term"), TERM_MIN,
			TERM_MAX);

	static final FieldRule RESIDENT_YOUTH = FieldRule.number("residentYouth", "resident_youth",
			Text.of("14至35岁常住青年数", "Resident youth aged 14–35"), 0, POPULATION_MAX);

	static final FieldRule REGISTERED_POP = FieldRule.number("registeredPop635", "registered_pop_6_35",
			Text.of("6至35岁户籍人口数", "Registered population aged 6–35"), 0, POPULATION_MAX);

	static final FieldRule ESTABLISHED_ON = FieldRule.date("establishedOn", "established_on",
			Text.of("成立日期", "Establishment date"), Optional.empty());

	static final FieldRule LAST_ELECTION_ON = FieldRule.date("lastElectionOn", "last_election_on",
			Text.of("最近换届日期", "Last election date"), Optional.of("establishedOn"));

	static final FieldRule DISSOLVED_ON = FieldRule.date("dissolvedOn", "dissolved_on",
			Text.of("撤销日期", "Dissolution date"), Optional.of("establishedOn"));

	static final FieldRule DISSOLVE_REASON = FieldRule.text("reason", "reason",
			Text.of("撤销原因", "Reason for the dissolution"), true, REASON_MAX);

	static final FieldRule RESTORE_REASON = FieldRule.text("reason", "reason",
			Text.of("恢复原因", "Reason for the restoration"), true, REASON_MAX);

	static final FieldRule UNIT_CODE = FieldRule.code("code", "code", Text.of("单位编码", "Unit code"));

	static final FieldRule UNIT_NAME = FieldRule.text("name", "name", Text.of("单位名称", "Unit name"), true, NAME_MAX);

	static final FieldRule STUDENTS = FieldRule.number("students", "students", Text.of("在校学生数", "Students enrolled"), 0,
			STUDENTS_MAX);

	static final FieldRule LINKED_ON = FieldRule.date("linkedOn", "linked_on", Text.of("建立或联系日期", "Date linked"),
			Optional.empty());

	static final List<FieldRule> ORG = List.of(ORG_CODE, ORG_NAME, TERM_YEARS, RESIDENT_YOUTH, REGISTERED_POP,
			ESTABLISHED_ON, LAST_ELECTION_ON, DISSOLVED_ON);

	static final List<FieldRule> UNIT = List.of(UNIT_CODE, UNIT_NAME, STUDENTS, LINKED_ON);

	private FieldRules() {
	}

	/** The field errors of an org's editable fields, by rule, in form order. */
	static Map<FieldRule, Text> orgErrors(String code, String name, Optional<Integer> termYears,
			Optional<Integer> residentYouth, Optional<Integer> registeredPop635, Optional<LocalDate> establishedOn,
			Optional<LocalDate> lastElectionOn, LocalDate today) {
		Map<FieldRule, Text> errors = new LinkedHashMap<>();
		ORG_CODE.checkText(code).ifPresent(m -> errors.put(ORG_CODE, m));
		ORG_NAME.checkText(name).ifPresent(m -> errors.put(ORG_NAME, m));
		TERM_YEARS.checkNumber(termYears).ifPresent(m -> errors.put(TERM_YEARS, m));
		RESIDENT_YOUTH.checkNumber(residentYouth).ifPresent(m -> errors.put(RESIDENT_YOUTH, m));
		REGISTERED_POP.checkNumber(registeredPop635).ifPresent(m -> errors.put(REGISTERED_POP, m));
		ESTABLISHED_ON.checkDate(establishedOn, today).ifPresent(m -> errors.put(ESTABLISHED_ON, m));
		Optional<Text> election = LAST_ELECTION_ON.checkDate(lastElectionOn, today);
		if (election.isEmpty() && establishedOn.isPresent() && lastElectionOn.isPresent()
				&& lastElectionOn.get().isBefore(establishedOn.get())) {
			election = Optional
				.of(Text.of("最近换届日期不能早于成立日期", "The last election date cannot be earlier than the establishment date"));
		}
		election.ifPresent(m -> errors.put(LAST_ELECTION_ON, m));
		return errors;
	}

	/** The field errors of a unit's checked fields, by rule. */
	static Map<FieldRule, Text> unitErrors(String code, String name, Optional<Integer> students,
			Optional<LocalDate> linkedOn, LocalDate today) {
		Map<FieldRule, Text> errors = new LinkedHashMap<>();
		UNIT_CODE.checkText(code).ifPresent(m -> errors.put(UNIT_CODE, m));
		UNIT_NAME.checkText(name).ifPresent(m -> errors.put(UNIT_NAME, m));
		STUDENTS.checkNumber(students).ifPresent(m -> errors.put(STUDENTS, m));
		LINKED_ON.checkDate(linkedOn, today).ifPresent(m -> errors.put(LINKED_ON, m));
		return errors;
	}

	/** Form errors by request property, for {@code FieldError.invalid}. */
	static Map<String, Text> byFormField(Map<FieldRule, Text> errors) {
		Map<String, Text> m = new LinkedHashMap<>();
		errors.forEach((rule, message) -> m.put(rule.field(), message));
		return m;
	}

	/** The rules by request property, as served. */
	static Map<String, FieldRule> byField(List<FieldRule> rules) {
		Map<String, FieldRule> m = new LinkedHashMap<>();
		rules.forEach(r -> m.put(r.field(), r));
		return m;
	}

}
