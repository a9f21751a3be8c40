package org.tuanwu.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.tuanwu.shared.Problem;

/**
 * After an API request answered with a 403 or 404 {@link Problem} (whichever module threw
 * it), hands it to {@link RefusalAudit}. Runs inside the security chain, where the user
 * is still known.
 */
@Component
class RefusalRecorder extends OncePerRequestFilter {

	private final RefusalAudit refusals;

	RefusalRecorder(RefusalAudit refusals) {
		this.refusals = refusals;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		// Spring MVC leaves the exception it resolved into the answer on the request.
		if (request.getAttribute(DispatcherServlet.EXCEPTION_ATTRIBUTE) instanceof Problem problem
				&& (problem.status() == 403 || problem.status() == 404)) {
			refusals.refused(request, problem.status(), problem.code());
		}
	}

}
