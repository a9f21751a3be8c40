package org.tuanwu.identity.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tuanwu.shared.Text;

/**
 * Checks the logged-in user on every API request, against the database (so on every node
 * alike): a disabled or removed account ends its session, so does a session from before a
 * password change, reset or disable (an older session epoch), and a user who must change
 * their password may do nothing else until they have.
 */
@Component
class ActorGate extends OncePerRequestFilter {

	private final ActorResolver actors;

	ActorGate(ActorResolver actors) {
		this.actors = actors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof SessionPrincipal principal) {
			Optional<UserAccount> user = actors.account(principal.userId()).filter(UserAccount::enabled);
			if (user.isEmpty()) {
				end(request);
				SecurityConfiguration.write(response, 401, "auth.unauthenticated",
						Text.of("账户已停用或不存在，请重新登录", "The account is disabled or does not exist: sign in again"));
				return;
			}
			if (user.get().sessionEpoch() != principal.sessionEpoch()) {
				end(request);
				SecurityConfiguration.write(response, 401, "auth.session-ended", Text.of("密码已修改或重置，此会话已结束，请重新登录",
						"The password was changed or reset: this session has ended; sign in again"));
				return;
			}
			if (user.get().mustChangePassword() && !request.getRequestURI().startsWith("/api/v1/auth/")) {
				SecurityConfiguration.write(response, 403, "auth.password-change-required", Text.of("首次登录或密码已重置，请先修改密码",
						"First login or the password was reset: change the password first"));
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static void end(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
	}

}
