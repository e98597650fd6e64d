package io.gatecast.controller.broker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientGoneNoiseTest {
  private final LoggerContext context = new LoggerContext();
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

  ClientGoneNoiseTest() {
    context.addTurboFilter(new ClientGoneNoise());
    logged.setContext(context);
    logged.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(logged);
  }

  @Test
  void aClientThatLeftBeforeItsConnackIsNotLoggedAsAnError() {
    // As Moquette 0.17's MQTTConnection and Netty's pipeline end say it.
    context.getLogger("io.moquette.broker.MQTTConnection")
        .error("CONNACK send failed, cleanup session and close the connection", new ClosedChannelException());
    context.getLogger("io.netty.channel.DefaultChannelPipeline")
        .warn("An exceptionCaught() event was fired, and it reached at the tail of the pipeline.", new ClosedChannelException());
    context.getLogger("io.moquette.broker.PostOffice").error("cannot send to {}", "kim-thanh-hall-3", new ClosedChannelException());

    assertThat(logged.list).isEmpty();
  }

  @Test
  void everythingElseTheBrokerOrOurCodeSaysStillShows() {
    context.getLogger("io.moquette.broker.MQTTConnection").error("CONNACK send failed", new IOException("disk full"));
    context.getLogger("io.moquette.broker.Server").warn("no exception at all");
    context.getLogger("io.netty.channel.nio.NioEventLoop").warn("selector", new ClosedChannelException());
    context.getLogger("io.gatecast.controller.broker.MqttLink").error("link down", new ClosedChannelException());

    assertThat(logged.list).extracting(ILoggingEvent::getLoggerName).containsExactly("io.moquette.broker.MQTTConnection",
        "io.moquette.broker.Server", "io.netty.channel.nio.NioEventLoop", "io.gatecast.controller.broker.MqttLink");
  }

  /** The filter only works where a configuration names it: the controller's own two do. */
  @ParameterizedTest
  @ValueSource(strings = {"/logback.xml", "/logback-json.xml"})
  void theControllersLogConfigurationsUseIt(String configuration) throws Exception {
    LoggerContext configured = new LoggerContext();
    JoranConfigurator joran = new JoranConfigurator();
    joran.setContext(configured);
    joran.doConfigure(ClientGoneNoise.class.getResource(configuration));

    assertThat(configured.getTurboFilterList()).hasAtLeastOneElementOfType(ClientGoneNoise.class);
  }
}
