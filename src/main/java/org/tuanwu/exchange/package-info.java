/**
 * Exchange: the file formats of docs/exchange.md (templates, import, export, an annotated
 * copy of a refused file) over REST and the jar's command line ({@code import},
 * {@code export}, {@code template}). It owns no data: every record goes through the
 * facade of the module that keeps it, with the acting user's scope.
 * <p>
 * Public face: none besides this description; the REST calls are documented in
 * {@code docs/api.md}, the formats and commands in {@code docs/exchange.md}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "identity", "organization" })
@org.jspecify.annotations.NullMarked
package org.tuanwu.exchange;
