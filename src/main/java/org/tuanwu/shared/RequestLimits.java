package org.tuanwu.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * What every request is held to before any rule or the database sees it, whatever the
 * endpoint: no text in a JSON body longer than {@link #MAX_TEXT} characters, and every
 * date, in a JSON body or a query parameter, ISO {@code yyyy-MM-dd} within
 * {@link DateRange}. A refusal names the field (docs/api.md "Input limits"); endpoints
 * with narrower limits (a name of 200 characters) check those themselves.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits implements WebMvcConfigurer {

	/**
	 * The longest text any JSON field may hold; the longest column that takes typed text
	 * holds as much.
	 */
	static final int MAX_TEXT = 1000;

	@Bean
	JacksonModule requestLimitsModule() {
		SimpleModule module = new SimpleModule("tuanwu-request-limits");
		module.addDeserializer(String.class, new BoundedString());
		module.addDeserializer(LocalDate.class, new BoundedDate());
		return module;
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(LocalDate.class, new BoundedDateFormatter());
	}

	/** A refusal of one JSON value, with the reason; the path names the field. */
	static final class InputRefused extends MismatchedInputException {

		private static final long serialVersionUID = 1L;

		private final transient Text reason;

		InputRefused(JsonParser p, Text reason, Class<?> type) {
			super(p, reason.zh(), type);
			this.reason = reason;
		}

		Text reason() {
			return reason;
		}

	}

	/** Text, at most {@link #MAX_TEXT} characters. */
	static final class BoundedString extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			String value = super.deserialize(p, ctxt);
			if (value != null && value.length() > MAX_TEXT) {
				throw new InputRefused(p, Text.of("不能超过 {0} 个字符（当前 {1} 个）",
						"must not exceed {0} characters (it has {1})", MAX_TEXT, value.length()), String.class);
			}
			return value;
		}

	}

	/** A date {@code yyyy-MM-dd} (a plain calendar date) within {@link DateRange}. */
	static final class BoundedDate extends ValueDeserializer<LocalDate> {

		@Override
		public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_STRING)) {
				throw new InputRefused(p,
						Text.of("应为日期 yyyy-MM-dd，例如 2024-05-04", "must be a date yyyy-MM-dd, e.g. 2024-05-04"),
						LocalDate.class);
			}
			String text = p.getString().strip();
			if (text.isEmpty()) {
				return null;
			}
			try {
				return check(text);
			}
			catch (DateRange.Refused e) {
				throw new InputRefused(p, e.reason(), LocalDate.class);
			}
		}

	}

	/** Query parameters and form fields of type {@link LocalDate}. */
	static final class BoundedDateFormatter implements Formatter<LocalDate> {

		@Override
		public LocalDate parse(String text, Locale locale) {
			return check(text.strip());
		}

		@Override
		public String print(LocalDate date, Locale locale) {
			return date.toString();
		}

	}

	/** Parses an ISO date within the range; refuses anything else with the reason. */
	static LocalDate check(String text) {
		LocalDate date;
		try {
			date = LocalDate.parse(text);
		}
		catch (DateTimeException e) {
			throw new DateRange.Refused(Text.of("应为日期 yyyy-MM-dd，例如 2024-05-04（当前为 {0}）",
					"must be a date yyyy-MM-dd, e.g. 2024-05-04 (it is {0})", shorten(text)));
		}
		if (!DateRange.contains(date)) {
			throw new DateRange.Refused(
					Text.of("日期 {0} 超出允许的范围（{1} 至 {2}）", "the date {0} is outside the allowed range ({1} to {2})", date,
							DateRange.EARLIEST, DateRange.LATEST));
		}
		return date;
	}

	static String shorten(String text) {
		return text.length() <= 40 ? text : text.substring(0, 40) + "…";
	}

}
