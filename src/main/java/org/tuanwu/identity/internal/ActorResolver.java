package org.tuanwu.identity.internal;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.CurrentActor;

/**
 * The actor of the current thread: a web request's user (loaded once per request, so that
 * a role or scope change takes effect at once) or an actor set directly, as the command
 * line does.
 */
@Component
class ActorResolver implements CurrentActor {

	static final String REQUEST_ATTRIBUTE = ActorResolver.class.getName() + ".actor";

	private final UserStore users;

	private final ScopeResolver scopes;

	ActorResolver(UserStore users, ScopeResolver scopes) {
		this.users = users;
		this.scopes = scopes;
	}

	@Override
	public Optional<Actor> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			return Optional.empty();
		}
		if (auth.getPrincipal() instanceof Actor actor) {
			return Optional.of(actor);
		}
		if (!(auth.getPrincipal() instanceof SessionPrincipal principal)) {
			return Optional.empty();
		}
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null
				&& request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Actor a) {
			return Optional.of(a);
		}
		Optional<Actor> actor = load(principal, request == null ? "" : remoteAddress());
		if (request != null) {
			actor.ifPresent(a -> request.setAttribute(REQUEST_ATTRIBUTE, a, RequestAttributes.SCOPE_REQUEST));
		}
		return actor;
	}

	Optional<UserAccount> account(long userId) {
		return users.findById(userId);
	}

	private Optional<Actor> load(SessionPrincipal principal, String origin) {
		return users.findById(principal.userId())
			.filter(UserAccount::enabled)
			.filter(u -> u.sessionEpoch() == principal.sessionEpoch())
			.map(u -> new Actor(u.id(), u.username(), u.roles(), scopes.scopeOf(u), origin));
	}

	private static String remoteAddress() {
		if (RequestContextHolder
			.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes s) {
			return s.getRequest().getRemoteAddr();
		}
		return "";
	}

}
