package org.tuanwu.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.AuditLog;
import org.tuanwu.identity.AuditLog.AuditEntry;
import org.tuanwu.identity.CurrentActor;
import org.tuanwu.identity.Permission;
import org.tuanwu.identity.Role;
import org.tuanwu.shared.FieldError;
import org.tuanwu.shared.ProblemHandler;
import org.tuanwu.shared.Text;

@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

	private final LoginService logins;

	private final CurrentActor actors;

	private final ActorResolver resolver;

	private final ScopeResolver scopes;

	private final SecurityContextRepository contexts;

	private final CookieCsrfTokenRepository csrfTokens;

	private final AuditLog audit;

	AuthController(LoginService logins, CurrentActor actors, ActorResolver resolver, ScopeResolver scopes,
			SecurityContextRepository contexts, CookieCsrfTokenRepository csrfTokens, AuditLog audit) {
		this.logins = logins;
		this.actors = actors;
		this.resolver = resolver;
		this.scopes = scopes;
		this.contexts = contexts;
		this.csrfTokens = csrfTokens;
		this.audit = audit;
	}

	record Credentials(@Size(max = 64) String username, String password) {
	}

	record PasswordChange(String currentPassword, String newPassword) {
	}

	record ScopeView(long id, String code, String name) {
	}

	record Me(long id, String username, String displayName, Set<Role> roles, List<String> permissions,
			Optional<ScopeView> scope, boolean mustChangePassword) {
	}

	record CsrfView(String headerName, String token) {
	}

	@GetMapping("/csrf")
	CsrfView csrf(CsrfToken token) {
		return new CsrfView(token.getHeaderName(), token.getToken());
	}

	@PostMapping("/login")
	Me login(@RequestBody Credentials credentials, HttpServletRequest request, HttpServletResponse response) {
		if (credentials.username() == null || credentials.username().isBlank() || credentials.password() == null
				|| credentials.password().isEmpty()) {
			throw FieldError.invalid("auth.credentials-missing",
					Map.of("username", Text.of("请输入用户名和密码", "Enter the username and the password")));
		}
		UserAccount user = logins.authenticate(credentials.username().strip(), credentials.password(),
				request.getRemoteAddr());
		// A new session id at login (session fixation), and a fresh CSRF token bound to
		// it.
		HttpSession existing = request.getSession(false);
		if (existing != null) {
			request.changeSessionId();
		}
		else {
			request.getSession(true);
		}
		csrfTokens.saveToken(null, request, response);
		csrfTokens.saveToken(csrfTokens.generateToken(request), request, response);
		signIn(new SessionPrincipal(user.id(), user.username(), user.sessionEpoch()), request, response);
		return me(user);
	}

	/** 429 with the seconds to wait, as problem details. */
	@ExceptionHandler(LoginThrottled.class)
	ResponseEntity<Map<String, Object>> throttled(LoginThrottled throttled) {
		return ResponseEntity.status(429)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(ProblemHandler.body(429, throttled.code(), throttled.text()));
	}

	private void signIn(SessionPrincipal principal, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
				List.of(new SimpleGrantedAuthority("USER"))));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

	@PostMapping("/logout")
	ResponseEntity<Void> logout(HttpServletRequest request, HttpServletResponse response) {
		actors.find().ifPresent(a -> audit.record(a, AuditEntry.of("LOGOUT", "退出登录")));
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
		csrfTokens.saveToken(null, request, response);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/me")
	Me me() {
		Actor actor = actors.get();
		return me(resolver.account(actor.userId()).orElseThrow());
	}

	/**
	 * Changes the own password. The user's other sessions end (on every node); this one
	 * goes on, under a new session id.
	 */
	@PostMapping("/password")
	ResponseEntity<Void> changePassword(@RequestBody PasswordChange change, HttpServletRequest request,
			HttpServletResponse response) {
		if (change.currentPassword() == null || change.newPassword() == null) {
			throw FieldError.invalid("auth.password-invalid",
					Map.of("newPassword", Text.of("请填写当前密码和新密码", "Enter the current and the new password")));
		}
		Actor actor = actors.get();
		int epoch = logins.changePassword(actor, change.currentPassword(), change.newPassword());
		request.changeSessionId();
		signIn(new SessionPrincipal(actor.userId(), actor.username(), epoch), request, response);
		return ResponseEntity.noContent().build();
	}

	private Me me(UserAccount user) {
		Optional<ScopeView> scope = user.scopeOrgId()
			.flatMap(scopes::org)
			.map(o -> new ScopeView(o.id(), o.code(), o.name()));
		List<String> permissions = Role.permissionsOf(user.roles()).stream().map(Permission::key).sorted().toList();
		return new Me(user.id(), user.username(), user.displayName(), user.roles(), permissions, scope,
				user.mustChangePassword());
	}

}
