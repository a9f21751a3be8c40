package org.tuanwu.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.mock.web.MockHttpServletRequest;

class TextTests {

	@AfterEach
	void reset() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void rendersTheArgumentsAndNestedTextsInOneLanguage() {
		Text kind = Text.of("团支部", "Branch");
		Text t = Text.of("{0}之下不能设{1}（{2}）", "A {0} cannot have a {1} below it ({2})", kind, kind, 3);
		assertThat(t.zh()).isEqualTo("团支部之下不能设团支部（3）");
		assertThat(t.en()).isEqualTo("A Branch cannot have a Branch below it (3)");
		assertThat(Text.of("{x} 与 '{0}'", "{x} and '{0}'", "a").en()).isEqualTo("{x} and 'a'");
	}

	@Test
	void followsTheRequestsLanguageAndIsChineseOutsideARequest() {
		Text t = Text.of("用户名或密码错误", "Wrong username or password");
		Locale jvm = Locale.getDefault();
		try {
			Locale.setDefault(Locale.US);
			assertThat(t.toString()).isEqualTo("用户名或密码错误");
			LocaleContextHolder.setLocale(Locale.ENGLISH);
			assertThat(t.toString()).isEqualTo("Wrong username or password");
			LocaleContextHolder.setLocale(Locale.FRENCH);
			assertThat(t.toString()).isEqualTo("用户名或密码错误");
		}
		finally {
			Locale.setDefault(jvm);
		}
	}

	@Test
	void theResolverSpeaksChineseUnlessEnglishIsAsked() {
		var resolver = Language.resolver();
		assertThat(resolver.resolveLocale(request(null))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(resolver.resolveLocale(request("fr-FR,de;q=0.8"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
		assertThat(resolver.resolveLocale(request("en-US,en;q=0.9"))).isEqualTo(Locale.ENGLISH);
		assertThat(resolver.resolveLocale(request("zh-CN,en;q=0.5"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void aProblemKeepsItsCodeAndSaysItsDetailInChineseToCommandsAndLogs() {
		Problem p = FieldError.invalid("org.invalid", Map.of("name", Text.of("组织名称不能为空", "Org name cannot be empty")));
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(p.getMessage()).isEqualTo("组织名称不能为空");
		assertThat(p.text().toString()).isEqualTo("Org name cannot be empty");
		assertThat(p.errors()).extracting(e -> e.get("message").toString())
			.isEqualTo(List.of("Org name cannot be empty"));
		assertThatThrownBy(() -> Text.of("中文", " ")).isInstanceOf(IllegalArgumentException.class);
	}

	private static MockHttpServletRequest request(String acceptLanguage) {
		MockHttpServletRequest r = new MockHttpServletRequest();
		if (acceptLanguage != null) {
			r.addHeader("Accept-Language", acceptLanguage);
		}
		return r;
	}

}
