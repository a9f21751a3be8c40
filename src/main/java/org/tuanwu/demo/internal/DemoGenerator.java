package org.tuanwu.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrgRecord;
import org.tuanwu.organization.Sector;
import org.tuanwu.organization.UnitRecord;
import org.tuanwu.organization.UnitType;

/**
 * Generates the fictional org tree. Every unit (county, township, school, enterprise…)
 * draws from its own {@link Random} seeded by the data set's seed and the unit's code, so
 * the output depends only on the seed, the scale and the reference date (the code prefix
 * only names the codes), never on the order of generation or on what was generated
 * before. Records come out in chunks (a county tree, or the city- or province-level
 * orgs), parents before children and every chunk's parents either in the chunk or in an
 * earlier one, so that each chunk can be imported on its own and memory stays bounded at
 * province scale.
 * <p>
 * Dates are relative to the reference date ("today"), so that some terms are always due
 * and a few are overdue.
 */
final class DemoGenerator {

	private static final String[] SYLLABLES = { "安", "平", "清", "河", "阳", "泉", "山", "宁", "丰", "华", "新", "兴", "和", "东",
			"西", "南", "北", "永", "长", "临", "青", "石", "桥", "柳", "桃", "金", "龙", "凤", "白", "云", "溪", "湖", "林", "松", "梅",
			"江", "川", "岭", "台", "源", "庆", "福", "嘉", "昌", "盛", "宝", "德", "顺", "通", "远", "广", "泰", "恒", "瑞", "乐", "高",
			"明", "春", "秋", "望" };

