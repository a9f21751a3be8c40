package org.tuanwu.organization;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tuanwu.shared.Text;

/**
 * 组织类别. The Chinese label is the exchange format's value. The hierarchy (which kinds an
 * org of this kind may have below it, which kinds may stand at the top of the tree) lives
 * here, so that the forms, the import, the demo and the kind lists the front end is
 * served all follow one table.
 */
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
	 * The label in both languages, for the server's texts; the English names are those of
	 * the front end's locale.
	 */
	public Text text() {
		return switch (this) {
			case PROVINCE_COMMITTEE -> Text.of("团省委", "Provincial committee");
			case CITY_COMMITTEE -> Text.of("团市委", "City committee");
			case COUNTY_COMMITTEE -> Text.of("团县委", "County committee");
			case DISTRICT_COMMITTEE -> Text.of("团区委", "District committee");
			case TOWNSHIP_COMMITTEE -> Text.of("乡镇团委", "Township committee");
			case STREET_WORK_COMMITTEE -> Text.of("街道团工委", "Street work committee");
			case WORK_COMMITTEE -> Text.of("团工委", "Work committee");
			case BASIC_COMMITTEE -> Text.of("基层团委", "Basic-level committee");
			case GENERAL_BRANCH -> Text.of("团总支", "General branch");
			case BRANCH -> Text.of("团支部", "Branch");
			case JOINT_BRANCH -> Text.of("联合团支部", "Joint branch");
			case TEMPORARY_BRANCH -> Text.of("临时团支部", "Temporary branch");
			case FLOATING_BRANCH -> Text.of("流动团员团支部", "Floating members branch");
		};
	}

	/** Kinds as a list in a sentence: 团省委、团市委 / Provincial committee, City committee. */
	public static Text texts(java.util.Collection<OrgKind> kinds) {
		return Text.join(kinds.stream().map(OrgKind::text).toList(), "、", ", ");
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
	 * A local committee elected by a congress (团省委 … 街道团工委), as opposed to the committees
	 * of a sector or a unit.
	 */
	boolean isLocalCommittee() {
		return level() > 0;
	}

	/**
	 * 1 province, 2 city, 3 county or district, 4 township or street; 0 for the others.
	 */
	private int level() {
		return switch (this) {
			case PROVINCE_COMMITTEE -> 1;
			case CITY_COMMITTEE -> 2;
			case COUNTY_COMMITTEE, DISTRICT_COMMITTEE -> 3;
			case TOWNSHIP_COMMITTEE, STREET_WORK_COMMITTEE -> 4;
			default -> 0;
		};
	}

	/**
	 * Whether an org of this kind may stand at the top of the tree: only a local
	 * committee above the township (a province, a city, or a county holding its own
	 * platform).
	 */
	public boolean mayBeRoot() {
		return level() >= 1 && level() <= 3;
	}

	/**
	 * Whether an org of this kind may have a child of the given kind. A branch has no
	 * child orgs (its groups are not orgs); a general branch (团总支) has only branches; a
	 * local committee has local committees of the levels below it (a township directly
	 * under a county or district); work committees (团工委) sit under a committee above the
	 * township; basic committees and general branches under any committee.
	 */
	public boolean mayHaveChild(OrgKind child) {
		if (isBranch()) {
			return false;
		}
		if (this == GENERAL_BRANCH) {
			return child.isBranch();
		}
		if (child.isBranch() || child == GENERAL_BRANCH || child == BASIC_COMMITTEE) {
			return true;
		}
		if (child == WORK_COMMITTEE) {
			return level() >= 1 && level() <= 3;
		}
		if (child.isLocalCommittee()) {
			if (child.level() == 4) {
				return level() == 3;
			}
			return level() >= 1 && level() < child.level();
		}
		return false;
	}

	/** The kinds an org of this kind may have below it, in declaration order. */
	public List<OrgKind> childKinds() {
		return Arrays.stream(values()).filter(this::mayHaveChild).toList();
	}

	/** The kinds an org of this kind may have above it. */
	public Set<OrgKind> parentKinds() {
		Set<OrgKind> parents = EnumSet.noneOf(OrgKind.class);
		for (OrgKind k : values()) {
			if (k.mayHaveChild(this)) {
				parents.add(k);
			}
		}
		return parents;
	}

	public static List<OrgKind> rootKinds() {
		return Arrays.stream(values()).filter(OrgKind::mayBeRoot).toList();
	}

	public static Optional<OrgKind> fromLabel(String label) {
		return Arrays.stream(values()).filter(k -> k.label.equals(label) || k.name().equals(label)).findFirst();
	}

}
