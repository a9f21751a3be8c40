package org.tuanwu.exchange.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.tuanwu.identity.Actor;
import org.tuanwu.shared.RowError;

/**
 * One type of docs/exchange.md "Templates" ({@code organizations}, …): its columns, how
 * rows become records and back.
 */
interface ExchangeFormat {

	/** The type's name in URLs and on the command line. */
	String type();

	/** Its Chinese name, for file and sheet names. */
	String title();

	List<Column> columns();

	/** A sample row for the template, in column order. */
	List<?> sampleRow();

	/** Allowed values of the columns that have a fixed list, by Chinese header. */
	Map<String, List<String>> allowedValues();

	/** Collects the rows of one file. */
	Batch batch();

	/**
	 * The errors a domain module reported by field key, with the Chinese header of the
	 * key's column (a key this format does not know is shown as it is).
	 */
	default List<RowError> named(List<RowError> errors) {
		return errors.stream().map(e -> {
			if (!e.column().isEmpty()) {
				return e;
			}
			return e.withColumn(columns().stream()
				.filter(c -> c.key().equals(e.field()))
				.map(Column::header)
				.findFirst()
				.orElse(e.field()));
		}).toList();
	}

	/** Checks that the actor may export the subtree before anything is written. */
	void checkExport(Actor actor, Optional<Long> under);

	/**
	 * Streams the records of the subtree (default: the actor's scope) as rows in column
	 * order, parents first.
	 */
	void export(Actor actor, Optional<Long> under, boolean includeDissolved, Consumer<List<?>> rows);

	/** The rows of one file, parsed one by one, then checked and written together. */
	interface Batch {

		/** A data row: the cells by column (absent columns are not in the map). */
		void add(int row, Map<Column, Cell> cells);

		/** Checks every row against the database; writes all rows if none is bad. */
		ImportReport apply(Actor actor, List<RowError> fileErrors);

		int rows();

	}

}
