package org.tuanwu.scorecard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.regex.Pattern;

import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * An evaluation period: a calendar year. Stock indicators (coverage, staffing, terms) are
 * taken as of {@link #asOf()} — the period's last day, or today for the current year;
 * flow indicators count events dated from {@link #start()} to {@link #asOf()}.
 */
public record Period(int year, LocalDate start, LocalDate end, LocalDate asOf) {

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	/**
	 * Parses {@code YYYY}; refuses a malformed or future period with a message in both
	 * languages.
	 */
	public static Period parse(String text, Clock clock) {
		String t = text == null ? "" : text.strip();
		if (!YEAR.matcher(t).matches()) {
			throw Problem.badRequest("scorecard.period-invalid", Text.of("考核期间格式不正确：{0}（应为四位年份，如 2024）",
					"Malformed period: {0} (it must be a four-digit year, e.g. 2024)", t));
		}
		int year = Integer.parseInt(t);
		LocalDate today = LocalDate.now(clock);
		if (year > today.getYear()) {
			throw Problem.badRequest("scorecard.period-future", Text.of("考核期间 {0} 尚未开始，不能考核未来的年度",
					"The period {0} has not begun: a future year cannot be assessed", year));
		}
		if (year < 1949) {
			throw Problem.badRequest("scorecard.period-invalid",
					Text.of("考核期间 {0} 不在有效范围内", "The period {0} is outside the valid range", year));
		}
		LocalDate start = Year.of(year).atDay(1);
		LocalDate end = Year.of(year).atMonth(12).atEndOfMonth();
		return new Period(year, start, end, end.isAfter(today) ? today : end);
	}

	@Override
	public String toString() {
		return Integer.toString(year);
	}

}
