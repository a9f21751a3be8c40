package org.tuanwu.organization;

import java.util.Map;

/** Counts of the orgs in a subtree. */
public record OrgStats(long total, long dissolved, Map<OrgKind, Long> byKind, Map<Sector, Long> bySector) {
}
