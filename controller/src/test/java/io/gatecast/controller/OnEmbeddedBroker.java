package io.gatecast.controller;

import io.gatecast.controller.broker.EmbeddedBroker;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test class's {@link RunningController} on this embedded broker. Used on a subclass of a
 * broker test, so the same tests face both embedded brokers (issue 21):
 * {@code @OnEmbeddedBroker(HIVEMQ) class RevocationOnHiveMqTest extends RevocationTest {}}.
 * Without it, the broker is {@code -Dgatecast.embeddedBroker=moquette|hivemq} (default Moquette), so
 * the whole integration tier can be run on either.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OnEmbeddedBroker {
  EmbeddedBroker.Kind value();

  /** The system property naming the broker of classes without the annotation. */
  String PROPERTY = "gatecast.embeddedBroker";
}
