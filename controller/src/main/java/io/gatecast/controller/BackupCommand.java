package io.gatecast.controller;

import io.gatecast.controller.backup.Backup;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code controller backup}: a consistent copy of the data folder, safe while the controller runs. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = "Writes <out>/gatecast-backup-<UTC time>/: database, signing keys, controller broker login, media."
        + " Restore by starting the controller with --data-dir pointing at that folder (or a copy of it).")
final class BackupCommand implements Callable<Integer> {
  @Option(names = "--data-dir", defaultValue = "./gatecast-data", description = "The controller's data folder (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--out", required = true, description = "Folder to write the backup folder into.")
  Path out;

  @Override
  public Integer call() throws Exception {
    try {
      Backup.Result result = Backup.write(dataDir, out, Clock.systemUTC());
      System.out.println("Backup written to " + result.folder() + " (" + result.mediaFiles() + " media files)."
          + " Restore: start the controller with --data-dir " + result.folder());
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
  }
}
