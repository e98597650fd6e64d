package io.gatecast.moquette;

import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptExceptionMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says loudly when Moquette 0.17 loses one of its session loops. Each loop runs the commands
 * (CONNECT, SUBSCRIBE, PUBLISH, PUBACK) of every client whose id hashes to it; in 0.17 a command
 * that throws ends the loop's thread for good (SessionEventLoop rethrows, nothing restarts it; fixed
 * upstream in moquette-io/moquette#957, not released on Maven Central), and from then on those
 * clients stay connected but nothing of theirs is processed: no schedule reaches them, their acks and
 * heartbeats go nowhere. Moquette only reports it through this hook, so it is logged here as an error
 * naming the remedy. Registered for that one message type only, so it costs nothing per publish.
 */
final class SessionLoopWatch extends AbstractInterceptHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SessionLoopWatch.class);

  @Override
  public String getID() {
    return "gatecast-session-loop-watch";
  }

  @Override
  public Class<?>[] getInterceptedMessageTypes() {
    return new Class<?>[] {InterceptExceptionMessage.class};
  }

  @Override
  public void onSessionLoopError(Throwable error) {
    LOG.error("the embedded MQTT broker lost a session loop: the screens whose client id maps to it stay connected but"
        + " receive nothing and are heard no more until the controller is restarted", error);
  }
}
