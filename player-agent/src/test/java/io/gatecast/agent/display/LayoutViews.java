package io.gatecast.agent.display;

import io.gatecast.protocol.layout.LayoutTemplate;
import io.gatecast.protocol.layout.OpeningDaySpec;
import io.gatecast.protocol.layout.OpeningHoursSpec;
import io.gatecast.protocol.layout.OpeningSpanSpec;
import io.gatecast.protocol.layout.TemplateRegion;
import io.gatecast.schedules.calendar.LunarCalendar;
import io.gatecast.schedules.calendar.LunarDate;
import io.gatecast.schedules.calendar.ZoneClocks;
import io.gatecast.schedules.calendar.ZoneTime;
import io.gatecast.schedules.layout.QrMatrix;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The views an agent would hand layout.js at a border gate (Lao Cai, Monday 7 December 2026,
 * 09:30), with the texts an operator would enter — approved items — in Vietnamese, Simplified
 * Chinese, Lao, Khmer and a long White Hmong text. Shared by the renderer's Chromium tests.
 */
final class LayoutViews {
  static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** Monday 7 December 2026, 09:30 in Hanoi. */
  static final Instant NOW = Instant.parse("2026-12-07T02:30:00Z");
  static final Instant FAIR = Instant.parse("2027-04-01T01:00:00Z");
  static final String PORTAL = "https://laocai.gov.vn/thong-tin-doi-ngoai";

  /** The texts an operator would enter (approved items), per language. */
  record Texts(String here, String there, List<String> ticker, String countdown, String main) {}

  static final Map<String, Texts> TEXTS = new LinkedHashMap<>();

  static {
    TEXTS.put("vi", new Texts("Hà Nội", "Bắc Kinh",
        List.of("Cửa khẩu quốc tế Lào Cai mở cửa từ 7 giờ đến 22 giờ hằng ngày",
            "Xin vui lòng chuẩn bị sẵn hộ chiếu và giấy thông hành trước khi vào khu vực kiểm soát",
            "Hội chợ thương mại quốc tế Việt – Trung khai mạc ngày 1 tháng 4"),
        "Hội chợ thương mại quốc tế Việt – Trung Lào Cai 2027",
        "Chào mừng quý khách đến Cửa khẩu quốc tế Lào Cai. Quý khách vui lòng xếp hàng theo hướng dẫn, chuẩn bị hộ "
            + "chiếu, thị thực và tờ khai hải quan. Hàng hóa thuộc diện phải khai báo cần được xuất trình tại quầy hải "
            + "quan trước khi qua cửa kiểm soát."));
    TEXTS.put("zh-Hans", new Texts("河内", "北京",
        List.of("老街国际口岸每日7时至22时开放", "请在进入检查区前准备好护照和通行证", "中越国际商品交易会将于4月1日开幕"),
        "2027年中越（老街）国际商品交易会",
        "欢迎来到老街国际口岸。请按指引排队，准备好护照、签证和海关申报单。需要申报的货物请在通关前到海关柜台出示。"));
    TEXTS.put("lo", new Texts("ຮ່າໂນ້ຍ", "ປັກກິ່ງ",
        List.of("ດ່ານສາກົນລາວກາຍເປີດທຸກມື້ແຕ່ 7 ໂມງຫາ 22 ໂມງ",
            "ກະລຸນາກຽມໜັງສືຜ່ານແດນ ແລະ ບັດຜ່ານແດນໃຫ້ພ້ອມກ່ອນເຂົ້າເຂດກວດກາ",
            "ງານວາງສະແດງສິນຄ້າສາກົນ ຫວຽດນາມ - ຈີນ ຈະເປີດໃນວັນທີ 1 ເມສາ"),
        "ງານວາງສະແດງສິນຄ້າສາກົນ ຫວຽດນາມ - ຈີນ ລາວກາຍ 2027",
        "ຍິນດີຕ້ອນຮັບສູ່ດ່ານສາກົນລາວກາຍ. ກະລຸນາເຂົ້າແຖວຕາມຄຳແນະນຳ, ກຽມໜັງສືຜ່ານແດນ, ວີຊາ ແລະ ໃບແຈ້ງພາສີ. "
            + "ສິນຄ້າທີ່ຕ້ອງແຈ້ງ ກະລຸນານຳສະເໜີຢູ່ເຄົາເຕີພາສີກ່ອນຜ່ານດ່ານ."));
    TEXTS.put("km", new Texts("ហាណូយ", "ប៉េកាំង",
        List.of("ច្រកព្រំដែនអន្តរជាតិឡាវកាយបើករៀងរាល់ថ្ងៃពីម៉ោង ៧ ដល់ម៉ោង ២២",
            "សូមរៀបចំលិខិតឆ្លងដែន និងប័ណ្ណឆ្លងកាត់ឱ្យរួចរាល់មុនចូលតំបន់ត្រួតពិនិត្យ",
            "ពិព័រណ៍ពាណិជ្ជកម្មអន្តរជាតិវៀតណាម-ចិន នឹងបើកនៅថ្ងៃទី ១ ខែមេសា"),
        "ពិព័រណ៍ពាណិជ្ជកម្មអន្តរជាតិវៀតណាម-ចិន ឡាវកាយ ២០២៧",
        "សូមស្វាគមន៍មកកាន់ច្រកព្រំដែនអន្តរជាតិឡាវកាយ។ សូមតម្រង់ជួរតាមការណែនាំ រៀបចំលិខិតឆ្លងដែន ទិដ្ឋាការ "
            + "និងលិខិតប្រកាសគយ។ ទំនិញដែលត្រូវប្រកាស សូមបង្ហាញនៅបញ្ជរគយមុនពេលឆ្លងកាត់។"));
    String hmong = "Nyob zoo thiab txais tos koj tuaj txog ntawm lub rooj vag ciam teb thoob ntiaj teb Lao Cai. Thov koj "
        + "teeb kab raws li cov neeg ua haujlwm qhia, npaj koj daim ntawv hla tebchaws, daim ntawv tso cai nkag tebchaws "
        + "thiab daim ntawv tshaj tawm se kom txhij. Yog koj nqa khoom uas yuav tsum tau tshaj tawm, thov coj mus qhia "
        + "rau ntawm lub txee se ua ntej koj hla lub qhov rooj kuaj xyuas. Cov me nyuam yaus thiab cov neeg laus tuaj "
        + "yeem siv txoj kab tshwj xeeb nyob rau sab laug. Thov tsis txhob haus luam yeeb thiab tsis txhob pov khib "
        + "nyiab rau hauv thaj chaw tos. Ua tsaug rau koj txoj kev koom tes thiab zoo siab txais tos koj rov qab los.";
    TEXTS.put("hmn", new Texts("Has Noj", "Pej Kees",
        List.of("Lub rooj vag ciam teb thoob ntiaj teb Lao Cai qhib txhua hnub txij thaum 7 teev sawv ntxov txog 10 teev hmo ntuj",
            "Thov npaj koj daim ntawv hla tebchaws thiab daim ntawv tso cai hla ciam teb kom txhij ua ntej koj nkag mus "
                + "rau thaj chaw kuaj xyuas",
            "Kev nthuav qhia khoom lag luam thoob ntiaj teb Nyab Laj thiab Suav teb yuav qhib rau hnub tim 1 lub plaub hlis"),
        "Kev nthuav qhia khoom lag luam thoob ntiaj teb Nyab Laj thiab Suav teb ntawm Lao Cai xyoo 2027",
        hmong + " " + hmong));
  }

