package org.tuanwu.organization.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.tuanwu.identity.AuditLog.Change;

/** The before/after of an org's fields, for the audit log and the org's history. */
final class OrgChanges {

	private OrgChanges() {
	}

	static List<Change> between(Optional<OrgRow> before, OrgRow after) {
		List<Change> changes = new ArrayList<>();
		field(changes, "name", before, after, OrgRow::name);
		field(changes, "kind", before, after, r -> r.kind().name());
		field(changes, "sector", before, after, r -> r.sector().name());
		field(changes, "establishedOn", before, after, r -> text(r.establishedOn()));
		field(changes, "lastElectionOn", before, after, r -> text(r.lastElectionOn()));
		field(changes, "termYears", before, after, r -> Integer.toString(r.termYears()));
		field(changes, "residentYouth", before, after, r -> text(r.residentYouth()));
		field(changes, "registeredPop635", before, after, r -> text(r.registeredPop635()));
		field(changes, "youthWorkCommittee", before, after, r -> text(r.youthWorkCommittee()));
		field(changes, "dissolvedOn", before, after, r -> text(r.dissolvedOn()));
		return changes;
	}

	static String describe(OrgRow row) {
		return text(between(Optional.empty(), row));
	}

	static String text(List<Change> changes) {
		return changes.stream()
			.map(c -> c.field() + ": " + c.before() + " → " + c.after())
			.collect(Collectors.joining("; "));
	}

	private static void field(List<Change> changes, String name, Optional<OrgRow> before, OrgRow after,
			Function<OrgRow, String> value) {
		String b = before.map(value).orElse("");
		String a = value.apply(after);
		if (!a.equals(b)) {
			changes.add(new Change(name, b, a));
		}
	}

	private static String text(Optional<?> value) {
		return value.map(Object::toString).orElse("");
	}

}
