package org.tuanwu.exchange.internal;

import java.util.List;

import org.tuanwu.shared.RowError;

/**
 * What an import did ({@code rows} = data rows read), or every bad row if it wrote
 * nothing.
 */
record ImportReport(int rows, int created, int updated, int unchanged, List<RowError> errors) {

	boolean refused() {
		return !errors.isEmpty();
	}

	long badRows() {
		return errors.stream().mapToInt(RowError::row).distinct().count();
	}

}
