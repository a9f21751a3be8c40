package org.tuanwu.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The scope condition other modules put into their SQL, and its parameters. */
class ScopeTests {

	@Test
	void theConditionIsAHalfOpenRangeOnThePathColumn() {
		assertThat(Scope.sql("s.path")).isEqualTo("s.path >= :scope_lower AND s.path < :scope_upper");
		assertThat(Scope.sql("path")).isEqualTo("path >= :scope_lower AND path < :scope_upper");
	}

	@Test
	void aSubtreeRunsFromItsPathToThePathWithTheLastSlashRaised() {
		// '/1/5/' .. '/1/50': every path below org 5 starts with '/1/5/', and '0' follows
		// '/'.
		assertThat(Scope.of(5, "/1/5/").parameters()).isEqualTo(Map.of("scope_lower", "/1/5/", "scope_upper", "/1/50"));
		assertThat(Scope.ALL.parameters()).isEqualTo(Map.of("scope_lower", "/", "scope_upper", "0"));
	}

	@Test
	void noScopeIsAnEmptyRange() {
		assertThat(Scope.NONE.parameters()).isEqualTo(Map.of("scope_lower", "~", "scope_upper", "~"));
	}

	@Test
	void refusesAnythingButAColumnName() {
		assertThatIllegalArgumentException().isThrownBy(() -> Scope.sql("s.path OR 1=1"));
		assertThatIllegalArgumentException().isThrownBy(() -> Scope.sql("path; DROP TABLE org"));
		assertThatIllegalArgumentException().isThrownBy(() -> Scope.sql(""));
	}

}
