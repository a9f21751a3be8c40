package org.tuanwu.identity;

/** What a role allows; the string form is what the front end sees. */
public enum Permission {

	ORG_READ("org:read"), ORG_WRITE("org:write"), USER_MANAGE("user:manage"), AUDIT_READ("audit:read"),
	EXCHANGE_IMPORT("exchange:import"), EXCHANGE_EXPORT("exchange:export"), SCORECARD_READ("scorecard:read"),
	SCORECARD_MANAGE("scorecard:manage");

	private final String key;

	Permission(String key) {
		this.key = key;
	}

	public String key() {
		return key;
	}

}
