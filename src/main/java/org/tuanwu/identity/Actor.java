package org.tuanwu.identity;

import java.util.Set;

import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/** Who performs an operation: a logged-in user, or the operator of a command-line run. */
public record Actor(long userId, String username, Set<Role> roles, Scope scope, String origin) {

	/**
	 * The operator of the command line: platform-wide, as whoever can run the jar can
	 * read its database.
	 */
	public static Actor commandLine(String osUser) {
		return new Actor(0, "cli:" + osUser, Set.of(Role.SYSTEM_ADMIN), Scope.ALL, "command line");
	}

	public boolean can(Permission permission) {
		return Role.permissionsOf(roles).contains(permission);
	}

	public void require(Permission permission) {
		if (!can(permission)) {
			throw Problem.forbidden("auth.forbidden",
					Text.of("您没有执行此操作的权限（需要 {0}）", "You are not allowed to do this (it needs {0})", permission.key()));
		}
	}

	public Set<Permission> permissions() {
		return Role.permissionsOf(roles);
	}

}
