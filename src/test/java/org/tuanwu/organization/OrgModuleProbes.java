package org.tuanwu.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tuanwu.shared.Text;
import org.tuanwu.organization.OrgDetail.OrgRef;

/**
 * What another module would plug into the organization module, for tests: a dissolution
 * veto (membership's "an org with members cannot be dissolved", here for orgs whose name
 * says they have members) and a listener of the org events that records them and fails on
 * purpose for orgs whose code contains {@code FAIL}, so that the publication registry is
 * seen keeping the failed delivery.
 */
@TestConfiguration
public class OrgModuleProbes {

	/** The marker in an org's name that the test veto refuses to dissolve. */
	public static final String HAS_MEMBERS = "（有团员）";

	public static final String VETO = "该组织还有团员，不能撤销（测试用否决）";

	public static final String KIND_VETO = "该团支部还有团员，不能改为非团支部类组织（测试用否决）";

	@Bean
	OrgDissolutionVeto membersVeto() {
		return new OrgDissolutionVeto() {

			@Override
			public Optional<Text> vetoDissolution(OrgRef org, LocalDate dissolvedOn) {
				return org.name().contains(HAS_MEMBERS)
						? Optional.of(Text.of(VETO, "The org still has members (test veto)")) : Optional.empty();
			}

			@Override
			public Optional<Text> vetoLeavingBranchKinds(OrgRef org, OrgKind newKind) {
				return org.name().contains(HAS_MEMBERS)
						? Optional.of(Text.of(KIND_VETO, "The branch still has members (test veto)"))
						: Optional.empty();
			}

		};
	}

	@Bean
	Recorder orgEventRecorder() {
		return new Recorder();
	}

	/**
	 * Receives the org events after their transaction commits, as another module would.
	 */
	public static class Recorder {

		private final List<Object> events = new CopyOnWriteArrayList<>();

		/** Through a method: the bean may be a proxy, whose own fields are empty. */
		public List<Object> events() {
			return events;
		}

		@TransactionalEventListener
		void on(OrgCreated e) {
			record(e, e.code());
		}

		@TransactionalEventListener
		void on(OrgMoved e) {
			record(e, e.code());
		}

		@TransactionalEventListener
		void on(OrgDissolved e) {
			record(e, e.code());
		}

		@TransactionalEventListener
		void on(OrgRestored e) {
			record(e, e.code());
		}

		private void record(Object event, String code) {
			if (code.contains("FAIL")) {
				throw new IllegalStateException("listener failure on purpose for " + code);
			}
			events.add(event);
		}

	}

}
