package io.gatecast.agent;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands work to one of the agent's own threads from a thread that must neither wait nor fail
 * (Paho's callback thread, the media cache's reader). Once the agent is closing, its threads
 * refuse new work; what arrives then is dropped with a debug line, for nothing is left to apply it
 * to, and an exception thrown into Paho's thread would only disturb the session being closed.
 */
final class Handoff {
  private static final Logger LOG = LoggerFactory.getLogger(Handoff.class);

  private Handoff() {}

  /**
   * @param dropped what is lost if the thread refuses, for the log (e.g. "a schedule arrived too late to apply")
   * @return whether the thread took the work
   */
  static boolean run(Executor thread, Runnable work, String dropped) {
    try {
      thread.execute(work);
      return true;
    } catch (RejectedExecutionException e) {
      LOG.debug("closing; {}", dropped);
      return false;
    }
  }
}
