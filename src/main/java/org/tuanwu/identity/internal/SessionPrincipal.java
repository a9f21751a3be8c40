package org.tuanwu.identity.internal;

import java.io.Serializable;

/**
 * What the session keeps of a logged-in user: only the id. Roles and scope are read
 * afresh on every request.
 */
record SessionPrincipal(long userId, String username) implements Serializable {
}
