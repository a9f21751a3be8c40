package org.tuanwu.exchange.internal;

/**
 * A column of an exchange format: its English key, its Chinese header (what files carry),
 * and its rule in words.
 */
record Column(String key, String header, boolean required, String rule) {

	boolean matches(String name) {
		return header.equals(name) || key.equalsIgnoreCase(name);
	}

}
