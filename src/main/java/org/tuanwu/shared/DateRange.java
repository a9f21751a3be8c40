package org.tuanwu.shared;

import java.time.LocalDate;
import java.util.Map;

/**
 * The dates the platform accepts anywhere (JSON bodies, query parameters, import files):
 * 1900-01-01 to 2100-12-31. League records begin in the twentieth century, and a date
 * beyond 2100 is a typing slip; outside this range a date is refused before it reaches a
 * rule or the database (where year −999 999 999 would come back as a year in the far
 * future). Rules that need a narrower range (not after today) check it themselves.
 */
public final class DateRange {

	public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

	private DateRange() {
	}

	/** A date refused by the range (or not a date), with the Chinese reason. */
	public static final class Refused extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		public Refused(String reason) {
			super(reason);
		}

	}

	public static boolean contains(LocalDate date) {
		return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
	}

	/** The Chinese reason for a date outside the range, naming the field. */
	public static String outOfRange(String field, Object value) {
		return "字段 " + field + " 的日期 " + value + " 超出允许的范围（" + EARLIEST + " 至 " + LATEST + "）";
	}

	/** Refuses a date outside the range with a 400 naming the field. */
	public static LocalDate require(String field, LocalDate date) {
		if (!contains(date)) {
			throw FieldError.invalid("request.date-out-of-range", Map.of(field, outOfRange(field, date)));
		}
		return date;
	}

}
