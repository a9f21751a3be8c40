package org.tuanwu.organization;

import java.util.Arrays;
import java.util.Optional;

/** 组织类别. The Chinese label is the exchange format's value. */
public enum OrgKind {

	PROVINCE_COMMITTEE("团省委", 5), CITY_COMMITTEE("团市委", 5), COUNTY_COMMITTEE("团县委", 5), DISTRICT_COMMITTEE("团区委", 5),
	TOWNSHIP_COMMITTEE("乡镇团委", 3), STREET_WORK_COMMITTEE("街道团工委", 3), WORK_COMMITTEE("团工委", 3),
	BASIC_COMMITTEE("基层团委", 3), GENERAL_BRANCH("团总支", 3), BRANCH("团支部", 2), JOINT_BRANCH("联合团支部", 2),
	TEMPORARY_BRANCH("临时团支部", 2), FLOATING_BRANCH("流动团员团支部", 2);

	private final String label;

	private final int defaultTermYears;

	OrgKind(String label, int defaultTermYears) {
		this.label = label;
		this.defaultTermYears = defaultTermYears;
	}

	public String label() {
		return label;
	}

	/**
	 * Local congress committees 5 years, basic committees 3, branches 2 (docs/domain.md
	 * "Terms").
	 */
	public int defaultTermYears() {
		return defaultTermYears;
	}

	/** Members belong only to orgs of a branch kind. */
	public boolean isBranch() {
		return this == BRANCH || this == JOINT_BRANCH || this == TEMPORARY_BRANCH || this == FLOATING_BRANCH;
	}

	/**
	 * Whether an org of this kind may have a child of the given kind: a branch has no
	 * child orgs (its groups are not orgs), and a general branch (团总支) has only branches
	 * below it.
	 */
	public boolean mayHaveChild(OrgKind child) {
		if (isBranch()) {
			return false;
		}
		return this != GENERAL_BRANCH || child.isBranch();
	}

	public static Optional<OrgKind> fromLabel(String label) {
		return Arrays.stream(values()).filter(k -> k.label.equals(label) || k.name().equals(label)).findFirst();
	}

}
