package org.tuanwu.identity.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tuanwu.identity.OrgDirectory;
import org.tuanwu.identity.Role;
import org.tuanwu.identity.Scope;

/** Turns a user's scope org into a {@link Scope}, failing closed. */
@Component
class ScopeResolver {

	private final OrgDirectory orgs;

	ScopeResolver(OrgDirectory orgs) {
		this.orgs = orgs;
	}

	Scope scopeOf(UserAccount user) {
		if (user.scopeOrgId().isPresent()) {
			return orgs.find(user.scopeOrgId().get()).map(o -> Scope.of(o.id(), o.path())).orElse(Scope.NONE);
		}
		// Only the separated administrators work platform-wide; anyone else without an
		// org sees nothing.
		return user.roles().stream().anyMatch(Role::isSeparatedAdministrator) ? Scope.ALL : Scope.NONE;
	}

	Optional<OrgDirectory.ScopeOrg> org(long id) {
		return orgs.find(id);
	}

}
