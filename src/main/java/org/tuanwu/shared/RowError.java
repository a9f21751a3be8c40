package org.tuanwu.shared;

/**
 * Why one row of an imported file is refused. Domain modules name the field by the
 * exchange format's key ({@code parent_code}); the exchange layer adds the column header
 * the file shows ({@code 上级组织编码}) before anyone reads it.
 *
 * @param row the row's number in the file (the header is row 1)
 * @param field the exchange key of the field, or empty when the error concerns no known
 * column (an unknown header)
 * @param column the column's header as people read it; empty until the exchange layer
 * fills it in
 * @param value the value as it was in the file
 * @param reason why, in Chinese
 */
public record RowError(int row, String field, String column, String value, String reason) {

	/** An error by field key, before the exchange layer names the column. */
	public static RowError of(int row, String field, String value, String reason) {
		return new RowError(row, field, "", value, reason);
	}

	public RowError withColumn(String header) {
		return new RowError(row, field, header, value, reason);
	}

}
