package io.gatecast.agent.display;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.gatecast.protocol.Codec;
import io.gatecast.protocol.layout.LayoutTemplate;
import io.gatecast.protocol.layout.OpeningDaySpec;
import io.gatecast.protocol.layout.OpeningHoursSpec;
import io.gatecast.protocol.layout.OpeningSpanSpec;
import io.gatecast.protocol.layout.ScreenShape;
import io.gatecast.protocol.layout.TemplateRegion;
import io.gatecast.protocol.layout.Templates;
import io.gatecast.schedules.calendar.LunarCalendar;
import io.gatecast.schedules.calendar.LunarDate;
import io.gatecast.schedules.calendar.ZoneClocks;
import io.gatecast.schedules.calendar.ZoneTime;
import io.gatecast.schedules.layout.QrMatrix;
import io.gatecast.testkit.Chromium;
import io.gatecast.testkit.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every built-in layout template in real headless Chromium with Debian's Noto fonts, drawn by
 * screen-renderer's layout.js from data the Java side computes (clock readings, the lunar date,
 * today's opening hours, the QR modules, the countdown): at 1920x1080 and 1080x1920, in Vietnamese,
 * Simplified Chinese, Lao, Khmer and a long White Hmong text, nothing overflows its region —
 * measured from the DOM, glyph box by glyph box — and the text stays readable. Screenshots are kept
 * under {@code target/screenshots/layouts/}.
 */
@IntegrationTest
class LayoutPageTest {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** Monday 7 December 2026, 09:30 in Hanoi. */
  private static final Instant NOW = Instant.parse("2026-12-07T02:30:00Z");
  private static final Instant FAIR = Instant.parse("2027-04-01T01:00:00Z");
  private static final String PORTAL = "https://laocai.gov.vn/thong-tin-doi-ngoai";
  /** Smallest font size any text may be shrunk to and still be read across a hall, in CSS px at full size. */
  private static final double MIN_READABLE_PX = 9;

  @TempDir static Path profile;
  @TempDir static Path site;
  private static ChromeDriver driver;

  /** The texts an operator would enter (approved items), per language. */
  private record Texts(String here, String there, List<String> ticker, String countdown, String main) {}

  private static final Map<String, Texts> TEXTS = new LinkedHashMap<>();

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

  @BeforeAll
  static void startBrowser() throws IOException {
    for (String file : List.of("render.js", "screen.css", "layout.js", "layout.css")) {
      try (InputStream in = LayoutPageTest.class.getResourceAsStream("/io/gatecast/screen/" + file)) {
        assertThat(in).as("screen-renderer resource " + file).isNotNull();
        Files.copy(in, site.resolve(file));
      }
    }
    Files.writeString(site.resolve("layout.html"), "<!doctype html><html><head><meta charset=\"utf-8\">"
        + "<link rel=\"stylesheet\" href=\"screen.css\"><link rel=\"stylesheet\" href=\"layout.css\">"
        + "<script src=\"render.js\"></script><script src=\"layout.js\"></script></head>"
        + "<body><div id=\"screen\"></div></body></html>", StandardCharsets.UTF_8);
    driver = Chromium.driver(profile);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    driver.get(site.resolve("layout.html").toUri().toString());
  }

