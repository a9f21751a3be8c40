/**
 * The few value types every module needs: problems (refusals with a Chinese message) and
 * paging. Keep it tiny.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package org.tuanwu.shared;
