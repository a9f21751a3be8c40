package org.tuanwu.exchange.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tuanwu.shared.DateRange;
import org.tuanwu.shared.RowError;
import org.tuanwu.shared.Text;

/**
 * The cells of one data row, read as typed values; every value that cannot be read adds
 * an error.
 */
final class RowValues {

	private static final Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");

	private final int row;

	private final Map<Column, Cell> cells;

	private final List<RowError> errors;

	private boolean bad;

	RowValues(int row, Map<Column, Cell> cells, List<RowError> errors) {
		this.row = row;
		this.cells = cells;
		this.errors = errors;
	}

	boolean bad() {
		return bad;
	}

	void error(Column column, String value, Text reason) {
		errors.add(new RowError(row, column.key(), column.header(), value, reason));
		bad = true;
	}

	Optional<String> text(Column column) {
		Cell cell = cells.get(column);
		return cell == null || cell.blank() ? Optional.empty() : Optional.of(cell.text());
	}

	String required(Column column) {
		Optional<String> value = text(column);
		if (value.isEmpty()) {
			error(column, "", Text.of("{0}不能为空", "\"{0}\" cannot be empty", column.header()));
		}
		return value.orElse("");
	}

	Optional<LocalDate> date(Column column) {
		return text(column).flatMap(s -> {
			Matcher m = DATE.matcher(s);
			if (!m.matches()) {
				error(column, s,
						Text.of("日期格式应为 yyyy-MM-dd，例如 2024-05-04", "A date must be yyyy-MM-dd, e.g. 2024-05-04"));
				return Optional.empty();
			}
			try {
				LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)));
				if (!DateRange.contains(date)) {
					error(column, s,
							Text.of("日期超出允许的范围（{0} 至 {1}）", "The date is outside the allowed range ({0} to {1})",
									DateRange.EARLIEST, DateRange.LATEST));
					return Optional.empty();
				}
				return Optional.of(date);
			}
			catch (DateTimeException e) {
				error(column, s, Text.of("不是有效的日期", "Not a valid date"));
				return Optional.empty();
			}
		});
	}

	Optional<Integer> integer(Column column) {
		return text(column).flatMap(s -> {
			try {
				return Optional.of(Integer.valueOf(s));
			}
			catch (NumberFormatException e) {
				error(column, s, Text.of("应为整数", "Must be a whole number"));
				return Optional.empty();
			}
		});
	}

	Optional<Boolean> bool(Column column) {
		return text(column).flatMap(s -> switch (s.toLowerCase(Locale.ROOT)) {
			case "是", "true" -> Optional.of(true);
			case "否", "false" -> Optional.of(false);
			default -> {
				error(column, s, Text.of("应填“是”或“否”", "Must be \"{0}\" (yes) or \"{1}\" (no)", "是", "否"));
				yield Optional.empty();
			}
		});
	}

	/** A value from a fixed list (by its Chinese label). */
	<T> Optional<T> choice(Column column, Function<String, Optional<T>> byLabel, List<String> allowed) {
		return text(column).flatMap(s -> {
			Optional<T> value = byLabel.apply(s);
			if (value.isEmpty()) {
				error(column, s, Text.of("{0}应为以下之一：{1}", "\"{0}\" must be one of: {2}", column.header(),
						String.join("、", allowed), String.join(", ", allowed)));
			}
			return value;
		});
	}

}
