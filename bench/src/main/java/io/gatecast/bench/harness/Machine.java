package io.gatecast.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on, and how busy the machine was with other work at the start. */
final class Machine {
  private Machine() {}

  static Map<String, Object> describe() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("cpu", firstMatch(Path.of("/proc/cpuinfo"), "model name"));
    machine.put("memTotal", firstMatch(Path.of("/proc/meminfo"), "MemTotal"));
    machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    machine.put("loadAverage", readOrEmpty(Path.of("/proc/loadavg")));
    return machine;
  }

  private static String firstMatch(Path file, String prefix) {
    try {
      return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst()
          .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  private static String readOrEmpty(Path file) {
    try {
      return Files.readString(file).trim();
    } catch (IOException e) {
      return "";
    }
  }
}
