package org.tuanwu.scorecard;

/**
 * One record behind a figure: an item of the denominator (a village, an org, a unit…),
 * whether it counts in the numerator, and why (or why not), in words.
 *
 * @param recordType what the record is, e.g. {@code UNIT} or {@code ORG}
 * @param orgId the org the record is attributed to (responsible or own org)
 */
public record Evidence(String recordType, String code, String name, long orgId, String orgCode, String orgName,
		boolean counted, String note) {
}
