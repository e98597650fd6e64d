package io.gatecast.controller.content;

/** Where an item stands in review. Only {@link #APPROVED} items are ever sent to a screen. */
public enum ContentStatus {
  /** Submitted (created or edited), waiting for an approver. */
  PENDING,
  /** Reviewed and approved at its current revision. */
  APPROVED,
  /** Reviewed and refused (or withdrawn), with the approver's reason. */
  REJECTED
}
