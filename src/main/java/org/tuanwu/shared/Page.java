package org.tuanwu.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a longer list, with the total for the pager. Where counting everything
 * would cost more than the page itself (a subtree of 300 000 orgs), the count stops
 * early: {@code totalExact} is then false and {@code total} is a lower bound ("10 000+").
 */
public record Page<T>(List<T> items, long total, int page, int size, boolean totalExact) {

	public static final int MAX_SIZE = 500;

	public Page(List<T> items, long total, int page, int size) {
		this(items, total, page, size, true);
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(items.stream().map(mapper).toList(), total, page, size, totalExact);
	}

	/** Clamps a requested page size to 1..{@link #MAX_SIZE}. */
	public static int size(int requested) {
		return Math.max(1, Math.min(MAX_SIZE, requested));
	}

}
