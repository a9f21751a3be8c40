package org.tuanwu.organization.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One rule per field of an org and a unit: the server checks forms and imported rows
 * against these constants, and serves the same constants to the front end
 * ({@code GET /api/v1/meta/field-rules}), so that a form never refuses what the server
 * accepts (codes with dots, from every import and the demo) or accepts what it refuses.
 * Each answer is the Chinese reason.
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
	record FieldRule(String field, String key, String label, boolean required, Optional<Integer> maxLength,
			Optional<String> pattern, Optional<String> patternMessage, Optional<Integer> min, Optional<Integer> max,
			Optional<LocalDate> earliest, boolean notAfterToday, Optional<String> notBefore,
			boolean readOnlyAfterCreate) {

		static FieldRule code(String field, String key, String label) {
			return new FieldRule(field, key, label, true, Optional.of(CODE_MAX), Optional.of(CODE_PATTERN),
					Optional.of(label + "只能由字母、数字、下划线（_）、点（.）或连字符（-）组成，最长 " + CODE_MAX + " 位"), Optional.empty(),
					Optional.empty(), Optional.empty(), false, Optional.empty(), true);
		}

		static FieldRule text(String field, String key, String label, boolean required, int max) {
			return new FieldRule(field, key, label, required, Optional.of(max), Optional.empty(), Optional.empty(),
					Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(), false);
		}

		static FieldRule number(String field, String key, String label, int min, int max) {
			return new FieldRule(field, key, label, false, Optional.empty(), Optional.empty(), Optional.empty(),
					Optional.of(min), Optional.of(max), Optional.empty(), false, Optional.empty(), false);
		}

		static FieldRule date(String field, String key, String label, Optional<String> notBefore) {
			return new FieldRule(field, key, label, false, Optional.empty(), Optional.empty(), Optional.empty(),
					Optional.empty(), Optional.empty(), Optional.of(EARLIEST), true, notBefore, false);
		}

		/** Why the text is refused, or empty. */
		Optional<String> checkText(String value) {
			if (value == null || value.isBlank()) {
				return required ? Optional.of(label + "不能为空") : Optional.empty();
			}
			String v = value.strip();
			if (maxLength.isPresent() && v.length() > maxLength.get()) {
				return Optional.of(label + "不能超过 " + maxLength.get() + " 个字");
			}
			if (pattern.isPresent() && !CODE.matcher(v).matches()) {
				return patternMessage;
			}
			return Optional.empty();
		}

		Optional<String> checkNumber(Optional<Integer> value) {
			return value.filter(n -> min.map(m -> n < m).orElse(false) || max.map(m -> n > m).orElse(false))
				.map(n -> min.get() == 0 ? label + "须为 0 至 " + max.get() + " 之间的整数"
						: label + "须为 " + min.get() + " 至 " + max.get() + " 年");
		}

		Optional<String> checkDate(Optional<LocalDate> value, LocalDate today) {
			if (value.isEmpty()) {
				return Optional.empty();
			}
			LocalDate d = value.get();
			if (notAfterToday && d.isAfter(today)) {
				return Optional.of(label + "不能晚于今天");
			}
			if (earliest.isPresent() && d.isBefore(earliest.get())) {
				return Optional.of(label + "不能早于 " + earliest.get());
			}
			return Optional.empty();
		}

	}

	static final FieldRule ORG_CODE = FieldRule.code("code", "code", "组织编码");

	static final FieldRule ORG_NAME = FieldRule.text("name", "name", "组织名称", true, NAME_MAX);

	static final FieldRule TERM_YEARS = FieldRule.number("termYears", "term_years", "届期", TERM_MIN, TERM_MAX);

	static final FieldRule RESIDENT_YOUTH = FieldRule.number("residentYouth", "resident_youth", "14至35岁常住青年数", 0,
			POPULATION_MAX);

	static final FieldRule REGISTERED_POP = FieldRule.number("registeredPop635", "registered_pop_6_35", "6至35岁户籍人口数", 0,
			POPULATION_MAX);

	static final FieldRule ESTABLISHED_ON = FieldRule.date("establishedOn", "established_on", "成立日期", Optional.empty());

	static final FieldRule LAST_ELECTION_ON = FieldRule.date("lastElectionOn", "last_election_on", "最近换届日期",
			Optional.of("establishedOn"));

	static final FieldRule DISSOLVED_ON = FieldRule.date("dissolvedOn", "dissolved_on", "撤销日期",
			Optional.of("establishedOn"));

	static final FieldRule DISSOLVE_REASON = FieldRule.text("reason", "reason", "撤销原因", true, REASON_MAX);

	static final FieldRule RESTORE_REASON = FieldRule.text("reason", "reason", "恢复原因", true, REASON_MAX);

	static final FieldRule UNIT_CODE = FieldRule.code("code", "code", "单位编码");

	static final FieldRule UNIT_NAME = FieldRule.text("name", "name", "单位名称", true, NAME_MAX);

	static final FieldRule STUDENTS = FieldRule.number("students", "students", "在校学生数", 0, STUDENTS_MAX);

	static final FieldRule LINKED_ON = FieldRule.date("linkedOn", "linked_on", "建立或联系日期", Optional.empty());

	static final List<FieldRule> ORG = List.of(ORG_CODE, ORG_NAME, TERM_YEARS, RESIDENT_YOUTH, REGISTERED_POP,
			ESTABLISHED_ON, LAST_ELECTION_ON, DISSOLVED_ON);

	static final List<FieldRule> UNIT = List.of(UNIT_CODE, UNIT_NAME, STUDENTS, LINKED_ON);

	private FieldRules() {
	}

	/** The field errors of an org's editable fields, by rule, in form order. */
	static Map<FieldRule, String> orgErrors(String code, String name, Optional<Integer> termYears,
			Optional<Integer> residentYouth, Optional<Integer> registeredPop635, Optional<LocalDate> establishedOn,
			Optional<LocalDate> lastElectionOn, LocalDate today) {
		Map<FieldRule, String> errors = new LinkedHashMap<>();
		ORG_CODE.checkText(code).ifPresent(m -> errors.put(ORG_CODE, m));
		ORG_NAME.checkText(name).ifPresent(m -> errors.put(ORG_NAME, m));
		TERM_YEARS.checkNumber(termYears).ifPresent(m -> errors.put(TERM_YEARS, m));
		RESIDENT_YOUTH.checkNumber(residentYouth).ifPresent(m -> errors.put(RESIDENT_YOUTH, m));
		REGISTERED_POP.checkNumber(registeredPop635).ifPresent(m -> errors.put(REGISTERED_POP, m));
		ESTABLISHED_ON.checkDate(establishedOn, today).ifPresent(m -> errors.put(ESTABLISHED_ON, m));
		Optional<String> election = LAST_ELECTION_ON.checkDate(lastElectionOn, today);
		if (election.isEmpty() && establishedOn.isPresent() && lastElectionOn.isPresent()
				&& lastElectionOn.get().isBefore(establishedOn.get())) {
			election = Optional.of("最近换届日期不能早于成立日期");
		}
		election.ifPresent(m -> errors.put(LAST_ELECTION_ON, m));
		return errors;
	}

	/** The field errors of a unit's checked fields, by rule. */
	static Map<FieldRule, String> unitErrors(String code, String name, Optional<Integer> students,
			Optional<LocalDate> linkedOn, LocalDate today) {
		Map<FieldRule, String> errors = new LinkedHashMap<>();
		UNIT_CODE.checkText(code).ifPresent(m -> errors.put(UNIT_CODE, m));
		UNIT_NAME.checkText(name).ifPresent(m -> errors.put(UNIT_NAME, m));
		STUDENTS.checkNumber(students).ifPresent(m -> errors.put(STUDENTS, m));
		LINKED_ON.checkDate(linkedOn, today).ifPresent(m -> errors.put(LINKED_ON, m));
		return errors;
	}

	/** Form errors by request property, for {@code FieldError.invalid}. */
	static Map<String, String> byFormField(Map<FieldRule, String> errors) {
		Map<String, String> m = new LinkedHashMap<>();
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
