package io.gatecast.controller.organisation;

import java.util.List;

/** A named set of screens, across clusters (e.g. "entry halls"), that campaigns can target. */
public record ScreenGroup(String id, String name, List<String> screenIds) {}
