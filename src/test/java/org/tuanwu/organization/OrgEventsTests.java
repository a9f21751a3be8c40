package org.tuanwu.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tuanwu.DatabaseTest;
import org.tuanwu.identity.Actor;
import org.tuanwu.support.TestUsers;

/**
 * The org events other modules will listen to, published through Spring Modulith's event
 * publication registry: after the commit, with what a listener needs, and kept in the
 * registry when a listener fails.
 */
@DatabaseTest
@Import({ TestUsers.class, OrgModuleProbes.class })
class OrgEventsTests {

	@Autowired
	OrganizationManagement orgs;

	@Autowired
	TestUsers fixtures;

	@Autowired
	OrgModuleProbes.Recorder recorder;

	@Autowired
	JdbcClient jdbc;

	final Actor platform = TestUsers.platform();

	<T> List<T> received(Class<T> type, long orgId) {
		return recorder.events()
			.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter(e -> orgIdOf(e) == orgId)
			.toList();
	}

	@Test
	void createMoveDissolveAndRestoreArePublishedAfterTheirCommit() {
		OrgDetail county = fixtures.root("事件县团委");
		OrgDetail townA = fixtures.child(county, "事件甲镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail townB = fixtures.child(county, "事件乙镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		OrgDetail branch = fixtures.child(townA, "事件村团支部", OrgKind.BRANCH);
		assertThat(received(OrgCreated.class, branch.id()))
			.containsExactly(new OrgCreated(branch.id(), branch.code(), Optional.of(townA.id()), OrgKind.BRANCH));

		orgs.move(platform, branch.id(), townB.id());
		assertThat(received(OrgMoved.class, branch.id()))
			.containsExactly(new OrgMoved(branch.id(), branch.code(), Optional.of(townA.id()), townB.id()));

		LocalDate today = LocalDate.now();
		orgs.dissolve(platform, branch.id(), today, "村合并");
		assertThat(received(OrgDissolved.class, branch.id()))
			.containsExactly(new OrgDissolved(branch.id(), branch.code(), today, "村合并"));

		orgs.restore(platform, branch.id(), "合并取消");
		assertThat(received(OrgRestored.class, branch.id()))
			.containsExactly(new OrgRestored(branch.id(), branch.code(), today, "合并取消"));
		// Every listener succeeded: nothing is left incomplete for these orgs.
		assertThat(incomplete(branch.code())).isZero();
	}

	@Test
	void aRefusedChangePublishesNothing() {
		OrgDetail county = fixtures.root("事件县团委");
		OrgDetail town = fixtures.child(county, "事件镇团委", OrgKind.TOWNSHIP_COMMITTEE);
		fixtures.child(town, "事件村团支部", OrgKind.BRANCH);
		try {
			orgs.dissolve(platform, town.id(), LocalDate.now(), "有下级，应被拒绝");
		}
		catch (RuntimeException expected) {
			// refused by DissolutionPolicy
		}
		assertThat(received(OrgDissolved.class, town.id())).isEmpty();
	}

	@Test
	void anImportPublishesEachCreatedOrg() {
		OrgDetail county = fixtures.root("事件县团委");
		String a = TestUsers.unique("EV");
		String b = TestUsers.unique("EV");
		orgs.importOrganizations(platform,
				List.of(new OrgImport.Row(2,
						OrgTreeTests.record(a, "导入镇团委", county.code(), OrgKind.TOWNSHIP_COMMITTEE)),
						new OrgImport.Row(3, OrgTreeTests.record(b, "导入村团支部", a, OrgKind.BRANCH))),
				List.of());
		long idA = orgs.findByCode(platform, a).orElseThrow().id();
		long idB = orgs.findByCode(platform, b).orElseThrow().id();
		assertThat(received(OrgCreated.class, idA)).extracting(OrgCreated::parentId)
			.containsExactly(Optional.of(county.id()));
		assertThat(received(OrgCreated.class, idB)).extracting(OrgCreated::parentId).containsExactly(Optional.of(idA));
	}

	@Test
	void aFailedListenerLeavesItsPublicationInTheRegistry() {
		OrgDetail county = fixtures.root("事件县团委");
		String code = TestUsers.unique("FAIL");
		OrgDetail failing = orgs.create(platform, county.id(), TestUsers.draft(code, "监听失败团支部", OrgKind.BRANCH));
		// The change itself is committed; the delivery that failed waits in the registry.
		assertThat(orgs.get(platform, failing.id()).code()).isEqualTo(code);
		assertThat(received(OrgCreated.class, failing.id())).isEmpty();
		assertThat(incomplete(code)).isEqualTo(1);
		String type = jdbc
			.sql("SELECT event_type FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
			.param("%" + code + "%")
			.query(String.class)
			.single();
		assertThat(type).isEqualTo(OrgCreated.class.getName());
	}

	static long orgIdOf(Object event) {
		if (event instanceof OrgCreated c) {
			return c.orgId();
		}
		if (event instanceof OrgMoved m) {
			return m.orgId();
		}
		if (event instanceof OrgDissolved d) {
			return d.orgId();
		}
		return event instanceof OrgRestored r ? r.orgId() : -1;
	}

	long incomplete(String code) {
		return jdbc
			.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
			.param("%" + code + "%")
			.query(Long.class)
			.single();
	}

}
