package org.tuanwu.scorecard.internal;

import static org.tuanwu.scorecard.internal.Area.CAD;
import static org.tuanwu.scorecard.internal.Area.LIFE;
import static org.tuanwu.scorecard.internal.Area.MEM;
import static org.tuanwu.scorecard.internal.Area.ORG;
import static org.tuanwu.scorecard.internal.Area.PLL;
import static org.tuanwu.scorecard.internal.Area.POS_FUND;
import static org.tuanwu.scorecard.internal.Area.SVC;
import static org.tuanwu.scorecard.internal.IndicatorUnit.COUNT;
import static org.tuanwu.scorecard.internal.IndicatorUnit.FLAG;
import static org.tuanwu.scorecard.internal.IndicatorUnit.GROWTH;
import static org.tuanwu.scorecard.internal.IndicatorUnit.PER_UNIT;
import static org.tuanwu.scorecard.internal.IndicatorUnit.RATE;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every indicator code of docs/indicators.md with its Chinese and English name, area and
 * unit. Packs may only name these codes; the figures themselves come from the domain
 * modules' indicator sources.
 */
final class IndicatorCatalogue {

	/**
	 * An indicator as the catalogue defines it: the Chinese name is the one of the policy
	 * documents; the English one is served to users whose language is English.
	 */
	record Definition(String code, String name, String nameEn, Area area, IndicatorUnit unit) {

		String name(boolean english) {
			return english ? nameEn : name;
		}

	}

	private static final Map<String, Definition> ALL = new LinkedHashMap<>();

