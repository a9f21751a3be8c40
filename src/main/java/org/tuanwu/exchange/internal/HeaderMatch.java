package org.tuanwu.exchange.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tuanwu.shared.RowError;
import org.tuanwu.shared.Text;

/**
 * Matches a header row to a format's columns, by Chinese header or English key, in any
 * order. Unknown, duplicate and missing required columns are errors of row 1. The first
 * column {@code 错误说明} of an annotated copy is ignored, so that a corrected copy can be
 * imported as it is.
 */
final class HeaderMatch {

	static final String ANNOTATION = "错误说明";

	private HeaderMatch() {
	}

	/**
	 * The column at each position of the file; empty if the header has errors (added to
	 * {@code errors}).
	 */
	static Optional<Map<Integer, Column>> match(List<Column> columns, List<Cell> header, List<RowError> errors) {
		Map<Integer, Column> byIndex = new LinkedHashMap<>();
		Map<Column, Integer> seen = new HashMap<>();
		int before = errors.size();
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).text();
			if (name.isEmpty() || (i == 0 && name.equals(ANNOTATION))) {
				continue;
			}
			Optional<Column> column = columns.stream().filter(c -> c.matches(name)).findFirst();
			if (column.isEmpty()) {
				errors.add(new RowError(1, "", name, name, Text.of("未知的列“{0}”：请使用模板中的表头",
						"Unknown column \"{0}\": use the headers of the template", name)));
				continue;
			}
			Integer first = seen.putIfAbsent(column.get(), i);
			if (first != null) {
				errors.add(new RowError(1, column.get().key(), column.get().header(), name,
						Text.of("列“{0}”重复（第 {1} 列和第 {2} 列）", "Column \"{0}\" appears twice (columns {1} and {2})",
								column.get().header(), first + 1, i + 1)));
				continue;
			}
			byIndex.put(i, column.get());
		}
		for (Column c : columns) {
			if (c.required() && !seen.containsKey(c)) {
				errors.add(new RowError(1, c.key(), c.header(), "",
						Text.of("缺少必需的列“{0}”", "The required column \"{0}\" is missing", c.header())));
			}
		}
		return errors.size() == before ? Optional.of(byIndex) : Optional.empty();
	}

}
