package io.gatecast.controller.commands;

import io.gatecast.controller.events.CommandSent;
import io.gatecast.controller.events.DomainEvents;
import io.gatecast.controller.broker.MqttLink;
import io.gatecast.controller.refusal.Refusal;
import io.gatecast.controller.commands.CommandRepository;
import io.gatecast.controller.store.Database;
import io.gatecast.controller.screens.ScreenRepository;
import io.gatecast.controller.commands.StoredCommand;
import io.gatecast.protocol.Command;
import io.gatecast.protocol.CommandResult;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Signed;
import io.gatecast.controller.signing.MessageSigner;
import io.gatecast.protocol.Topics;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote commands: each takes the screen's next sequence (stored first, so a number is never
 * reused even if the send fails), is stored PENDING, signed with the controller's key with an
 * expiry, and published at QoS 1, not retained (a command is for now). The agent's
 * {@link CommandResult} makes it DONE or FAILED; unanswered past its expiry it is EXPIRED.
 *
 * <p>The broker is not trusted to have a command either. One it did not take (publish refused or
 * timed out: a clustered broker electing leaders after a node died) is shown FAILED with the
 * broker's reason but kept <em>unsent</em>; it and every PENDING one are sent again — same
 * sequence, same expiry, newly signed — {@link #resendAll when the controller (re)connects} and
 * {@link #screenOnline when the screen comes back online}, oldest first, until the broker takes it,
 * the agent answers or it expires. A command the agent refused, or that expired, is never sent
 * again. A command can therefore reach an agent twice; the agent runs a sequence at most once.
 */
public final class CommandService {
  /** How long a command stays valid: long enough for a 4G link's hiccup, short enough not to surprise anyone. */
  public static final Duration VALID_FOR = Duration.ofMinutes(5);
  /**
   * An ONLINE screen with open commands is sent them again at most this often (one that went away
   * and came back, at once): a PENDING one may be under way on the agent (a screenshot uploading).
   */
  static final Duration QUIET = Duration.ofSeconds(20);
  private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);
  private static final int LIST_LIMIT = 100;

  private final Database db;
  private final MqttLink mqtt;
  private final MessageSigner signer;
  private final Clock clock;
  private final DomainEvents events;
  private final ScreenRepository screens;
  private final CommandRepository commands;
  /** Screens that may have open commands (a hint that spares heartbeats a query; pruned when none are). */
  private final Set<String> open = ConcurrentHashMap.newKeySet();
  /** When each screen was last sent its open commands (System.nanoTime). */
  private final Map<String, Long> lastTry = new ConcurrentHashMap<>();
  /** Screens heard ONLINE since start: the first time one is, it is back as far as this controller knows. */
  private final Set<String> heard = ConcurrentHashMap.newKeySet();
  /** Screens gone away (last-will, or silent too long) and not heard ONLINE since. */
  private final Set<String> away = ConcurrentHashMap.newKeySet();

  public CommandService(Database db, MqttLink mqtt, MessageSigner signer, Clock clock, DomainEvents events,
      ScreenRepository screens, CommandRepository commands) {
    this.screens = screens;
    this.commands = commands;
    this.db = db;
    this.mqtt = mqtt;
    this.signer = signer;
    this.clock = clock;
    this.events = events;
  }

  /** Stores, signs and sends a command; the answer is the stored command (PENDING, or FAILED if the broker refused it). */
  public Future<StoredCommand> issue(String screenId, Command.Kind kind, Integer durationSeconds) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(VALID_FOR);
    return db.transaction(c -> {
      if (!screens.exists(c, screenId)) {
        throw Refusal.notFound("NO_SUCH_SCREEN", "no screen " + screenId, java.util.Map.of("screenId", screenId));
      }
      long sequence = commands.nextSequence(c, screenId);
      StoredCommand command = new StoredCommand(screenId, sequence, kind.name(), durationSeconds, now, expiresAt, "PENDING",
          null, null, null);
      commands.insert(c, command);
      return command;
    }).compose(command -> {
      open.add(screenId);
      lastTry.put(screenId, System.nanoTime());
      // One the broker did not take before goes first: the agent refuses a sequence below one it ran.
      return unsentBefore(command).compose(v -> send(command, true))
          .compose(v -> db.transaction(c -> commands.find(c, screenId, command.sequence()).orElseThrow()));
    });
  }

  /**
   * Sends the screen's open commands again, oldest first, if it has any: at once when it is back
   * (first heard since start, or after it went away), else at most every {@link #QUIET}. Never blocks.
   */
  public void screenOnline(String screenId) {
    boolean back = heard.add(screenId) | away.remove(screenId);
    if (!open.contains(screenId)) {
      return;
    }
    Long last = lastTry.get(screenId);
    if (!back && last != null && System.nanoTime() - last < QUIET.toNanos()) {
      return;
    }
    lastTry.put(screenId, System.nanoTime());
    resend(screenId).onFailure(e -> LOG.warn("cannot send the open commands of {} again: {}", screenId, e.toString()));
  }

  /** The screen went away (last-will, or silent too long): when it is back, its open commands go out at once. */
  public void screenAway(String screenId) {
    away.add(screenId);
  }

  /** Every screen's open commands again (at start and after a reconnection: the broker may not have them); {@code why} is logged. Never fails. */
  public Future<Integer> resendAll(String why) {
    return db.transaction(c -> commands.screensWithOpen(c, clock.instant())).compose(ids -> {
      open.addAll(ids);
      Future<Integer> chain = Future.succeededFuture(0);
      for (String id : ids) {
        lastTry.put(id, System.nanoTime());
        chain = chain.compose(n -> resend(id).map(sent -> n + sent));
      }
      return chain;
    }).onSuccess(n -> {
      if (n > 0) {
        LOG.info("{}: sent {} open command(s) again", why, n);
      }
    }).onFailure(e -> LOG.warn("{}: cannot send the open commands again: {}", why, e.toString())).otherwise(0);
  }

  /** Sends the screen's open commands in sequence order; completes with how many the broker took. */
  Future<Integer> resend(String screenId) {
    return db.transaction(c -> commands.open(c, screenId, clock.instant())).compose(list -> {
      if (list.isEmpty()) {
        open.remove(screenId);
        return Future.succeededFuture(0);
      }
      Future<Integer> chain = Future.succeededFuture(0);
      for (StoredCommand command : list) {
        chain = chain.compose(n -> send(command, neverTaken(command)).map(taken -> taken ? n + 1 : n));
      }
      return chain;
    });
  }

  /** The commands of the screen below {@code command} the broker never took, sent first. */
  private Future<Void> unsentBefore(StoredCommand command) {
    return db.transaction(c -> commands.open(c, command.screenId(), clock.instant())).compose(list -> {
      Future<Void> chain = Future.succeededFuture();
      for (StoredCommand earlier : list) {
        if (earlier.sequence() < command.sequence() && neverTaken(earlier)) {
          chain = chain.compose(v -> send(earlier, true).mapEmpty());
        }
      }
      return chain;
    });
  }

  private static boolean neverTaken(StoredCommand command) {
    return "FAILED".equals(command.status()); // only an unsent one is open while FAILED
  }

  /**
   * Signs {@code command} (its sequence and expiry as stored) and publishes it. Completes with
   * whether the broker took it, never failed: a command never taken is recorded FAILED and unsent
   * then, one taken before stays PENDING (the broker may still hold it).
   */
  private Future<Boolean> send(StoredCommand command, boolean neverTaken) {
    Command message = new Command(Header.now(clock.instant()), command.screenId(), command.sequence(),
        Command.Kind.valueOf(command.kind()), command.durationSeconds());
    byte[] envelope = signer.signToBytes(Signed.COMMAND, message, command.expiresAt());
    return mqtt.publish(Topics.commands(command.screenId()), envelope, false)
        .compose(v -> {
          events.publish(new CommandSent(command.screenId()));
          return neverTaken ? db.transaction(c -> {
            commands.taken(c, command.screenId(), command.sequence());
            return true;
          }) : Future.succeededFuture(true);
        })
        .recover(failure -> {
          if (!neverTaken) {
            return Future.succeededFuture(false);
          }
          return db.transaction(c -> {
            commands.failUnsent(c, command.screenId(), command.sequence(), "the broker did not take the command ("
                + failure.getMessage() + "); it is sent again when the controller reconnects or the screen comes back"
                + " online, until it expires", clock.instant());
            return false;
          });
        });
  }

  /** Stores an agent's answer. */
  public Future<Boolean> onResult(CommandResult result) {
    return db.transaction(c -> commands.answer(c, result.screenId(), result.sequence(), result.kind().name(),
            result.outcome().name(), result.detail(), result.attachmentSha256(), clock.instant()))
        .onSuccess(stored -> {
          if (!stored) {
            // Also an answer sent again for a copy of the command (see the class comment).
            LOG.info("screen {} answered command {} ({}) that it was not sent, or already answered; ignored",
                result.screenId(), result.sequence(), result.kind());
          }
        });
  }

  /** The screen's commands, newest first (commands past their expiry shown EXPIRED). */
  public Future<List<StoredCommand>> list(String screenId) {
    return db.transaction(c -> {
      if (!screens.exists(c, screenId)) {
        throw Refusal.notFound("NO_SUCH_SCREEN", "no screen " + screenId, java.util.Map.of("screenId", screenId));
      }
      commands.expire(c, clock.instant());
      return commands.recent(c, screenId, LIST_LIMIT);
    });
  }
}
