package org.tuanwu.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.AuditLog.Change;
import org.tuanwu.identity.OrgDirectory.ScopeOrg;
import org.tuanwu.identity.Permission;
import org.tuanwu.identity.Role;
import org.tuanwu.identity.Scope;
import org.tuanwu.shared.FieldError;
import org.tuanwu.shared.Page;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * 用户与权限 in the web app, by the {@link ManagementRule}: a manager sees and changes only
 * ordinary users whose scope lies strictly below their own (never a peer of the same org,
 * never themselves), grants no scope but one strictly below their own, and never creates,
 * grants, resets, unlocks or disables a separated administrator (三员) — those accounts are
 * kept by the {@code users} command on the server.
 */
@Service
class UserAdministration {

	private static final Text NAME_MISSING = Text.of("请填写姓名", "Enter the name");

	private final UserStore users;

	private final ScopeResolver scopes;

	private final LoginAttempts attempts;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Clock clock;

	UserAdministration(UserStore users, ScopeResolver scopes, LoginAttempts attempts, PasswordEncoder encoder,
			AuditLog audit, Clock clock) {
		this.users = users;
		this.scopes = scopes;
		this.attempts = attempts;
		this.encoder = encoder;
		this.audit = audit;
		this.clock = clock;
	}

	record UserView(long id, String username, String displayName, Set<Role> roles, Optional<ScopeOrgView> scope,
			boolean enabled, boolean locked, boolean mustChangePassword, Optional<java.time.Instant> lastLoginAt) {
	}

	record ScopeOrgView(long id, String code, String name) {
	}

	record UserDraft(String username, String displayName, Set<Role> roles, Optional<Long> scopeOrgId, boolean enabled) {
	}

	record Created(UserView user, String oneTimePassword) {
	}

	/**
	 * Who may manage whom. A platform-wide manager (the security administrator) manages
	 * every ordinary user; an org admin those whose scope lies strictly below their own.
	 * Nobody manages a 三员 account in the web app.
	 */
	static final class ManagementRule {

		static final String SEPARATED_ADMIN_CODE = "user.separated-admin";

		static final Text SEPARATED_ADMIN_MESSAGE = Text.of(
				"三员账户（系统管理员、安全管理员、审计管理员）不能在网页中创建、授予、重置、解锁或停用，请由服务器运维人员使用命令 java -jar tuanwu.jar users … 办理",
				"The separated administrators (system, security and audit administrator) cannot be created, granted, reset, unlocked or disabled in the web app; the server's operators do it with the command java -jar tuanwu.jar users …");

		private ManagementRule() {
		}

		static boolean manages(Actor actor, UserAccount user, Scope userScope) {
			if (user.isSeparatedAdministrator() || user.id() == actor.userId()) {
				return false;
			}
			return actor.scope().isAll() || actor.scope().isStrictlyAbove(userScope);
		}

		static Problem separatedAdministrator() {
			return Problem.forbidden(SEPARATED_ADMIN_CODE, SEPARATED_ADMIN_MESSAGE);
		}

	}

	Page<UserView> list(Actor actor, String q, int page, int size) {
		actor.require(Permission.USER_MANAGE);
		Map<Optional<Long>, Scope> scopeOfOrg = new java.util.HashMap<>();
		List<UserView> all = users.search(q.strip())
			.stream()
			.filter(u -> ManagementRule.manages(actor, u,
					u.isSeparatedAdministrator() ? Scope.ALL
							: scopeOfOrg.computeIfAbsent(u.scopeOrgId(), o -> scopes.scopeOf(u))))
			.map(this::view)
			.toList();
		int from = Math.min(all.size(), page * size);
		return new Page<>(all.subList(from, Math.min(all.size(), from + size)), all.size(), page, size);
	}

	@Transactional
	Created create(Actor actor, UserDraft draft) {
		actor.require(Permission.USER_MANAGE);
		Map<String, Text> errors = new LinkedHashMap<>();
		usernameProblem(users, draft.username()).ifPresent(m -> errors.put("username", m));
		if (draft.displayName().isBlank()) {
			errors.put("displayName", NAME_MISSING);
		}
		if (!errors.isEmpty()) {
			throw FieldError.invalid("user.invalid", errors);
		}
		checkGrant(actor, draft.roles(), draft.scopeOrgId());
		String password = PasswordPolicy.oneTimePassword();
		long id = users.insert(draft.username(), draft.displayName().strip(), encoder.encode(password),
				draft.scopeOrgId(), draft.roles(), clock.instant());
		UserAccount created = users.findById(id).orElseThrow();
		audit.record(actor,
				new AuditEntry("USER_CREATED", draft.scopeOrgId(), "USER", Long.toString(id),
						"新建用户 " + draft.username(), List.of(new Change("roles", "", roleText(draft.roles())),
								new Change("scope", "", scopeText(draft.scopeOrgId())))));
		return new Created(view(created), password);
	}

	@Transactional
	UserView update(Actor actor, long id, UserDraft draft) {
		UserAccount before = manageable(actor, id);
		if (draft.displayName().isBlank()) {
			throw FieldError.invalid("user.invalid", Map.of("displayName", NAME_MISSING));
		}
		checkGrant(actor, draft.roles(), draft.scopeOrgId());
		users.update(id, draft.displayName().strip(), draft.scopeOrgId(), draft.roles(), draft.enabled());
		List<Change> changes = new ArrayList<>();
		diff(changes, "displayName", before.displayName(), draft.displayName().strip());
		diff(changes, "roles", roleText(before.roles()), roleText(draft.roles()));
		diff(changes, "scope", scopeText(before.scopeOrgId()), scopeText(draft.scopeOrgId()));
		diff(changes, "enabled", Boolean.toString(before.enabled()), Boolean.toString(draft.enabled()));
		audit.record(actor, new AuditEntry("USER_UPDATED", draft.scopeOrgId(), "USER", Long.toString(id),
				"修改用户 " + before.username() + (before.enabled() && !draft.enabled() ? "（已停用，其会话已结束）" : ""), changes));
		return view(users.findById(id).orElseThrow());
	}

