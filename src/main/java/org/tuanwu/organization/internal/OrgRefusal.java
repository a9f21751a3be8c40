package org.tuanwu.organization.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tuanwu.shared.Problem;
import org.tuanwu.shared.RowError;
import org.tuanwu.shared.Text;

/**
 * Why one of the org rules refuses a change: a stable code, the HTTP status, the field it
 * concerns (its exchange key, and the request property of the form when the form has one)
 * and the reason. The API turns it into a {@link Problem}, the import into a
 * {@link RowError}: the same rule, the same words.
 */
record OrgRefusal(String code, int status, String field, Optional<String> formField, Text reason) {

	static OrgRefusal of(String code, int status, String field, Text reason) {
		return new OrgRefusal(code, status, field, Optional.empty(), reason);
	}

	static OrgRefusal onForm(String code, String field, String formField, Text reason) {
		return new OrgRefusal(code, 400, field, Optional.of(formField), reason);
	}

	/** A conflict with another record (a code that is taken): 409. */
	static OrgRefusal conflictOnForm(String code, String field, String formField, Text reason) {
		return new OrgRefusal(code, 409, field, Optional.of(formField), reason);
	}

	Problem problem() {
		List<Map<String, Object>> errors = formField
			.<List<Map<String, Object>>>map(f -> List.of(Map.of("field", f, "message", reason)))
			.orElse(List.of());
		return new Problem(status, code, reason, errors);
	}

	RowError rowError(int row, String value) {
		return RowError.of(row, field, value, reason);
	}

	/** Throws the first refusal, if any. */
	@SafeVarargs
	static void refuse(Optional<OrgRefusal>... checks) {
		for (Optional<OrgRefusal> check : checks) {
			if (check.isPresent()) {
				throw check.get().problem();
			}
		}
	}

}
