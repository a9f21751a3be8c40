package org.tuanwu.demo.internal;

import java.util.Arrays;
import java.util.Optional;

/** How much of the tree the demo data set covers. */
enum DemoScale {

	/** One 团县委 and everything below it: about 3 000 orgs. */
	COUNTY,
	/** One 团市委 over about ten counties and the city-level orgs: about 30 000 orgs. */
	CITY,
	/** One 团省委 over about ten cities: about 300 000 orgs. */
	PROVINCE;

	static Optional<DemoScale> parse(String text) {
		return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(text.strip())).findFirst();
	}

}
