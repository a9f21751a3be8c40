package org.tuanwu.organization;

/**
 * Types of a bulk import of orgs: all rows are checked before anything is written. The
 * result is a {@link org.tuanwu.shared.ImportOutcome} with
 * {@link org.tuanwu.shared.RowError}s by exchange field key.
 */
public final class OrgImport {

	private OrgImport() {
	}

	/** A parsed row and its number in the file (the header is row 1). */
	public record Row(int number, OrgRecord record) {
	}

}
