package org.tuanwu.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.tuanwu.organization.OrgDetail.OrgRef;

/**
 * An org as a line in the tree, a list or a picker. {@code ancestors}: its parents from
 * the top of the caller's view down to its parent (empty for a top), so that same-named
 * branches can be told apart (乡镇 › 村).
 */
public record OrgNode(long id, String code, String name, OrgKind kind, Sector sector, Optional<LocalDate> dissolvedOn,
		boolean hasChildren, int childCount, List<OrgRef> ancestors) {
}
