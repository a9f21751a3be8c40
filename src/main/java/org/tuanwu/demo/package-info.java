/**
 * The demo data set: a reproducible, fictional league org tree (a county, a city or a
 * province) generated from a seed and written through the organization module's bulk
 * import, the same code path as a real import. Loaded by the {@code demo} command and, on
 * the first start of the server with an empty database, at county scale. Also the
 * {@code bench} command that measures the org tree's reads and the ORG_* indicators on a
 * loaded data set.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "identity", "organization", "scorecard" })
@org.jspecify.annotations.NullMarked
package org.tuanwu.demo;
