package io.gatecast.agent.cache;

/** A download given up on purpose (a newer schedule is waiting); the part stays for a resume. */
public final class DownloadCancelled extends MediaException {
  private static final long serialVersionUID = 1L;

  public DownloadCancelled(String message) {
    super(message);
  }
}
