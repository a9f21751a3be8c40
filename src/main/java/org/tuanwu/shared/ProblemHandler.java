package org.tuanwu.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every refusal as RFC 9457 problem details with a {@code detail} in the request's
 * language ({@link Language}: Chinese by default, English on {@code Accept-Language: en})
 * and a stable {@code code}.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	private static final Text SERVER_ERROR = Text.of("服务器内部错误，操作未完成，请稍后重试或联系系统管理员",
			"Internal server error: the operation was not completed; try again later or ask the system administrator");

	private static final Text DUPLICATE = Text.of("记录已存在（编码或名称重复），未做任何修改",
			"The record already exists (duplicate code or name); nothing was changed");

	private static final Text NOT_FOUND = Text.of("请求的地址不存在", "No such address");

	@ExceptionHandler(Problem.class)
	ProblemDetail problem(Problem p) {
		return detail(p.status(), p.code(), p.text(), p.errors());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
		return detail(413, "file.too-large", Text.of("文件过大，超过了允许上传的大小上限，请拆分后再导入",
				"The file is larger than the upload limit; split it and import the parts"), List.of());
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail multipart(MultipartException e) {
		return detail(400, "file.unreadable",
				Text.of("上传的文件无法读取，请重新选择文件", "The uploaded file cannot be read; choose the file again"), List.of());
	}

	/**
	 * A body that cannot be read: not JSON, no body, or a value of the wrong type or
	 * beyond a limit ({@link RequestLimits}); the last two name the field.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
			if (t instanceof MismatchedInputException m) {
				String field = field(m);
				Text reason = m instanceof RequestLimits.InputRefused refused ? refused.reason() : expected(m);
				if (field.isEmpty()) {
					return detail(400, "request.unreadable",
							Text.of("请求内容格式不正确：{0}", "The request body is malformed: {0}", reason), List.of());
				}
				return problem(FieldError.invalid("request.invalid-field",
						Map.of(field, Text.of("字段 {0} {1}", "Field {0} {1}", field, reason))));
			}
			if (t instanceof JacksonException) {
				return detail(400, "request.unreadable",
						Text.of("请求内容不是有效的 JSON，无法解析", "The request body is not valid JSON"), List.of());
			}
		}
		return detail(400, "request.body-missing",
				Text.of("缺少请求内容：请以 JSON 发送", "The request body is missing: send it as JSON"), List.of());
	}

	/** The JSON path of the value, e.g. {@code name} or {@code roles[1]}. */
	static String field(JacksonException e) {
		StringBuilder b = new StringBuilder();
		for (JacksonException.Reference r : e.getPath()) {
			if (r.getPropertyName() != null) {
				if (!b.isEmpty()) {
					b.append('.');
				}
				b.append(r.getPropertyName());
			}
			else if (r.getIndex() >= 0) {
				b.append('[').append(r.getIndex()).append(']');
			}
		}
		return b.toString();
	}

	/** What the value should have been, for a mismatch Jackson found. */
	static Text expected(MismatchedInputException m) {
		Class<?> type = m.getTargetType();
		if (type == null) {
			return Text.of("的值格式不正确", "has a malformed value");
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return Text.of("应为整数", "must be a whole number");
		}
		if (type == Boolean.class || type == boolean.class) {
			return Text.of("应为 true 或 false", "must be true or false");
		}
		if (type == String.class) {
			return Text.of("应为文字", "must be text");
		}
		if (type.isEnum()) {
			List<String> values = java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
			return Text.of("应为以下之一：{0}", "must be one of: {1}", String.join("、", values), String.join(", ", values));
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return Text.of("应为列表", "must be a list");
		}
		if (type.isRecord() || Map.class.isAssignableFrom(type)) {
			return Text.of("应为 JSON 对象", "must be a JSON object");
		}
		return Text.of("的值格式不正确", "has a malformed value");
	}

	/**
	 * A body in a media type the endpoint does not read (XML, text, a form): 415 with the
	 * types it does.
	 */
	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
		Object sent = e.getContentType() == null ? Text.of("（未声明）", "(none declared)") : e.getContentType().toString();
		List<String> supported = e.getSupportedMediaTypes()
			.stream()
			.filter(t -> !t.isWildcardType())
			.map(t -> t.getType() + "/" + t.getSubtype())
			.distinct()
			.toList();
		return detail(415, "request.media-type",
				Text.of("不支持的内容类型 {0}：请求内容须为 {1}", "Unsupported content type {0}: the request body must be {2}", sent,
						supported.isEmpty() ? "application/json" : String.join(" 或 ", supported),
						supported.isEmpty() ? "application/json" : String.join(" or ", supported)),
				List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
		return detail(406, "request.not-acceptable",
				Text.of("无法以请求的格式（Accept）应答：本接口应答 JSON 或文件",
						"Cannot answer in the requested format (Accept): this endpoint answers JSON or a file"),
				List.of());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ProblemDetail badParameter(Exception e) {
		String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
				: ((MissingServletRequestParameterException) e).getParameterName();
		for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
			if (t instanceof DateRange.Refused refused) {
				return problem(FieldError.invalid("request.bad-parameter",
						Map.of(name, Text.of("参数 {0} {1}", "Parameter {0} {1}", name, refused.reason()))));
			}
		}
		return problem(FieldError.invalid("request.bad-parameter",
				Map.of(name, Text.of("请求参数 {0} 缺失或格式不正确", "Request parameter {0} is missing or malformed", name))));
	}

	/**
	 * The database's own refusal of a value (too long, out of range, a missing
	 * reference), for a check that should have come first: 400 or 409 with what happened,
	 * never 500. Which record or constraint is not said, as it may lie outside the
	 * caller's scope.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException e) {
		String state = sqlState(e);
		log.warn("Refused by a database constraint (SQLState {}): {}", state, e.getMostSpecificCause().getMessage());
		return switch (state) {
			case "22001" -> detail(400, "request.too-long",
					Text.of("某个字段的内容超过了允许的长度，未做任何修改", "A field is longer than allowed; nothing was changed"),
					List.of());
			case "22003", "22007", "22008" -> detail(400, "request.out-of-range", Text.of("某个数值或日期超出了允许的范围，未做任何修改",
					"A number or date is outside the allowed range; nothing was changed"), List.of());
			case "23502" -> detail(400, "request.missing-value",
					Text.of("缺少必填的内容，未做任何修改", "A required value is missing; nothing was changed"), List.of());
			case "23503" -> detail(409, "record.referenced", Text.of("引用的记录不存在，或该记录仍被其他记录引用，未做任何修改",
					"The referenced record does not exist, or the record is still referenced by others; nothing was changed"),
					List.of());
			case "23505" -> detail(409, "record.duplicate", DUPLICATE, List.of());
			default -> detail(409, "record.constraint",
					Text.of("数据不符合约束，未做任何修改", "The data breaks a constraint; nothing was changed"), List.of());
		};
	}

	static String sqlState(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return "";
	}

	/**
	 * Any other refusal of Spring MVC (a missing multipart part, a bad header…): its own
	 * status, in the request's language.
	 */
	@ExceptionHandler(ErrorResponseException.class)
	ProblemDetail framework(ErrorResponseException e) {
		return generic(e.getStatusCode().value());
	}

	@ExceptionHandler({ ServletRequestBindingException.class, MissingServletRequestPartException.class,
			MethodArgumentNotValidException.class, HandlerMethodValidationException.class })
	ProblemDetail binding(Exception e) {
		return generic(e instanceof ErrorResponse r ? r.getStatusCode().value() : 400);
	}

	private static ProblemDetail generic(int status) {
		if (status >= 500) {
			return detail(500, "server.error", SERVER_ERROR, List.of());
		}
		return detail(status, "request.invalid", switch (status) {
			case 404 -> NOT_FOUND;
			case 405 -> Text.of("不支持的请求方法", "Method not supported");
			case 406 -> Text.of("无法以请求的格式应答", "Cannot answer in the requested format");
			case 413 -> Text.of("请求内容过大", "The request body is too large");
			case 415 -> Text.of("不支持的内容类型", "Unsupported content type");
			default -> Text.of("请求不完整或格式不正确，请检查后重试", "The request is incomplete or malformed; check it and try again");
		}, List.of());
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicate(DuplicateKeyException e) {
		return detail(409, "record.duplicate", DUPLICATE, List.of());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail stale(OptimisticLockingFailureException e) {
		return detail(409, "record.stale",
				Text.of("该记录已被他人修改，请刷新后重试", "Someone else changed this record; reload and try again"), List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail method(HttpRequestMethodNotSupportedException e) {
		return detail(405, "request.method", Text.of("不支持的请求方法 {0}", "Method {0} not supported", e.getMethod()),
				List.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ProblemDetail noResource(NoResourceFoundException e) {
		return detail(404, "request.not-found", NOT_FOUND, List.of());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) {
		log.error("Unexpected error", e);
		return detail(500, "server.error", SERVER_ERROR, List.of());
	}

	static ProblemDetail detail(int status, String code, Text detail, List<Map<String, Object>> errors) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail.toString());
		pd.setType(URI.create("urn:tuanwu:problem:" + code));
		pd.setProperty("code", code);
		if (!errors.isEmpty()) {
			pd.setProperty("errors", errors);
		}
		return pd;
	}

	/** The JSON body for a problem written outside Spring MVC (security filters). */
	public static Map<String, Object> body(int status, String code, Text detail) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("type", "urn:tuanwu:problem:" + code);
		m.put("title", HttpStatus.valueOf(status).getReasonPhrase());
		m.put("status", status);
		m.put("detail", detail.toString());
		m.put("code", code);
		return m;
	}

}
