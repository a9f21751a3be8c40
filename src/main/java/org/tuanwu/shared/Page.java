package org.tuanwu.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list, with the total for the pager. */
public record Page<T>(List<T> items, long total, int page, int size) {

	public static final int MAX_SIZE = 500;

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(items.stream().map(mapper).toList(), total, page, size);
	}

	/** Clamps a requested page size to 1..{@link #MAX_SIZE}. */
	public static int size(int requested) {
		return Math.max(1, Math.min(MAX_SIZE, requested));
	}

}