	static {
		// 1. Organization coverage
		add("ORG_VILLAGE_COVERAGE", "村(社区)团组织设置率", "Villages and communities with a league org", ORG, RATE);
		add("ORG_NONPUBLIC_COVERAGE", "规模以上非公企业建团率", "Above-scale private enterprises with a league org", ORG, RATE);
		add("ORG_SOE_COVERAGE", "国有企业建团率", "State-owned enterprises with a league org", ORG, RATE);
		add("ORG_TWO_NEW_PARTY_COVERAGE", "已建党组织的两新组织建团率",
				"New-economy and social organizations with a Party org that have a league org", ORG, RATE);
		add("ORG_SOCIAL_COVERAGE", "社会组织建团率", "Social organizations with a league org", ORG, RATE);
		add("ORG_SCHOOL_STANDALONE", "学校单独设立团组织", "Schools with a league org of their own", ORG, RATE);
		add("ORG_THREE_NEW_GROWTH", "\"三新\"领域团组织增幅", "Growth of league orgs in the \"three new\" sectors", ORG, GROWTH);
		add("ORG_NEW_NONPUBLIC_COUNT", "新增非公经济组织团组织", "New league orgs in private enterprises", ORG, COUNT);
		add("ORG_YOUTH_SOCIETY_LINKED", "新建或联系青年社团", "Youth societies founded or linked", ORG, COUNT);
		add("ORG_YOUTH_SOCIETY_LED", "新建团委直接主导主办的青年社团", "New youth societies led directly by the league committee", ORG,
				COUNT);
		add("ORG_TOWN_YOUTH_COMMITTEE", "镇(街道)青年工作委员会", "Township (street) youth work committees", ORG, RATE);
		add("ORG_TERM_ON_TIME", "按期换届率", "Terms renewed on time", ORG, RATE);
		add("ORG_LEAGUE_SCHOOL", "中学团校覆盖率", "Secondary schools with a league school", ORG, RATE);
		// 2. Members
		add("MEM_REGISTRATION_RATE", "年度团籍注册率", "Annual membership registration", MEM, RATE);
		add("MEM_EVALUATION_RATE", "团员教育评议覆盖率", "Members covered by the education review", MEM, RATE);
		add("MEM_ARCHIVE_RATE", "新发展团员电子档案建档率", "New members with an electronic file", MEM, RATE);
		add("MEM_HANDOVER_RATE", "毕业学生团员学社衔接率", "Graduating student members handed over to their new org", MEM, RATE);
		add("MEM_PARTY_VIA_LEAGUE", "推优入党占比", "New Party members recommended by the league", MEM, RATE);
		add("MEM_LEAGUE_YOUTH_RATIO", "团青比", "Members per young people", MEM, RATE);
		add("MEM_DEVELOPMENT_VS_PLAN", "发展团员完成计划", "New members against the plan", MEM, RATE);
		add("MEM_OVERAGE_ACTIVE", "超龄未离团", "Over-age members not yet retired", MEM, COUNT);
		add("MEM_STUDY_COVERAGE", "青年大学习参学率", "Youth Study participation", MEM, RATE);
		add("MEM_DEVELOPED_BY_SEGMENT", "发展团员结构", "New members by group", MEM, COUNT);
		// 3. Cadres
		add("CAD_STAFFING_RATE", "团干部配备率", "League cadre posts filled", CAD, RATE);
		add("CAD_ON_DUTY_RATE", "团干部在岗率", "League cadres on duty", CAD, RATE);
		add("CAD_VACANCY_OVERDUE", "空缺超过3个月的岗位", "Posts vacant for more than 3 months", CAD, COUNT);
		add("CAD_PART_TIME_SHARE", "县(区)团委班子挂兼职比例", "Part-time and seconded members of the county committee", CAD,
				RATE);
		add("CAD_SECONDMENT_TERM", "挂职期限", "Secondment terms", CAD, COUNT);
		add("CAD_TOWN_SECRETARY_CONCURRENT", "乡镇团委书记由党委年轻班子成员兼任",
				"Township secretaries who are young Party committee members", CAD, RATE);
		add("CAD_TOWN_LEADERSHIP_SHAPE", "乡镇团委班子配备", "Township committee leadership staffed", CAD, RATE);
		add("CAD_VILLAGE_BRANCH_SHAPE", "村(社区)团支部配备", "Village (community) branch leadership staffed", CAD, RATE);
		add("CAD_COUNTY_WORKFORCE", "县级团委机关工作力量", "County committee office staff", CAD, COUNT);
		add("CAD_WORKFORCE_PER_10K_YOUTH", "每万名14–35岁常住青年对应的经常性工作力量",
				"Regular work force per 10 000 resident young people aged 14–35", CAD, PER_UNIT);
		add("CAD_TRAINED", "团干部年度培训", "League cadres trained this year", CAD, RATE);
		add("CAD_STUDY_HOURS", "团干部个人自学时长", "League cadres' self-study hours", CAD, RATE);
		add("CAD_GROUP_STUDY", "班子集中学习", "Committee group study", CAD, RATE);
		add("CAD_EXCHANGE_MEETING", "团干部交流会", "League cadre exchange meetings", CAD, RATE);
		// 4. Organizational life
		add("LIFE_THEME_DAY_MONTHLY", "主题团日", "Monthly theme days", LIFE, RATE);
		add("LIFE_THREE_MEETINGS", "三会两制一课落实", "Regular meetings and lessons held", LIFE, RATE);
		add("LIFE_RECORD_COMPLETE", "会议台账完整率", "Complete meeting records", LIFE, RATE);
		add("LIFE_ATTENDANCE", "参会率", "Meeting attendance", LIFE, RATE);
		// 5. Party leads league
		add("PLL_REPORT_HEARD", "听取共青团工作汇报", "League work reports heard", PLL, RATE);
		add("PLL_STUDY_MEETING", "专门研究共青团工作的会议", "Meetings on league work", PLL, RATE);
		add("PLL_CONTACT_POINT", "党政领导联系点", "Party and government leaders' contact points", PLL, RATE);
		add("PLL_JOINT_MEETING", "青年工作联席会议", "Youth work joint meetings", PLL, COUNT);
		add("PLL_CADRE_TRAINING_CLASS", "团干部和少先队辅导员培训班",
				"Training classes for league cadres and Young Pioneer counsellors", PLL, COUNT);
		add("PLL_QINGMA_CLASS", "\"青马工程\"培训班", "\"Young Marxists\" training classes", PLL, COUNT);
		add("PLL_PARTY_LECTURE", "为团员青年上党课", "Party lessons for members and young people", PLL, RATE);
		add("PLL_HEART_TALK", "谈心谈话", "Heart-to-heart talks", PLL, RATE);
		add("PLL_JOINT_SURVEY", "组织部门与团组织联合调研", "Joint surveys of the organization department and the league", PLL,
				COUNT);
		add("PLL_ASSESSMENT_WEIGHT", "党建考核中党建带团建分值占比", "Weight of league work in the Party-building assessment", PLL,
				RATE);
		add("PLL_IN_INSPECTION", "纳入巡察监督", "League work included in inspections", PLL, FLAG);
		add("PLL_STANDING_COMMITTEE_STUDIES", "党委常委会研究共青团工作", "Party standing committee sessions on league work", PLL,
				COUNT);
		// 6. Positions and funds
		add("POS_TOWN_YOUTH_HOME", "乡镇(街道)青年之家覆盖率", "Townships (streets) with a Youth Home", POS_FUND, RATE);
		add("POS_YOUTH_HOME_ACTIVITY", "青年之家月度活动", "Monthly Youth Home activities", POS_FUND, RATE);
		add("FUND_TOWN_MINIMUM", "乡镇(街道)团(工)委年度工作经费", "Annual working funds of township (street) committees", POS_FUND,
				RATE);
		add("FUND_PER_CAPITA", "按6–35周岁户籍人口安排经费", "Funds per registered resident aged 6–35", POS_FUND, RATE);
		add("FUND_GROWTH", "青年工作保障经费逐年增长", "Yearly growth of youth work funds", POS_FUND, GROWTH);
		// 7. Serving youth and brands
		add("SVC_WEST_VOLUNTEERS", "西部计划志愿者", "Western China Program volunteers", SVC, COUNT);
		add("SVC_VOLUNTEERS_RETAINED", "期满留任志愿者", "Volunteers staying on after their service", SVC, COUNT);
		add("SVC_FIELD_VISITS", "\"用脚步丈量青情\"", "\"Measuring youth needs on foot\" visits", SVC, COUNT);
		add("SVC_PROBLEM_CLOSURE", "青年急难愁盼问题办结率", "Young people's urgent problems resolved", SVC, RATE);
		add("SVC_AID_RAISED", "帮扶募集", "Aid raised", SVC, COUNT);
		add("SVC_BRAND_PROJECTS", "品牌项目", "Brand projects", SVC, COUNT);
		add("BRAND_TITLES", "\"青\"字号", "\"Youth\" titles", SVC, COUNT);
	}

	private IndicatorCatalogue() {
	}

	private static void add(String code, String name, String nameEn, Area area, IndicatorUnit unit) {
		ALL.put(code, new Definition(code, name, nameEn, area, unit));
	}

	static Optional<Definition> find(String code) {
		return Optional.ofNullable(ALL.get(code));
	}

	static Definition get(String code) {
		return find(code).orElseThrow(() -> new IllegalArgumentException("unknown indicator " + code));
	}

	/** The name of a code in the language asked for; the code itself if unknown. */
	static String name(String code, boolean english) {
		return find(code).map(d -> d.name(english)).orElse(code);
	}

	static Map<String, Definition> all() {
		return Collections.unmodifiableMap(ALL);
	}

}
