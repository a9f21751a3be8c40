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
 * Every refusal as RFC 9457 problem details with a Chinese {@code detail} and a stable
 * {@code code}.
 */
@RestControllerAdvice
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	@ExceptionHandler(Problem.class)
	ProblemDetail problem(Problem p) {
		return detail(p.status(), p.code(), p.detail(), p.errors());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
		return detail(413, "file.too-large", "文件过大，超过了允许上传的大小上限，请拆分后再导入", List.of());
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail multipart(MultipartException e) {
		return detail(400, "file.unreadable", "上传的文件无法读取，请重新选择文件", List.of());
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
				String reason = m instanceof RequestLimits.InputRefused ? m.getOriginalMessage() : expected(m);
				if (field.isEmpty()) {
					return detail(400, "request.unreadable", "请求内容格式不正确：" + reason, List.of());
				}
				return problem(
						FieldError.invalid("request.invalid-field", Map.of(field, "字段 " + field + " " + reason)));
			}
			if (t instanceof JacksonException) {
				return detail(400, "request.unreadable", "请求内容不是有效的 JSON，无法解析", List.of());
			}
		}
		return detail(400, "request.body-missing", "缺少请求内容：请以 JSON 发送", List.of());
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
	static String expected(MismatchedInputException m) {
		Class<?> type = m.getTargetType();
		if (type == null) {
			return "的值格式不正确";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == Short.class || type == short.class) {
			return "应为整数";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "应为 true 或 false";
		}
		if (type == String.class) {
			return "应为文字";
		}
		if (type.isEnum()) {
			return "应为以下之一："
					+ String.join("、", java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "应为列表";
		}
		if (type.isRecord() || Map.class.isAssignableFrom(type)) {
			return "应为 JSON 对象";
		}
		return "的值格式不正确";
	}

	/**
	 * A body in a media type the endpoint does not read (XML, text, a form): 415 with the
	 * types it does.
	 */
	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
		String sent = e.getContentType() == null ? "（未声明）" : e.getContentType().toString();
		List<String> supported = e.getSupportedMediaTypes()
			.stream()
			.filter(t -> !t.isWildcardType())
			.map(t -> t.getType() + "/" + t.getSubtype())
			.distinct()
			.toList();
		return detail(415, "request.media-type", "不支持的内容类型 " + sent + "：请求内容须为 "
				+ (supported.isEmpty() ? "application/json" : String.join(" 或 ", supported)), List.of());
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
		return detail(406, "request.not-acceptable", "无法以请求的格式（Accept）应答：本接口应答 JSON 或文件", List.of());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ProblemDetail badParameter(Exception e) {
		String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
				: ((MissingServletRequestParameterException) e).getParameterName();
		for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
			if (t instanceof DateRange.Refused refused) {
				return problem(FieldError.invalid("request.bad-parameter",
						Map.of(name, "参数 " + name + " " + refused.getMessage())));
			}
		}
		return problem(FieldError.invalid("request.bad-parameter", Map.of(name, "请求参数 " + name + " 缺失或格式不正确")));
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
			case "22001" -> detail(400, "request.too-long", "某个字段的内容超过了允许的长度，未做任何修改", List.of());
			case "22003", "22007", "22008" -> detail(400, "request.out-of-range", "某个数值或日期超出了允许的范围，未做任何修改", List.of());
			case "23502" -> detail(400, "request.missing-value", "缺少必填的内容，未做任何修改", List.of());
			case "23503" -> detail(409, "record.referenced", "引用的记录不存在，或该记录仍被其他记录引用，未做任何修改", List.of());
			case "23505" -> detail(409, "record.duplicate", "记录已存在（编码或名称重复），未做任何修改", List.of());
			default -> detail(409, "record.constraint", "数据不符合约束，未做任何修改", List.of());
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
	 * status, in Chinese.
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
			return detail(500, "server.error", "服务器内部错误，操作未完成，请稍后重试或联系系统管理员", List.of());
		}
		return detail(status, "request.invalid", switch (status) {
			case 404 -> "请求的地址不存在";
			case 405 -> "不支持的请求方法";
			case 406 -> "无法以请求的格式应答";
			case 413 -> "请求内容过大";
			case 415 -> "不支持的内容类型";
			default -> "请求不完整或格式不正确，请检查后重试";
		}, List.of());
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ProblemDetail duplicate(DuplicateKeyException e) {
		return detail(409, "record.duplicate", "记录已存在（编码或名称重复），未做任何修改", List.of());
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail stale(OptimisticLockingFailureException e) {
		return detail(409, "record.stale", "该记录已被他人修改，请刷新后重试", List.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ProblemDetail method(HttpRequestMethodNotSupportedException e) {
		return detail(405, "request.method", "不支持的请求方法 " + e.getMethod(), List.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ProblemDetail noResource(NoResourceFoundException e) {
		return detail(404, "request.not-found", "请求的地址不存在", List.of());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) {
		log.error("Unexpected error", e);
		return detail(500, "server.error", "服务器内部错误，操作未完成，请稍后重试或联系系统管理员", List.of());
	}

	static ProblemDetail detail(int status, String code, String detail, List<Map<String, Object>> errors) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
		pd.setType(URI.create("urn:tuanwu:problem:" + code));
		pd.setProperty("code", code);
		if (!errors.isEmpty()) {
			pd.setProperty("errors", errors);
		}
		return pd;
	}

	/** The JSON body for a problem written outside Spring MVC (security filters). */
	public static Map<String, Object> body(int status, String code, String detail) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("type", "urn:tuanwu:problem:" + code);
		m.put("title", HttpStatus.valueOf(status).getReasonPhrase());
		m.put("status", status);
		m.put("detail", detail);
		m.put("code", code);
		return m;
	}

}
