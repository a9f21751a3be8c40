/** The rule packs, the engine, its web API, exports and command. */
@org.jspecify.annotations.NullMarked
package org.tuanwu.scorecard.internal;
