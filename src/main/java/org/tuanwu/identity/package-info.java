/**
 * Identity: users, roles (三员, org admins, party reviewers), login security, data scope
 * and the audit log.
 * <p>
 * Its public face: {@link org.tuanwu.identity.Actor} (who is acting, with their
 * {@link org.tuanwu.identity.Scope}), {@link org.tuanwu.identity.CurrentActor} (the actor
 * of the current request or command), {@link org.tuanwu.identity.AuditLog} (append-only,
 * hash-chained) and {@link org.tuanwu.identity.OrgDirectory}, the interface the
 * organization module implements so that identity can resolve scopes without depending on
 * it.
 * <p>
 * Login state is kept in the database only (sessions with Spring Session JDBC, failure
 * counts, address throttle), so that several nodes behave as one. The 三员 accounts are
 * kept with the {@code users} command of the jar, never in the web app.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package org.tuanwu.identity;
