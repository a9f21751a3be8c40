package org.tuanwu.identity.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.tuanwu.identity.Role;

/**
 * A user as stored. Never leaves the module: the web layer answers with its own views.
 */
record UserAccount(long id, String username, String displayName, String passwordHash, Optional<Long> scopeOrgId,
		boolean enabled, boolean mustChangePassword, int failedAttempts, Optional<Instant> lockedUntil,
		Optional<Instant> lastLoginAt, Set<Role> roles) {

	boolean lockedAt(Instant now) {
		return lockedUntil.map(now::isBefore).orElse(false);
	}

}
