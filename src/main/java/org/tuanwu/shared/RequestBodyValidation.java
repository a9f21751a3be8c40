package org.tuanwu.shared;

import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Checks the Bean Validation constraints of every JSON request body (a {@code @Size} on a
 * request record's component), without each endpoint having to ask for it, and refuses a
 * body that breaks one with a 400 naming each field and its limit in Chinese.
 */
@ControllerAdvice
class RequestBodyValidation extends RequestBodyAdviceAdapter {

	private final Validator validator;

	RequestBodyValidation(Validator validator) {
		this.validator = validator;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object afterBodyRead(@Nullable Object body, HttpInputMessage inputMessage,
			MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
		if (body == null) {
			return null;
		}
		Set<ConstraintViolation<Object>> violations = validator.validate(body);
		if (violations.isEmpty()) {
			return body;
		}
		Map<String, Text> errors = new LinkedHashMap<>();
		violations.stream()
			.sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
			.forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), message(v)));
		throw FieldError.invalid("request.invalid-field", errors);
	}

	static Text message(ConstraintViolation<?> v) {
		String field = v.getPropertyPath().toString();
		if (v.getConstraintDescriptor().getAnnotation() instanceof Size size) {
			return Text.of("字段 {0} 不能超过 {1} 个字符", "field {0} must not exceed {1} characters", field, size.max());
		}
		return Text.of("字段 {0} 的值不符合要求", "the value of field {0} is not acceptable", field);
	}

}
