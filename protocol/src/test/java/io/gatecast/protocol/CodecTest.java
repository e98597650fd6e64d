package io.gatecast.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gatecast.protocol.rules.AlertSpec;
import io.gatecast.protocol.rules.CampaignSpec;
import io.gatecast.protocol.rules.DaypartSpec;
import io.gatecast.protocol.rules.EntrySpec;
import io.gatecast.protocol.rules.ItemSpec;
import io.gatecast.protocol.rules.LanguagePolicySpec;
import io.gatecast.protocol.rules.PlaylistSpec;
import io.gatecast.protocol.rules.RecurrenceSpec;
import io.gatecast.protocol.rules.ScreenProfile;
import io.gatecast.protocol.rules.ScreenRules;
import io.gatecast.protocol.rules.TargetsSpec;
import io.gatecast.protocol.rules.VariantSpec;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecTest {
  private static final String SHA = "a".repeat(64);
  private static final String SHA_ZH = "b".repeat(64);
  private static final Header HEADER = new Header(1, "m-1", Instant.parse("2026-03-15T00:00:00Z"));

  private static MediaRef media(String sha) {
    return new MediaRef(sha, "http://127.0.0.1:8080/media/" + sha, "image/png", 1234L);
  }

  /** Every kind of rule at once, in the scripts a border gate shows. */
  static ScheduleMessage schedule() {
    ItemSpec election = new ItemSpec("bau-cu-2026", "Bầu cử 15/3 · 选举 · Election", List.of(
        VariantSpec.media("vi", media(SHA), 10),
        VariantSpec.media("zh-Hans", media(SHA_ZH), 10)));
    ItemSpec ticker = new ItemSpec("ticker-1", "Ticker", List.of(
        VariantSpec.text("vi", "Chống buôn lậu <b>&</b>", 20), VariantSpec.text("lo", "ຕ້ານການລັກລອບ", 20)));
    CampaignSpec campaign = new CampaignSpec("nd-2026", "Quốc khánh 2/9",
        new PlaylistSpec("nd", List.of(new EntrySpec("bau-cu-2026", 3, null), new EntrySpec("ticker-1", 1, 1))),
        new TargetsSpec(List.of("lao-cai-intl"), List.of("halls"), null, List.of("lc-hall-1")),
        LocalDateTime.parse("2026-08-25T00:00"), LocalDateTime.parse("2026-09-05T00:00"),
        List.of(new DaypartSpec(List.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), LocalTime.of(6, 0), LocalTime.of(22, 0))),
        List.of(new RecurrenceSpec("FREQ=WEEKLY;BYDAY=MO", LocalTime.of(7, 0), "PT1H30M")),
        10, 2, new LanguagePolicySpec(LanguagePolicySpec.Mode.FIXED, "zh-Hans"));
    Map<String, String> alertText = new LinkedHashMap<>();
    alertText.put("vi", "Cửa khẩu tạm đóng");
    alertText.put("zh-Hans", "口岸临时关闭");
    ScreenRules rules = new ScreenRules(
        new ScreenProfile("lc-hall-1", "lao-cai-intl", List.of("halls"), List.of("indoor"), "Asia/Ho_Chi_Minh",
            List.of("vi", "zh-Hans", "en"), "Sảnh 1", "Cửa khẩu quốc tế Lào Cai"),
        List.of(election, ticker), List.of(campaign),
        new PlaylistSpec("default", List.of(EntrySpec.of("bau-cu-2026"))), LanguagePolicySpec.rotate(),
        List.of(new AlertSpec("closure-1", "lao-cai-intl", Instant.parse("2026-03-15T03:00:00Z"), null, alertText)));
    return new ScheduleMessage(HEADER, "lc-hall-1", 3L, rules);
  }

  @Test
  void theScreenAndGateNamesSurviveARoundTripAndMayBeAbsent() {
    ScreenProfile named = new ScreenProfile("lc-hall-1", "lao-cai-intl", List.of(), List.of(), "Asia/Ho_Chi_Minh",
        List.of("vi"), "Sảnh nhập cảnh 1 <b>", "Cửa khẩu Lào Cai");
    ScreenProfile back = Codec.decode(Codec.encode(named), ScreenProfile.class);
    assertThat(back).isEqualTo(named);
    assertThat(back.screenName()).isEqualTo("Sảnh nhập cảnh 1 <b>");
    assertThat(back.gateName()).isEqualTo("Cửa khẩu Lào Cai");

    // A schedule from before names were sent: the fields are absent, and read as null
    String old = "{\"screenId\":\"lc-hall-1\",\"clusterId\":\"lao-cai-intl\",\"zone\":\"Asia/Ho_Chi_Minh\","
        + "\"languages\":[\"vi\"]}";
    ScreenProfile unnamed = Codec.decode(old.getBytes(StandardCharsets.UTF_8), ScreenProfile.class);
    assertThat(unnamed.screenName()).isNull();
    assertThat(unnamed.gateName()).isNull();
    assertThat(unnamed).isEqualTo(new ScreenProfile("lc-hall-1", "lao-cai-intl", List.of(), List.of(),
        "Asia/Ho_Chi_Minh", List.of("vi")));
  }

  @Test
  void aNameWithABidiControlOrBlankIsRefusedNamingTheField() {
    assertThatThrownBy(() -> new ScreenProfile("s1", "c1", List.of(), List.of(), "Asia/Ho_Chi_Minh", List.of("vi"),
        "hall\u202e1", null)).hasMessageContaining("screenName");
    assertThatThrownBy(() -> new ScreenProfile("s1", "c1", List.of(), List.of(), "Asia/Ho_Chi_Minh", List.of("vi"),
        null, " ")).hasMessageContaining("gateName");
  }

  @Test
  void everyMessageSurvivesARoundTrip() {
    List<Object> messages = List.of(
        schedule(),
        new StatusMessage(HEADER, "lc-hall-1", ScreenState.ONLINE, 3L, "bau-cu-2026", 10L),
        new StatusMessage(HEADER, "lc-hall-1", ScreenState.OFFLINE, null, null, null),
        new ScheduleAck(HEADER, "lc-hall-1", 3L, ScheduleAck.Outcome.APPLIED, null),
        new ScheduleAck(HEADER, "lc-hall-1", 3L, ScheduleAck.Outcome.FAILED, "checksum did not match"));
    for (Object message : messages) {
      assertThat(Codec.decode(Codec.encode(message), message.getClass())).isEqualTo(message);
    }
  }

  @Test
  void equalRulesEncodeToTheSameJson() {
    // The controller compares this JSON to send unchanged screens nothing: sets must not reorder.
    String once = json(schedule());
    String again = json(Codec.decode(Codec.encode(schedule()), ScheduleMessage.class));
    assertThat(again).isEqualTo(once);
    assertThat(once).contains("\"days\":[\"MONDAY\",\"SATURDAY\"]", "\"duration\":\"PT1H30M\"",
        "\"zone\":\"Asia/Ho_Chi_Minh\"", "\"start\":\"2026-08-25T00:00:00\"");
    assertThat(once).doesNotContain("\"media\":[");
  }

  @Test
  void theMediaListHoldsEveryVariantOnce() {
    assertThat(schedule().media()).extracting(MediaRef::sha256).containsExactly(SHA, SHA_ZH);
  }

  @Test
  void missingOptionalArraysReadAsEmptyAndDefaultsAreFilledIn() {
    String json = "{\"header\":{\"protocolVersion\":1,\"messageId\":\"m\",\"sentAt\":\"2026-03-15T00:00:00Z\"},"
        + "\"screenId\":\"s1\",\"version\":1,\"rules\":{\"profile\":{\"screenId\":\"s1\",\"clusterId\":\"c\","
        + "\"zone\":\"Asia/Ho_Chi_Minh\",\"languages\":[\"vi\"]}}}";
    ScreenRules rules = Codec.decode(json.getBytes(StandardCharsets.UTF_8), ScheduleMessage.class).rules();
    assertThat(rules.items()).isEmpty();
    assertThat(rules.campaigns()).isEmpty();
    assertThat(rules.alerts()).isEmpty();
    assertThat(rules.defaultPlaylist()).isNull();
    assertThat(rules.defaultPolicy()).isEqualTo(LanguagePolicySpec.rotate());
    assertThat(rules.isEmpty()).isTrue();
  }

  @Test
  void unknownFieldsAreTolerated() {
    String json = json(schedule())
        .replaceFirst("\\{", "{\"fieldFromTheFuture\":{\"x\":1},")
        .replace("\"priority\":10", "\"priority\":10,\"audience\":\"delegations\"");
    assertThat(Codec.decode(json.getBytes(StandardCharsets.UTF_8), ScheduleMessage.class)).isEqualTo(schedule());
  }

  @Test
  void aMissingFieldIsNamed() {
    assertRefused(json(schedule()).replace("\"version\":3,", ""), "version is required");
  }

  @Test
  void aWrongTypeIsNamedWithItsPath() {
    assertRefused(json(schedule()).replaceFirst("\"seconds\":10", "\"seconds\":\"ten\""),
        "rules.items[0].variants[0].seconds");
  }

  @Test
  void anOutOfRangeValueIsNamedWithItsPath() {
    assertRefused(json(schedule()).replaceFirst("\"seconds\":10", "\"seconds\":0"),
        "rules.items[0].variants[0]", "seconds must be between 1 and 86400");
  }

  @Test
  void badRulesAreNamed() {
    String json = json(schedule());
    assertRefused(json.replace("\"itemId\":\"ticker-1\"", "\"itemId\":\"ghost\""),
        "campaigns[0].playlist.entries[1].itemId ghost names no item");
    assertRefused(json.replace("\"languages\":[\"vi\",\"zh-Hans\",\"en\"]", "\"languages\":[\"vi\",\"not a tag\"]"),
        "languages[1] must be a BCP 47 language tag");
    assertRefused(json.replace("Asia/Ho_Chi_Minh", "Mars/Olympus"), "zone must be an IANA time zone");
    assertRefused(json.replace("PT1H30M", "90 minutes"), "duration must be an ISO 8601 duration");
    assertRefused(json.replace("\"mode\":\"FIXED\"", "\"mode\":\"SOMETIMES\""), "mode", "FIXED");
    assertRefused(json.replace("\"screenId\":\"lc-hall-1\",\"clusterId\"", "\"screenId\":\"other\",\"clusterId\""),
        "rules.profile.screenId is other");
    assertRefused(json.replace("\"text\":\"Chống buôn lậu <b>&</b>\",", ""), "set exactly one of media and text");
  }

  @Test
  void malformedAndOversizedPayloadsAreRefused() {
    assertThatThrownBy(() -> Codec.decode("{\"header\":".getBytes(StandardCharsets.UTF_8), ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("malformed JSON");
    assertThatThrownBy(() -> Codec.decode(new byte[0], ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("empty payload");
    assertThatThrownBy(() -> Codec.decode(new byte[Limits.MAX_MESSAGE_BYTES + 1], ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("the limit is");
    assertThatThrownBy(() -> Codec.decode("null".getBytes(StandardCharsets.UTF_8), ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class);
  }

  private static void assertRefused(String json, String... fragments) {
    assertThatThrownBy(() -> Codec.decode(json.getBytes(StandardCharsets.UTF_8), ScheduleMessage.class))
        .isInstanceOf(ProtocolException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
  }

  private static String json(ScheduleMessage message) {
    return new String(Codec.encode(message), StandardCharsets.UTF_8);
  }
}
