// How one item becomes what a screen shows: shared by the agent's screen page and the console's
// live preview, so an operator previews exactly what the kiosk will draw. A classic script (the
// kiosk page is not a module) that defines window.GateCastScreen; it keeps no state of its own.
//
// An item is the agent's GET /now item: {contentId, title, sha256, mimeType, language, text}.
// Text is only ever set with textContent: nothing the controller sends is parsed as HTML here.
(function (global) {
  "use strict";

  function defaultMediaUrl(sha256) { return "/media/" + encodeURIComponent(sha256); }

  // The element for an item, not yet on the stage; null for a type a screen cannot show.
  // mediaUrl(sha256) names where the file comes from (the agent's cache, or the console's copy).
  function build(item, mediaUrl) {
    var el;
    if (item.text != null) {
      el = document.createElement("div");
      el.className = "text";
      el.textContent = item.text;
    } else {
      var type = String(item.mimeType || "").toLowerCase();
      if (type.indexOf("image/") === 0) {
        el = document.createElement("img");
        el.alt = "";
        el.decoding = "async";
      } else if (type.indexOf("video/") === 0) {
        el = document.createElement("video");
        el.muted = true;              // browsers autoplay only muted video
        el.setAttribute("muted", "");
        el.loop = true;               // loops until its slot ends
        el.playsInline = true;
        el.preload = "auto";
      } else if (type.indexOf("text/html") === 0) {
        el = document.createElement("iframe");
        // Scripts may run but, without allow-same-origin, the slide cannot touch this page.
        el.setAttribute("sandbox", "allow-scripts");
        el.setAttribute("scrolling", "no");
      } else {
        return null;
      }
      el.src = (mediaUrl || defaultMediaUrl)(item.sha256);
    }
    el.lang = item.language || "";
    el.dataset.content = item.contentId;
    return el;
  }

  // Calls ready() once an element on the stage can be shown without a blank frame (an image
  // decoded, not just downloaded; a video able to play through), failed() if it cannot load.
  function whenReady(el, ready, failed) {
    if (el.tagName === "IMG") {
      el.decode().then(ready, failed);
    } else if (el.tagName === "VIDEO") {
      el.addEventListener("canplaythrough", ready, { once: true });
      el.addEventListener("error", failed, { once: true });
      el.load();
    } else if (el.tagName === "IFRAME") {
      el.addEventListener("load", ready, { once: true });
    } else {
      ready();
    }
  }

  // Makes a loaded element the one visible (a clip starts from its beginning).
  function show(el) {
    if (el.tagName === "VIDEO") {
      try { el.currentTime = 0; } catch (e) { /* not seekable yet */ }
      var p = el.play();
      if (p && p.catch) { p.catch(function () {}); }
    }
    el.classList.add("on");
    el.dataset.state = "on";
  }

  // Removes an element and, for a video, lets go of its decoder and buffer at once: a kiosk
  // runs for weeks and must not collect dead players.
  function discard(el) {
    if (el.parentNode) { el.parentNode.removeChild(el); }
    if (el.tagName === "VIDEO") {
      el.pause();
      el.removeAttribute("src");
      el.load();
    }
  }

  // The ticker line under a media item: its title, scrolling when wider than the screen. A text
  // slide is its own words, so it has none.
  function setTicker(ticker, item) {
    ticker.textContent = "";
    ticker.classList.remove("scroll");
    if (!item || item.text != null || !item.title) { ticker.classList.add("off"); return; }
    ticker.classList.remove("off");
    var span = document.createElement("span");
    span.textContent = item.title;
    ticker.appendChild(span);
    if (span.scrollWidth > ticker.clientWidth) {
      ticker.style.setProperty("--ticker-seconds", Math.max(8, Math.round(item.title.length / 6)) + "s");
      ticker.classList.add("scroll");
    }
  }

  global.GateCastScreen = { build: build, whenReady: whenReady, show: show, discard: discard, setTicker: setTicker };
})(window);
