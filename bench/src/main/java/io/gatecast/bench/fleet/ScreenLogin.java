package io.gatecast.bench.fleet;

/** What a screen needs to log in to the broker: its id (the MQTT username) and its MQTT password. */
public record ScreenLogin(String screenId, String password) {}
