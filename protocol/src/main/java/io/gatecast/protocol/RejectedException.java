package io.gatecast.protocol;

/**
 * A message refused for a typed {@link Rejection}. It is a {@link ProtocolException}, so code
 * that only cares "accepted or not" keeps one catch; code that reports (the agent's
 * {@link RejectionEvent}) reads {@link #reason()} and {@link #detail()}.
 */
public class RejectedException extends ProtocolException {
  private static final long serialVersionUID = 1L;

  private final Rejection reason;
  private final String detail;
  private final String messageId;

  public RejectedException(Rejection reason, String detail) {
    this(reason, detail, null, null);
  }

  public RejectedException(Rejection reason, String detail, String messageId, Throwable cause) {
    super(reason + ": " + reason.sentence() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
    this.reason = Check.required(reason, "reason");
    this.detail = detail == null ? "" : detail;
    this.messageId = messageId;
  }

  /** {@code e} itself when it is typed, otherwise a {@link Rejection#MALFORMED} carrying its message. */
  public static RejectedException from(ProtocolException e) {
    return e instanceof RejectedException r ? r : new RejectedException(Rejection.MALFORMED, e.getMessage(), null, e);
  }

  public Rejection reason() {
    return reason;
  }

  /** The specific cause, e.g. the key id or the versions compared; may be empty. */
  public String detail() {
    return detail;
  }

  /** The refused message's header.messageId when it could be read, else null. */
  public String messageId() {
    return messageId;
  }

  /** The same rejection, now knowing the message id. */
  public RejectedException withMessageId(String id) {
    return new RejectedException(reason, detail, id, getCause());
  }
}
