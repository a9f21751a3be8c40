/**
 * The league org tree: orgs with kinds, sectors and terms, kept as a materialized path
 * for subtree queries; create, edit, move, dissolve and restore (never delete), search,
 * and bulk import/export in the {@code organizations} exchange format; and the units
 * register.
 * <p>
 * Public face: {@link org.tuanwu.organization.OrganizationManagement},
 * {@link org.tuanwu.organization.UnitRegister} and their records,
 * {@link org.tuanwu.organization.OrgKind} (with the kind hierarchy),
 * {@link org.tuanwu.organization.Sector}; the events
 * {@link org.tuanwu.organization.OrgCreated}, {@link org.tuanwu.organization.OrgMoved},
 * {@link org.tuanwu.organization.OrgDissolved} and
 * {@link org.tuanwu.organization.OrgRestored}, published through the event publication
 * registry; and {@link org.tuanwu.organization.OrgDissolutionVeto}, which a module whose
 * records hang on an org implements. Every call takes the acting
 * {@link org.tuanwu.identity.Actor} and is limited to their scope; forms, imports and the
 * demo are judged by the same named org rules.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "scorecard" })
@org.jspecify.annotations.NullMarked
package org.tuanwu.organization;