  /** The data an agent would hand the page for this template at NOW, in one language. */
  static Map<String, Object> view(LayoutTemplate template, String language, boolean holiday) {
    Texts t = TEXTS.get(language);
    List<Map<String, Object>> regions = new ArrayList<>();
    for (TemplateRegion region : template.regions()) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("role", region.role().name());
      r.put("rect", Map.of("x", region.rect().x(), "y", region.rect().y(), "w", region.rect().w(), "h", region.rect().h()));
      switch (region.role()) {
        case MAIN -> r.put("item", Map.of("contentId", "welcome", "title", "Welcome", "language", language, "text", t.main()));
        case HEADER -> r.put("widgets", List.of(clock(t), date()));
        case SIDE -> r.put("widgets", List.of(hours(holiday), qr(), Map.of("type", "COUNTDOWN", "title", t.countdown(),
            "seconds", Duration.between(NOW, FAIR).getSeconds())));
        case TICKER -> r.put("widgets", List.of(Map.of("type", "TICKER", "lines", t.ticker())));
        default -> throw new IllegalStateException();
      }
      regions.add(r);
    }
    return Map.of("shape", template.shape().name(), "language", language, "regions", regions);
  }

  private static Map<String, Object> clock(Texts t) {
    List<ZoneTime> times = ZoneClocks.at(NOW, List.of(HANOI, BEIJING));
    List<String> labels = List.of(t.here(), t.there());
    List<Map<String, Object>> zones = new ArrayList<>();
    for (int i = 0; i < times.size(); i++) {
      zones.add(Map.of("label", labels.get(i), "time", times.get(i).hhmm(), "offset", times.get(i).offsetLabel()));
    }
    return Map.of("type", "CLOCK", "zones", zones);
  }

  private static Map<String, Object> date() {
    LocalDate today = NOW.atZone(HANOI).toLocalDate();
    LunarDate lunar = LunarCalendar.of(today);
    return Map.of("type", "DATE", "date", today.toString(), "lunar", Map.of("day", lunar.day(), "month", lunar.month(),
        "leap", lunar.leap(), "stem", lunar.stem(), "branch", lunar.branch()));
  }

  private static Map<String, Object> hours(boolean holiday) {
    LocalDate today = NOW.atZone(HANOI).toLocalDate();
    OpeningHoursSpec gate = new OpeningHoursSpec(List.of(new OpeningDaySpec(DayOfWeek.MONDAY, List.of(
        new OpeningSpanSpec(LocalTime.of(7, 0), LocalTime.of(11, 30)),
        new OpeningSpanSpec(LocalTime.of(13, 0), LocalTime.of(22, 0))))), holiday ? List.of(today) : List.of());
    List<List<String>> spans = gate.spansOn(today).stream()
        .map(s -> List.of(s.open().toString(), s.closeSecondOfDay() == 86_400 ? "24:00" : s.close().toString())).toList();
    return Map.of("type", "OPENING_HOURS", "spans", spans);
  }

  private static Map<String, Object> qr() {
    return Map.of("type", "QR", "url", PORTAL, "modules", QrMatrix.of(PORTAL).rows());
  }

  private LayoutViews() {}
}
