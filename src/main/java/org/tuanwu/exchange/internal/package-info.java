/**
 * Readers, writers, formats, the REST controller and the commands of the exchange module.
 */
@org.jspecify.annotations.NullMarked
package org.tuanwu.exchange.internal;