	/** A new one-time password; the user's sessions end and their lock is lifted. */
	@Transactional
	String resetPassword(Actor actor, long id) {
		UserAccount user = manageable(actor, id);
		String password = PasswordPolicy.oneTimePassword();
		users.changePassword(id, encoder.encode(password), true, clock.instant());
		attempts.clear(Usernames.key(user.username()));
		audit.record(actor, new AuditEntry("USER_PASSWORD_RESET", user.scopeOrgId(), "USER", Long.toString(id),
				"重置用户 " + user.username() + " 的密码（其会话已结束）", List.of()));
		return password;
	}

	@Transactional
	UserView unlock(Actor actor, long id) {
		UserAccount user = manageable(actor, id);
		attempts.clear(Usernames.key(user.username()));
		audit.record(actor, new AuditEntry("USER_UNLOCKED", user.scopeOrgId(), "USER", Long.toString(id),
				"解锁用户 " + user.username(), List.of()));
		return view(users.findById(id).orElseThrow());
	}

	/**
	 * Why the username cannot be taken, if it cannot: its form, or an account with the
	 * same name ignoring case.
	 */
	static Optional<Text> usernameProblem(UserStore users, String username) {
		if (!Usernames.FORM.matcher(username).matches()) {
			return Optional.of(Usernames.FORM_MESSAGE);
		}
		return users.findByUsernameKey(Usernames.key(username))
			.map(u -> Text.of("用户名 {0} 已被使用（用户名不区分大小写）", "The username {0} is taken (usernames ignore case)",
					username));
	}

	/**
	 * The user, if the actor may manage them. A user the actor does not manage is
	 * reported as not found, except a 三员 account to the platform-wide manager, who is
	 * told where those are kept.
	 */
	private UserAccount manageable(Actor actor, long id) {
		actor.require(Permission.USER_MANAGE);
		Problem notFound = Problem.notFound("user.not-found",
				Text.of("用户不存在或不在您的管理范围内", "No such user, or the user is outside your scope"));
		UserAccount user = users.findById(id).orElseThrow(() -> notFound);
		if (user.isSeparatedAdministrator() && actor.scope().isAll()) {
			throw ManagementRule.separatedAdministrator();
		}
		if (user.id() == actor.userId()) {
			throw Problem.forbidden("user.self-grant", Text.of("不能在此修改、重置或解锁自己的账户（修改密码请用“修改密码”）",
					"You cannot edit, reset or unlock your own account here (use \"Change password\" to change your password)"));
		}
		if (!ManagementRule.manages(actor, user, scopes.scopeOf(user))) {
			throw notFound;
		}
		return user;
	}

	private void checkGrant(Actor actor, Set<Role> roles, Optional<Long> scopeOrgId) {
		if (roles.isEmpty()) {
			throw FieldError.invalid("user.invalid", Map.of("roles", Text.of("请至少选择一个角色", "Choose at least one role")));
		}
		if (roles.stream().anyMatch(Role::isSeparatedAdministrator)) {
			throw ManagementRule.separatedAdministrator();
		}
		if (scopeOrgId.isEmpty()) {
			throw FieldError.invalid("user.scope-required", Map.of("scopeOrgId", Text.of("团组织管理员和党委审阅用户必须指定管理范围的团组织",
					"An org administrator or a party committee reviewer needs the org of their scope")));
		}
		ScopeOrg org = scopes.org(scopeOrgId.get())
			.orElseThrow(() -> FieldError.invalid("user.scope-unknown",
					Map.of("scopeOrgId", Text.of("所选团组织不存在", "The chosen org does not exist"))));
		if (!actor.scope().isAll() && !actor.scope().isStrictlyAbove(Scope.of(org.id(), org.path()))) {
			throw Problem.forbidden("user.scope-beyond",
					actor.scope().covers(org.path()) ? Text.of("只能授予您下级组织的管理范围（{0} 是您自身管理范围的组织）",
							"You can only grant the scope of an org below yours ({0} is the org of your own scope)",
							org.name()) : Text.of("不能授予超出您自身管理范围的权限", "You cannot grant rights beyond your own scope"));
		}
	}

	private UserView view(UserAccount u) {
		Optional<ScopeOrgView> scope = u.scopeOrgId()
			.flatMap(scopes::org)
			.map(o -> new ScopeOrgView(o.id(), o.code(), o.name()));
		return new UserView(u.id(), u.username(), u.displayName(), u.roles(), scope, u.enabled(),
				u.lockedAt(clock.instant()), u.mustChangePassword(), u.lastLoginAt());
	}

	private String scopeText(Optional<Long> orgId) {
		return orgId.map(id -> scopes.org(id).map(o -> o.code() + " " + o.name()).orElse("#" + id)).orElse("全部组织");
	}

	static String roleText(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
	}

	private static void diff(List<Change> changes, String field, String before, String after) {
		if (!before.equals(after)) {
			changes.add(new Change(field, before, after));
		}
	}

}
