// Zoned layouts: draws a layout's regions into a container, each region hosting slides through
// render.js (window.GateCastScreen) or widgets drawn from data. Shared, like render.js, by the
// agent's screen page and the console's preview. A classic script that defines window.GateCastLayout;
// load it after render.js, with screen.css and layout.css.
//
// Nothing here fetches anything or keeps time: the agent computes every fact from the signed
// rules (clock readings, today's date and lunar date, today's opening hours, the QR modules,
// the countdown's remaining seconds, the texts in the moment's language) and calls update() again
// when one changes. Text is only ever set with textContent.
//
// A view:
//   { shape: "LANDSCAPE_16_9" | "PORTRAIT_9_16", language: "vi",
//     regions: [ { role: "MAIN" | "TICKER" | "HEADER" | "SIDE", rect: {x, y, w, h} (fractions),
//                  item: <a GET /now item, see render.js> | null,
//                  widgets: [ <widget>, ... ] } ] }
//   widgets (language is the view's):
//     {type: "CLOCK", zones: [{label, time: "09:55", offset: "UTC+7"}]}
//     {type: "DATE", date: "2026-12-02", lunar: {day, month, leap, stem, branch} | null}
//     {type: "OPENING_HOURS", spans: [["07:00", "11:30"], ["13:00", "24:00"]]}   ([] = closed today)
//     {type: "TICKER", lines: ["...", "..."]}
//     {type: "QR", url: "https://...", modules: ["1010...", ...]}
//     {type: "COUNTDOWN", title: "...", seconds: 1234567}
//
// Text never overflows its box and is never cut: every text box is shrunk (binary search on its
// font size) until its scroll size fits its client size. The one exception is a ticker line too
// long for its band even at the smallest readable size: it crawls, so every word passes by.
(function (global) {
  "use strict";

  // Words the renderer itself writes, per primary language subtag; others fall back to English.
  // These go through the same translation review as the console's strings.
  var WORDS = {
    vi: { hours: "Giờ mở cửa hôm nay", closed: "Hôm nay đóng cửa", d: "ngày", h: "giờ", m: "phút", lunar: "Âm lịch", leap: "nhuận", year: "năm" },
    zh: { hours: "今日开放时间", closed: "今日不开放", d: "天", h: "小时", m: "分钟", lunar: "农历", leap: "闰", year: "年" },
    lo: { hours: "ເວລາເປີດມື້ນີ້", closed: "ມື້ນີ້ປິດ", d: "ມື້", h: "ຊົ່ວໂມງ", m: "ນາທີ", lunar: "ຈັນທະຄະຕິ", leap: "", year: "" },
    km: { hours: "ម៉ោងបើកថ្ងៃនេះ", closed: "ថ្ងៃនេះបិទ", d: "ថ្ងៃ", h: "ម៉ោង", m: "នាទី", lunar: "ចន្ទគតិ", leap: "", year: "" },
    en: { hours: "Opening hours today", closed: "Closed today", d: "d", h: "h", m: "min", lunar: "Lunar", leap: "leap", year: "" }
  };
  var STEMS_VI = ["Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"];
  var BRANCHES_VI = ["Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"];
  var STEMS_ZH = "甲乙丙丁戊己庚辛壬癸";
  var BRANCHES_ZH = "子丑寅卯辰巳午未申酉戌亥";
  var DIGITS_ZH = "一二三四五六七八九十";
  var MONTHS_ZH = ["正", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "腊"];

  function primary(lang) { return String(lang || "en").split("-")[0].toLowerCase(); }
  function words(lang) { return WORDS[primary(lang)] || WORDS.en; }

  function el(tag, cls, text, lang) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text != null) { e.textContent = text; }
    if (lang) { e.lang = lang; }
    return e;
  }

  // ---- fitting text ----

  function overflows(box) {
    return box.scrollWidth > box.clientWidth + 0.5 || box.scrollHeight > box.clientHeight + 0.5;
  }

  // The largest font size in [min, max] px at which box's content fits box; min if none does
  // (the caller decides what to do then). Sizes of descendants should be in em.
  function fit(box, max, min) {
    var lo = min, hi = max;
    box.style.fontSize = hi + "px";
    if (!overflows(box)) { return hi; }
    for (var i = 0; i < 12 && hi - lo > 0.5; i++) {
      var mid = (lo + hi) / 2;
      box.style.fontSize = mid + "px";
      if (overflows(box)) { hi = mid; } else { lo = mid; }
    }
    box.style.fontSize = lo + "px";
    return lo;
  }

  function fitAll(root) {
    var boxes = root.querySelectorAll("[data-fit]");
    for (var i = 0; i < boxes.length; i++) {
      var b = boxes[i];
      var base = b.clientHeight;
      if (b.dataset.fit === "line") { fitLine(b); continue; }
      // A text box starts from a size proportional to its height and comes down from there.
      var max = Math.max(10, base * parseFloat(b.dataset.max || "0.5"));
      fit(b, max, Math.min(max, 8));
    }
  }

  // A ticker line: one line, as large as the band allows; crawling when even the smallest
  // readable size (45% of the band) is too wide.
  function fitLine(box) {
    var band = box.clientHeight;
    var span = box.firstChild;
    box.classList.remove("gc-crawl");
    span.style.animationDuration = "";
    var size = fit(box, band * 0.6, band * 0.45);
    box.style.fontSize = size + "px";
    span.style.animationDelay = "";
    if (overflows(box)) {
      box.classList.add("gc-crawl");
      // about 12 characters a second, however long the line
      var seconds = Math.max(10, Math.round(span.textContent.length / 12));
      span.style.animationDuration = seconds + "s";
      // The crawl enters from the right edge (a band-wide lead-in), but the first pass starts with
      // the line's beginning at the left edge: no empty band when a ticker appears or changes.
      var lead = parseFloat(getComputedStyle(span).paddingLeft) / Math.max(1, span.offsetWidth);
      span.style.animationDelay = -(lead * seconds).toFixed(3) + "s";
    }
  }

  // ---- widgets ----

  function clock(w, lang) {
    var root = el("div", "gc-widget gc-clock");
    root.dataset.fit = "box";
    root.dataset.max = "0.34";
    (w.zones || []).forEach(function (z) {
      var zone = el("div", "gc-zone");
      if (z.label) { zone.appendChild(el("div", "gc-zone-label", z.label, lang)); }
      zone.appendChild(el("div", "gc-time", z.time));
      zone.appendChild(el("div", "gc-offset", z.offset));
      root.appendChild(zone);
    });
    return root;
  }

  function dayZh(d) {
    if (d <= 10) { return "初" + DIGITS_ZH.charAt(d - 1); }
    if (d < 20) { return "十" + DIGITS_ZH.charAt(d - 11); }
    if (d === 20) { return "二十"; }
    if (d < 30) { return "廿" + DIGITS_ZH.charAt(d - 21); }
    return "三十";
  }

  function lunarText(l, lang) {
    var p = primary(lang), wd = words(lang);
    if (p === "zh") {
      return wd.lunar + STEMS_ZH.charAt(l.stem) + BRANCHES_ZH.charAt(l.branch) + "年"
        + (l.leap ? wd.leap : "") + MONTHS_ZH[l.month - 1] + "月" + dayZh(l.day);
    }
    var dm = l.day + "/" + l.month + (l.leap && wd.leap ? " " + wd.leap : "");
    if (p === "vi") {
      return wd.lunar + " " + dm + " " + wd.year + " " + STEMS_VI[l.stem] + " " + BRANCHES_VI[l.branch];
    }
    return wd.lunar + " " + dm;
  }

  // The weekday and month in words where the browser knows the language; otherwise day/month/year
  // in digits, as read in Vietnam, Laos and Cambodia, rather than another language's words.
  function dateText(iso, lang) {
    var d = new Date(iso + "T00:00:00Z");
    try {
      if (Intl.DateTimeFormat.supportedLocalesOf([lang]).length === 0) {
        return d.getUTCDate() + "/" + (d.getUTCMonth() + 1) + "/" + d.getUTCFullYear();
      }
      return new Intl.DateTimeFormat(lang, { weekday: "long", day: "numeric", month: "long", year: "numeric",
        timeZone: "UTC" }).format(d);
    } catch (e) {
      return iso;
    }
  }

  function date(w, lang) {
    var root = el("div", "gc-widget gc-date");
    root.dataset.fit = "box";
    root.dataset.max = "0.3";
    root.appendChild(el("div", "gc-date-main", dateText(w.date, lang), lang));
    if (w.lunar) { root.appendChild(el("div", "gc-date-lunar", lunarText(w.lunar, lang), lang)); }
    return root;
  }

  function hours(w, lang) {
    var root = el("div", "gc-widget gc-hours");
    root.dataset.fit = "box";
    root.dataset.max = "0.16";
    root.appendChild(el("div", "gc-title", words(lang).hours, lang));
    if (!w.spans || w.spans.length === 0) {
      root.appendChild(el("div", "gc-closed", words(lang).closed, lang));
    } else {
      w.spans.forEach(function (s) { root.appendChild(el("div", "gc-span", s[0] + "\u2013" + s[1])); });
    }
    return root;
  }

  function ticker(w, lang) {
    var root = el("div", "gc-widget gc-ticker");
    root.dataset.fit = "line";
    root.appendChild(el("span", "gc-line", (w.lines || []).join("   \u2022   "), lang));
    return root;
  }

  var SVG = "http://www.w3.org/2000/svg";

  // The modules as one SVG path in a 4-module quiet zone: crisp at any size, no canvas.
  function qr(w, lang) {
    var root = el("div", "gc-widget gc-qr");
    var n = w.modules.length, quiet = 4, d = [];
    for (var y = 0; y < n; y++) {
      for (var x = 0; x < n; x++) {
        if (w.modules[y].charAt(x) === "1") { d.push("M" + (x + quiet) + " " + (y + quiet) + "h1v1h-1z"); }
      }
    }
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + (n + 2 * quiet) + " " + (n + 2 * quiet));
    svg.setAttribute("shape-rendering", "crispEdges");
    svg.setAttribute("class", "gc-qr-code");
    var bg = document.createElementNS(SVG, "rect");
    bg.setAttribute("width", n + 2 * quiet);
    bg.setAttribute("height", n + 2 * quiet);
    bg.setAttribute("fill", "#fff");
    var path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d.join(""));
    path.setAttribute("fill", "#000");
    svg.appendChild(bg);
    svg.appendChild(path);
    svg.dataset.url = w.url;
    root.appendChild(svg);
    var host = w.url;
    try { host = new URL(w.url).host; } catch (e) { /* shown as given */ }
    var caption = el("div", "gc-qr-caption", host);
    caption.dataset.fit = "box";
    caption.dataset.max = "0.6";
    root.appendChild(caption);
    return root;
  }

  function countdown(w, lang) {
    var root = el("div", "gc-widget gc-countdown");
    root.dataset.fit = "box";
    root.dataset.max = "0.16";
    var s = Math.max(0, Math.floor(w.seconds));
    var wd = words(lang);
    root.appendChild(el("div", "gc-title", w.title, lang));
    var left = el("div", "gc-left", null, lang);
    [[Math.floor(s / 86400), wd.d], [Math.floor(s % 86400 / 3600), wd.h], [Math.floor(s % 3600 / 60), wd.m]]
      .forEach(function (part) {
        var unit = el("span", "gc-unit");
        unit.appendChild(el("b", null, String(part[0])));
        unit.appendChild(document.createTextNode(" " + part[1]));
        left.appendChild(unit);
      });
    root.appendChild(left);
    return root;
  }

  var WIDGETS = { CLOCK: clock, DATE: date, OPENING_HOURS: hours, TICKER: ticker, QR: qr, COUNTDOWN: countdown };

  // ---- regions ----

  function placeRegion(region, r) {
    region.style.left = (r.x * 100) + "%";
    region.style.top = (r.y * 100) + "%";
    region.style.width = (r.w * 100) + "%";
    region.style.height = (r.h * 100) + "%";
  }

  // ---- switching: every region at once ----
  //
  // An update may change several regions (a language switch changes all of them). What each
  // region will show next is built first, hidden: a slide through render.js, loaded and decoded;
  // widgets drawn and fitted in a hidden holder. Only when every new piece is ready are they all
  // made visible, and the old ones removed, in one task: the browser never paints a region empty,
  // nor one region in the new language beside another still in the old one. A piece that fails to
  // load is dropped and its region keeps what it shows (never black); it is not retried until its
  // key changes.

  // How long the other regions wait for one slide to load and decode before going on without it.
  var READY_DEADLINE_MS = 10000;

  function itemKey(item) {
    return item ? item.contentId + "|" + item.language + "|" + (item.sha256 || item.text) : "";
  }

  // The hidden element for a slide, or null for a type a screen cannot draw.
  function buildSlide(item, mediaUrl) {
    var next = global.GateCastScreen.build(item, mediaUrl);
    if (!next) { return null; }
    if (item.text == null) {
      next.classList.add("gc-slide");
      return next;
    }
    // a text slide fits inside padding, so its words never touch the region's edge
    var words = next;
    next = el("div", "gc-slide gc-text-slide");
    words.classList.add("gc-words");
    words.dataset.fit = "box";
    words.dataset.max = "0.12";
    next.lang = words.lang;
    next.dataset.content = words.dataset.content;
    next.appendChild(words);
    return next;
  }

  // Widgets in a holder that stays hidden (but laid out, so it can be fitted) until committed.
  function buildWidgets(widgets, lang) {
    var holder = el("div", "gc-widgets gc-pending");
    holder.lang = lang;
    widgets.forEach(function (w) {
      var draw = WIDGETS[w.type];
      if (draw) {
        var cell = el("div", "gc-cell");
        cell.appendChild(draw(w, lang));
        holder.appendChild(cell);
      }
    });
    return holder;
  }

  // What a region shows now.
  function shown(region) {
    return Array.prototype.slice.call(
      region.querySelectorAll(":scope > .gc-slide.on, :scope > .gc-widgets:not(.gc-pending)"));
  }

  function drop(node) {
    if (node.classList.contains("gc-slide")) {
      global.GateCastScreen.discard(node);
    } else if (node.parentNode) {
      node.parentNode.removeChild(node);
    }
  }

  // The region's pending piece for key: the one being built already, or a new one (replacing a
  // pending piece for another key); null when the region shows key already or key failed.
  function prepare(region, key, create) {
    if (region.pending && region.pending.key === key) { return region.pending; }
    if (region.pending) {
      if (region.pending.node) { drop(region.pending.node); }
      region.pending = null;
    }
    if (region.dataset.key === key || region.dataset.failed === key) { return null; }
    var node = create();
    var piece = { key: key, node: node, started: false, settled: false, ok: false };
    region.pending = piece;
    if (node) { region.appendChild(node); }
    return piece;
  }

  // Shows every settled pending piece and removes what it replaces, all in this one task.
  function commit(regionList, language) {
    regionList.forEach(function (region) {
      var piece = region.pending;
      if (!piece || !piece.settled) { return; }
      region.pending = null;
      if (!piece.ok) {
        if (piece.node) { drop(piece.node); }
        region.dataset.failed = piece.key;
        return;
      }
      var old = shown(region);
      if (piece.node && piece.node.classList.contains("gc-widgets")) {
        piece.node.classList.remove("gc-pending");
      } else if (piece.node) {
        global.GateCastScreen.show(piece.node);
      }
      old.forEach(drop);
      region.dataset.key = piece.key;
      region.removeAttribute("data-failed");
    });
    // Every region now shows the moment's pieces: all of them say its language together.
    regionList.forEach(function (region) { region.lang = language; });
  }

  // Builds the regions of view in container (emptied first) and returns a handle whose update()
  // takes the next view of the same layout, alert() covers every region with urgent lines (or
  // uncovers them with null), refit() measures again (after fonts load or a resize), and
  // whenShown(f) calls f once every region shows its first piece (within the same deadline as an
  // update), in the task that commits them. The container must be laid out (not display: none) so
  // regions can be measured; a page may keep it out of sight (opacity 0) until whenShown.
  function mount(container, view, mediaUrl) {
    container.textContent = "";
    container.classList.add("gc-layout");
    container.dataset.shape = view.shape;
    var regions = {};
    view.regions.forEach(function (r) {
      var region = el("div", "gc-region gc-" + r.role.toLowerCase());
      region.dataset.role = r.role;
      placeRegion(region, r.rect);
      var px = r.rect.w * container.clientWidth / (r.rect.h * container.clientHeight);
      region.dataset.flow = px >= 1.6 ? "row" : "column";
      container.appendChild(region);
      regions[r.role] = region;
    });
    var overlay = el("div", "gc-alert off");
    container.appendChild(overlay);

    // Every changed region's next piece is prepared; all are committed together once the last one
    // is ready (at once when they are text and widgets). A newer update replaces a pending piece
    // whose key it changes and keeps one it asks for again, so the clock's update every second
    // does not restart a slide that is still decoding.
    var all = Object.keys(regions).map(function (k) { return regions[k]; });
    // Called once the first view's pieces are all committed (each shown, or failed after its
    // deadline): a page that builds a new arrangement out of sight shows it then (whenShown).
    var firstShown = false, onShown = [];
    function settle() {
      var open = all.filter(function (region) { return region.pending && !region.pending.settled; });
      if (open.length > 0) { return; }
      commit(all, language);
      if (!firstShown) {
        firstShown = true;
        onShown.splice(0).forEach(function (f) { f(); });
      }
    }
    function whenShown(f) { if (firstShown) { f(); } else { onShown.push(f); } }

    var language = view.language;
    function update(next) {
      language = next.language;
      container.lang = next.language;
      next.regions.forEach(function (r) {
        var region = regions[r.role];
        if (!region) { return; }
        if (r.widgets && r.widgets.length) {
          var lang = next.language, widgets = r.widgets;
          var w = prepare(region, "w|" + lang + "|" + JSON.stringify(widgets),
            function () { return buildWidgets(widgets, lang); });
          if (w && !w.started) {
            w.started = true;
            fitAll(w.node);
            w.settled = w.ok = true;
          }
          return;
        }
        var item = r.item || null;
        var piece = prepare(region, "i|" + itemKey(item), function () { return item ? buildSlide(item, mediaUrl) : null; });
        if (!piece || piece.started) { return; }
        piece.started = true;
        if (!piece.node) {
          // idle: the region empties on commit; a type no screen can draw keeps what is shown
          piece.settled = true;
          piece.ok = item == null;
          return;
        }
        // A slide that neither loads nor fails within the deadline must not hold every other region
        // (the clock among them) back for ever: it counts as failed, and its region keeps what it shows.
        global.setTimeout(function () {
          if (region.pending === piece && !piece.settled) {
            piece.settled = true;
            settle();
          }
        }, READY_DEADLINE_MS);
        global.GateCastScreen.whenReady(piece.node, function () {
          if (region.pending !== piece) { return; }
          fitAll(piece.node);
          piece.settled = piece.ok = true;
          settle();
        }, function () {
          if (region.pending !== piece) { return; }
          piece.settled = true;
          settle();
        });
      });
      settle();
    }

    function alert(lines, lang) {
      overlay.textContent = "";
      if (!lines || !lines.length) { overlay.classList.add("off"); return; }
      var text = el("div", "gc-alert-text", lines.join("\n"), lang || container.lang);
      text.dataset.fit = "box";
      text.dataset.max = "0.1";
      overlay.appendChild(text);
      overlay.classList.remove("off");
      fitAll(overlay);
    }

    function refit() { fitAll(container); }

    update(view);
    if (document.fonts && document.fonts.ready) { document.fonts.ready.then(refit); }
    return { update: update, alert: alert, refit: refit, regions: regions, whenShown: whenShown };
  }

  global.GateCastLayout = { mount: mount, fit: fit, lunarText: lunarText };
})(window);
