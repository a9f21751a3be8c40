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

	/** A date refused by the range (or not a date), with the reason. */
	public static final class Refused extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		private final transient Text reason;

		public Refused(Text reason) {
			super(reason.zh());
			this.reason = reason;
		}

		public Text reason() {
			return reason;
		}

	}

	public static boolean contains(LocalDate date) {
		return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
	}

	/** The reason for a date outside the range, naming the field. */
	public static Text outOfRange(String field, Object value) {
		return Text.of("字段 {0} 的日期 {1} 超出允许的范围（{2} 至 {3}）",
				"the date {1} of field {0} is outside the allowed range ({2} to {3})", field, value, EARLIEST, LATEST);
	}

	/** Refuses a date outside the range with a 400 naming the field. */
	public static LocalDate require(String field, LocalDate date) {
		if (!contains(date)) {
			throw FieldError.invalid("request.date-out-of-range", Map.of(field, outOfRange(field, date)));
		}
		return date;
	}

}
