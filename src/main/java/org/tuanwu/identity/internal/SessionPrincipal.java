package org.tuanwu.identity.internal;

import java.io.Serializable;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * What the session keeps of a logged-in user: the id and the session epoch at login
 * (roles and scope are read afresh on every request). The session store (the database,
 * shared by every node) indexes sessions by {@link #getName()}, the username.
 */
record SessionPrincipal(long userId, String username,
		int sessionEpoch) implements AuthenticatedPrincipal, Serializable {

	private static final long serialVersionUID = 2L;

	@Override
	public String getName() {
		return username;
	}

}
