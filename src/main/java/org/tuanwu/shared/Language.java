package org.tuanwu.shared;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The language of the server's texts ({@link Text}): the request's
 * {@code Accept-Language} chooses between Chinese (zh-CN, the default, also for a
 * missing, malformed or other language) and English ({@code en}, {@code en-US}…). Spring
 * MVC resolves it with the {@code localeResolver} below; the filter sets the same locale
 * earlier, so that refusals written by the security filters (a bad login) speak the same
 * language.
 */
@Configuration(proxyBeanMethods = false)
public class Language {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	static final List<Locale> SUPPORTED = List.of(CHINESE, Locale.ENGLISH);

	/**
	 * The current request's language; Chinese outside a request (the command line, where
	 * the JVM's own default locale must not switch the output to English).
	 */
	public static Locale current() {
		LocaleContext context = LocaleContextHolder.getLocaleContext();
		Locale locale = context == null ? null : context.getLocale();
		return locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : CHINESE;
	}

	public static boolean english() {
		return current().getLanguage().equals("en");
	}

	@Bean
	LocaleResolver localeResolver() {
		return resolver();
	}

	static AcceptHeaderLocaleResolver resolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(SUPPORTED);
		resolver.setDefaultLocale(CHINESE);
		return resolver;
	}

	/**
	 * After Spring's RequestContextFilter (order -105, which sets the servlet's own
	 * locale) and before Spring Security (-100).
	 */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> languageFilter() {
		AcceptHeaderLocaleResolver resolver = resolver();
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {
					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						LocaleContext previous = LocaleContextHolder.getLocaleContext();
						LocaleContextHolder.setLocale(resolve(resolver, request));
						try {
							chain.doFilter(request, response);
						}
						finally {
							LocaleContextHolder.setLocaleContext(previous);
						}
					}
				});
		registration.setOrder(-104);
		return registration;
	}

	private static Locale resolve(AcceptHeaderLocaleResolver resolver, HttpServletRequest request) {
		try {
			return resolver.resolveLocale(request);
		}
		catch (RuntimeException e) {
			return CHINESE;
		}
	}

}
