package org.tuanwu.identity.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.tuanwu.shared.ProblemHandler;
import org.tuanwu.shared.Text;

import tools.jackson.databind.json.JsonMapper;

/**
 * Session login for the single-page app: CSRF token in a cookie the app reads and echoes
 * in a header, the session id renewed at login, every API call authenticated (the API
 * description too, unless {@code tuanwu.api-docs.public}), refusals as problem details
 * and, bounded, in the audit log. Sessions live in the database (Spring Session JDBC), so
 * that every node knows them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	static final String[] API_DOCS = { "/api/docs", "/api/docs/**", "/swagger-ui/**", "/swagger-ui.html" };

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:;"
			+ " style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self';"
			+ " form-action 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	CookieCsrfTokenRepository csrfTokenRepository() {
		CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
		repository.setCookieCustomizer(c -> c.sameSite("Lax"));
		return repository;
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	/**
	 * Only with a web server: commands of the command line run without one (and without
	 * HttpSecurity).
	 */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	SecurityFilterChain apiSecurity(HttpSecurity http, CookieCsrfTokenRepository csrfTokens,
			SecurityContextRepository contexts, ActorGate gate, RefusalRecorder refusalRecorder, RefusalAudit refusals,
			@Value("${tuanwu.api-docs.public:false}") boolean publicApiDocs) throws Exception {
		http.csrf(csrf -> {
			csrf.spa();
			csrf.csrfTokenRepository(csrfTokens);
		}).securityContext(c -> c.securityContextRepository(contexts)).authorizeHttpRequests(auth -> {
			auth.requestMatchers("/api/v1/auth/login", "/api/v1/auth/csrf").permitAll();
			// The API description needs a login unless tuanwu.api-docs.public opens it.
			if (publicApiDocs) {
				auth.requestMatchers(API_DOCS).permitAll();
			}
			else {
				auth.requestMatchers(API_DOCS).authenticated();
			}
			auth.requestMatchers("/api/**").authenticated().anyRequest().permitAll();
		})
			.formLogin(f -> f.disable())
			.httpBasic(b -> b.disable())
			.logout(l -> l.disable())
			.requestCache(r -> r.disable())
			// HSTS is Spring Security's default, sent on secure requests: behind a TLS
			// proxy
			// those its X-Forwarded-Proto marks (server.forward-headers-strategy).
			.headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> write(res, 401, "auth.unauthenticated",
						Text.of("未登录或会话已过期，请重新登录", "Not signed in, or the session has expired: sign in again")))
				.accessDeniedHandler((req, res, ex) -> {
					if (ex instanceof CsrfException) {
						refusals.csrf(req);
						write(res, 403, "auth.csrf", Text.of("请求缺少有效的 CSRF 令牌，请刷新页面后重试",
								"The request lacks a valid CSRF token: reload the page and try again"));
					}
					else {
						refusals.refused(req, 403, "auth.forbidden");
						write(res, 403, "auth.forbidden", Text.of("您没有执行此操作的权限", "You are not allowed to do this"));
					}
				}))
			.addFilterAfter(gate, BasicAuthenticationFilter.class)
			.addFilterAfter(refusalRecorder, ActorGate.class);
		return http.build();
	}

	/**
	 * The recorder, like the gate, runs inside the security chain only.
	 */
	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<RefusalRecorder> refusalRecorderRegistration(
			RefusalRecorder recorder) {
		var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(recorder);
		registration.setEnabled(false);
		return registration;
	}

	/**
	 * The gate runs inside the security chain only, not a second time as a plain servlet
	 * filter.
	 */
	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<ActorGate> actorGateRegistration(ActorGate gate) {
		var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(gate);
		registration.setEnabled(false);
		return registration;
	}

	static void write(HttpServletResponse res, int status, String code, Text detail) throws IOException {
		res.setStatus(status);
		res.setContentType("application/problem+json;charset=UTF-8");
		Map<String, Object> body = ProblemHandler.body(status, code, detail);
		res.getWriter().write(JSON.writeValueAsString(body));
	}

}
