package org.tuanwu.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.shared.Text;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.shared.ImportOutcome;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.RowError;
import org.tuanwu.support.TestUsers;

/**
 * Every refusal of the org rules through the API, and the same change through an import:
 * refused too, on the same field, with the same words. Before, an import could dissolve
 * the admin's own top org or an org with active children and silently undo a dissolution
 * with an empty 撤销日期.
 */
@DatabaseTest
@Import({ TestUsers.class, OrgModuleProbes.class })
class OrgRulesParityTests {

	@Autowired
	OrganizationManagement orgs;

	@Autowired
	TestUsers fixtures;

	@Autowired
	JdbcClient jdbc;

	final Actor platform = TestUsers.platform();

	final LocalDate today = LocalDate.now();

	OrgDetail county, town, village, school, grade, klass, other;

	Actor townAdmin;

	@BeforeEach
	void tree() {
		county = fixtures.root("规则县团委");
		town = fixtures.child(county, "规则镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		village = fixtures.child(town, "规则村团支部", OrgKind.BRANCH);
		school = fixtures.child(county, "规则中学团委", OrgKind.BASIC_COMMITTEE);
		grade = fixtures.child(school, "规则初一团总支", OrgKind.GENERAL_BRANCH);
		klass = fixtures.child(grade, "规则初一(1)班团支部", OrgKind.BRANCH);
		other = fixtures.root("他县团委");
		townAdmin = fixtures.adminOf(town);
	}

	String api(Runnable call) {
		Problem p = catchThrowableOfType(Problem.class, call::run);
		assertThat(p).as("the API refuses").isNotNull();
		return p.detail();
	}

	/**
	 * The import of the rows is refused as a whole; answers the error of the first row.
	 */
	RowError imported(Actor actor, OrgRecord... records) {
		List<OrgImport.Row> rows = new ArrayList<>();
		for (OrgRecord r : records) {
			rows.add(new OrgImport.Row(rows.size() + 2, r));
		}
		ImportOutcome outcome = orgs.importOrganizations(actor, rows, List.of());
		assertThat(outcome.refused()).as("the import refuses").isTrue();
		assertThat(outcome.created() + outcome.updated()).isZero();
		return outcome.errors().get(0);
	}

	static OrgRecord record(String code, String name, Optional<String> parent, OrgKind kind,
			Optional<LocalDate> dissolvedOn) {
		return new OrgRecord(code, name, parent, kind, Sector.OTHER, Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.empty(), dissolvedOn, Optional.empty());
	}

	/** The org as it is, as an import row (what an export of it holds). */
	OrgRecord asIs(OrgDetail o) {
		OrgDetail d = orgs.get(platform, o.id());
		return new OrgRecord(d.code(), d.name(), d.parent().map(OrgDetail.OrgRef::code), d.kind(), d.sector(),
				d.establishedOn(), d.lastElectionOn(), Optional.of(d.termYears()), d.residentYouth(),
				d.registeredPop635(), d.dissolvedOn(), d.youthWorkCommittee());
	}

	OrgRecord with(OrgRecord r, Optional<String> parent, OrgKind kind, Optional<LocalDate> dissolvedOn) {
		return new OrgRecord(r.code(), r.name(), parent, kind, r.sector(), r.establishedOn(), r.lastElectionOn(),
				r.termYears(), r.residentYouth(), r.registeredPop635(), dissolvedOn, r.youthWorkCommittee());
	}

	void same(String apiReason, RowError row, String field) {
		assertThat(row.reason()).isEqualTo(apiReason);
		assertThat(row.field()).isEqualTo(field);
	}

	// ------------------------------------------------------------ kind

	@Test
	void aBranchHasNoChildOrgInTheFormAndInAFile() {
		String code = TestUsers.unique("K");
		String reason = api(() -> orgs.create(platform, village.id(), TestUsers.draft(code, "团小组", OrgKind.BRANCH)));
		assertThat(reason).isEqualTo("团支部之下不能再设下级组织（团员只属于团支部，团小组不是组织）");
		same(reason,
				imported(platform, record(code, "团小组", Optional.of(village.code()), OrgKind.BRANCH, Optional.empty())),
				"kind");
	}

	@Test
	void aProvinceCommitteeIsNeverOfferedUnderAVillageNorAcceptedThere() {
		String code = TestUsers.unique("K");
		String reason = api(
				() -> orgs.create(platform, town.id(), TestUsers.draft(code, "假团省委", OrgKind.PROVINCE_COMMITTEE)));
		assertThat(reason).startsWith("乡镇团委之下只能设基层团委、团总支、团支部").endsWith("不能设团省委");
		same(reason,
				imported(platform,
						record(code, "假团省委", Optional.of(town.code()), OrgKind.PROVINCE_COMMITTEE, Optional.empty())),
				"kind");
	}

	@Test
	void onlyALocalCommitteeAboveTheTownshipIsATopOfTheTree() {
		String code = TestUsers.unique("K");
		String reason = api(() -> orgs.createRoot(platform, TestUsers.draft(code, "孤立团支部", OrgKind.BRANCH)));
		assertThat(reason).isEqualTo("顶级组织只能是团省委、团市委、团县委、团区委，不能是团支部");
		same(reason, imported(platform, record(code, "孤立团支部", Optional.empty(), OrgKind.BRANCH, Optional.empty())),
				"kind");
	}

	@Test
	void aKindChangeMustFitTheChildren() {
		String reason = api(() -> orgs.update(platform, school.id(),
				TestUsers.draft(school.code(), school.name(), OrgKind.GENERAL_BRANCH), school.version()));
		assertThat(reason).isEqualTo("该组织已有下级组织（团总支），不能改为团总支");
		same(reason,
				imported(platform,
						with(asIs(school), Optional.of(county.code()), OrgKind.GENERAL_BRANCH, Optional.empty())),
				"kind");
	}

	@Test
	void aBranchWithMembersCannotStopBeingABranch() {
		OrgDetail branch = fixtures.child(town, "规则东村团支部" + OrgModuleProbes.HAS_MEMBERS, OrgKind.BRANCH);
		String reason = api(() -> orgs.update(platform, branch.id(),
				TestUsers.draft(branch.code(), branch.name(), OrgKind.GENERAL_BRANCH), branch.version()));
		assertThat(reason).isEqualTo(OrgModuleProbes.KIND_VETO);
		same(reason,
				imported(platform,
						with(asIs(branch), Optional.of(town.code()), OrgKind.GENERAL_BRANCH, Optional.empty())),
				"kind");
	}

	// ------------------------------------------------------------ parent

	@Test
	void nothingActiveIsSetUpUnderADissolvedParent() {
		OrgDetail gone = fixtures.child(town, "规则西村团支部", OrgKind.BRANCH);
		OrgDetail committee = fixtures.child(town, "规则企业团委", OrgKind.BASIC_COMMITTEE);
		orgs.dissolve(platform, committee.id(), today, "企业注销");
		String code = TestUsers.unique("P");
		String reason = api(
				() -> orgs.create(platform, committee.id(), TestUsers.draft(code, "新车间团支部", OrgKind.BRANCH)));
		assertThat(reason).isEqualTo("上级组织 " + committee.code() + " 规则企业团委 已撤销，不能在其下设立或保留未撤销的组织");
		same(reason,
				imported(platform,
						record(code, "新车间团支部", Optional.of(committee.code()), OrgKind.BRANCH, Optional.empty())),
				"parent_code");
		// a move under it, the same
		String moved = api(() -> orgs.move(platform, gone.id(), committee.id()));
		assertThat(moved).isEqualTo(reason);
		same(moved,
				imported(platform, with(asIs(gone), Optional.of(committee.code()), OrgKind.BRANCH, Optional.empty())),
				"parent_code");
	}

	@Test
	void anOrgIsNeverBelowItself() {
		String self = api(() -> orgs.move(platform, school.id(), school.id()));
		assertThat(self).isEqualTo("上级组织不能是组织自己");
		same(self,
				imported(platform,
						with(asIs(school), Optional.of(school.code()), OrgKind.BASIC_COMMITTEE, Optional.empty())),
				"parent_code");
		OrgDetail sub = fixtures.child(school, "规则学生会团委", OrgKind.BASIC_COMMITTEE);
		String cycle = api(() -> orgs.move(platform, school.id(), sub.id()));
		assertThat(cycle).isEqualTo(
				"上下级关系构成循环：" + school.code() + " → " + sub.code() + " → " + school.code() + "（不能把组织调整到它自己的下级组织之下）");
		same(cycle,
				imported(platform,
						with(asIs(school), Optional.of(sub.code()), OrgKind.BASIC_COMMITTEE, Optional.empty())),
				"parent_code");
	}

	// ------------------------------------------------------------ scope

	@Test
	void onlyAPlatformAdminFoundsATopOfTheTree() {
		String code = TestUsers.unique("S");
		String reason = api(() -> orgs.createRoot(townAdmin, TestUsers.draft(code, "越权县团委", OrgKind.COUNTY_COMMITTEE)));
		assertThat(reason).isEqualTo("只有全平台管理员可以新建顶级组织（上级组织编码不能为空）");
		same(reason,
				imported(townAdmin,
						record(code, "越权县团委", Optional.empty(), OrgKind.COUNTY_COMMITTEE, Optional.empty())),
				"parent_code");
	}

	@Test
	void aParentOutsideTheScopeIsNotFoundAndNotTold() {
		String code = TestUsers.unique("S");
		String reason = api(() -> orgs.create(townAdmin, other.id(), TestUsers.draft(code, "越权支部", OrgKind.BRANCH)));
		assertThat(reason).isEqualTo("上级组织不存在或不在您的管理范围内");
		same(reason,
				imported(townAdmin, record(code, "越权支部", Optional.of(other.code()), OrgKind.BRANCH, Optional.empty())),
				"parent_code");
		// a code that does not exist at all gets the very same answer
		same(reason,
				imported(townAdmin,
						record(code, "越权支部", Optional.of(TestUsers.unique("NOPE")), OrgKind.BRANCH, Optional.empty())),
				"parent_code");
	}

	@Test
	void aCodeTakenOutsideTheScopeIsUnavailableWithoutSayingWhere() {
		String reason = api(
				() -> orgs.create(townAdmin, town.id(), TestUsers.draft(other.code(), "撞码支部", OrgKind.BRANCH)));
		assertThat(reason).isEqualTo("组织编码 " + other.code() + " 不可用，请换一个编码").doesNotContain(other.name());
		same(reason,
				imported(townAdmin,
						record(other.code(), "撞码支部", Optional.of(town.code()), OrgKind.BRANCH, Optional.empty())),
				"code");
	}

	@Test
	void theTopOfTheScopeIsNeitherMovedNorDissolvedNorRestoredByItsAdmin() {
		Actor villageAdmin = fixtures.adminOf(village);
		OrgDetail target = fixtures.child(town, "规则南村团支部", OrgKind.BRANCH);
		String move = api(() -> orgs.move(villageAdmin, village.id(), target.id()));
		assertThat(move).isEqualTo("不能调整您管理范围内最高一级组织的隶属关系（调整后它将离开您的管理范围）");
		Actor schoolAdmin = fixtures.adminOf(school);
		OrgDetail sub = fixtures.child(school, "规则教工团总支", OrgKind.GENERAL_BRANCH);
		same(api(() -> orgs.move(schoolAdmin, school.id(), sub.id())),
				imported(schoolAdmin,
						with(asIs(school), Optional.of(sub.code()), OrgKind.BASIC_COMMITTEE, Optional.empty())),
				"parent_code");
		String dissolve = api(() -> orgs.dissolve(villageAdmin, village.id(), today, "自己撤销自己"));
		assertThat(dissolve).isEqualTo("不能撤销您管理范围内最高一级组织（请由上级组织的管理员办理）");
		same(dissolve,
				imported(villageAdmin,
						with(asIs(village), Optional.of(town.code()), OrgKind.BRANCH, Optional.of(today))),
				"dissolved_on");
		orgs.dissolve(platform, village.id(), today, "村合并");
		assertThat(api(() -> orgs.restore(villageAdmin, village.id(), "自己恢复自己")))
			.isEqualTo("不能恢复您管理范围内最高一级组织（请由上级组织的管理员办理）");
	}

	// ------------------------------------------------------------ dissolve

	@Test
	void anOrgWithActiveChildrenIsNotDissolvedUnlessTheFileDissolvesThemToo() {
		String reason = api(() -> orgs.dissolve(townAdmin, town.id(), today, "撤乡并镇"));
		// the town admin's own top: the scope rule answers first
		assertThat(reason).startsWith("不能撤销您管理范围内最高一级组织");
		Actor countyAdmin = fixtures.adminOf(county);
		String children = api(() -> orgs.dissolve(countyAdmin, town.id(), today, "撤乡并镇"));
		assertThat(children).isEqualTo("该组织还有 1 个未撤销的下级组织，请先调整它们的隶属关系或撤销它们");
		same(children,
				imported(countyAdmin,
						with(asIs(town), Optional.of(county.code()), OrgKind.TOWNSHIP_COMMITTEE, Optional.of(today))),
				"dissolved_on");
		assertThat(orgs.get(platform, town.id()).dissolvedOn()).isEmpty();
		// A file that dissolves the town and its only branch together leaves no active
		// org under a dissolved one: accepted.
		ImportOutcome both = orgs
			.importOrganizations(
					countyAdmin, List.of(
							new OrgImport.Row(2,
									with(asIs(town), Optional.of(county.code()), OrgKind.TOWNSHIP_COMMITTEE,
											Optional.of(today))),
							new OrgImport.Row(3,
									with(asIs(village), Optional.of(town.code()), OrgKind.BRANCH, Optional.of(today)))),
					List.of());
		assertThat(both.errors()).isEmpty();
		assertThat(both.updated()).isEqualTo(2);
		assertThat(orgs.get(platform, town.id()).dissolvedOn()).contains(today);
		assertThat(orgs.get(platform, village.id()).dissolvedOn()).contains(today);
	}

	@Test
	void aBranchMovedOutInTheSameFileNoLongerHoldsItsParent() {
		Actor countyAdmin = fixtures.adminOf(county);
		OrgDetail town2 = fixtures.child(county, "规则新镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		ImportOutcome outcome = orgs
			.importOrganizations(
					countyAdmin, List.of(
							new OrgImport.Row(2,
									with(asIs(town), Optional.of(county.code()), OrgKind.TOWNSHIP_COMMITTEE,
											Optional.of(today))),
							new OrgImport.Row(3,
									with(asIs(village), Optional.of(town2.code()), OrgKind.BRANCH, Optional.empty()))),
					List.of());
		assertThat(outcome.errors()).isEmpty();
		assertThat(orgs.get(platform, village.id()).parent().map(OrgDetail.OrgRef::id)).contains(town2.id());
	}

	@Test
	void theDateOfADissolutionLiesBetweenTheFoundingAndToday() {
		OrgDetail founded = orgs.create(platform, town.id(),
				new OrgDraft(TestUsers.unique("D"), "规则北村团支部", OrgKind.BRANCH, Sector.VILLAGE,
						Optional.of(LocalDate.of(2015, 3, 1)), Optional.empty(), Optional.empty(), Optional.empty(),
						Optional.empty(), Optional.empty()));
		LocalDate future = today.plusDays(3);
		String late = api(() -> orgs.dissolve(platform, founded.id(), future, "将来撤销"));
		assertThat(late).isEqualTo("撤销日期不能晚于今天");
		same(late,
				imported(platform, with(asIs(founded), Optional.of(town.code()), OrgKind.BRANCH, Optional.of(future))),
				"dissolved_on");
		LocalDate early = LocalDate.of(2014, 1, 1);
		String before = api(() -> orgs.dissolve(platform, founded.id(), early, "成立前撤销"));
		assertThat(before).isEqualTo("撤销日期不能早于成立日期 2015-03-01");
		same(before,
				imported(platform, with(asIs(founded), Optional.of(town.code()), OrgKind.BRANCH, Optional.of(early))),
				"dissolved_on");
		String noReason = api(() -> orgs.dissolve(platform, founded.id(), today, " "));
		assertThat(noReason).isEqualTo("请填写撤销原因");
	}

	@Test
	void aDissolutionIsNotRewrittenByAFile() {
		orgs.dissolve(platform, village.id(), today.minusDays(10), "村合并");
		String again = api(() -> orgs.dissolve(platform, village.id(), today, "再撤一次"));
		assertThat(again).isEqualTo("该组织已于 " + today.minusDays(10) + " 撤销，撤销日期不能再修改");
		same(again,
				imported(platform, with(asIs(village), Optional.of(town.code()), OrgKind.BRANCH, Optional.of(today))),
				"dissolved_on");
	}

	@Test
	void aModuleVetoRefusesTheDissolutionInTheFormAndInAFile() {
		OrgDetail withMembers = fixtures.child(town, "规则团支部" + OrgModuleProbes.HAS_MEMBERS, OrgKind.BRANCH);
		String reason = api(() -> orgs.dissolve(platform, withMembers.id(), today, "撤销"));
		assertThat(reason).isEqualTo(OrgModuleProbes.VETO);
		same(reason,
				imported(platform,
						with(asIs(withMembers), Optional.of(town.code()), OrgKind.BRANCH, Optional.of(today))),
				"dissolved_on");
		assertThat(orgs.get(platform, withMembers.id()).dissolveRefusal().map(Text::zh)).contains(OrgModuleProbes.VETO);
	}

	// ------------------------------------------------------------ restore

	@Test
	void anEmptyDissolutionDateInAFileNeverRestoresAnOrg() {
		LocalDate on = today.minusDays(5);
		orgs.dissolve(platform, klass.id(), on, "班级毕业");
		RowError blank = imported(platform,
				with(asIs(klass), Optional.of(grade.code()), OrgKind.BRANCH, Optional.empty()));
		assertThat(blank.field()).isEqualTo("dissolved_on");
		assertThat(blank.reason()).startsWith("该组织已于 " + on + " 撤销，导入时撤销日期不能留空").contains("恢复");
		assertThat(orgs.get(platform, klass.id()).dissolvedOn()).contains(on);
	}

	@Test
	void restoringIsAnExplicitAuditedOperationUnderAnActiveParent() {
		orgs.dissolve(platform, klass.id(), today, "班级毕业");
		orgs.dissolve(platform, grade.id(), today, "年级毕业");
		assertThat(api(() -> orgs.restore(platform, klass.id(), "误撤销")))
			.isEqualTo("上级组织 " + grade.code() + " 规则初一团总支 已撤销，请先恢复上级组织");
		assertThat(api(() -> orgs.restore(platform, grade.id(), "  "))).isEqualTo("请填写恢复原因");
		assertThat(api(() -> orgs.restore(platform, school.id(), "误操作"))).isEqualTo("该组织未撤销，无需恢复");
		assertThat(orgs.get(platform, klass.id()).restoreRefusal().map(Text::zh))
			.contains("上级组织 " + grade.code() + " 规则初一团总支 已撤销，请先恢复上级组织");

		OrgDetail restored = orgs.restore(platform, grade.id(), "误撤销，恢复");
		assertThat(restored.dissolvedOn()).isEmpty();
		assertThat(restored.restoreRefusal().map(Text::zh)).contains("该组织未撤销，无需恢复");
		assertThat(orgs.restore(platform, klass.id(), "误撤销，恢复").dissolvedOn()).isEmpty();
		String audit = jdbc.sql("SELECT summary FROM audit_event WHERE action = 'ORG_RESTORED' AND target_id = ?")
			.param(grade.code())
			.query(String.class)
			.single();
		assertThat(audit).contains("误撤销，恢复");
		long history = jdbc.sql("SELECT count(*) FROM org_history WHERE org_id = ? AND event = 'RESTORED'")
			.param(grade.id())
			.query(Long.class)
			.single();
		assertThat(history).isEqualTo(1);
	}

	@Test
	void theDetailExplainsARefusedDissolutionBeforeAskingForAReason() {
		OrgDetail detail = orgs.get(fixtures.adminOf(county), town.id());
		assertThat(detail.activeChildCount()).isEqualTo(1);
		assertThat(detail.dissolveRefusal().map(Text::zh)).contains("该组织还有 1 个未撤销的下级组织，请先调整它们的隶属关系或撤销它们");
		assertThat(orgs.get(fixtures.adminOf(county), village.id()).dissolveRefusal()).isEmpty();
		assertThat(orgs.get(townAdmin, town.id()).dissolveRefusal().map(Text::zh))
			.contains("不能撤销您管理范围内最高一级组织（请由上级组织的管理员办理）");
		assertThat(orgs.get(platform, village.id()).allowedChildKinds()).isEmpty();
		assertThat(orgs.get(platform, grade.id()).allowedChildKinds()).containsExactly(OrgKind.BRANCH,
				OrgKind.JOINT_BRANCH, OrgKind.TEMPORARY_BRANCH, OrgKind.FLOATING_BRANCH);
		assertThat(orgs.get(platform, town.id()).allowedChildKinds()).doesNotContain(OrgKind.PROVINCE_COMMITTEE,
				OrgKind.WORK_COMMITTEE, OrgKind.TOWNSHIP_COMMITTEE);
	}

}
