package org.tuanwu.shared;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

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

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException e) {
		return detail(400, "request.unreadable", "请求内容格式不正确，无法解析", List.of());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ProblemDetail badParameter(Exception e) {
		String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
				: ((MissingServletRequestParameterException) e).getParameterName();
		return detail(400, "request.bad-parameter", "请求参数 " + name + " 缺失或格式不正确", List.of());
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
