package org.tuanwu.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@code errors} of a problem that concerns form fields. */
public final class FieldError {

	private FieldError() {
	}

	public static Problem invalid(String code, Map<String, Text> messagesByField) {
		List<Map<String, Object>> errors = messagesByField.entrySet().stream().map(e -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("field", e.getKey());
			m.put("message", e.getValue());
			return m;
		}).toList();
		return new Problem(400, code, Text.join(new ArrayList<>(messagesByField.values()), "；", "; "), errors);
	}

}
