/* Material starts two big downloads on every page load that the page does not
 * need in order to show itself, and at 10,000 events they competed with the
 * timeline for the CPU:
 * - the whole search index (search/search_index.json, 4 MB there), which most
 *   readers never use. It is held back until the reader turns to search: focus
 *   in the search box (which the f, s and / shortcuts and ?q= links also
 *   cause), the search toggle, a tap on the search button; or at once when the
 *   address asks for search (?q=) or for highlighting (?h=, which needs it).
 * - sitemap.xml (1.5 MB there, 30 KB gzipped: a third of a text page's
 *   budget), fetched twice: once for instant navigation and once because
 *   Material takes the events feed's <link rel="alternate"> for a language
 *   version of the site. It only decides whether the next click loads in
 *   place, so it is held back until the reader does something (moves the
 *   pointer, touches, scrolls with the wheel, presses a key) and the page's
 *   charts are drawn (or have failed). A click before it has arrived loads the
 *   next page the ordinary way.
 * - every map on the page, a second time: see the end of this file.
 * Loaded before Material's bundle, this script holds back the send() of those
 * GET requests only. Material's bundle runs once per visit, even across
 * instant navigation, so each hold lifts once; when both have, XMLHttpRequest
 * is given back untouched. */
(function () {
  "use strict";
  var proto = window.XMLHttpRequest && XMLHttpRequest.prototype;
  if (!proto || !window.WeakMap || !window.URL) { return; }

  /* Material takes every <link rel="alternate"> for another language's site and asks
   * for the sitemap.xml beside its address, to find the same page there. Our hreflang
   * links name each page's own twin (builder/i18n/editions.py), beside which there is
   * no sitemap (a 404 per link and page), and the language switch is a plain link: so
   * no sitemap but this edition's own (instant navigation's) is ever asked for. This
   * stays in place after the holds below lift. */
  var ownSitemap = null;
  try {
    var settings = JSON.parse(document.getElementById("__config").textContent);
    ownSitemap = new URL("sitemap.xml", new URL(settings.base, location.href)).pathname;
  } catch (error) {
    ownSitemap = null;
  }
  if (ownSitemap && window.WeakSet) {
    var neverSent = new WeakSet();
    var openOnce = proto.open;
    var sendOnce = proto.send;
    proto.open = function (method, url) {
      neverSent.delete(this);
      var path = "";
      try { path = new URL(String(url), document.baseURI).pathname; } catch (error) { path = ""; }
      if (/(^|\/)sitemap\.xml$/.test(path) && path !== ownSitemap) { neverSent.add(this); }
      return openOnce.apply(this, arguments);
    };
    proto.send = function () {
      return neverSent.has(this) ? undefined : sendOnce.apply(this, arguments);
    };
  }

  var open = proto.open;
  var send = proto.send;
  var abort = proto.abort;
  var search = {path: /(^|\/)search\/search_index\.json$/, queue: [], released: false};
  var sitemap = {path: /(^|\/)sitemap\.xml$/, queue: [], released: false};
  var holds = [search, sitemap];
  var holdOf = new WeakMap();
  // Window, capture phase: sees every event first and outlives instant navigation.
  var EVENTS = ["focusin", "change", "pointerdown", "click"];

  function holdFor(method, url) {
    if (String(method).toUpperCase() !== "GET") { return null; }
    var path;
    try {
      path = new URL(String(url), document.baseURI).pathname;
    } catch (error) {
      return null;
    }
    for (var i = 0; i < holds.length; i++) {
      if (!holds[i].released && holds[i].path.test(path)) { return holds[i]; }
    }
    return null;
  }

  // A request aborted or opened again before its hold lifts must not go out as it was.
  function forget(xhr) {
    holds.forEach(function (hold) {
      hold.queue = hold.queue.filter(function (entry) { return entry.xhr !== xhr; });
    });
  }

  proto.open = function (method, url) {
    forget(this);
    var hold = holdFor(method, url);
    if (hold) { holdOf.set(this, hold); } else { holdOf.delete(this); }
    return open.apply(this, arguments);
  };
  proto.send = function () {
    var hold = holdOf.get(this);
    if (hold && !hold.released) {
      hold.queue.push({xhr: this, args: arguments});
      return undefined;
    }
    return send.apply(this, arguments);
  };
  proto.abort = function () {
    forget(this);
    return abort.apply(this, arguments);
  };

  function release(hold) {
    if (hold.released) { return; }
    hold.released = true;
    if (holds.every(function (h) { return h.released; })) {
      proto.open = open;
      proto.send = send;
      proto.abort = abort;
    }
    var queue = hold.queue;
    hold.queue = [];
    queue.forEach(function (entry) { send.apply(entry.xhr, entry.args); });
  }

  /* Material also starts its search worker (12 KB gz) on every page load, to feed
   * it the index later. Until the reader turns to search, the bundle gets a stand-in
   * that keeps what the bundle sends it; the real worker starts with the index. */
  var RealWorker = window.Worker;
  var waiting = [];
  var SEARCH_WORKER = /(^|\/)workers\/search\.[0-9a-f]+\.min\.js$/;
  function startWorker(standIn) {
    var real = new RealWorker(standIn.url, standIn.options);
    ["message", "messageerror", "error"].forEach(function (type) {
      real.addEventListener(type, function (event) {
        standIn.dispatchEvent(type === "error" ? new Event("error") :
          new MessageEvent(type, {data: event.data}));
      });
    });
    standIn.real = real;
    standIn.sent.forEach(function (args) { real.postMessage.apply(real, args); });
    standIn.sent = [];
  }
  if (RealWorker && window.EventTarget && window.MessageEvent) {
    window.Worker = function (url, options) {
      var path = "";
      try { path = new URL(String(url), document.baseURI).pathname; } catch (error) { path = ""; }
      if (search.released || !SEARCH_WORKER.test(path)) { return new RealWorker(url, options); }
      var standIn = new EventTarget();
      standIn.url = url;
      standIn.options = options;
      standIn.sent = [];
      standIn.real = null;
      standIn.postMessage = function () {
        if (standIn.real) { return standIn.real.postMessage.apply(standIn.real, arguments); }
        standIn.sent.push(Array.prototype.slice.call(arguments));
        return undefined;
      };
      standIn.terminate = function () {
        if (standIn.real) { standIn.real.terminate(); }
        waiting = waiting.filter(function (w) { return w !== standIn; });
      };
      waiting.push(standIn);
      return standIn;
    };
    window.Worker.prototype = RealWorker.prototype;
  }
  /* Search: lifted when the reader turns to it. */
  function releaseSearch() {
    if (RealWorker && window.Worker !== RealWorker) {
      window.Worker = RealWorker;
      var started = waiting;
      waiting = [];
      started.forEach(startWorker);
    }
    release(search);
    EVENTS.forEach(function (type) { window.removeEventListener(type, onEvent, true); });
  }

  function inSearch(target) {
    return !!(target && target.closest &&
      target.closest("form[name='search'], .md-search, label[for='__search']"));
  }

  function onEvent(event) {
    var target = event.target;
    if (event.type === "change") {
      if (target && target.id === "__search" && target.checked) { releaseSearch(); }
    } else if (inSearch(target)) {
      releaseSearch();
    }
  }

  EVENTS.forEach(function (type) { window.addEventListener(type, onEvent, true); });

  var params = new URL(location.href).searchParams;
  if (params.has("q") || params.has("h")) { releaseSearch(); }

  /* Sitemap: lifted once the reader has done something and no chart is still being
   * drawn (docs/assets/js/charts.js marks each .dr-chart data-drawn="true" or "error",
   * or "waiting" while it is too far from the viewport to be drawn at all). */
  var watcher = null;
  var interacted = false;
  var INTERACTIONS = ["pointermove", "pointerdown", "touchstart", "wheel", "keydown"];

  function chartsSettled() {
    var charts = document.querySelectorAll(".dr-chart");
    for (var i = 0; i < charts.length; i++) {
      var state = charts[i].getAttribute("data-drawn");
      if (state !== "true" && state !== "error" && state !== "waiting") { return false; }
    }
    return true;
  }

  function releaseSitemap() {
    if (watcher) { watcher.disconnect(); }
    INTERACTIONS.forEach(function (type) { window.removeEventListener(type, onInteraction, true); });
    release(sitemap);
  }

  function checkSitemap() {
    if (!sitemap.released && interacted && document.body && chartsSettled()) { releaseSitemap(); }
  }

  function onInteraction() {
    interacted = true;
    checkSitemap();
  }

  INTERACTIONS.forEach(function (type) {
    window.addEventListener(type, onInteraction, {capture: true, passive: true});
  });

  window.addEventListener("load", function () {
    if (window.MutationObserver) {
      watcher = new MutationObserver(checkSitemap);
      watcher.observe(document.body, {subtree: true, attributes: true, attributeFilter: ["data-drawn"]});
    }
    checkSitemap();
  });

  /* Map frames: on start-up, instant navigation makes every relative href and src
   * absolute by assigning each element's property to itself (element.src =
   * element.src). For an iframe that assignment is a navigation: every map on the
   * page was fetched, run and drawn twice, the second time from scratch, and the
   * first map on the Maps page appeared half a second late. Assigning a frame of
   * this page the address it already shows is therefore let pass without effect;
   * any other address, or a frame in a document Material has fetched but not yet
   * shown, is assigned as before. */
  var frameSrc = window.HTMLIFrameElement &&
    Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, "src");
  if (frameSrc && frameSrc.get && frameSrc.set && frameSrc.configurable) {
    Object.defineProperty(HTMLIFrameElement.prototype, "src", {
      configurable: true,
      enumerable: frameSrc.enumerable,
      get: frameSrc.get,
      set: function (value) {
        var same = this.ownerDocument === document && this.isConnected &&
          this.hasAttribute("src") && String(value) === frameSrc.get.call(this);
        if (!same) { frameSrc.set.call(this, value); }
      }
    });
  }
})();
