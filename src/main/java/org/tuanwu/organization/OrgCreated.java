package org.tuanwu.organization;

import java.util.Optional;

/**
 * An org was created (by a form, an import or the demo), published through the event
 * publication registry after its transaction commits.
 */
public record OrgCreated(long orgId, String code, Optional<Long> parentId, OrgKind kind) {
}
