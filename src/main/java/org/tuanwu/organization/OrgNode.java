package org.tuanwu.organization;

import java.time.LocalDate;
import java.util.Optional;

/** An org as a line in the tree or a list. */
public record OrgNode(long id, String code, String name, OrgKind kind, Sector sector, Optional<LocalDate> dissolvedOn,
		boolean hasChildren, int childCount) {
}
