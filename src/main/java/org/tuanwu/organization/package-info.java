/**
 * The league org tree: orgs with kinds, sectors and terms, kept as a materialized path
 * for subtree queries; create, edit, move, dissolve (never delete), search, and bulk
 * import/export in the {@code organizations} exchange format.
 * <p>
 * Public face: {@link org.tuanwu.organization.OrganizationManagement} and its records,
 * {@link org.tuanwu.organization.OrgKind}, {@link org.tuanwu.organization.Sector}. Every
 * call takes the acting {@link org.tuanwu.identity.Actor} and is limited to their scope.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "scorecard" })
@org.jspecify.annotations.NullMarked
package org.tuanwu.organization;
