package org.tuanwu.shared;

import java.util.List;

/**
 * What a bulk import did, or why it did nothing: an import is all or nothing, so any
 * error means no row was written.
 */
public record ImportOutcome(int created, int updated, int unchanged, List<RowError> errors) {

	public ImportOutcome {
		errors = List.copyOf(errors);
	}

	public static ImportOutcome refusedWith(List<RowError> errors) {
		return new ImportOutcome(0, 0, 0, errors);
	}

	public boolean refused() {
		return !errors.isEmpty();
	}

}
