package org.tuanwu.identity;

import java.util.Optional;

/**
 * What identity needs to know about orgs to resolve and check scopes. Declared here,
 * implemented by the organization module, so that identity does not depend on it.
 */
public interface OrgDirectory {

	Optional<ScopeOrg> find(long orgId);

	/** An org as far as scopes are concerned. */
	record ScopeOrg(long id, String code, String name, String path) {
	}

}
