package org.tuanwu.demo.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tuanwu.identity.Actor;
import org.tuanwu.organization.OrgImport;
import org.tuanwu.organization.OrgRecord;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.organization.UnitRecord;
import org.tuanwu.organization.UnitRegister;
import org.tuanwu.shared.ImportOutcome;
import org.tuanwu.shared.Problem;
import org.tuanwu.shared.Text;

/**
 * Writes the demo data set through {@link OrganizationManagement#importOrganizations},
 * the path of every real import (checks, ids from the sequence, batched inserts, history
 * and audit rows): one chunk — a county tree, or the orgs of a city or province level —
 * per call, hence per transaction.
 */
@Component
class DemoLoader {

	/** The seed of the demo everyone sees unless they ask for another. */
	static final long DEFAULT_SEED = 20240504L;

	static final Actor ACTOR = Actor.commandLine("demo");

	private final OrganizationManagement orgs;

	private final UnitRegister units;

	private final Clock clock;

	DemoLoader(OrganizationManagement orgs, UnitRegister units, Clock clock) {
		this.orgs = orgs;
		this.units = units;
		this.clock = clock;
	}

	record Loaded(String rootCode, int orgs, int chunks, Duration elapsed, int units) {

		Loaded(String rootCode, int orgs, int chunks, Duration elapsed) {
			this(rootCode, orgs, chunks, elapsed, 0);
		}

		double rowsPerSecond() {
			return orgs * 1000.0 / Math.max(1, elapsed.toMillis());
		}

	}

	/** Whether the database holds any org, dissolved ones included. */
	boolean databaseHoldsOrgs() {
		return !orgs.roots(ACTOR, true).isEmpty();
	}

	Loaded load(DemoScale scale, long seed, Optional<PrintStream> progress) {
		return load(new DemoGenerator(seed, LocalDate.now(clock), ""), scale, progress);
	}

	Loaded load(DemoGenerator generator, DemoScale scale, Optional<PrintStream> progress) {
		long start = System.nanoTime();
		int[] totals = new int[3];
		generator.generate(scale, records -> {
			List<OrgImport.Row> rows = new ArrayList<>(records.size());
			for (OrgRecord r : records) {
				rows.add(new OrgImport.Row(rows.size() + 2, r));
			}
			ImportOutcome outcome = orgs.importOrganizations(ACTOR, rows, List.of());
			if (outcome.refused()) {
				// The generator's own bug: show the first reasons instead of a
				// half-loaded demo without explanation.
				throw Problem.badRequest("demo.refused",
						Text.of("演示数据未通过导入检查：{0}", "The demo data failed the import checks: {0}",
								outcome.errors().subList(0, Math.min(5, outcome.errors().size()))));
			}
			totals[0] += outcome.created();
			totals[1]++;
			if (progress.isPresent() && totals[1] % 10 == 0) {
				progress.get().printf("  已写入 %d 个组织、%d 个单位（%d 批）%n", totals[0], totals[2], totals[1]);
			}
		}, records -> {
			// One chunk of units (a county's) per call, hence per transaction, after the
			// orgs it names.
			List<UnitRegister.ImportRow> rows = new ArrayList<>(records.size());
			for (UnitRecord r : records) {
				rows.add(new UnitRegister.ImportRow(rows.size() + 2, r));
			}
			ImportOutcome outcome = units.importUnits(ACTOR, rows, List.of());
			if (outcome.refused()) {
				throw Problem.badRequest("demo.refused",
						Text.of("演示单位数据未通过导入检查：{0}", "The demo units failed the import checks: {0}",
								outcome.errors().subList(0, Math.min(5, outcome.errors().size()))));
			}
			totals[2] += outcome.created();
		});
		return new Loaded(generator.rootCode(scale), totals[0], totals[1], Duration.ofNanos(System.nanoTime() - start),
				totals[2]);
	}

}
