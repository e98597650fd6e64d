package io.gatecast.agent.commands;

import io.gatecast.agent.cache.MediaCache;
import io.gatecast.agent.playback.Playback;
import io.gatecast.protocol.AgentWords;
import io.gatecast.protocol.MediaRef;
import io.gatecast.protocol.ScheduleMessage;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * CLEAR_CACHE until the cache has a clearing of its own: deletes cached files the applied
 * schedule does not need, then makes sure every file it needs is there (fetching what is missing).
 */
public final class CacheSweep implements Callable<String> {
  private final MediaCache cache;
  private final Playback playback;

  public CacheSweep(MediaCache cache, Playback playback) {
    this.cache = cache;
    this.playback = playback;
  }

  @Override
  public String call() throws IOException {
    List<MediaRef> needed = playback.schedule().map(ScheduleMessage::media).orElse(List.of());
    Set<String> keep = needed.stream().map(MediaRef::sha256).collect(Collectors.toSet());
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(cache.dir())) {
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (Files.isRegularFile(file) && name.matches("[0-9a-f]{64}") && !keep.contains(name)) {
          Files.delete(file);
          removed++;
        }
      }
    }
    for (MediaRef media : needed) {
      cache.ensure(media);
    }
    return AgentWords.cacheSwept(removed, keep.size());
  }
}
