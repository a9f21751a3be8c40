@org.jspecify.annotations.NullMarked
package org.tuanwu.demo.internal;
