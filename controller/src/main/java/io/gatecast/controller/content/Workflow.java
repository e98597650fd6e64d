package io.gatecast.controller.content;

import io.gatecast.controller.auth.Role;
import io.gatecast.controller.auth.User;
import io.gatecast.controller.refusal.Refusal;

/**
 * The review rules, in one place. Creating or editing an item submits it (PENDING); an approver
 * who neither wrote nor submitted it approves the revision they saw, or rejects it with a reason;
 * an approved item can be rejected later, or retired (taken off the air). Any edit, also of a
 * rejected or retired item, sends it back to PENDING, so
 * what airs is always what an approver saw. Who may call which step at all is
 * {@code AccessPolicy}'s business; these are the rules that depend on the item.
 */
public final class Workflow {
  private Workflow() {}

  /** A contributor edits only what they wrote; operators and admins edit anything. */
  public static void checkEdit(Content item, User editor) {
    boolean onlyContributor = !editor.has(Role.OPERATOR) && !editor.has(Role.ADMIN);
    if (onlyContributor && !item.author().equals(editor.username())) {
      throw notAllowed("content " + item.id() + " was written by " + item.author()
          + "; a contributor edits only their own items");
    }
  }

  public static void checkApprove(Content item, User approver, long revision) {
    checkRevision(item, revision, "approve");
    if (item.status() != ContentStatus.PENDING) {
      throw wrongState("content " + item.id() + " is " + item.status()
          + "; only a PENDING item can be approved (edit it to submit it again)");
    }
    if (approver.username().equals(item.author()) || approver.username().equals(item.submittedBy())) {
      throw notAllowed("content " + item.id() + " was written or submitted by " + approver.username()
          + "; another approver must approve it");
    }
  }

  public static void checkReject(Content item, long revision) {
    checkRevision(item, revision, "reject");
    if (item.status() == ContentStatus.REJECTED || item.status() == ContentStatus.RETIRED) {
      throw wrongState("content " + item.id() + " is already " + item.status()
          + "; edit it to submit it again");
    }
  }

  private static void checkRevision(Content item, long revision, String verb) {
    if (revision != item.revision()) {
      throw wrongState("revision is " + revision + " but content " + item.id() + " is at revision "
          + item.revision() + "; it changed since you looked: review it again before you " + verb + " it");
    }
  }

  /** Who may not take this step on this item. */
  private static Refusal notAllowed(String message) {
    return new Refusal(Refusal.Kind.FORBIDDEN, "REVIEW_NOT_ALLOWED", message);
  }

  /** The item is not in a state (or at the revision) this step needs. */
  private static Refusal wrongState(String message) {
    return new Refusal(Refusal.Kind.CONFLICT, "REVIEW_WRONG_STATE", message);
  }
}
