package org.tuanwu.identity.internal;

import java.util.List;

import org.tuanwu.identity.AuditLog.Change;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The changed fields of an audit row, stored as a JSON array. */
final class AuditChanges {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AuditChanges() {
	}

	static String toJson(List<Change> changes) {
		return JSON.writeValueAsString(changes);
	}

	static List<Change> fromJson(String json) {
		return JSON.readValue(json, new TypeReference<List<Change>>() {
		});
	}

}
