package org.tuanwu.organization;

import java.util.Optional;

/** An org, with its subtree, was put under another parent (调整隶属关系). */
public record OrgMoved(long orgId, String code, Optional<Long> fromParentId, long toParentId) {
}
