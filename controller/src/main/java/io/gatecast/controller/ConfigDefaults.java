package io.gatecast.controller;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option not given on the command line takes its value from, in this order: the
 * environment ({@code --http-port} is {@code GATECAST_HTTP_PORT}), then the configuration file
 * ({@code --config}, a properties file whose keys are the option names without dashes:
 * {@code http-port=8080}), then the built-in default shown by {@code --help}. So a flag beats the
 * environment, which beats the file.
 */
final class ConfigDefaults implements IDefaultValueProvider {
  static final String ENV_PREFIX = "GATECAST_";
  private final Map<String, String> environment;
  private final Properties file = new Properties();

  /** @param configFile the properties file, or null for none */
  ConfigDefaults(Map<String, String> environment, Path configFile) {
    this.environment = environment;
    if (configFile != null) {
      try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
        file.load(reader);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read the configuration file " + configFile + ": " + e.getMessage(), e);
      }
    }
  }

  /** Refuses keys that name no option, so a typo in the file is not silently ignored. */
  void checkKeys(CommandSpec spec) {
    Set<String> known = new TreeSet<>();
    for (OptionSpec option : spec.options()) {
      known.add(key(option));
    }
    for (String key : file.stringPropertyNames()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("the configuration file sets '" + key + "', which is not an option;"
            + " known keys: " + known);
      }
    }
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
      return null;
    }
    String key = key(option);
    String fromEnvironment = environment.get(ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_'));
    if (fromEnvironment != null) {
      return fromEnvironment;
    }
    return file.getProperty(key);
  }

  private static String key(OptionSpec option) {
    return option.longestName().replaceFirst("^-+", "");
  }
}
