package org.tuanwu.shared;

/**
 * Why one row of an imported file is refused. Domain modules name the field by the
 * exchange format's key ({@code parent_code}); the exchange layer adds the column header
 * the file shows ({@code 上级组织编码}) before anyone reads it.
 *
 * @param row the row's number in the file (the header is row 1)
 * @param field the exchange key of the field, or empty when the error concerns no known
 * column (an unknown header)
 * @param column the column's header as people read it (the exchange format's Chinese
 * header, a contract); empty until the exchange layer fills it in
 * @param value the value as it was in the file
 * @param why why, in both languages
 */
public record RowError(int row, String field, String column, String value, Text why) {

	/** An error by field key, before the exchange layer names the column. */
	public static RowError of(int row, String field, String value, Text why) {
		return new RowError(row, field, "", value, why);
	}

	public RowError withColumn(String header) {
		return new RowError(row, field, header, value, why);
	}

	/** Why, in the current request's language (Chinese for commands). */
	public String reason() {
		return why.toString();
	}

}
