/**
 * The scorecard: rule packs (versioned YAML, one per policy document), the indicator
 * engine, evaluations and their explanations, and the to-do list (待办提醒).
 * <p>
 * The scorecard depends on no domain module. It declares what the domain modules
 * implement:
 * <ul>
 * <li>{@link org.tuanwu.scorecard.IndicatorSource} — the counts for the indicator codes a
 * module owns, rolled up to the children of the evaluated org, and the records behind a
 * figure. A module does not write it by hand: it declares its
 * {@link org.tuanwu.scorecard.IndicatorFamily indicator families} as data (a fact table,
 * the org each record counts for, and per code the predicates of its denominator and
 * numerator as {@link org.tuanwu.scorecard.IndicatorFamily.Condition conditions} with
 * their notes) and delegates to {@link org.tuanwu.scorecard.IndicatorFamilies}, which
 * runs one scan per family and writes the evidence notes from the same conditions.</li>
 * <li>{@link org.tuanwu.scorecard.AlertSource} — alerts of a subtree, counted and paged
 * per kind; the to-do list shows every source's.</li>
 * <li>{@link org.tuanwu.scorecard.OrgTreeSource} — the org tree (implemented by the
 * organization module).</li>
 * </ul>
 * docs/scorecard.md describes the contract and shows a family.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity" })
@org.jspecify.annotations.NullMarked
package org.tuanwu.scorecard;
