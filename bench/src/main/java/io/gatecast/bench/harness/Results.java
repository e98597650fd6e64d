package io.gatecast.bench.harness;

import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatecast.protocol.Codec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A benchmark's figures: printed as they come, and written as JSON to {@code bench/results/<name>.json}. */
public final class Results {
  private final String name;
  private final Map<String, Object> figures = new LinkedHashMap<>();

  public Results(String name, String command) {
    this.name = name;
    figures.put("benchmark", name);
    figures.put("command", command);
    figures.put("startedAt", Instant.now().toString());
    figures.put("machine", Machine.describe());
  }

  /** Records a figure, prints it, and rewrites the file, so a run stopped half-way keeps what it measured. */
  public Results put(String key, Object value) {
    figures.put(key, value);
    System.out.println(key + ": " + value);
    save();
    return this;
  }

  /** Marks the run finished and writes the file; returns its path. */
  public Path write() {
    figures.put("finishedAt", Instant.now().toString());
    Path file = save();
    System.out.println("written to " + file.toAbsolutePath());
    return file;
  }

  private Path save() {
    Path dir = Path.of(System.getProperty("gatecast.results", "bench/results"));
    Path file = dir.resolve(name + ".json");
    try {
      Files.createDirectories(dir);
      // temp file and rename: a run killed while writing leaves the previous file whole
      Path temp = dir.resolve(name + ".json.tmp");
      Files.writeString(temp, Codec.mapper().writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(figures) + "\n");
      Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
