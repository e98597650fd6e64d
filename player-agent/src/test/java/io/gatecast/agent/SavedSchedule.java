package io.gatecast.agent;

import io.gatecast.protocol.Codec;
import io.gatecast.protocol.ScheduleMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a schedule the agent saved: the controller's signed envelope, as it came over the wire. */
final class SavedSchedule {
  private SavedSchedule() {}

  /** The schedule inside the envelope saved at {@code file} (its signature not checked here). */
  static ScheduleMessage read(Path file) throws IOException {
    return Codec.mapper().treeToValue(Codec.mapper().readTree(Files.readAllBytes(file)).get("payload"),
        ScheduleMessage.class);
  }
}
