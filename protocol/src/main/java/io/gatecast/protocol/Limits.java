package io.gatecast.protocol;

/** Hard limits of the wire contract. Anything over them is refused, never truncated. */
public final class Limits {
  /** Largest MQTT payload either side accepts. */
  public static final int MAX_MESSAGE_BYTES = 256 * 1024;
  /** Most items one screen's schedule may carry. */
  public static final int MAX_SCHEDULE_ITEMS = 500;
  /** Longest title or other free text field. */
  public static final int MAX_TEXT_LENGTH = 500;
  /** Longest URL. */
  public static final int MAX_URL_LENGTH = 2048;
  /** Longest ticker line, text variant or alert line. */
  public static final int MAX_LINE_LENGTH = 1000;
  /** Most language variants of one content item, and most languages a screen shows. */
  public static final int MAX_LANGUAGES = 32;
  /** Most profiles in one cluster's schedule ({@link ClusterSchedule}); its bytes are bounded by {@link #MAX_MESSAGE_BYTES} too. */
  public static final int MAX_CLUSTER_PROFILES = 1000;
  /** Most campaigns in one screen's rules. */
  public static final int MAX_CAMPAIGNS = 200;
  /** Most entries of one playlist. */
  public static final int MAX_PLAYLIST_ENTRIES = 500;
  /** Most alerts in one screen's rules (they are per cluster, and few are ever live at once). */
  public static final int MAX_ALERTS = 20;
  /** Plays in one proof-of-play batch. */
  public static final int MAX_PLAYS_PER_BATCH = 500;
  /** Most dayparts, and most recurrences, of one campaign. */
  public static final int MAX_TIME_RULES = 50;
  /** Most names in a screen's groups or tags, or in one list of a campaign's targets. */
  public static final int MAX_NAMES = 10_000;
  /** Longest single play, and longest recurrence occurrence, in seconds: a day. */
  public static final int MAX_PLAY_SECONDS = 86_400;
  /** Largest playlist-entry and campaign weight (the engine's share-of-voice cap). */
  public static final int MAX_WEIGHT = 1000;

  /**
   * Deepest JSON nesting accepted. {@link Codec} sets the same number on Jackson's
   * StreamReadConstraints (LimitsTest checks they agree); {@link Canonical} refuses deeper trees
   * too, so no input can drive its recursion into a stack overflow.
   */
  public static final int MAX_NESTING_DEPTH = 32;
  /**
   * Most signed key rotations one envelope may carry ({@link Signed#keyRotations()}): a screen that
   * slept through more rotations than this must be pinned again by hand.
   */
  public static final int MAX_CARRIED_ROTATIONS = 8;
  /** Longest topic a {@link RejectionEvent} may quote (MQTT allows 65,535 bytes; ours are far shorter). */
  public static final int MAX_TOPIC_LENGTH = 256;
  /** Longest human sentence in a {@link RejectionEvent}; longer details are cut, not refused. */
  public static final int MAX_DETAIL_LENGTH = MAX_TEXT_LENGTH;

  private Limits() {}
}
