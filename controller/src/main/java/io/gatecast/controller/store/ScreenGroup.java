package io.gatecast.controller.store;

import java.util.List;

/** A named set of screens, across clusters (e.g. "entry halls"), that campaigns can target. */
public record ScreenGroup(String id, String name, List<String> screenIds) {}
