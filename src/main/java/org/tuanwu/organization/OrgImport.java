package org.tuanwu.organization;

import java.util.List;

/** Types of a bulk import of orgs: all rows are checked before anything is written. */
public final class OrgImport {

	private OrgImport() {
	}

	/** A parsed row and its number in the file (the header is row 1). */
	public record Row(int number, OrgRecord record) {
	}

	/**
	 * Why a row is refused: the column (its Chinese header), the value and the reason, in
	 * Chinese.
	 */
	public record RowError(int row, String column, String value, String reason) {
	}

	/** What an import did, or why it did nothing. */
	public record Outcome(int created, int updated, int unchanged, List<RowError> errors) {

		public boolean refused() {
			return !errors.isEmpty();
		}

	}

}
