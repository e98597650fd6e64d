package io.gatecast.controller.content;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Which screens an item is on the air at: their last published schedule carries it. Answered by the
 * publishing feature, which knows what each screen was sent (a whole schedule, or a placement in its
 * gate's schedule); handed to {@link ContentService} by the composition root.
 */
@FunctionalInterface
public interface OnAir {
  /** The screens (sorted by id) whose last published rules hold the item {@code contentId}. */
  List<String> screensCarrying(Connection c, String contentId) throws SQLException;
}
