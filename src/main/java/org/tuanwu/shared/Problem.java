package org.tuanwu.shared;

import java.util.List;
import java.util.Map;

/**
 * A refusal the user must understand: an HTTP status, a stable code for programs and a
 * {@link Text} for people, rendered in the request's language as RFC 9457 problem details
 * by the web layer, and in Chinese as a message by the command line (and in logs and
 * audit records: {@link #getMessage()} and {@link #detail()} are Chinese).
 */
public class Problem extends RuntimeException {

	private final int status;

	private final String code;

	private final Text text;

	private final List<Map<String, Object>> errors;

	public Problem(int status, String code, Text detail) {
		this(status, code, detail, List.of());
	}

	/**
	 * @param errors the details per field or row; a {@link Text} value is rendered in the
	 * request's language
	 */
	public Problem(int status, String code, Text detail, List<Map<String, Object>> errors) {
		super(detail.zh());
		this.status = status;
		this.code = code;
		this.text = detail;
		this.errors = List.copyOf(errors);
	}

	public static Problem badRequest(String code, Text detail) {
		return new Problem(400, code, detail);
	}

	public static Problem forbidden(String code, Text detail) {
		return new Problem(403, code, detail);
	}

	/**
	 * Also used for records outside the caller's scope, so that their existence is not
	 * revealed.
	 */
	public static Problem notFound(String code, Text detail) {
		return new Problem(404, code, detail);
	}

	public static Problem conflict(String code, Text detail) {
		return new Problem(409, code, detail);
	}

	public int status() {
		return status;
	}

	public String code() {
		return code;
	}

	/** The text in both languages. */
	public Text text() {
		return text;
	}

	/** In Chinese, whatever the request (commands, logs, audit records). */
	public String detail() {
		return getMessage();
	}

	public List<Map<String, Object>> errors() {
		return errors;
	}

}
