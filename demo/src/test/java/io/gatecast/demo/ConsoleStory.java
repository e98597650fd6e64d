package io.gatecast.demo;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every console story shares: its own empty controller and Chromium ({@link ConsoleFixture}) in
 * a fresh directory, closed after the story (after the story class's own clean-up).
 */
abstract class ConsoleStory {
  @TempDir Path tmp;
  ConsoleFixture console;

  @AfterEach
  void closeConsole() {
    if (console != null) {
      console.close();
    }
  }
}
