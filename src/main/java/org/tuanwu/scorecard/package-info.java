/**
 * The scorecard: rule packs (versioned YAML, one per policy document), the indicator
 * engine, evaluations and their explanations.
 * <p>
 * The scorecard depends on no domain module. It declares the SPI the domain modules
 * implement: {@link org.tuanwu.scorecard.IndicatorSource} (per-org counts for the
 * indicator codes a module owns, and the records behind a figure) and
 * {@link org.tuanwu.scorecard.OrgTreeSource} (the org tree for the roll-up).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity" })
@org.jspecify.annotations.NullMarked
package org.tuanwu.scorecard;
