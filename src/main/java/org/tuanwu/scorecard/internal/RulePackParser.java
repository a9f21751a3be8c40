package org.tuanwu.scorecard.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import org.tuanwu.scorecard.internal.RulePack.PackIndicator;
import org.tuanwu.scorecard.internal.RulePack.Target;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * Reads a rule pack from YAML and checks it: every problem is collected with the field it
 * concerns and where it is in the file (1-based line and column), in both languages, so
 * that an administrator fixes a refused file in one go. The YAML parser's own (English)
 * messages are translated by {@link YamlProblems}.
 */
final class RulePackParser {

	/** The width of {@code scorecard_rule_pack.title}. */
	static final int MAX_TITLE = 300;

	static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_-]{0,31}");

	static final Set<String> ORG_KINDS = Set.of("PROVINCE_COMMITTEE", "CITY_COMMITTEE", "COUNTY_COMMITTEE",
			"DISTRICT_COMMITTEE", "TOWNSHIP_COMMITTEE", "STREET_WORK_COMMITTEE", "WORK_COMMITTEE", "BASIC_COMMITTEE",
			"GENERAL_BRANCH", "BRANCH", "JOINT_BRANCH", "TEMPORARY_BRANCH", "FLOATING_BRANCH");

	private RulePackParser() {
	}

	/**
	 * One problem of a refused pack: the field, and the line and column (1-based) of the
	 * value concerned, or of the nearest enclosing value when the field is missing.
	 */
	record Error(String field, Text message, int line, int column) {

		Error(String field, Text message) {
			this(field, message, 0, 0);
		}

		Text located() {
			return line > 0 ? Text.of("第 {0} 行第 {1} 列：{2}", "Line {0}, column {1}: {2}", line, column, message)
					: message;
		}

	}

	/**
	 * Parses and validates; throws 400 {@code scorecard.pack-invalid} listing every
	 * problem.
	 */
	static RulePack parse(String yaml, boolean builtIn) {
		List<Error> errors = new ArrayList<>();
		Map<String, Mark> marks = new LinkedHashMap<>();
		RulePack pack = read(yaml, builtIn, errors, marks);
		if (!errors.isEmpty() || pack == null) {
			List<Error> located = errors.stream().map(e -> locate(e, marks)).toList();
			List<Map<String, Object>> json = located.stream().map(e -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("field", e.field());
				m.put("message", e.located());
				if (e.line() > 0) {
					m.put("line", e.line());
					m.put("column", e.column());
				}
				return m;
			}).toList();
			throw new Problem(400, "scorecard.pack-invalid",
					Text.of("规则包有 {0} 处错误，未保存：{1}", "The rule pack has {0} errors and was not saved: {1}",
							located.size(),
							Text.join(located.stream().map(Error::located).limit(5).toList(), "；", "; ")),
					json);
		}
		return pack;
	}

	/**
	 * The error at the position of its field's value, or of the nearest enclosing value
	 * ({@code indicators[4]} for a missing {@code indicators[4].target}).
	 */
	private static Error locate(Error e, Map<String, Mark> marks) {
		if (e.line() > 0) {
			return e;
		}
		String field = e.field();
		while (true) {
			Mark m = marks.get(field);
			if (m != null) {
				return new Error(e.field(), e.message(), m.getLine() + 1, m.getColumn() + 1);
			}
			if (field.isEmpty()) {
				return e;
			}
			int cut = Math.max(field.lastIndexOf('.'), field.lastIndexOf('['));
			field = cut < 0 ? "" : field.substring(0, cut);
		}
	}

	/** Records where every value of the document starts, by field path. */
	private static void marks(Node node, String path, Map<String, Mark> marks) {
		marks.putIfAbsent(path, node.getStartMark());
		if (node instanceof MappingNode map) {
			for (NodeTuple t : map.getValue()) {
				if (t.getKeyNode() instanceof ScalarNode key) {
					marks(t.getValueNode(), path.isEmpty() ? key.getValue() : path + "." + key.getValue(), marks);
				}
			}
		}
		else if (node instanceof SequenceNode seq) {
			List<Node> items = seq.getValue();
			for (int i = 0; i < items.size(); i++) {
				marks(items.get(i), path + "[" + i + "]", marks);
			}
		}
	}

	private static RulePack read(String yaml, boolean builtIn, List<Error> errors, Map<String, Mark> marks) {
		Object root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			options.setMaxAliasesForCollections(10);
			options.setCodePointLimit(2_000_000);
			Node document = new Yaml(new SafeConstructor(options)).compose(new java.io.StringReader(yaml));
			if (document != null) {
				marks(document, "", marks);
			}
			root = new Yaml(new SafeConstructor(options)).load(yaml);
		}
		catch (MarkedYAMLException e) {
			Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
			Text message = YamlProblems.text(e);
			errors.add(mark == null ? new Error("yaml", message)
					: new Error("yaml", message, mark.getLine() + 1, mark.getColumn() + 1));
			return null;
		}
		catch (YAMLException e) {
			errors.add(new Error("yaml", YamlProblems.text(e)));
			return null;
		}
		if (!(root instanceof Map<?, ?> map)) {
			errors.add(new Error("yaml", Text.of("规则包应为键值结构（id、title、clauses、indicators 等）",
					"A rule pack must be a mapping (id, title, clauses, indicators…)")));
			return null;
		}
		String id = text(map.get("id"));
		if (id.isEmpty() || !ID.matcher(id).matches()) {
			errors.add(new Error("id", Text.of("规则包编号 id 必填，只能由大写字母、数字、- 和 _ 组成（如 JC），当前为：{0}",
					"The rule pack id is required and may only contain capital letters, digits, - and _ (like JC); it is: {0}",
					id)));
		}
		String title = text(map.get("title"));
		if (title.isEmpty()) {
			errors.add(new Error("title", Text.of("规则包名称 title 必填", "The rule pack title is required")));
		}
		else if (title.length() > MAX_TITLE) {
			errors.add(new Error("title", Text.of("规则包名称 title 不能超过 {0} 个字（当前 {1} 个）",
					"The rule pack title cannot exceed {0} characters (it has {1})", MAX_TITLE, title.length())));
		}
		String issuer = text(map.get("issuer"));
		Optional<LocalDate> issuedOn = Optional.empty();
		Object issued = map.get("issuedOn");
		if (issued instanceof Date d) {
			issuedOn = Optional.of(d.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
		}
		else if (issued != null && !text(issued).isEmpty()) {
			try {
				issuedOn = Optional.of(LocalDate.parse(text(issued)));
			}
			catch (DateTimeParseException e) {
				errors.add(new Error("issuedOn", Text.of("发布日期 issuedOn 应为 yyyy-MM-dd：{0}",
						"The issue date issuedOn must be yyyy-MM-dd: {0}", text(issued))));
			}
		}
		Map<String, String> clauses = new LinkedHashMap<>();
		Object c = map.get("clauses");
		if (c instanceof Map<?, ?> cm) {
			cm.forEach((k, v) -> {
				String key = text(k);
				if (text(v).isEmpty()) {
					errors.add(new Error("clauses." + key, Text.of("条款 {0} 的原文为空", "The clause {0} has no text", key)));
				}
				clauses.put(key, text(v));
			});
		}
		else if (c != null) {
			errors.add(new Error("clauses",
					Text.of("clauses 应为“条款编号: 原文”的键值结构", "clauses must be a mapping of \"clause number: text\"")));
		}
		List<PackIndicator> indicators = new ArrayList<>();
		Object list = map.get("indicators");
		if (!(list instanceof List<?> items) || items.isEmpty()) {
			errors.add(new Error("indicators",
					Text.of("indicators 必须是至少包含一个指标的列表", "indicators must be a list of at least one indicator")));
		}
		else {
			Set<String> seen = new HashSet<>();
			for (int i = 0; i < items.size(); i++) {
				indicator(items.get(i), i, clauses, seen, errors).ifPresent(indicators::add);
			}
		}
		if (!errors.isEmpty()) {
			return null;
		}
		return new RulePack(id, 1, title, issuer, issuedOn, Map.copyOf(clauses), List.copyOf(indicators), yaml, builtIn,
				Optional.empty(), Optional.empty());
	}

	private static Optional<PackIndicator> indicator(Object item, int index, Map<String, String> clauses,
			Set<String> seen, List<Error> errors) {
		String field = "indicators[" + index + "]";
		if (!(item instanceof Map<?, ?> m)) {
			errors.add(new Error(field, Text.of("indicators 的第 {0} 项应为键值结构（code、target、clause）",
					"Item {0} of indicators must be a mapping (code, target, clause)", index + 1)));
			return Optional.empty();
		}
		int before = errors.size();
		String code = text(m.get("code"));
		if (IndicatorCatalogue.find(code).isEmpty()) {
			errors.add(new Error(field + ".code", Text.of("未知的指标编码：{0}", "Unknown indicator code: {0}",
					code.isEmpty() ? Text.of("（空）", "(empty)") : code)));
		}
		else if (!seen.add(code)) {
			errors.add(new Error(field + ".code",
					Text.of("指标 {0} 在规则包中重复出现", "The indicator {0} appears twice in the rule pack", code)));
		}
		boolean informational = Boolean.TRUE.equals(m.get("informational"));
		Object t = m.get("target");
		Optional<Target> target = Optional.empty();
		if (informational && t != null) {
			errors.add(new Error(field + ".target", Text.of("指标 {0} 既标为参考（informational）又设了目标值，只能二选一",
					"The indicator {0} is both informational and has a target: choose one", code)));
		}
		else if (!informational && t == null) {
			errors.add(new Error(field + ".target", Text.of("指标 {0} 缺少目标值 target（或标为 informational: true）",
					"The indicator {0} lacks a target (or informational: true)", code)));
		}
		else if (t != null) {
			target = target(t, field + ".target", code, errors);
		}
		List<String> appliesTo = new ArrayList<>();
		Object a = m.get("appliesTo");
		if (a instanceof List<?> kinds) {
			for (Object k : kinds) {
				if (!ORG_KINDS.contains(text(k))) {
					errors
						.add(new Error(field + ".appliesTo", Text.of("未知的组织类别：{0}", "Unknown org kind: {0}", text(k))));
				}
				appliesTo.add(text(k));
			}
		}
		else if (a != null) {
			errors.add(new Error(field + ".appliesTo", Text.of("appliesTo 应为组织类别的列表，如 [COUNTY_COMMITTEE]",
					"appliesTo must be a list of org kinds, like [COUNTY_COMMITTEE]")));
		}
		String clause = text(m.get("clause"));
		if (clause.isEmpty()) {
			errors.add(new Error(field + ".clause",
					Text.of("指标 {0} 缺少出处条款 clause", "The indicator {0} lacks its source clause", code)));
		}
		else if (!clauses.containsKey(clause)) {
			errors.add(new Error(field + ".clause", Text.of("指标 {0} 引用的条款 {1} 不在 clauses 中",
					"The clause {1} of the indicator {0} is not in clauses", code, clause)));
		}
		if (errors.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new PackIndicator(code, target, informational, List.copyOf(appliesTo), clause));
	}

	private static Optional<Target> target(Object t, String field, String code, List<Error> errors) {
		if (!(t instanceof Map<?, ?> tm)) {
			errors.add(new Error(field, Text.of("指标 {0} 的目标应写作 {op: \">=\", value: 1.0}",
					"The target of the indicator {0} is written {op: \">=\", value: 1.0}", code)));
			return Optional.empty();
		}
		String op = text(tm.get("op"));
		boolean ok = true;
		if (!Target.OPS.contains(op)) {
			errors.add(new Error(field + ".op", Text.of("指标 {0} 的比较符 {1} 无效（可用：>=、<=、>、<、==）",
					"The comparison {1} of the indicator {0} is not valid (available: >=, <=, >, <, ==)", code, op)));
			ok = false;
		}
		Object v = tm.get("value");
		BigDecimal value = null;
		if (v instanceof Number n) {
			value = new BigDecimal(n.toString());
		}
		else {
			errors.add(new Error(field + ".value", Text.of("指标 {0} 的目标值应为数字，当前为：{1}",
					"The target of the indicator {0} must be a number; it is: {1}", code, text(v))));
			ok = false;
		}
		return ok ? Optional.of(new Target(op, value)) : Optional.empty();
	}

	private static String text(Object o) {
		return o == null ? "" : o.toString().strip();
	}

}
