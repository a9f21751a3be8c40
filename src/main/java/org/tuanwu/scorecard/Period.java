package org.tuanwu.scorecard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.regex.Pattern;

import org.tuanwu.shared.Problem;

/**
 * An evaluation period: a calendar year. Stock indicators (coverage, staffing, terms) are
 * taken as of {@link #asOf()} — the period's last day, or today for the current year;
 * flow indicators count events dated from {@link #start()} to {@link #asOf()}.
 */
public record Period(int year, LocalDate start, LocalDate end, LocalDate asOf) {

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	/**
	 * Parses {@code YYYY}; refuses a malformed or future period with a Chinese message.
	 */
	public static Period parse(String text, Clock clock) {
		String t = text == null ? "" : text.strip();
		if (!YEAR.matcher(t).matches()) {
			throw Problem.badRequest("scorecard.period-invalid", "考核期间格式不正确：" + t + "（应为四位年份，如 2024）");
		}
		int year = Integer.parseInt(t);
		LocalDate today = LocalDate.now(clock);
		if (year > today.getYear()) {
			throw Problem.badRequest("scorecard.period-future", "考核期间 " + year + " 尚未开始，不能考核未来的年度");
		}
		if (year < 1949) {
			throw Problem.badRequest("scorecard.period-invalid", "考核期间 " + year + " 不在有效范围内");
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
