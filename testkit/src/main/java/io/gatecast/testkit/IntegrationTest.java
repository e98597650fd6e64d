package io.gatecast.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that needs real infrastructure or takes seconds: it boots a controller with
 * its broker, starts Mosquitto, nats-server, Chromium or an agent process. Such tests run in
 * {@code mvn verify} (failsafe, tag {@value #TAG}), not in {@code mvn test} (surefire excludes the tag),
 * so the unit tier stays fast. The class keeps its name; only this line moves it between tiers.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag(IntegrationTest.TAG)
public @interface IntegrationTest {
  /** The JUnit tag the root pom's surefire excludes and failsafe includes. */
  String TAG = "integration";
}
