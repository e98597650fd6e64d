package io.gatecast.controller.content;

/** Where an item stands in review. Only {@link #APPROVED} items are ever sent to a screen. */
public enum ContentStatus {
  /** Submitted (created or edited), waiting for an approver. */
  PENDING,
  /** Reviewed and approved at its current revision. */
  APPROVED,
  /** Reviewed and refused, with the approver's reason. */
  REJECTED,
  /**
   * Was approved, then taken off the air (retired) by an operator or approver, with their reason.
   * Not a verdict on the item: it stays in the library, and an edit resubmits it (PENDING).
   */
  RETIRED
}
