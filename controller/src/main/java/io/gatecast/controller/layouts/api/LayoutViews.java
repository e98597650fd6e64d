package io.gatecast.controller.layouts.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gatecast.controller.layouts.LayoutService;
import io.gatecast.protocol.Codec;
import java.util.List;

/**
 * A layout as the API answers it: the wire's {@code LayoutSpec} fields as they were accepted, and
 * {@code offAir}, the items it names that screens leave out now ({@code {itemId, status}}), so the
 * editor can say that a retired ticker line or link is gone. A client that posts the layout back
 * sends only the {@code LayoutSpec} fields.
 */
final class LayoutViews {
  private LayoutViews() {}

  static ObjectNode json(LayoutService.Listed listed) {
    ObjectNode node = Codec.mapper().valueToTree(listed.layout());
    node.set("offAir", Codec.mapper().valueToTree(listed.offAir()));
    return node;
  }

  static List<ObjectNode> json(List<LayoutService.Listed> all) {
    return all.stream().map(LayoutViews::json).toList();
  }
}
