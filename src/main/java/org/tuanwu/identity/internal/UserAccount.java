package org.tuanwu.identity.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.tuanwu.identity.Role;

/**
 * A user as stored. Never leaves the module: the web layer answers with its own views.
 *
 * @param sessionEpoch raised when the password changes or is reset, or the account is
 * disabled: sessions of an older epoch end
 * @param lockedUntil the end of a login lock in force or past ({@link LoginAttempts})
 */
record UserAccount(long id, String username, String displayName, String passwordHash, Optional<Long> scopeOrgId,
		boolean enabled, boolean mustChangePassword, int sessionEpoch, Optional<Instant> lockedUntil,
		Optional<Instant> lastLoginAt, Set<Role> roles) {

	boolean lockedAt(Instant now) {
		return lockedUntil.map(now::isBefore).orElse(false);
	}

	/** Holds one of the three separated administrator roles (三员). */
	boolean isSeparatedAdministrator() {
		return roles.stream().anyMatch(Role::isSeparatedAdministrator);
	}

}
