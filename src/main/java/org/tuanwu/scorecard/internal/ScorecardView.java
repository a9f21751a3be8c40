package org.tuanwu.scorecard.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.tuanwu.scorecard.internal.RulePack.Target;
import org.tuanwu.shared.Text;

/**
 * The scorecard as the API, the command line and the exports give it (docs/exchange.md
 * "Scorecard output").
 */
record ScorecardView(PackRef pack, String period, OrgRef org, List<IndicatorResult> indicators,
		List<ChildScorecard> children, long dataVersion, OffsetDateTime computedAt) {

	/**
	 * The same scorecard with the indicator names in English when asked (the cache keeps
	 * the Chinese one).
	 */
	ScorecardView localized(boolean english) {
		if (!english) {
			return this;
		}
		return new ScorecardView(pack, period, org, indicators.stream().map(i -> i.localized(true)).toList(),
				children.stream()
					.map(c -> new ChildScorecard(c.org(), c.indicators().stream().map(i -> i.localized(true)).toList()))
					.toList(),
				dataVersion, computedAt);
	}

	enum Status {

		MET("达标"), NOT_MET("未达标"), NO_DATA("无数据"), INFO("参考");

		private final String title;

		Status(String title) {
			this.title = title;
		}

		String title() {
			return title;
		}

	}

	record PackRef(String id, String title, int version) {
	}

	record OrgRef(long id, String code, String name) {
	}

	record ChildRef(long id, String code, String name, String kind) {
	}

	record ChildScorecard(ChildRef org, List<IndicatorResult> indicators) {
	}

	/**
	 * One figure: {@code value} is a fraction for rates, an integer for counts,
	 * {@code null} without data; the counts behind it are always given (the denominator
	 * is null for counts).
	 */
	record IndicatorResult(String code, String name, Area area, IndicatorUnit unit, @Nullable Number value,
			@Nullable Long numerator, @Nullable Long denominator, @Nullable Target target, Status status, String source,
			String sourceText, @Nullable Text reason) {

		IndicatorResult localized(boolean english) {
			return new IndicatorResult(code, IndicatorCatalogue.name(code, english), area, unit, value, numerator,
					denominator, target, status, source, sourceText, reason);
		}

	}

}
