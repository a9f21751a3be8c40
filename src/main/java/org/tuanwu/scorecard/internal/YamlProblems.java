package org.tuanwu.scorecard.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.tuanwu.shared.Text;

/**
 * The YAML parser's problems in Chinese. SnakeYAML describes a syntax error in English
 * ("mapping values are not allowed here"); an administrator uploading a rule pack reads
 * what is wrong and how to fix it. An unknown problem gets a general sentence, never the
 * English one; the position comes from the error's mark.
 */
final class YamlProblems {

	private record Translation(Pattern problem, String chinese) {
	}

	private static final List<Translation> TRANSLATIONS = List.of(
			t("mapping values are not allowed here", "此处不能出现冒号“:”（冒号后须有空格；值里有冒号时请给整个值加引号）"),
			t("could not find expected ':'", "缺少冒号“:”（应写作“键: 值”）"), t("found duplicate key (.*)", "键 $1 重复出现"),
			t("duplicate keys found : (.*)", "键 $1 重复出现"),
			t("found character '(?:\\\\t(?:\\(TAB\\))?|\t)' that cannot start any token.*", "含有制表符（缩进请用空格，不要用 Tab 键）"),
			t("found character '(.*)' that cannot start any token.*", "字符“$1”不能出现在此处（以它开头的值请加引号）"),
			t("found a tab character.*", "含有制表符（缩进请用空格，不要用 Tab 键）"),
			t("expected ',' or '\\}', but got <stream end>", "花括号 { } 没有闭合（缺少“}”）"),
			t("expected ',' or ']', but got <stream end>", "方括号 [ ] 没有闭合（缺少“]”）"),
			t("expected ',' or '\\}', but got .*", "花括号 { } 内的各项应以逗号分隔，并以“}”结束"),
			t("expected ',' or ']', but got .*", "方括号 [ ] 内的各项应以逗号分隔，并以“]”结束"),
			t("found unexpected end of stream", "文件意外结束（引号或括号没有闭合）"),
			t("expected <block end>, but found .*", "缩进不一致（同一层的键应左对齐）"),
			t("did not find expected key", "缩进不一致，找不到应有的键"),
			t("did not find expected '-' indicator", "列表项应以“- ”开头，且缩进一致"),
			t("expected the node content, but found .*", "此处缺少值"), t("found undefined alias.*", "引用了未定义的锚点（*名称）"),
			t("found unknown escape character.*", "双引号字符串中有无效的转义字符（反斜杠 \\ 后的字符）"),
			t("found unexpected document separator", "文件中出现了文档分隔符“---”或“...”，规则包只能有一个文档"),
			t("expected a single document in the stream.*", "文件中有多个 YAML 文档，规则包只能有一个"),
			t("but found another document", "文件中有多个 YAML 文档，规则包只能有一个"),
			t("special characters are not allowed", "文件含有不可打印的控制字符"),
			t("found unacceptable code point.*", "文件含有不可打印的控制字符"),
			t("could not determine a constructor for the tag.*", "不支持的 YAML 标签（以 ! 开头的类型标注）"),
			t("mapping keys are not allowed here", "此处不能开始新的键（检查缩进）"),
			t("sequence entries are not allowed here", "此处不能开始列表项“- ”（检查缩进）"),
			t("expected alphabetic or numeric character, but found.*", "锚点或别名的名称只能由字母和数字组成"),
			t("Number of aliases for non-scalar nodes exceeds the specified max=(\\d+)", "别名（*名称）使用过多，最多 $1 个"),
			t("The incoming YAML document exceeds the limit.*", "文件过大"), t("Nesting Depth exceeded max.*", "嵌套层数过多"));

	private YamlProblems() {
	}

	private static Translation t(String english, String chinese) {
		return new Translation(Pattern.compile(english, Pattern.DOTALL), chinese);
	}

	/**
	 * The syntax error in both languages: the Chinese translation, and SnakeYAML's own
	 * English description.
	 */
	static Text text(YAMLException e) {
		String problem = e instanceof MarkedYAMLException m && m.getProblem() != null ? m.getProblem()
				: String.valueOf(e.getMessage());
		return Text.of("YAML 格式错误：{0}", "YAML syntax error: {1}", chinese(e), problem.strip());
	}

	static String chinese(YAMLException e) {
		String problem = e instanceof MarkedYAMLException m && m.getProblem() != null ? m.getProblem()
				: String.valueOf(e.getMessage());
		String context = e instanceof MarkedYAMLException m && m.getContext() != null ? m.getContext() : "";
		for (Translation t : TRANSLATIONS) {
			Matcher matcher = t.problem().matcher(problem.strip());
			if (matcher.matches()) {
				return matcher.groupCount() > 0 ? t.chinese().replace("$1", matcher.group(1).strip()) : t.chinese();
			}
		}
		if (context.contains("quoted scalar")) {
			return "引号没有闭合";
		}
		return "无法读取（语法不符合 YAML 规范）";
	}

}
