package org.tuanwu.identity;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/** The roles a user may hold. The first three are the separated administrators (三员). */
public enum Role {

	SYSTEM_ADMIN(true, Permission.ORG_READ, Permission.ORG_WRITE, Permission.EXCHANGE_IMPORT,
			Permission.EXCHANGE_EXPORT, Permission.SCORECARD_READ, Permission.SCORECARD_MANAGE),
	SECURITY_ADMIN(true, Permission.USER_MANAGE, Permission.ORG_READ),
	AUDIT_ADMIN(true, Permission.AUDIT_READ, Permission.ORG_READ),
	ORG_ADMIN(false, Permission.ORG_READ, Permission.ORG_WRITE, Permission.EXCHANGE_IMPORT, Permission.EXCHANGE_EXPORT,
			Permission.USER_MANAGE, Permission.SCORECARD_READ),
	PARTY_REVIEWER(false, Permission.ORG_READ, Permission.SCORECARD_READ);

	private final boolean separatedAdministrator;

	private final Set<Permission> permissions;

	Role(boolean separatedAdministrator, Permission... permissions) {
		this.separatedAdministrator = separatedAdministrator;
		this.permissions = Set.of(permissions);
	}

	/**
	 * One of 系统管理员, 安全管理员, 审计管理员: no user may hold two of them, nor mix one with another
	 * role.
	 */
	public boolean isSeparatedAdministrator() {
		return separatedAdministrator;
	}

	public Set<Permission> permissions() {
		return permissions;
	}

	public static Set<Permission> permissionsOf(Collection<Role> roles) {
		Set<Permission> all = EnumSet.noneOf(Permission.class);
		roles.forEach(r -> all.addAll(r.permissions));
		return all;
	}

}
