package io.gatecast.controller.commands;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remote commands: each takes the screen's next sequence (stored first, so a number is never
 * reused even if the send fails), is stored PENDING, signed with the controller's key with an
 * expiry, and published at QoS 1, not retained (a command is for now). The agent's
 * {@link CommandResult} makes it DONE or FAILED; unanswered past its expiry it is EXPIRED.
 */
public final class CommandService {
  /** How long a command stays valid: long enough for a 4G link's hiccup, short enough not to surprise anyone. */
  public static final Duration VALID_FOR = Duration.ofMinutes(5);
  private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);
  private static final int LIST_LIMIT = 100;

  private final Database db;
  private final MqttLink mqtt;
  private final MessageSigner signer;
  private final Clock clock;
  private final Runnable onSent;
  private final ScreenRepository screens = new ScreenRepository();
  private final CommandRepository commands = new CommandRepository();

  public CommandService(Database db, MqttLink mqtt, MessageSigner signer, Clock clock, Runnable onSent) {
    this.db = db;
    this.mqtt = mqtt;
    this.signer = signer;
    this.clock = clock;
    this.onSent = onSent;
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
      Command message = new Command(Header.now(now), screenId, command.sequence(), kind, durationSeconds);
      byte[] envelope = signer.signToBytes(Signed.COMMAND, message, expiresAt);
      return mqtt.publish(Topics.commands(screenId), envelope, false)
          .map(v -> {
            onSent.run();
            return command;
          })
          .recover(failure -> db.transaction(c -> {
            commands.fail(c, screenId, command.sequence(), "the broker did not accept the command: " + failure.getMessage(),
                clock.instant());
            return commands.find(c, screenId, command.sequence()).orElseThrow();
          }));
    });
  }

  /** Stores an agent's answer. */
  public Future<Boolean> onResult(CommandResult result) {
    return db.transaction(c -> commands.answer(c, result.screenId(), result.sequence(), result.kind().name(),
            result.outcome().name(), result.detail(), result.attachmentSha256(), clock.instant()))
        .onSuccess(stored -> {
          if (!stored) {
            LOG.warn("screen {} answered command {} ({}) that it was not sent, or already answered; ignored",
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