  @AfterAll
  static void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void everyTemplateInEveryScriptFitsItsRegions() throws IOException {
    Files.createDirectories(Path.of("target", "screenshots", "layouts"));
    List<String> problems = new ArrayList<>();
    int crawling = 0;
    for (ScreenShape shape : ScreenShape.values()) {
      viewport(shape.width(), shape.height());
      for (LayoutTemplate template : Templates.all().stream().filter(t -> t.shape() == shape).toList()) {
        for (String language : TEXTS.keySet()) {
          String name = template.id() + "-" + (shape == ScreenShape.LANDSCAPE_16_9 ? "1920x1080" : "1080x1920") + "-" + language;
          Map<String, Object> report = mount(view(template, language, language.equals("km")));
          Files.write(Path.of("target", "screenshots", "layouts", name + ".png"),
              driver.findElement(By.id("screen")).getScreenshotAs(OutputType.BYTES));

          @SuppressWarnings("unchecked")
          List<String> found = (List<String>) report.get("problems");
          found.forEach(p -> problems.add(name + ": " + p));
          double minFont = ((Number) report.get("minFont")).doubleValue();
          if (minFont < MIN_READABLE_PX) {
            problems.add(name + ": text shrunk to " + minFont + "px");
          }
          crawling += ((Number) report.get("crawls")).intValue();
          @SuppressWarnings("unchecked")
          Map<String, Map<String, Number>> rects = (Map<String, Map<String, Number>>) report.get("rects");
          for (TemplateRegion region : template.regions()) {
            Map<String, Number> r = rects.get(region.role().name());
            assertThat(r).as(name + " " + region.role()).isNotNull();
            assertThat(r.get("x").doubleValue()).as(name + " " + region.role() + " x")
                .isCloseTo(region.rect().x() * shape.width(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(r.get("y").doubleValue()).isCloseTo(region.rect().y() * shape.height(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(r.get("w").doubleValue()).isCloseTo(region.rect().w() * shape.width(), org.assertj.core.data.Offset.offset(1.0));
            assertThat(r.get("h").doubleValue()).isCloseTo(region.rect().h() * shape.height(), org.assertj.core.data.Offset.offset(1.0));
          }
          if (template.region(io.gatecast.protocol.layout.RegionRole.SIDE).isPresent()) {
            double qr = ((Number) report.get("qrPx")).doubleValue();
            assertThat(qr).as(name + ": QR code side in px, at least 3 px a module").isGreaterThanOrEqualTo(37 * 3);
          }
        }
      }
    }
    assertThat(problems).as("text outside its region or box").isEmpty();
    // The long Hmong ticker cannot fit one band at a readable size: it crawls instead of being cut.
    assertThat(crawling).isPositive();
  }

  @Test
  void anUrgentAlertCoversEveryRegion() throws IOException {
    viewport(1920, 1080);
    LayoutTemplate template = Templates.get(Templates.HEADER_MAIN_SIDE_TICKER, ScreenShape.LANDSCAPE_16_9);
    mount(view(template, "vi", false));
    @SuppressWarnings("unchecked")
    Map<String, Object> covered = (Map<String, Object>) driver.executeScript(
        "window.handle.alert(['KHẨN CẤP: tạm dừng thông quan', '紧急：暂停通关'], 'vi');"
            + "var s = document.getElementById('screen'), o = s.querySelector('.gc-alert'), out = {};"
            + "var a = o.getBoundingClientRect(), b = s.getBoundingClientRect();"
            + "out.same = Math.abs(a.left-b.left) < 1 && Math.abs(a.top-b.top) < 1 && Math.abs(a.width-b.width) < 1"
            + "  && Math.abs(a.height-b.height) < 1;"
            + "out.regions = {}; s.querySelectorAll('.gc-region').forEach(function (r) { var q = r.getBoundingClientRect();"
            + "  var hit = document.elementFromPoint(q.left + q.width / 2, q.top + q.height / 2);"
            + "  out.regions[r.dataset.role] = !!(hit && hit.closest('.gc-alert')); });"
            + "return out;");
    Files.write(Path.of("target", "screenshots", "layouts", "alert-over-header-main-side-ticker.png"),
        driver.findElement(By.id("screen")).getScreenshotAs(OutputType.BYTES));
    assertThat(covered.get("same")).isEqualTo(true);
    assertThat(covered.get("regions")).isEqualTo(Map.of("HEADER", true, "MAIN", true, "SIDE", true, "TICKER", true));
  }

  /** Sizes the window so that its viewport, not the window, is width x height CSS px. */
  private static void viewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    @SuppressWarnings("unchecked")
    List<Number> inner = (List<Number>) driver.executeScript("return [window.innerWidth, window.innerHeight];");
    driver.manage().window().setSize(new Dimension(
        2 * width - inner.get(0).intValue(), 2 * height - inner.get(1).intValue()));
  }

  /** Mounts a view and measures, after the fonts have loaded, every text's glyph boxes against its region. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> mount(Map<String, Object> view) throws JsonProcessingException {
    String json = Codec.mapper().writeValueAsString(view);
    ScreenShape shape = ScreenShape.valueOf((String) view.get("shape"));
    return (Map<String, Object>) driver.executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "var s = document.getElementById('screen');"
            + "s.style.width = '" + shape.width() + "px'; s.style.height = '" + shape.height() + "px';"
            + "window.handle = GateCastLayout.mount(s, " + json + ");"
            + "document.fonts.ready.then(function () { window.handle.refit();"
            + " requestAnimationFrame(function () { requestAnimationFrame(function () { done(measure(s)); }); }); });"
            + MEASURE);
  }

  /**
   * The test's own measurement, independent of layout.js's: every visible text node's client
   * rects must lie within its region; every fitted box must not scroll; crawling lines count apart.
   */
  private static final String MEASURE = "function measure(s) {"
      + " var out = {problems: [], minFont: 1e9, crawls: 0, rects: {}, qrPx: 0}, sb = s.getBoundingClientRect();"
      + " s.querySelectorAll('.gc-region').forEach(function (region) {"
      + "  var r = region.getBoundingClientRect(), role = region.dataset.role;"
      + "  out.rects[role] = {x: r.left - sb.left, y: r.top - sb.top, w: r.width, h: r.height};"
      + "  var walk = document.createTreeWalker(region, NodeFilter.SHOW_TEXT), n;"
      + "  while ((n = walk.nextNode())) {"
      + "   if (!n.textContent.trim()) continue;"
      + "   var host = n.parentElement, slide = host.closest('.gc-slide');"
      + "   if (slide && !slide.classList.contains('on')) { out.problems.push(role + ': a slide is not shown yet'); continue; }"
      + "   if (host.closest('.gc-crawl')) { out.crawls++;"
      + "     var lb = host.getBoundingClientRect(); if (lb.top < r.top - 1 || lb.bottom > r.bottom + 1)"
      + "       out.problems.push(role + ': crawling line taller than its band'); continue; }"
      + "   out.minFont = Math.min(out.minFont, parseFloat(getComputedStyle(host).fontSize));"
      + "   var range = document.createRange(); range.selectNodeContents(n);"
      + "   var rects = range.getClientRects();"
      + "   for (var i = 0; i < rects.length; i++) { var q = rects[i];"
      + "     if (q.left < r.left - 1 || q.right > r.right + 1 || q.top < r.top - 1 || q.bottom > r.bottom + 1) {"
      + "       out.problems.push(role + ': \"' + n.textContent.slice(0, 40) + '\" at ' + Math.round(q.left) + ','"
      + "         + Math.round(q.top) + ' ' + Math.round(q.width) + 'x' + Math.round(q.height) + ' leaves ' + Math.round(r.left)"
      + "         + ',' + Math.round(r.top) + ' ' + Math.round(r.width) + 'x' + Math.round(r.height)); break; } }"
      + "  }"
      + "  region.querySelectorAll('[data-fit]').forEach(function (b) {"
      + "   if (b.classList.contains('gc-crawl')) return;"
      + "   if (b.scrollWidth > b.clientWidth + 1 || b.scrollHeight > b.clientHeight + 1)"
      + "     out.problems.push(role + ': ' + b.className + ' scrolls ' + b.scrollWidth + 'x' + b.scrollHeight"
      + "       + ' in ' + b.clientWidth + 'x' + b.clientHeight); });"
      + "  region.querySelectorAll('svg.gc-qr-code').forEach(function (q) { var g = q.getBoundingClientRect();"
      + "   out.qrPx = Math.min(g.width, g.height);"
      + "   if (g.left < r.left - 1 || g.right > r.right + 1 || g.top < r.top - 1 || g.bottom > r.bottom + 1)"
      + "     out.problems.push(role + ': QR code leaves the region'); });"
      + " });"
      + " return out; }";

  /** The data an agent would hand the page for this template at NOW, in one language. */
  private static Map<String, Object> view(LayoutTemplate template, String language, boolean holiday) {
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
}
