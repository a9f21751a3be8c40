package org.tuanwu.identity.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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

/**
 * 用户与权限. A manager sees and changes only users whose scope lies inside their own, grants
 * no scope beyond it, and grants the separated-administrator roles only as a security
 * administrator.
 */
@Service
class UserAdministration {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,64}");

	private final UserStore users;

	private final ScopeResolver scopes;

	private final PasswordEncoder encoder;

	private final AuditLog audit;

	private final Clock clock;

	UserAdministration(UserStore users, ScopeResolver scopes, PasswordEncoder encoder, AuditLog audit, Clock clock) {
		this.users = users;
		this.scopes = scopes;
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

	Page<UserView> list(Actor actor, String q, int page, int size) {
		actor.require(Permission.USER_MANAGE);
		Optional<Set<Long>> visibleScopes = actor.scope().isAll() ? Optional.empty()
				: Optional.of(visibleScopeOrgs(actor.scope()));
		List<UserView> all = users.search(q.strip(), visibleScopes).stream().map(this::view).toList();
		int from = Math.min(all.size(), page * size);
		return new Page<>(all.subList(from, Math.min(all.size(), from + size)), all.size(), page, size);
	}

	@Transactional
	Created create(Actor actor, UserDraft draft) {
		actor.require(Permission.USER_MANAGE);
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (!USERNAME.matcher(draft.username()).matches()) {
			errors.put("username", "用户名须为 3–64 位字母、数字、下划线、点或连字符");
		}
		else if (users.findByUsername(draft.username()).isPresent()) {
			errors.put("username", "用户名 " + draft.username() + " 已存在");
		}
		if (draft.displayName().isBlank()) {
			errors.put("displayName", "请填写姓名");
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
		if (before.id() == actor.userId() && (!before.roles().equals(draft.roles())
				|| !before.scopeOrgId().equals(draft.scopeOrgId()) || !draft.enabled())) {
			throw Problem.forbidden("user.self-grant", "不能修改自己的角色、管辖范围或停用自己的账户");
		}
		if (draft.displayName().isBlank()) {
			throw FieldError.invalid("user.invalid", Map.of("displayName", "请填写姓名"));
		}
		checkGrant(actor, draft.roles(), draft.scopeOrgId());
		users.update(id, draft.displayName().strip(), draft.scopeOrgId(), draft.roles(), draft.enabled());
		List<Change> changes = new ArrayList<>();
		diff(changes, "displayName", before.displayName(), draft.displayName().strip());
		diff(changes, "roles", roleText(before.roles()), roleText(draft.roles()));
		diff(changes, "scope", scopeText(before.scopeOrgId()), scopeText(draft.scopeOrgId()));
		diff(changes, "enabled", Boolean.toString(before.enabled()), Boolean.toString(draft.enabled()));
		audit.record(actor, new AuditEntry("USER_UPDATED", draft.scopeOrgId(), "USER", Long.toString(id),
				"修改用户 " + before.username(), changes));
		return view(users.findById(id).orElseThrow());
	}

	@Transactional
	String resetPassword(Actor actor, long id) {
		UserAccount user = manageable(actor, id);
		String password = PasswordPolicy.oneTimePassword();
		users.changePassword(id, encoder.encode(password), true, clock.instant());
		users.unlock(id);
		audit.record(actor, new AuditEntry("USER_PASSWORD_RESET", user.scopeOrgId(), "USER", Long.toString(id),
				"重置用户 " + user.username() + " 的密码", List.of()));
		return password;
	}

	@Transactional
	UserView unlock(Actor actor, long id) {
		UserAccount user = manageable(actor, id);
		users.unlock(id);
		audit.record(actor, new AuditEntry("USER_UNLOCKED", user.scopeOrgId(), "USER", Long.toString(id),
				"解锁用户 " + user.username(), List.of()));
		return view(users.findById(id).orElseThrow());
	}

	/**
	 * The user, if the actor may manage them; a user outside the actor's scope is
	 * reported as not found.
	 */
	private UserAccount manageable(Actor actor, long id) {
		actor.require(Permission.USER_MANAGE);
		UserAccount user = users.findById(id).orElseThrow(() -> Problem.notFound("user.not-found", "用户不存在或不在您的管辖范围内"));
		if (!actor.scope().contains(scopes.scopeOf(user)) || scopes.scopeOf(user).isNone() && !actor.scope().isAll()) {
			throw Problem.notFound("user.not-found", "用户不存在或不在您的管辖范围内");
		}
		if (user.roles().stream().anyMatch(Role::isSeparatedAdministrator)
				&& !actor.roles().contains(Role.SECURITY_ADMIN)) {
			throw Problem.notFound("user.not-found", "用户不存在或不在您的管辖范围内");
		}
		return user;
	}

	private void checkGrant(Actor actor, Set<Role> roles, Optional<Long> scopeOrgId) {
		if (roles.isEmpty()) {
			throw FieldError.invalid("user.invalid", Map.of("roles", "请至少选择一个角色"));
		}
		Set<Role> separated = EnumSet.noneOf(Role.class);
		roles.stream().filter(Role::isSeparatedAdministrator).forEach(separated::add);
		if (!separated.isEmpty() && roles.size() > 1) {
			throw FieldError.invalid("user.separation-of-duties",
					Map.of("roles", "系统管理员、安全管理员、审计管理员（三员）相互分离，不能兼任，也不能与其他角色同时授予"));
		}
		if (!separated.isEmpty() && !actor.roles().contains(Role.SECURITY_ADMIN)) {
			throw Problem.forbidden("user.grant-forbidden", "只有安全管理员可以授予三员角色");
		}
		if (separated.isEmpty() && scopeOrgId.isEmpty()) {
			throw FieldError.invalid("user.scope-required", Map.of("scopeOrgId", "团组织管理员和党委审阅用户必须指定管辖的团组织"));
		}
		if (scopeOrgId.isEmpty()) {
			if (!actor.scope().isAll()) {
				throw Problem.forbidden("user.scope-beyond", "不能授予超出您自身管辖范围的权限");
			}
			return;
		}
		ScopeOrg org = scopes.org(scopeOrgId.get())
			.orElseThrow(() -> FieldError.invalid("user.scope-unknown", Map.of("scopeOrgId", "所选团组织不存在")));
		if (!actor.scope().covers(org.path())) {
			throw Problem.forbidden("user.scope-beyond", "不能授予超出您自身管辖范围的权限（" + org.name() + " 不在您的管辖范围内）");
		}
	}

	private Set<Long> visibleScopeOrgs(Scope scope) {
		Set<Long> ids = new HashSet<>();
		for (Long id : users.distinctScopeOrgIds()) {
			scopes.org(id).filter(o -> scope.covers(o.path())).ifPresent(o -> ids.add(o.id()));
		}
		return ids;
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

	private static String roleText(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
	}

	private static void diff(List<Change> changes, String field, String before, String after) {
		if (!before.equals(after)) {
			changes.add(new Change(field, before, after));
		}
	}

}