	private static final String[] VILLAGE_ENDINGS = { "庄", "营", "集", "湾", "坪", "坝", "口", "塘", "沟", "寨", "铺", "岗", "圩",
			"店", "家" };

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱",
			"高", "林", "何", "郭", "马", "罗" };

	private static final String[] COMMUNITY_WORDS = { "幸福", "和平", "阳光", "锦绣", "书香", "滨河", "新华", "民主", "建设", "文化", "花园",
			"友谊", "团结", "振兴", "金桥", "翠苑", "康乐", "东城", "西关", "南湖" };

	private static final String[] INDUSTRIES = { "科技", "电子", "食品", "纺织", "建材", "机械", "物流", "农业开发", "新材料", "医药", "服饰",
			"汽车配件", "化工", "包装", "家居", "光电", "环保科技", "电商", "茶业", "文化传媒" };

	private static final String[] AGENCIES = { "中共{c}委办公室", "{c}人民政府办公室", "中共{c}委组织部", "中共{c}委宣传部", "{c}发展和改革局",
			"{c}教育局", "{c}公安局", "{c}财政局", "{c}人力资源和社会保障局", "{c}自然资源局", "{c}住房和城乡建设局", "{c}交通运输局", "{c}水利局", "{c}农业农村局",
			"{c}商务局", "{c}文化和旅游局", "{c}卫生健康委员会", "{c}应急管理局", "{c}市场监督管理局", "{c}统计局", "{c}医疗保障局", "{c}退役军人事务局", "{c}司法局",
			"{c}民政局", "{c}生态环境分局", "{c}税务局", "{c}人民法院", "{c}人民检察院", "{c}总工会", "{c}妇女联合会", "{c}科学技术协会", "{c}审计局",
			"{c}林业局", "{c}城市管理局", "{c}行政审批局", "{c}信访局", "{c}档案馆", "{c}图书馆", "{c}融媒体中心", "{c}公共资源交易中心", "{c}疾病预防控制中心",
			"{c}气象局", "{c}消防救援大队", "{c}自来水公司", "{c}供销合作社" };

	private static final String[] SOCIAL = { "青年志愿者协会", "青年企业家协会", "青年创业协会", "社会工作服务中心", "商会", "义工联合会", "慈善会",
			"心理咨询服务中心", "户外运动协会", "书法家协会", "摄影家协会", "养老服务中心", "青少年发展基金会", "电子商务协会", "律师协会", "家庭教育指导服务中心", "助学服务社",
			"民间文艺家协会", "网络文化协会", "应急救援队" };

	private static final String[] NEW_EMPLOYMENT = { "快递行业", "外卖送餐员", "网约车司机", "货车司机", "网络主播", "快递员", "即时配送员",
			"家政服务员" };

	private static final String[] STATE = { "城市建设投资集团有限公司", "交通投资集团有限公司", "水务集团有限公司", "国有资产经营有限公司", "农业发展集团有限公司",
			"文化旅游投资有限公司", "供电公司", "邮政分公司", "农村商业银行", "燃气有限公司", "公共交通有限公司", "粮食购销有限公司" };

	private static final String[] DEPARTMENTS = { "内科", "外科", "妇产科", "儿科", "急诊科", "护理部", "医技", "行政后勤", "药剂科", "检验科",
			"放射科", "麻醉科" };

	private static final String[] COLLEGES = { "马克思主义学院", "文学院", "外国语学院", "经济管理学院", "法学院", "数学与统计学院", "物理与电子工程学院",
			"化学化工学院", "生命科学学院", "计算机学院", "机械工程学院", "土木工程学院", "艺术学院", "体育学院", "教育学院", "医学院", "农学院", "信息工程学院" };

	private static final String[] NUMERALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四",
			"十五", "十六", "十七", "十八", "十九", "二十", "二十一", "二十二", "二十三", "二十四", "二十五" };

	private final long seed;

	private final LocalDate today;

	private final String prefix;

	private Consumer<List<UnitRecord>> unitSink = u -> {
	};

	/**
	 * @param prefix put before every code, so that more than one data set can live in one
	 * database (tests); empty for the real demo
	 */
	DemoGenerator(long seed, LocalDate today, String prefix) {
		this.seed = seed;
		this.today = today;
		this.prefix = prefix;
	}

	/** The code of the top org of the data set. */
	String rootCode(DemoScale scale) {
		return prefix + switch (scale) {
			case COUNTY -> "X01";
			case CITY -> "C01";
			case PROVINCE -> "P01";
		};
	}

	void generate(DemoScale scale, Consumer<List<OrgRecord>> chunks) {
		generate(scale, chunks, units -> {
		});
	}

	/**
	 * Also the units register: after each chunk of orgs, the units whose responsible and
	 * league orgs it holds (drawn from their own random streams, so the orgs are the same
	 * with or without units).
	 */
	void generate(DemoScale scale, Consumer<List<OrgRecord>> orgChunks, Consumer<List<UnitRecord>> unitChunks) {
		this.unitSink = unitChunks;
		Consumer<List<OrgRecord>> chunks = orgChunks;
		switch (scale) {
			case COUNTY -> {
				String code = rootCode(scale);
				Random r = random(code);
				chunks.accept(county(code, Optional.empty(), place(r, 2) + "县", false, r));
				flushUnits();
			}
			case CITY -> city(rootCode(scale), Optional.empty(), place(random(rootCode(scale)), 2) + "市", chunks);
			case PROVINCE -> province(rootCode(scale), chunks);
		}
	}

	// ---------------------------------------------------------------- province and city

	private void province(String code, Consumer<List<OrgRecord>> chunks) {
		Random r = random(code);
		String name = place(r, 2) + "省";
		Chunk c = new Chunk();
		c.add(r, code, "共青团" + name + "委员会", null, OrgKind.PROVINCE_COMMITTEE, Sector.PARTY_GOVERNMENT, 1950, 1955);
		levelOrgs(c, r, code, name, 110, 10, 40);
		chunks.accept(c.records);
		c.emitUnits();
		for (int i = 1; i <= 10; i++) {
			String cityCode = code + ".C" + two(i);
			city(cityCode, Optional.of(code), place(random(cityCode), 2) + "市", chunks);
		}
	}

	private void city(String code, Optional<String> parent, String name, Consumer<List<OrgRecord>> chunks) {
		Random r = random(code);
		Chunk c = new Chunk();
		c.add(r, code, "共青团" + name + "委员会", parent.orElse(null), OrgKind.CITY_COMMITTEE, Sector.PARTY_GOVERNMENT, 1950,
				1985);
		levelOrgs(c, r, code, name, 60, 3 + r.nextInt(3), 20);
		chunks.accept(c.records);
		c.emitUnits();
		int counties = 9 + r.nextInt(3);
		for (int i = 1; i <= counties; i++) {
			String countyCode = code + ".X" + two(i);
			Random cr = random(countyCode);
			boolean district = i <= 3;
			String countyName = place(cr, 2) + (district ? "区" : "县");
			chunks.accept(county(countyCode, Optional.of(code), countyName, district, cr));
			flushUnits();
		}
	}

	/**
	 * The orgs a city or province committee leads directly: agencies, universities,
	 * hospitals, state enterprises.
	 */
	private void levelOrgs(Chunk c, Random r, String code, String name, int agencies, int universities,
			int stateFirms) {
		String w1 = code + ".W1";
		c.add(r, w1, "共青团" + name + "直属机关工作委员会", code, OrgKind.WORK_COMMITTEE, Sector.PARTY_GOVERNMENT, 1980, 2000);
		for (int i = 1; i <= agencies; i++) {
			String unit = AGENCIES[(i - 1) % AGENCIES.length].replace("{c}", name)
					+ (i > AGENCIES.length ? "第" + NUMERALS[(i - 1) / AGENCIES.length] + "分支机构" : "");
			c.add(r, w1 + ".A" + three(i), unit + "团支部", w1, OrgKind.BRANCH, agencySector(unit), 1985, 2015);
		}
		String w2 = code + ".W2";
		c.add(r, w2, "共青团" + name + "教育系统工作委员会", code, OrgKind.WORK_COMMITTEE, Sector.INDUSTRY, 1985, 2005);
		for (int u = 1; u <= universities; u++) {
			String uc = w2 + ".U" + two(u);
			String uni = name.substring(0, name.length() - 1)
					+ (u == 1 ? "大学" : u == 2 ? "师范学院" : u == 3 ? "理工学院" : u == 4 ? "职业技术学院" : place(r, 2) + "学院");
			c.add(r, uc, "共青团" + uni + "委员会", w2, OrgKind.BASIC_COMMITTEE, Sector.UNIVERSITY, 1958, 2005);
			Random ur = random(uc + ".U");
			c.unit(uc, uni, UnitType.UNIVERSITY, code, uc, false, true, true, ur.nextInt(100) < 90, null,
					8000 + ur.nextInt(20000));
			int colleges = 8 + r.nextInt(8);
			for (int k = 1; k <= colleges; k++) {
				String kc = uc + ".D" + two(k);
				String college = COLLEGES[(k - 1) % COLLEGES.length];
				c.add(r, kc, uni + college + "团总支", uc, OrgKind.GENERAL_BRANCH, Sector.UNIVERSITY, 1980, 2010);
				int classes = 12 + r.nextInt(20);
				for (int b = 1; b <= classes; b++) {
					int year = schoolYear() - (b - 1) % 4;
					c.student(r, kc + ".B" + two(b), college + (year % 100) + "级" + ((b - 1) / 4 + 1) + "班团支部", kc,
							Sector.UNIVERSITY, year);
				}
			}
		}
		String w3 = code + ".W3";
		c.add(r, w3, "共青团" + name + "国有企业工作委员会", code, OrgKind.WORK_COMMITTEE, Sector.STATE_ENTERPRISE, 1990, 2010);
		for (int i = 1; i <= stateFirms; i++) {
			String fc = w3 + ".F" + two(i);
			String firm = name + STATE[(i - 1) % STATE.length].replace("有限公司",
					i > STATE.length ? "第" + NUMERALS[(i - 1) / STATE.length] + "有限公司" : "有限公司");
			c.add(r, fc, "共青团" + firm + "委员会", w3, OrgKind.BASIC_COMMITTEE, Sector.STATE_ENTERPRISE, 1980, 2012);
			int branches = 3 + r.nextInt(8);
			for (int b = 1; b <= branches; b++) {
				c.add(r, fc + ".B" + two(b), firm + "第" + NUMERALS[b - 1] + "团支部", fc, OrgKind.BRANCH,
						Sector.STATE_ENTERPRISE, 1990, 2020);
			}
		}
		c.add(r, code + ".M1", name + "流动团员团支部", code, OrgKind.FLOATING_BRANCH, Sector.OTHER, 2015, 2022);
	}

	// ---------------------------------------------------------------- county

	/** One county tree: about 3 000 orgs. */
	private List<OrgRecord> county(String code, Optional<String> parent, String name, boolean district, Random r) {
		Chunk c = new Chunk();
		c.add(r, code, "共青团" + name + "委员会", parent.orElse(null),
				district ? OrgKind.DISTRICT_COMMITTEE : OrgKind.COUNTY_COMMITTEE, Sector.PARTY_GOVERNMENT, 1950, 1985);
		String agencies = code + ".W1";
		String education = code + ".W2";
		String health = code + ".W3";
		String twoNew = code + ".W4";
		c.add(r, agencies, "共青团" + name + "直属机关工作委员会", code, OrgKind.WORK_COMMITTEE, Sector.PARTY_GOVERNMENT, 1985,
				2005);
		c.add(r, education, "共青团" + name + "教育系统工作委员会", code, OrgKind.WORK_COMMITTEE, Sector.INDUSTRY, 1985, 2008);
		c.add(r, health, "共青团" + name + "卫生健康系统工作委员会", code, OrgKind.WORK_COMMITTEE, Sector.INDUSTRY, 1995, 2015);
		c.add(r, twoNew, "共青团" + name + "非公有制经济组织和社会组织工作委员会", code, OrgKind.WORK_COMMITTEE, Sector.INDUSTRY, 2005,
				2018);

		List<String> townships = townships(c, code, name, district);
		schools(c, education, name);
		enterprises(c, code, name, twoNew, townships);
		agencies(c, agencies, name);
		hospitals(c, health, name);
		Random fr = random(code + ".M1");
		c.add(fr, code + ".M1", name + "流动团员团支部", code, OrgKind.FLOATING_BRANCH, Sector.OTHER, 2012, 2022);
		countyUnits(c, code, name, townships);
		List<UnitRecord> units = c.units;
		pendingUnits = units;
		return c.records;
	}

	private List<String> townships(Chunk c, String county, String countyName, boolean district) {
		Random r = random(county + ".T");
		int count = 14 + r.nextInt(4);
		List<String> codes = new ArrayList<>();
		for (int t = 1; t <= count; t++) {
			String tc = county + ".T" + two(t);
			Random tr = random(tc);
			codes.add(tc);
			boolean street = tr.nextInt(100) < (district ? 70 : 20);
			String place = place(tr, 2);
			boolean xiang = !street && tr.nextInt(100) < 25;
			String unit = place + (street ? "街道" : xiang ? "乡" : "镇");
			LocalDate established = date(tr, 1984, 2005);
			int youth = 1500 + tr.nextInt(7500);
			c.records.add(new OrgRecord(tc, "共青团" + unit + (street ? "工作委员会" : "委员会"), Optional.of(county),
					street ? OrgKind.STREET_WORK_COMMITTEE : OrgKind.TOWNSHIP_COMMITTEE, Sector.TOWNSHIP,
					Optional.of(established), election(tr, established, 3), Optional.empty(), Optional.of(youth),
					Optional.of(youth * 2 + tr.nextInt(6000)), Optional.empty(),
					tr.nextInt(100) < 70 ? Optional.of(tr.nextInt(100) < 80) : Optional.empty()));
			c.add(tr, tc + ".G1", unit + "机关团支部", tc, OrgKind.BRANCH, Sector.PARTY_GOVERNMENT, 1990, 2012);
			if (!street && tr.nextInt(100) < 60) {
				c.add(tr, tc + ".G2", unit + "卫生院团支部", tc, OrgKind.BRANCH, Sector.HOSPITAL, 1995, 2015);
			}
			// Most townships have a branch in most villages; a few are far behind.
			int villages = 20 + tr.nextInt(7);
			// Every seventh township is behind whatever the dice say, so that every
			// county has some.
			int coverage = tr.nextInt(100) < 15 || t % 7 == 3 ? 40 + tr.nextInt(25) : 88 + tr.nextInt(12);
			// About a third of the townships keep their register to the villages with a
			// branch: 100 % coverage.
			boolean complete = random(tc + ".U").nextInt(100) < 30;
			String lastJoint = null;
			for (int v = 1; v <= villages; v++) {
				String uc = "U." + tc + ".V" + three(v);
				Random ur = random(uc);
				if (tr.nextInt(100) >= coverage) {
					if (!complete) {
						// A village without its own branch: sometimes in the township's
						// joint branch, mostly uncovered.
						boolean inJoint = lastJoint != null && ur.nextInt(100) < 40;
						boolean isCommunity = street || v <= 2;
						c.units.add(new UnitRecord(uc, place(ur, 2) + (isCommunity ? "社区" : "村"),
								isCommunity ? UnitType.COMMUNITY : UnitType.VILLAGE, tc, Optional.empty(),
								Optional.of(true), Optional.of(true), Optional.ofNullable(inJoint ? lastJoint : null),
								Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
								Optional.empty()));
					}
					continue;
				}
				boolean community = street || v <= 2;
				String village = community ? COMMUNITY_WORDS[tr.nextInt(COMMUNITY_WORDS.length)] + "社区"
						: tr.nextInt(3) == 0
								? SURNAMES[tr.nextInt(SURNAMES.length)] + "家"
										+ VILLAGE_ENDINGS[tr.nextInt(VILLAGE_ENDINGS.length)] + "村"
								: place(tr, 1) + VILLAGE_ENDINGS[tr.nextInt(VILLAGE_ENDINGS.length)] + "村";
				boolean joint = !community && tr.nextInt(100) < 15;
				String vc = tc + ".V" + three(v);
				// A merged village's branch was dissolved (村合并).
				boolean merged = !community && tr.nextInt(100) < 2;
				c.add(tr, vc, village + (joint ? "联合团支部" : "团支部"), tc, joint ? OrgKind.JOINT_BRANCH : OrgKind.BRANCH,
						Sector.VILLAGE, 1985, 2016, merged);
				if (joint && !merged) {
					lastJoint = vc;
				}
				c.unit(vc, village, community ? UnitType.COMMUNITY : UnitType.VILLAGE, tc, vc, false, true, true, false,
						null, null);
			}
		}
		return codes;
	}

	private void schools(Chunk c, String parent, String countyName) {
		String[] juniorGrades = { "八年级", "九年级" };
		String[] seniorGrades = { "高一年级", "高二年级", "高三年级" };
		String[] vocationalGrades = { "一年级", "二年级", "三年级" };
		for (int s = 1; s <= 40; s++) {
			String sc = parent + ".S" + two(s);
			Random r = random(sc);
			Sector sector = s <= 24 ? Sector.MIDDLE_SCHOOL : s <= 34 ? Sector.HIGH_SCHOOL : Sector.VOCATIONAL;
			String school = switch (sector) {
				case MIDDLE_SCHOOL -> s <= 8 ? countyName + "第" + NUMERALS[s - 1] + "初级中学" : place(r, 2) + "镇中学";
				case HIGH_SCHOOL -> countyName + "第" + NUMERALS[s - 25] + "中学";
				default -> s == 35 ? countyName + "职业技术学校"
						: s == 36 ? countyName + "职业中等专业学校" : countyName + place(r, 2) + (s % 2 == 0 ? "技工学校" : "职业学校");
			};
			c.add(r, sc, "共青团" + school + "委员会", parent, OrgKind.BASIC_COMMITTEE, sector, 1978, 2008);
			Random ur = random(sc + ".U");
			c.unit(sc, school,
					sector == Sector.MIDDLE_SCHOOL ? UnitType.MIDDLE_SCHOOL
							: sector == Sector.HIGH_SCHOOL ? UnitType.HIGH_SCHOOL : UnitType.VOCATIONAL,
					parent.substring(0, parent.length() - 3), sc, false, true, true, ur.nextInt(100) < 85,
					ur.nextInt(100) < 70, 400 + ur.nextInt(2500));
			c.add(r, sc + ".J", school + "教工团支部", sc, OrgKind.BRANCH, sector, 1985, 2010);
			String[] grades = sector == Sector.MIDDLE_SCHOOL ? juniorGrades
					: sector == Sector.HIGH_SCHOOL ? seniorGrades : vocationalGrades;
			int min = sector == Sector.MIDDLE_SCHOOL ? 10 : sector == Sector.HIGH_SCHOOL ? 14 : 16;
			int classesPerGrade = min + r.nextInt(9);
			for (int g = 0; g < grades.length; g++) {
				String gc = sc + ".N" + (g + 1);
				c.add(r, gc, school + grades[g] + "团总支", sc, OrgKind.GENERAL_BRANCH, sector, 1990, 2012);
				// Graduating classes start last: the grade's year of entry decides when
				// its branches were set up.
				int entered = schoolYear() - (sector == Sector.MIDDLE_SCHOOL ? g + 1 : g);
				for (int k = 1; k <= classesPerGrade; k++) {
					c.student(r, gc + ".B" + two(k), school + grades[g] + "（" + k + "）班团支部", gc, sector, entered);
				}
			}
		}
	}

	private void enterprises(Chunk c, String county, String countyName, String twoNew, List<String> townships) {
		Random r = random(county + ".E");
		int count = 190 + r.nextInt(31);
		int newEmployment = 0;
		for (int e = 1; e <= count; e++) {
			String ec = county + ".E" + three(e);
			Random er = random(ec);
			int roll = er.nextInt(100);
			Sector sector = roll < 55 ? Sector.NON_PUBLIC_ENTERPRISE : roll < 65 ? Sector.STATE_ENTERPRISE
					: roll < 90 ? Sector.SOCIAL_ORGANIZATION : Sector.NEW_EMPLOYMENT;
			String unit = switch (sector) {
				case NON_PUBLIC_ENTERPRISE -> countyName.substring(0, countyName.length() - 1) + place(er, 2)
						+ INDUSTRIES[er.nextInt(INDUSTRIES.length)] + (er.nextInt(4) == 0 ? "股份有限公司" : "有限公司");
				case STATE_ENTERPRISE -> countyName + STATE[er.nextInt(STATE.length)];
				case SOCIAL_ORGANIZATION ->
					countyName + (er.nextBoolean() ? place(er, 2) : "") + SOCIAL[er.nextInt(SOCIAL.length)];
				default -> countyName + NEW_EMPLOYMENT[newEmployment++ % NEW_EMPLOYMENT.length];
			};
			// Enterprises in a township's industrial park are led by the township; the
			// rest by the 两新 committee.
			String parent = sector != Sector.STATE_ENTERPRISE && er.nextInt(100) < 35
					? townships.get(er.nextInt(townships.size())) : twoNew;
			int from = sector == Sector.STATE_ENTERPRISE ? 1990 : sector == Sector.NEW_EMPLOYMENT ? 2018 : 2005;
			boolean large = er.nextInt(100) < (sector == Sector.STATE_ENTERPRISE ? 60 : 30);
			Random ur = random(ec + ".U");
			c.unit(ec, unit, switch (sector) {
				case NON_PUBLIC_ENTERPRISE -> UnitType.NON_PUBLIC_ENTERPRISE;
				case STATE_ENTERPRISE -> UnitType.STATE_ENTERPRISE;
				case SOCIAL_ORGANIZATION -> UnitType.SOCIAL_ORGANIZATION;
				default -> UnitType.NEW_EMPLOYMENT;
			}, parent.equals(twoNew) ? county : parent, ec, large, true, ur.nextInt(100) < 60, null, null, null);
			if (!large) {
				boolean joint = er.nextInt(100) < 20;
				c.add(er, ec, unit + (joint ? "联合团支部" : "团支部"), parent, joint ? OrgKind.JOINT_BRANCH : OrgKind.BRANCH,
						sector, from, 2023, sector == Sector.NON_PUBLIC_ENTERPRISE && er.nextInt(100) < 4);
				continue;
			}
			c.add(er, ec, "共青团" + unit + "委员会", parent, OrgKind.BASIC_COMMITTEE, sector, from, 2020);
			int branches = 3 + er.nextInt(8);
			for (int b = 1; b <= branches; b++) {
				String team = sector == Sector.NEW_EMPLOYMENT ? "第" + NUMERALS[b - 1] + "站点"
						: sector == Sector.SOCIAL_ORGANIZATION ? "第" + NUMERALS[b - 1] + "服务队"
								: "第" + NUMERALS[b - 1] + "车间";
				c.add(er, ec + ".B" + two(b), unit + team + "团支部", ec, OrgKind.BRANCH, sector, from, 2023);
			}
		}
	}

	private void agencies(Chunk c, String parent, String countyName) {
		Random r = random(parent + ".A");
		int count = 35 + r.nextInt(10);
		for (int a = 1; a <= count; a++) {
			String ac = parent + ".A" + two(a);
			Random ar = random(ac);
			String unit = AGENCIES[a - 1].replace("{c}", countyName);
			Sector sector = agencySector(unit);
			if (ar.nextInt(100) < 12) {
				c.add(ar, ac, unit + "团总支", parent, OrgKind.GENERAL_BRANCH, sector, 1985, 2010);
				int branches = 2 + ar.nextInt(4);
				for (int b = 1; b <= branches; b++) {
					c.add(ar, ac + ".B" + b, unit + "第" + NUMERALS[b - 1] + "团支部", ac, OrgKind.BRANCH, sector, 1990,
							2018);
				}
			}
			else {
				c.add(ar, ac, unit + "团支部", parent, OrgKind.BRANCH, sector, 1985, 2018);
			}
		}
	}

	private void hospitals(Chunk c, String parent, String countyName) {
		String[] names = { "人民医院", "中医医院", "妇幼保健院", "第二人民医院", "精神卫生中心", "疾病预防控制中心" };
		Random r = random(parent + ".H");
		int count = 4 + r.nextInt(3);
		for (int h = 1; h <= count; h++) {
			String hc = parent + ".H" + h;
			Random hr = random(hc);
			String unit = countyName + names[h - 1];
			Sector sector = unit.endsWith("中心") ? Sector.PUBLIC_INSTITUTION : Sector.HOSPITAL;
			if (h <= 2) {
				c.add(hr, hc, "共青团" + unit + "委员会", parent, OrgKind.BASIC_COMMITTEE, sector, 1980, 2005);
				int branches = 5 + hr.nextInt(6);
				for (int b = 1; b <= branches; b++) {
					c.add(hr, hc + ".B" + two(b), unit + DEPARTMENTS[b - 1] + "团支部", hc, OrgKind.BRANCH, sector, 1990,
							2015);
				}
			}
			else {
				c.add(hr, hc, unit + "团支部", parent, OrgKind.BRANCH, sector, 1990, 2015);
			}
		}
	}

	// ---------------------------------------------------------------- units register

	private List<UnitRecord> pendingUnits = List.of();

	private void flushUnits() {
		if (!pendingUnits.isEmpty()) {
			unitSink.accept(pendingUnits);
		}
		pendingUnits = List.of();
	}

	/**
	 * The county's units without a league org: many small non-public enterprises (few
	 * above scale), social organizations up to an uneven coverage of about 45–80 %, a few
	 * state enterprises, platform workers and the youth societies the county committee
	 * founded or linked in recent years.
	 */
	private void countyUnits(Chunk c, String county, String countyName, List<String> townships) {
		Random r = random(county + ".U");
		String base = countyName.substring(0, countyName.length() - 1);
		int enterprises = 4000 + r.nextInt(800);
		for (int i = 1; i <= enterprises; i++) {
			boolean above = r.nextInt(100) < 8;
			String responsible = r.nextInt(100) < 70 ? townships.get(r.nextInt(townships.size())) : county;
			c.units.add(new UnitRecord("U." + county + ".N" + four(i),
					base + place(r, 2) + INDUSTRIES[r.nextInt(INDUSTRIES.length)] + "有限公司",
					UnitType.NON_PUBLIC_ENTERPRISE, responsible, Optional.of(above),
					Optional.of(r.nextInt(100) < (above ? 60 : 25)), Optional.of(r.nextInt(100) < 20), Optional.empty(),
					Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
		}
		long coveredSocial = c.units.stream().filter(u -> u.type() == UnitType.SOCIAL_ORGANIZATION).count();
		int target = 45 + r.nextInt(36);
		long uncoveredSocial = coveredSocial * (100 - target) / target + 30;
		for (int i = 1; i <= uncoveredSocial; i++) {
			boolean meets = i > 30;
			c.units.add(new UnitRecord("U." + county + ".O" + four(i),
					countyName + place(r, 2) + SOCIAL[r.nextInt(SOCIAL.length)], UnitType.SOCIAL_ORGANIZATION,
					r.nextBoolean() ? county : townships.get(r.nextInt(townships.size())), Optional.empty(),
					Optional.of(meets), Optional.of(r.nextInt(100) < 30), Optional.empty(), Optional.empty(),
					Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
		}
		int stateFirms = 2 + r.nextInt(5);
		for (int i = 1; i <= stateFirms; i++) {
			c.units.add(new UnitRecord("U." + county + ".F" + four(i),
					countyName + STATE[r.nextInt(STATE.length)] + "分公司", UnitType.STATE_ENTERPRISE, county,
					Optional.of(false), Optional.of(r.nextBoolean()), Optional.of(true), Optional.empty(),
					Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
		}
		int platforms = 10 + r.nextInt(20);
		for (int i = 1; i <= platforms; i++) {
			c.units.add(new UnitRecord("U." + county + ".P" + four(i),
					countyName + place(r, 2) + NEW_EMPLOYMENT[r.nextInt(NEW_EMPLOYMENT.length)] + "站点",
					UnitType.NEW_EMPLOYMENT, townships.get(r.nextInt(townships.size())), Optional.empty(),
					Optional.of(r.nextBoolean()), Optional.of(false), Optional.empty(), Optional.empty(),
					Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
		}
		int societies = 3 + r.nextInt(6);
		for (int i = 1; i <= societies; i++) {
			LocalDate linked = today.minusDays(r.nextInt(4 * 365));
			c.units.add(new UnitRecord("U." + county + ".Y" + four(i),
					countyName + "青年" + place(r, 2) + (r.nextBoolean() ? "协会" : "联谊会"), UnitType.YOUTH_SOCIETY, county,
					Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
					Optional.empty(), Optional.empty(), Optional.of(linked), Optional.of(r.nextInt(100) < 40)));
		}
	}

	private static String four(int n) {
		return String.format("%04d", n);
	}

	// ---------------------------------------------------------------- helpers

	/** The records of one chunk, with the date rules of each kind. */
	private final class Chunk {

		final List<OrgRecord> records = new ArrayList<>();

		final List<UnitRecord> units = new ArrayList<>();

		/**
		 * A unit covered by the org of the same code (or, with {@code league} null, by
		 * none).
		 */
		void unit(String orgCode, String name, UnitType type, String responsible, @Nullable String league,
				boolean aboveScale, boolean meets, boolean party, @Nullable Boolean standalone,
				@Nullable Boolean leagueSchool, @Nullable Integer students) {
			units.add(new UnitRecord("U." + orgCode, name, type, responsible, Optional.of(aboveScale),
					Optional.of(meets), Optional.of(party), Optional.ofNullable(league),
					Optional.ofNullable(standalone), Optional.ofNullable(leagueSchool), Optional.ofNullable(students),
					Optional.empty(), Optional.empty()));
		}

		void emitUnits() {
			if (!units.isEmpty()) {
				unitSink.accept(units);
			}
		}

		void add(Random r, String code, String name, @Nullable String parent, OrgKind kind, Sector sector, int fromYear,
				int toYear) {
			add(r, code, name, parent, kind, sector, fromYear, toYear, false);
		}

		void add(Random r, String code, String name, @Nullable String parent, OrgKind kind, Sector sector, int fromYear,
				int toYear, boolean dissolved) {
			LocalDate established = date(r, fromYear, toYear);
			Optional<LocalDate> dissolvedOn = Optional.empty();
			Optional<LocalDate> election = election(r, established, kind.defaultTermYears());
			if (dissolved) {
				LocalDate last = election.orElse(established);
				long span = Math.max(1, today.toEpochDay() - last.toEpochDay());
				dissolvedOn = Optional.of(last.plusDays(1 + Math.floorMod(r.nextLong(), span)));
				if (dissolvedOn.get().isAfter(today)) {
					dissolvedOn = Optional.of(today);
				}
			}
			records.add(new OrgRecord(code, name, Optional.ofNullable(parent), kind, sector, Optional.of(established),
					election, Optional.empty(), Optional.empty(), Optional.empty(), dissolvedOn, Optional.empty()));
		}

		/**
		 * A class branch: set up when the class entered, elected every school year,
		 * one-year terms.
		 */
		void student(Random r, String code, String name, String parent, Sector sector, int entered) {
			LocalDate established = min(LocalDate.of(entered, 9, 10).plusDays(r.nextInt(30)), today);
			int electedYear = r.nextInt(100) < 8 ? schoolYear() - 1 : schoolYear();
			LocalDate election = min(LocalDate.of(Math.max(entered, electedYear), 9, 15).plusDays(r.nextInt(40)),
					today);
			if (election.isBefore(established)) {
				election = established;
			}
			records.add(new OrgRecord(code, name, Optional.of(parent), OrgKind.BRANCH, sector, Optional.of(established),
					Optional.of(election), Optional.of(1), Optional.empty(), Optional.empty(), Optional.empty(),
					Optional.empty()));
		}

	}

	/**
	 * Terms as a county's records show them: most committees were elected within their
	 * term (so the last election lies within the last few years, and about one in eight
	 * of those is due within 90 days); about one in seven is overdue, by up to two years.
	 * An org founded within its first term and never elected yet has no election date:
	 * its term runs from the founding. Never a term that ran out decades ago.
	 */
	private Optional<LocalDate> election(Random r, LocalDate established, int termYears) {
		int roll = r.nextInt(100);
		long daysAgo = roll < 14 ? termYears * 365L + 15 + r.nextInt(700) : r.nextInt(termYears * 365 - 20);
		LocalDate election = today.minusDays(daysAgo);
		if (!election.isAfter(established)) {
			// Founded after the election would have been: still in its first term.
			return Optional.empty();
		}
		return Optional.of(election);
	}

	private LocalDate date(Random r, int fromYear, int toYear) {
		LocalDate from = LocalDate.of(fromYear, 1, 1);
		LocalDate to = min(LocalDate.of(toYear, 12, 31), today);
		if (!from.isBefore(to)) {
			return to;
		}
		return from.plusDays(Math.floorMod(r.nextLong(), to.toEpochDay() - from.toEpochDay() + 1));
	}

	/** The calendar year in which the current school year began (September). */
	private int schoolYear() {
		return today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static Sector agencySector(String unit) {
		return unit.endsWith("中心") || unit.endsWith("馆") || unit.endsWith("公司") || unit.endsWith("合作社")
				? Sector.PUBLIC_INSTITUTION : Sector.PARTY_GOVERNMENT;
	}

	/**
	 * A generator for one record, from the seed and the record's code without the prefix:
	 * same data under any prefix.
	 */
	private Random random(String code) {
		String unprefixed = prefix.isEmpty() ? code : code.replace(prefix, "");
		return new Random(seed * 0x9E3779B97F4A7C15L + unprefixed.hashCode());
	}

	private static String place(Random r, int syllables) {
		StringBuilder name = new StringBuilder();
		for (int i = 0; i < syllables; i++) {
			name.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
		}
		return name.toString();
	}

	private static String two(int n) {
		return n < 10 ? "0" + n : Integer.toString(n);
	}

	private static String three(int n) {
		return n < 10 ? "00" + n : n < 100 ? "0" + n : Integer.toString(n);
	}

}
