package org.tuanwu.shared;

import java.util.List;
import java.util.Map;

/**
 * A refusal the user must understand: an HTTP status, a stable code for programs and a
 * Chinese sentence for people. Rendered as RFC 9457 problem details by the web layer and
 * as a message by the command line.
 */
public class Problem extends RuntimeException {

	private final int status;

	private final String code;

	private final List<Map<String, Object>> errors;

	public Problem(int status, String code, String detail) {
		this(status, code, detail, List.of());
	}

	public Problem(int status, String code, String detail, List<Map<String, Object>> errors) {
		super(detail);
		this.status = status;
		this.code = code;
		this.errors = List.copyOf(errors);
	}

	public static Problem badRequest(String code, String detail) {
		return new Problem(400, code, detail);
	}

	public static Problem forbidden(String code, String detail) {
		return new Problem(403, code, detail);
	}

	/**
	 * Also used for records outside the caller's scope, so that their existence is not
	 * revealed.
	 */
	public static Problem notFound(String code, String detail) {
		return new Problem(404, code, detail);
	}

	public static Problem conflict(String code, String detail) {
		return new Problem(409, code, detail);
	}

	public int status() {
		return status;
	}

	public String code() {
		return code;
	}

	public String detail() {
		return getMessage();
	}

	public List<Map<String, Object>> errors() {
		return errors;
	}

}
