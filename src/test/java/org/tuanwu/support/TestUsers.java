package org.tuanwu.support;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tuanwu.identity.Actor;
import org.tuanwu.identity.Role;
import org.tuanwu.identity.Scope;
import org.tuanwu.organization.OrgDetail;
import org.tuanwu.organization.OrgDraft;
import org.tuanwu.organization.OrgKind;
import org.tuanwu.organization.OrganizationManagement;
import org.tuanwu.organization.Sector;

/**
 * Fixtures: users with a known password (written straight to the tables, as the
 * first-start console would hand them out) and small org trees with unique codes, so that
 * tests sharing a database never collide.
 */
@TestComponent
public class TestUsers {

	public static final String PASSWORD = "Test-Passw0rd!";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final OrganizationManagement orgs;

	public TestUsers(JdbcClient jdbc, PasswordEncoder encoder, OrganizationManagement orgs) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.orgs = orgs;
	}

	/** A unique suffix for codes and usernames in this run. */
	public static String unique(String prefix) {
		return prefix + System.nanoTime() % 1_000_000_000L + "x" + SEQUENCE.incrementAndGet();
	}

	public String create(Role role, Optional<Long> scopeOrgId, boolean mustChangePassword) {
		String username = unique(role.name().toLowerCase().replace("_", "") + "_");
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						INSERT INTO app_user (username, display_name, password_hash, scope_org_id, enabled, must_change_password,
						                      created_at)
						VALUES (?, ?, ?, ?, TRUE, ?, ?)
						""")
			.params(username, "测试用户", encoder.encode(PASSWORD), scopeOrgId.orElse(null), mustChangePassword,
					OffsetDateTime.now())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, ?)").params(id, role.name()).update();
		jdbc.sql("INSERT INTO password_history (user_id, password_hash, changed_at) VALUES (?, ?, ?)")
			.params(id, encoder.encode(PASSWORD), OffsetDateTime.now())
			.update();
		return username;
	}

	/** A platform-wide actor for building fixtures. */
	public static Actor platform() {
		return new Actor(0, "fixture", Set.of(Role.SYSTEM_ADMIN), Scope.ALL, "test");
	}

	public OrgDetail root(String name) {
		return orgs.createRoot(platform(), draft(unique("R"), name, OrgKind.COUNTY_COMMITTEE));
	}

	public OrgDetail child(OrgDetail parent, String name, OrgKind kind) {
		return orgs.create(platform(), parent.id(), draft(unique("C"), name, kind));
	}

	/** Dissolves the org today (it must have no active child). */
	public OrgDetail dissolve(OrgDetail org) {
		return orgs.dissolve(platform(), org.id(), java.time.LocalDate.now(), "测试撤销");
	}

	public static OrgDraft draft(String code, String name, OrgKind kind) {
		return new OrgDraft(code, name, kind, Sector.OTHER, Optional.empty(), Optional.empty(), Optional.empty(),
				Optional.empty(), Optional.empty(), Optional.empty());
	}

	/** The actor an org admin of this org would be. */
	public Actor adminOf(OrgDetail org) {
		String path = jdbc.sql("SELECT path FROM org WHERE id = ?").param(org.id()).query(String.class).single();
		return new Actor(1, "admin-of-" + org.code(), Set.of(Role.ORG_ADMIN), Scope.of(org.id(), path), "test");
	}

}
