package org.tuanwu.organization;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * 所属领域. "两新" = non-public enterprises and social organizations; "三新" adds the new
 * employment groups.
 */
public enum Sector {

	PARTY_GOVERNMENT("党政机关"), PUBLIC_INSTITUTION("事业单位"), STATE_ENTERPRISE("国有企业"), NON_PUBLIC_ENTERPRISE("非公企业"),
	SOCIAL_ORGANIZATION("社会组织"), NEW_EMPLOYMENT("新就业群体"), UNIVERSITY("高校"), VOCATIONAL("中职"), HIGH_SCHOOL("普通高中"),
	MIDDLE_SCHOOL("初中"), HOSPITAL("医院"), TOWNSHIP("乡镇街道"), VILLAGE("村社区"), INDUSTRY("行业"), OTHER("其他");

	public static final Set<Sector> THREE_NEW = Set.of(NON_PUBLIC_ENTERPRISE, SOCIAL_ORGANIZATION, NEW_EMPLOYMENT);

	private final String label;

	Sector(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<Sector> fromLabel(String label) {
		return Arrays.stream(values()).filter(s -> s.label.equals(label) || s.name().equals(label)).findFirst();
	}

}
