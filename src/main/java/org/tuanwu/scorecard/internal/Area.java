package org.tuanwu.scorecard.internal;

/** The areas of docs/indicators.md, in display order. */
enum Area {

	ORG("组织覆盖"), MEM("团员队伍"), CAD("团干部队伍"), LIFE("组织生活"), PLL("党建带团建"), POS_FUND("阵地与经费"), SVC("服务青年");

	private final String title;

	Area(String title) {
		this.title = title;
	}

	String title() {
		return title;
	}

}
