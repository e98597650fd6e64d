package io.gatecast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatecast.bench.fleet.AckCollector;
import io.gatecast.bench.fleet.Latencies;
import io.gatecast.bench.fleet.SimulatedFleet;
import io.gatecast.bench.harness.ControllerApi;
import io.gatecast.bench.harness.CpuTimeline;
import io.gatecast.bench.harness.DirectPublisher;
import io.gatecast.bench.harness.ProcessStats;
import io.gatecast.protocol.AlertMessage;
import io.gatecast.protocol.Header;
import io.gatecast.protocol.Signed;
import io.gatecast.protocol.Signer;
import io.gatecast.protocol.Topics;
import io.gatecast.protocol.rules.AlertSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Rounds of one urgent alert to every gate of a fleet, timed until each simulated screen showed it:
 * through the controller's API ({@link #throughController}), or signed here and published straight to a
 * broker ({@link #direct}, the floor). Both carry the same text in the same three languages, and ONE
 * alert: the controller's round clears its alert after it is measured (a second alert in force would
 * make its next message carry two, the floor's still one).
 */
final class AlertRounds {
  /** The operator's text, in the floor's messages too. */
  static final Map<String, String> TEXT = java.util.Collections.unmodifiableMap(textOf("Border gate temporarily closed"));

  private final SimulatedFleet fleet;
  private final List<String> screenIds;
  private final List<String> gates;
  private final int verifyNice;
  private final Duration timeout;
  /**
   * The lowest version the controller's next alert message can carry (its last clearing's + 1): a round
   * waits for that, not for any version, so a background re-send of the last message during the round is
   * not taken for the new one by a screen that forgot its alerts.
   */
  private long nextControllerVersion = 1;

  /**
   * {@code verifyNice}: the screens' signature checks' nice value (see PushBench's --verify-nice);
   * {@code timeout}: how long a round waits for every screen.
   */
  AlertRounds(SimulatedFleet fleet, List<String> screenIds, List<String> gates, int verifyNice, Duration timeout) {
    this.fleet = fleet;
    this.screenIds = screenIds;
    this.gates = gates;
    this.verifyNice = verifyNice;
    this.timeout = timeout;
  }

  /**
   * The processes a round reports the CPU of: the controller, its broker when it runs one apart (null:
   * embedded), and this one (the bench and its simulated screens).
   */
  static Map<String, Long> processes(long controllerPid, io.gatecast.bench.harness.BrokerProcess ownBroker) {
    Map<String, Long> pids = new LinkedHashMap<>(Map.of("controller", controllerPid));
    if (ownBroker != null) {
      pids.put("broker", ownBroker.pid());
    }
    pids.put("benchAndScreens", ProcessHandle.current().pid());
    return pids;
  }

  /**
   * The alert through the controller's API; then cleared, and its clearing awaited at every screen, so the
   * next round's message again carries one alert. {@code pids}: the processes whose CPU the round reports
   * ("controller" among them). Empty when the controller has no {@code POST /api/v1/alerts}.
   */
  Optional<Map<String, Object>> throughController(ControllerApi api, Map<String, Long> pids, boolean warmUp) {
    long controllerPid = pids.get("controller");
    fleet.lowerVerifyPriority(verifyNice);
    String loadAverageBefore = PushBench.loadAverage();
    AckCollector collector = AckCollector.alert(screenIds, nextControllerVersion);
    fleet.watch(collector);
    Map<String, Object> round = new LinkedHashMap<>();
    Optional<JsonNode> answer;
    try (CpuTimeline cpu = new CpuTimeline(pids)) {
      Map<String, Double> threads0 = ProcessStats.cpuSecondsByThreadKind(controllerPid);
      collector.start();
      answer = api.postAlert(gates, TEXT, Instant.now().plus(Duration.ofHours(1)));
      double httpMs = (System.nanoTime() - collector.t0Nanos()) / 1e6;
      Map<String, Double> threadsAnswered = ProcessStats.cpuSecondsByThreadKind(controllerPid);
      if (answer.isEmpty()) {
        return Optional.empty();
      }
      round.put("kind", "controller");
      round.put("warmUp", warmUp);
      round.put("loadAverageBefore", loadAverageBefore);
      round.put("alertHttpMs", round(httpMs));
      round.put("allShown", collector.await(timeout));
      round.put("receivedAtScreens", collector.received().summary());
      round.put("verifiedAtScreens", collector.acked().summary());
      round.put("cpuSecondsUntilReceivedP99", cpuUntilReceivedP99(cpu, collector));
      // Where the controller's CPU goes: during the call (it answers once the broker took every gate's
      // alert), and from the answer until every screen showed it (the screens' answers, heartbeats).
      round.put("controllerCpuSecondsByThreadUntilAnswered", PushBench.threadCpuSince(threads0, threadsAnswered, 0.01));
      round.put("controllerCpuSecondsByThreadAnsweredToAllShown",
          PushBench.threadCpuSince(threadsAnswered, ProcessStats.cpuSecondsByThreadKind(controllerPid), 0.01));
    }
    round.put("clearedAtEveryScreen", clear(api, answer.get()));
    System.out.println("controller alert round: " + round);
    return Optional.of(round);
  }

  /** Clears the alert {@code made} answered, and waits until every screen showed its gate's message without it. */
  private boolean clear(ControllerApi api, JsonNode made) {
    long sent = Long.MAX_VALUE;
    for (JsonNode publication : made.path("publications")) {
      sent = Math.min(sent, publication.path("version").asLong());
    }
    AckCollector cleared = AckCollector.alert(screenIds, sent + 1);
    fleet.watch(cleared);
    cleared.start();
    api.clearAlert(made.path("alert").path("id").asText());
    nextControllerVersion = sent + 2;
    return cleared.await(timeout);
  }

  /**
   * One signed alert to each gate, published straight to {@code publisher}'s broker, as the controller
   * sends it. {@code sizeBytes} above 0: its English line is lengthened (ASCII, a byte a character) until the
   * signed message is that size, within about 1 % (each line beyond the first adds its own key): a
   * schedule's size, sent once for every screen. Its version is the clock's milliseconds, above any the
   * controller gave (call {@link SimulatedFleet#forgetAlerts} before a controller round after it).
   */
  Map<String, Object> direct(DirectPublisher publisher, Signer signer, Map<String, Long> pids, boolean warmUp,
      int sizeBytes) {
    fleet.lowerVerifyPriority(verifyNice);
    String loadAverageBefore = PushBench.loadAverage();
    Instant now = Instant.now();
    long version = now.toEpochMilli();
    int plainBytes = signedAlert(signer, gates.get(0), now, version, "").length;
    String more = sizeBytes <= plainBytes ? ""
        : " Border gate temporarily closed".repeat(sizeBytes / 30 + 1).substring(0, sizeBytes - plainBytes);
    List<DirectPublisher.Outgoing> messages = gates.stream().map(gate -> new DirectPublisher.Outgoing(Topics.alert(gate),
        signedAlert(signer, gate, now, version, more), true)).toList();
    AckCollector collector = AckCollector.alert(screenIds, version);
    fleet.watch(collector);
    Map<String, Object> round = new LinkedHashMap<>();
    try (CpuTimeline cpu = new CpuTimeline(pids)) {
      collector.start();
      round.put("kind", "direct");
      round.put("warmUp", warmUp);
      round.put("loadAverageBefore", loadAverageBefore);
      round.put("pubacked", awaitPubacks(publisher.publishAll(messages), timeout));
      round.put("messageBytes", messages.get(0).payload().length);
      round.put("allShown", collector.await(timeout));
      round.put("receivedAtScreens", collector.received().summary());
      round.put("verifiedAtScreens", collector.acked().summary());
      round.put("timeToAllMs", Latencies.roundMs(collector.acked().max()));
      round.put("cpuSecondsUntilReceivedP99", cpuUntilReceivedP99(cpu, collector));
    }
    System.out.println("floor alert round: " + round);
    return round;
  }

  /**
   * Waits for the broker's PUBACKs of a floor round, at most the round's timeout: the embedded Moquette
   * at 10,000 screens was seen never to answer some (the round then hung for good); false then.
   */
  static boolean awaitPubacks(io.vertx.core.Future<Void> published, Duration timeout) {
    try {
      published.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      System.out.println("floor round: the broker did not PUBACK every message within " + timeout);
      return false;
    }
  }

  /**
   * The CPU each process and the machine spent from the round's start until its p99 screen received the
   * message: the fan-out, where the controller's rounds and the floor's may differ (the screens' checks
   * after it are alike).
   */
  static Map<String, Double> cpuUntilReceivedP99(CpuTimeline cpu, AckCollector collector) {
    long p99Nanos = (long) (collector.received().percentile(99) * 1e6);
    return cpu.between(collector.t0Nanos(), collector.t0Nanos() + p99Nanos);
  }

  /** The floor's alert to a gate: {@link #TEXT}, its English line followed by {@code more}. */
  private static byte[] signedAlert(Signer signer, String gate, Instant now, long version, String more) {
    AlertMessage alert = new AlertMessage(Header.now(now), gate, version, List.of(new AlertSpec("bench-" + version,
        gate, now, now.plus(Duration.ofHours(1)), more.isEmpty() ? TEXT : textOf(TEXT.get("en") + more))));
    return signer.signToBytes(Signed.ALERT, alert, now.plus(Duration.ofHours(1)));
  }

  /** Vietnamese, Chinese, and {@code english} in lines of at most 1,000 characters ("en", "en-x-1", ...). */
  private static Map<String, String> textOf(String english) {
    Map<String, String> text = new LinkedHashMap<>();
    text.put("vi", "Cửa khẩu tạm đóng");
    text.put("zh", "口岸暂时关闭");
    for (int part = 0; !english.isEmpty(); part++) {
      String line = english.substring(0, Math.min(english.length(), 1000));
      text.put(part == 0 ? "en" : "en-x-" + part, line.strip());
      english = english.substring(line.length());
    }
    return text;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
