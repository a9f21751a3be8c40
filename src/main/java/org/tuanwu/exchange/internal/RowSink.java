package org.tuanwu.exchange.internal;

import java.util.List;

/**
 * Receives the rows of a file one by one, the header first; blank rows are never passed.
 */
@FunctionalInterface
interface RowSink {

	/**
	 * @param number the row's number in the file (the header is row 1)
	 * @return whether to go on reading
	 */
	boolean row(int number, List<Cell> cells);

}
