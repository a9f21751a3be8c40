package org.tuanwu;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * An integration test on a real database. It runs twice in the build: on H2, and
 * (Surefire execution {@code postgres}) on the PostgreSQL server named by
 * {@code tuanwu.test.datasource.url}. All such tests share one application context per
 * database, so each test creates its own orgs with unique codes instead of cleaning up.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
@Tag("db")
public @interface DatabaseTest {

}
