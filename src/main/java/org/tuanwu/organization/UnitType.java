package org.tuanwu.organization;

import java.util.Arrays;
import java.util.Optional;

/**
 * 单位类型 of the units register (docs/exchange.md {@code units}). The Chinese label is the
 * exchange format's value.
 */
public enum UnitType {

	VILLAGE("村"), COMMUNITY("社区"), NON_PUBLIC_ENTERPRISE("非公企业"), STATE_ENTERPRISE("国有企业"), SOCIAL_ORGANIZATION("社会组织"),
	PARTY_GOVERNMENT("党政机关"), PUBLIC_INSTITUTION("事业单位"), UNIVERSITY("高校"), VOCATIONAL("中职"), HIGH_SCHOOL("普通高中"),
	MIDDLE_SCHOOL("初中"), HOSPITAL("医院"), NEW_EMPLOYMENT("新就业群体"), YOUTH_SOCIETY("青年社团");

	private final String label;

	UnitType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<UnitType> fromLabel(String label) {
		return Arrays.stream(values()).filter(t -> t.label.equals(label) || t.name().equals(label)).findFirst();
	}

}
