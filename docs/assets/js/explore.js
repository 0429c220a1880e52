/*
 * The explore page (explore/): one state, a map and a timeline that show it.
 *
 * The state is a period, filters (categories, statuses, one actor) and a chosen event. It
 * lives in the address's fragment, written with the data's own ids:
 *   #from=2021-08-15&to=2022-08-14&category=conflict&actor=kyrgyzstan&status=claimed&event=<id>
 * (each part optional; dates YYYY, YYYY-MM or YYYY-MM-DD; lists separated by commas). Opening
 * such a link shows that view and frames the map on it; each change pushes a history entry, so
 * Back returns to the previous view.
 *
 * The record comes from data/explore.json, read once: the published events.geojson less what
 * this page never shows, each source listed once and cited by id. Events are sorted by
 * the first day they may mean, and a period is found by binary search (an event is in a period
 * when its span, a day, a month, a year or date to end_date, overlaps it). Every change is
 * drawn in one animation frame: the map (maps/explore.html, same origin: DR.exploreMap, which
 * adds and removes canvas markers), the timeline (plotly.js, loaded at once: one mark per
 * event, or counts per month for a large record), the list beside the map (only the rows on
 * screen exist), the slider and date fields, and, a quarter of a second later, the sentence
 * of the live region that says what is shown.
 *
 * Plotly charts cannot be used from the keyboard, so the period has controls of our own: two
 * slider thumbs (WAI-ARIA multi-thumb slider) and two date fields. Play walks through time a
 * month a step and never starts by itself. Editor text is set with textContent only.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-explore]");
  if (!root || root.hasAttribute("data-explore-live")) { return; }
  var configNode = document.getElementById("dr-explore-config");
  if (!configNode) { return; }
  root.setAttribute("data-explore-live", "");
  var config = JSON.parse(configNode.textContent);

  /* ---------- words ---------- */

  /* The page's language, and its words: a page in another language than English carries them
   * as JSON in #dr-strings (builder/i18n/front.py); each call names the English it falls back to. */
  var LANG = (document.documentElement.lang || "en").toLowerCase().split("-")[0];
  var NUMBER_LOCALE = LANG === "en" ? "en-GB" : LANG;
  // Read when first needed: the element may come after this script in the page.
  var strings = null;
  /* A title or summary the edition's file has only in English is marked as English. */
  function markLanguage(node, p, field) {
    var written = p.text_lang && p.text_lang[field];
    if (written && written !== document.documentElement.lang) { node.setAttribute("lang", written); }
    return node;
  }
  function t(key, english, values) {
    if (strings === null || !Object.keys(strings).length) {
      var node = document.getElementById("dr-strings");
      try { strings = node ? JSON.parse(node.textContent) : {}; } catch (err) { strings = {}; }
    }
    var text = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : english;
    return !values ? text : text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  /* t under another name, for code where "t" names something else. */
  function words(key, english, values) { return t(key, english, values); }
  /* The key of a count's plural form in the page's language: base + ".one", ".few", ".many"... */
  function plural(base, n) {
    var form = "other";
    try { form = new Intl.PluralRules(LANG).select(n); } catch (err) { form = n === 1 ? "one" : "other"; }
    return base + "." + form;
  }
  function count(n) { return n.toLocaleString(NUMBER_LOCALE); }
  function categoryName(c) { return t("ui.category." + c, config.categories[c] || c); }
  function statusName(s) { return t("status." + s, (config.statuses && config.statuses[s]) || s); }

  var DAY_MS = 86400000;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
  var EVENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var WEB_URL = /^https?:\/\//;
  var ROW_PX = 56;
  var DEFAULT_WINDOW_MONTHS = 6;
  var SELECTED = "#e8590c";

  var app = root.querySelector(".dr-explore-app");
  var statusLine = document.getElementById("dr-explore-status");
  var frameEl = root.querySelector(".dr-explore-frame");
  var card = root.querySelector(".dr-explore-card");
  var scroller = root.querySelector(".dr-explore-scroll");
  var itemsEl = root.querySelector(".dr-explore-items");
  var listHeading = document.getElementById("dr-explore-list-heading");
  var timelineEl = root.querySelector(".dr-explore-timeline");
  var thumbs = { from: root.querySelector("[data-thumb=from]"), to: root.querySelector("[data-thumb=to]") };
  var sliderEl = root.querySelector(".dr-explore-slider");
  var fillEl = root.querySelector(".dr-explore-fill");
  var fromInput = document.getElementById("dr-explore-from");
  var toInput = document.getElementById("dr-explore-to");
  var actorSelect = document.getElementById("dr-explore-actor");
  var playButton = root.querySelector("[data-action=play]");
  var playMode = document.getElementById("dr-explore-playmode");
  var playSpeed = document.getElementById("dr-explore-speed");
  var copied = root.querySelector(".dr-explore-copied");
  var reduced = window.matchMedia("(prefers-reduced-motion: reduce)");
  var narrow = window.matchMedia("(max-width: 47.99em)");

  app.hidden = false;

  /* ---------- dates ---------- */

  function dayOf(y, m, d) { return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS); }
  function lastDay(y, m) { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }
  function validDate(text) {
    var m = DATE.exec(String(text || ""));
    if (!m) { return null; }
    var mo = m[2] ? +m[2] : null, d = m[3] ? +m[3] : null;
    if (mo !== null && (mo < 1 || mo > 12)) { return null; }
    if (d !== null && (d < 1 || d > lastDay(+m[1], mo))) { return null; }
    return { y: +m[1], m: mo, d: d };
  }
  /* First and last day a partial date may mean. */
  function firstDayOf(text) {
    var p = validDate(text);
    return p ? dayOf(p.y, p.m || 1, p.d || 1) : null;
  }
  function lastDayOf(text) {
    var p = validDate(text);
    if (!p) { return null; }
    if (p.d) { return dayOf(p.y, p.m, p.d); }
    if (p.m) { return dayOf(p.y, p.m, lastDay(p.y, p.m)); }
    return dayOf(p.y, 12, 31);
  }
  function isoDay(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
  /* A partial date for readers, no more precise than written: "2021", "August 2021", "15 August 2021". */
  function display(text) {
    var p = validDate(text);
    if (!p) { return String(text || ""); }
    if (LANG !== "en") { return localDate(p); }
    if (!p.m) { return String(p.y); }
    if (!p.d) { return MONTHS[p.m - 1] + " " + p.y; }
    return p.d + " " + MONTHS[p.m - 1] + " " + p.y;
  }
  /* In another language, the browser's CLDR writes the date ("15 августа 2021 г."), at the
   * precision written, like Babel does for the pages. */
  function localDate(p) {
    var options = p.d ? { day: "numeric", month: "long", year: "numeric" }
      : p.m ? { month: "long", year: "numeric" } : { year: "numeric" };
    options.timeZone = "UTC";
    try {
      return new Intl.DateTimeFormat(LANG, options).format(new Date(Date.UTC(p.y, (p.m || 1) - 1, p.d || 1)));
    } catch (err) { return String(p.y); }
  }
  function monthIndex(day) { var d = new Date(day * DAY_MS); return d.getUTCFullYear() * 12 + d.getUTCMonth(); }
  function monthStart(index) { return dayOf(Math.floor(index / 12), index % 12 + 1, 1); }
  function monthEnd(index) { return monthStart(index + 1) - 1; }
  function addMonths(day, n) {
    var d = new Date(day * DAY_MS);
    var y = d.getUTCFullYear(), m = d.getUTCMonth() + n;
    var ty = y + Math.floor(m / 12), tm = ((m % 12) + 12) % 12 + 1;
    return dayOf(ty, tm, Math.min(d.getUTCDate(), lastDay(ty, tm)));
  }

  /* ---------- the record ---------- */

  var events = []; // sorted by first day, then id
  var starts = null; // Int32Array of first days, for binary search
  var byId = {};
  var minDay = 0, maxDay = 0, maxSpan = 0;
  var passes = null; // Uint8Array: does event i pass the filters?

  var sourcesById = {}; // the record's sources, as the card shows them

  function prepare(geojson) {
    sourcesById = geojson.sources || {};
    events = (geojson.features || []).filter(function (f) {
      return f && f.properties && EVENT_ID.test(String(f.id)) && validDate(f.properties.date);
    }).map(function (f) {
      var p = f.properties;
      var first = firstDayOf(p.date);
      var last = lastDayOf(p.end_date && validDate(p.end_date) ? p.end_date : p.date);
      if (last < first) { last = first; }
      return {
        id: String(f.id), feature: f, p: p, start: first, end: last,
        located: !!(f.geometry && f.geometry.type === "Point"),
        // An actor is in an event when the record names it, or as the side claiming or denying it.
        actors: [].concat(p.actors || [], p.claimed_by || [], p.denied_by || []),
      };
    });
    events.sort(function (a, b) { return a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); });
    starts = new Int32Array(events.length);
    byId = {};
    minDay = Infinity; maxDay = -Infinity; maxSpan = 0;
    events.forEach(function (ev, i) {
      ev.index = i;
      starts[i] = ev.start;
      byId[ev.id] = ev;
      minDay = Math.min(minDay, ev.start);
      maxDay = Math.max(maxDay, ev.end);
      maxSpan = Math.max(maxSpan, ev.end - ev.start);
    });
    if (!events.length) { minDay = maxDay = dayOf(2022, 1, 1); }
    passes = new Uint8Array(events.length);
    countsMode = events.length > config.pointsLimit;
  }

  /* First index whose start is >= day (lower) or > day (upper). */
  function lowerBound(day) {
    var lo = 0, hi = starts.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (starts[mid] < day) { lo = mid + 1; } else { hi = mid; } }
    return lo;
  }
  function upperBound(day) {
    var lo = 0, hi = starts.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (starts[mid] <= day) { lo = mid + 1; } else { hi = mid; } }
    return lo;
  }

  /* ---------- state and address ---------- */

  var state = emptyState();
  function emptyState() {
    return { from: null, to: null, categories: [], statuses: [], actors: [], event: null };
  }

  function list(value, allowed) {
    return String(value || "").split(",").filter(function (v, i, all) {
      return v && all.indexOf(v) === i && (!allowed || Object.prototype.hasOwnProperty.call(allowed, v));
    });
  }

  function parseFragment(hash) {
    var s = emptyState();
    String(hash || "").replace(/^#/, "").split("&").forEach(function (pair) {
      var i = pair.indexOf("=");
      if (i <= 0) { return; }
      var key, value;
      try { key = decodeURIComponent(pair.slice(0, i)); value = decodeURIComponent(pair.slice(i + 1)); }
      catch (err) { return; }
      if (key === "from" && validDate(value)) { s.from = value; }
      else if (key === "to" && validDate(value)) { s.to = value; }
      else if (key === "category") { s.categories = list(value, config.categories); }
      else if (key === "status") { s.statuses = list(value, config.statuses); }
      else if (key === "actor") { s.actors = list(value, config.actors); }
      else if (key === "event" && EVENT_ID.test(value)) { s.event = value; }
    });
    if (s.from && s.to && firstDayOf(s.from) > lastDayOf(s.to)) { var swap = s.from; s.from = s.to; s.to = swap; }
    return s;
  }

  function fragment(s) {
    var parts = [];
    if (s.from) { parts.push("from=" + s.from); }
    if (s.to) { parts.push("to=" + s.to); }
    if (s.categories.length) { parts.push("category=" + s.categories.join(",")); }
    if (s.actors.length) { parts.push("actor=" + s.actors.join(",")); }
    if (s.statuses.length) { parts.push("status=" + s.statuses.join(",")); }
    if (s.event) { parts.push("event=" + s.event); }
    return parts.join("&");
  }

  function periodDays(s) {
    return {
      lo: s.from ? firstDayOf(s.from) : -Infinity,
      hi: s.to ? lastDayOf(s.to) : Infinity,
    };
  }

  var lastWritten = null;
  var lastPush = 0;
  /* how: "push" (a new history entry), "run" (a key press on the slider: a run of presses
   * less than a second apart makes one entry), "replace" (amend this one: a drag or a play
   * step), or "keep" (the address already says it: opened from a link, Back). */
  function writeAddress(how) {
    var frag = fragment(state);
    if (frag === lastWritten) { return; }
    lastWritten = frag;
    var url = window.location.pathname + window.location.search + (frag ? "#" + frag : "");
    if (how === "keep") { return; }
    var now = Date.now();
    var inRun = how === "run" && now - lastPush < 800;
    if ((how === "push" || how === "run") && !inRun) { window.history.pushState(null, "", url); }
    else { window.history.replaceState(null, "", url); }
    lastPush = how === "run" ? now : 0;
  }

  /* ---------- the view ---------- */

  var view = { indices: [], located: [], ids: [], facetCategory: {}, facetStatus: {} };
  var filtersDirty = true;

  /* Which events each filter group lets through; an event is in the view when all three do.
   * Each group's counts in the filters are of the events the other two let through. */
  var byCategory = null, byStatus = null, byActor = null;
  function computePasses() {
    var cats = state.categories, stats = state.statuses, actors = state.actors;
    if (!byCategory || byCategory.length !== events.length) {
      byCategory = new Uint8Array(events.length);
      byStatus = new Uint8Array(events.length);
      byActor = new Uint8Array(events.length);
    }
    for (var i = 0; i < events.length; i++) {
      var ev = events[i];
      byCategory[i] = !cats.length || cats.indexOf(ev.p.category) >= 0 ? 1 : 0;
      byStatus[i] = !stats.length || stats.indexOf(ev.p.status) >= 0 ? 1 : 0;
      var ok = !actors.length;
      for (var a = 0; !ok && a < ev.actors.length; a++) { if (actors.indexOf(ev.actors[a]) >= 0) { ok = true; } }
      byActor[i] = ok ? 1 : 0;
      passes[i] = byCategory[i] & byStatus[i] & byActor[i];
    }
    filtersDirty = false;
  }

  function computeView() {
    if (filtersDirty) { computePasses(); }
    var period = periodDays(state);
    var first = period.lo === -Infinity ? 0 : lowerBound(period.lo - maxSpan);
    var last = period.hi === Infinity ? events.length : upperBound(period.hi);
    var indices = [], located = [], ids = [];
    var facetCategory = {}, facetStatus = {}, facetActor = {};
    for (var i = first; i < last; i++) {
      var ev = events[i];
      if (ev.end < period.lo) { continue; }
      if (byStatus[i] && byActor[i]) { facetCategory[ev.p.category] = (facetCategory[ev.p.category] || 0) + 1; }
      if (byCategory[i] && byActor[i]) { facetStatus[ev.p.status] = (facetStatus[ev.p.status] || 0) + 1; }
      if (byCategory[i] && byStatus[i]) {
        for (var a = 0; a < ev.actors.length; a++) {
          if (ev.actors.indexOf(ev.actors[a]) === a) { facetActor[ev.actors[a]] = (facetActor[ev.actors[a]] || 0) + 1; }
        }
      }
      if (!passes[i]) { continue; }
      indices.push(i);
      if (ev.located) { located.push(ev.id); }
    }
    for (var j = 0; j < indices.length; j++) { ids.push(events[indices[j]].id); }
    view = { indices: indices, located: located, ids: ids, facetCategory: facetCategory,
      facetStatus: facetStatus, facetActor: facetActor, period: period };
    return view;
  }

  /* ---------- sentences ---------- */

  function joinWords(words, last) {
    if (words.length <= 1) { return words.join(""); }
    return words.slice(0, -1).join(", ") + " " + last + " " + words[words.length - 1];
  }

  function periodWords(s) {
    if (s.from && s.to) {
      return s.from === s.to ? display(s.from)
        : t("ui.explore.period", "{from} to {to}", { from: display(s.from), to: display(s.to) });
    }
    if (s.from) { return t("ui.explore.period_from", "from {date}", { date: display(s.from) }); }
    if (s.to) { return t("ui.explore.period_to", "up to {date}", { date: display(s.to) }); }
    return t("ui.explore.all_dates", "all dates");
  }

  function describe() {
    var n = view.indices.length;
    var and = t("ui.explore.and", "and"), or = t("ui.explore.or", "or");
    var parts = [(n === 0 ? t("ui.explore.no_events", "No events")
      : t(plural("ui.explore.events", n), n === 1 ? "{n} event" : "{n} events", { n: count(n) })),
      periodWords(state)];
    if (state.categories.length) {
      parts.push(t("ui.explore.only", "{list} only", { list: joinWords(state.categories.map(function (c) {
        return categoryName(c).toLowerCase(); }), and) }));
    }
    if (state.actors.length) {
      parts.push(t("ui.explore.involving", "involving {list}", { list: joinWords(state.actors.map(function (a) {
        return config.actors[a]; }), or) }));
    }
    if (state.statuses.length) {
      parts.push(t("ui.explore.only", "{list} only", { list: joinWords(state.statuses.map(statusName), or) }));
    }
    var sentence = parts.join(", ") + ".";
    var unplaced = n - view.located.length;
    if (n === 0) { sentence += t("ui.explore.widen", " Widen the period or clear a filter."); }
    else if (unplaced > 0) {
      sentence += t(plural("ui.explore.unplaced", unplaced), unplaced === 1
        ? " {n} has no known place and is in the list only." : " {n} have no known place and are in the list only.",
        { n: count(unplaced) });
    }
    var chosen = state.event && byId[state.event];
    if (chosen) { sentence += t("ui.explore.open", " Open: {title}.", { title: chosen.p.title }); }
    return sentence;
  }

  var announceTimer = null;
  function announce(prefix) {
    window.clearTimeout(announceTimer);
    if (playing && !prefix) { return; } // while playing, the region speaks only when play stops
    announceTimer = window.setTimeout(function () {
      statusLine.textContent = (prefix || "") + describe();
    }, 250);
  }

  /* ---------- map ---------- */

  var mapApi = null;
  function exploreMap() {
    if (mapApi) { return mapApi; }
    try {
      var w = frameEl.contentWindow;
      mapApi = w && w.DR && w.DR.exploreMap ? w.DR.exploreMap : null;
    } catch (err) { mapApi = null; }
    return mapApi;
  }
  var mapLoaded = new Promise(function (resolve) {
    function check() { if (exploreMap()) { resolve(mapApi); return true; } return false; }
    if (!check()) {
      frameEl.addEventListener("load", function () { check(); });
      var tries = 0;
      var poll = window.setInterval(function () {
        if (check() || ++tries > 600) { window.clearInterval(poll); }
      }, 50);
    }
  });

  /* ---------- timeline (plotly.js) ---------- */

  var Plotly = null;
  var plotted = false;
  var countsMode = false;

  function loadPlotly() {
    if (window.Plotly) { return Promise.resolve(window.Plotly); }
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = config.plotly;
      script.onload = function () { resolve(window.Plotly); };
      script.onerror = function () { reject(new Error("plotly.js did not load")); };
      document.head.appendChild(script);
    });
  }

  function midDay(ev) { return Math.round((ev.start + ev.end) / 2); }
  function categoryOrder() { return Object.keys(config.categories); }
  var OPEN = { claimed: true, disputed: true, denied: true };

  function pointsTraces() {
    var cats = categoryOrder();
    var spans = {}, xs = [], ys = [], colours = [], symbols = [], opacity = [], text = [], ids = [];
    var period = view.period;
    for (var i = 0; i < events.length; i++) {
      if (!passes[i]) { continue; }
      var ev = events[i];
      var label = categoryName(ev.p.category);
      var inside = ev.end >= period.lo && ev.start <= period.hi;
      if (ev.end > ev.start) {
        var s = spans[ev.p.category] = spans[ev.p.category] || { x: [], y: [] };
        s.x.push(isoDay(ev.start), isoDay(ev.end + 1), null);
        s.y.push(label, label, null);
      }
      xs.push(isoDay(midDay(ev)));
      ys.push(label);
      colours.push(config.colours[ev.p.category] || "#333");
      symbols.push(OPEN[ev.p.status] ? "circle-open" : "circle");
      opacity.push(inside ? 1 : 0.18);
      text.push(ev.p.title + "<br>" + dateText(ev.p));
      ids.push(ev.id);
    }
    // Every category keeps its row, so marks do not jump between rows as filters change.
    var rows = { type: "scatter", mode: "markers", x: cats.map(function () { return isoDay(minDay); }),
      y: cats.map(function (c) { return categoryName(c); }), hoverinfo: "skip",
      marker: { opacity: 0 }, showlegend: false };
    var traces = [rows].concat(cats.filter(function (c) { return spans[c]; }).map(function (c) {
      return { type: "scatter", mode: "lines", x: spans[c].x, y: spans[c].y, hoverinfo: "skip",
        line: { color: config.colours[c], width: 3 }, opacity: 0.35, showlegend: false };
    }));
    traces.push({
      type: "scatter", mode: "markers", x: xs, y: ys, customdata: ids, text: text,
      hoverinfo: "text", showlegend: false,
      marker: { color: colours, symbol: symbols, opacity: opacity, size: 9,
        line: { color: colours, width: 1.5 } },
    });
    var chosen = state.event && byId[state.event];
    if (chosen) {
      traces.push({
        type: "scatter", mode: "markers", x: [isoDay(midDay(chosen))],
        y: [categoryName(chosen.p.category)], hoverinfo: "skip", showlegend: false,
        marker: { color: "rgba(0,0,0,0)", size: 20, line: { color: SELECTED, width: 3 } },
      });
    }
    return traces;
  }

  /* Months per bar of the counts timeline: a bar wide enough that the record has about 150. */
  function binMonths() {
    var months = monthIndex(maxDay) - monthIndex(minDay) + 1;
    return [1, 3, 6, 12].filter(function (m) { return months / m <= 160; })[0] || 12;
  }

  /* A large record: events per period, stacked by category, drawn as steps (one path per
   * category, not thousands of bars or points). */
  function countsTraces() {
    var size = binMonths();
    var first = monthIndex(minDay) - monthIndex(minDay) % size;
    var bins = Math.floor((monthIndex(maxDay) - first) / size) + 1;
    var cats = categoryOrder();
    var counts = {};
    cats.forEach(function (c) { counts[c] = new Array(bins + 1).fill(0); });
    for (var i = 0; i < events.length; i++) {
      if (!passes[i]) { continue; }
      var c = events[i].p.category;
      if (counts[c]) { counts[c][Math.floor((monthIndex(events[i].start) - first) / size)] += 1; }
    }
    var x = [];
    for (var b = 0; b <= bins; b++) { x.push(isoDay(monthStart(first + b * size))); }
    var label = { 1: "month", 3: "quarter", 6: "half-year", 12: "year" }[size];
    return cats.map(function (c) {
      counts[c][bins] = counts[c][bins - 1];
      return { type: "scatter", mode: "lines", x: x, y: counts[c], stackgroup: "counts",
        line: { color: config.colours[c], width: 0.5, shape: "hv" }, fillcolor: config.colours[c],
        name: categoryName(c), showlegend: false, customdata: x.map(function (day) { return display(day.slice(0, 7)); }),
        hovertemplate: t("ui.explore.counts_hover." + size, "%{y} {category} events in the " + label + " from {when}",
          { category: categoryName(c).toLowerCase(), when: "%{customdata}" }) + "<extra></extra>" };
    });
  }

  function periodShapes() {
    var p = view.period;
    var shapes = [];
    var chosen = countsMode && state.event && byId[state.event];
    if (chosen) {
      // Counts have no mark per event: a line shows when the chosen one happened.
      shapes.push({ type: "line", xref: "x", yref: "paper", y0: 0, y1: 1, layer: "above",
        x0: isoDay(midDay(chosen)), x1: isoDay(midDay(chosen)), line: { color: SELECTED, width: 3 } });
    }
    if (p.lo === -Infinity && p.hi === Infinity) { return shapes; }
    var x0 = isoDay(p.lo === -Infinity ? minDay : p.lo);
    var x1 = isoDay((p.hi === Infinity ? maxDay : p.hi) + 1);
    return [{ type: "rect", xref: "x", yref: "paper", x0: x0, x1: x1, y0: 0, y1: 1, layer: "below",
      fillcolor: "rgba(232,89,12,0.13)", line: { color: "rgba(232,89,12,0.9)", width: 1.5 } }].concat(shapes);
  }

  /* The timeline's x axis, which the slider's track shares so a thumb sits over its date. */
  function axisRange() {
    var pad = Math.max(30, Math.round((maxDay - minDay) * 0.01));
    return [minDay - pad, maxDay + pad];
  }
  function plotMargin() {
    if (!measured) { measure(); }
    var narrow = measured.width < 600;
    // Row names need more room in some languages ("Производство беспилотников"): about 6.5 px
    // a character of the 11 px axis font, never less than the English layout's 118 px.
    var longest = Math.max.apply(null, categoryOrder().map(function (c) { return categoryName(c).length; }).concat([0]));
    var names = LANG === "en" ? 118 : Math.max(118, Math.round(6.5 * longest) + 12);
    return { l: narrow || countsMode ? 28 : names, r: 12, t: 4, b: 24 };
  }

  /* Read once, and again on resize: reading styles or sizes after the list has changed would
   * make the browser lay the page out in the middle of an update. */
  var measured = null;
  function measure() {
    measured = { colour: window.getComputedStyle(root).color, width: timelineEl.clientWidth,
      height: timelineEl.clientHeight };
  }
  window.addEventListener("resize", function () { measured = null; });

  /* In another language, the axis's ticks are written by the browser's CLDR (plotly.js's own
   * month names are English): years over a long record, quarters or months over a short one. */
  function localTicks(range, axis) {
    if (LANG === "en") { return axis; }
    var years = (range[1] - range[0]) / 365.25;
    var first = new Date(range[0] * DAY_MS), vals = [], text = [];
    if (years > 3) {
      var step = years > 24 ? 5 : years > 12 ? 2 : 1;
      for (var y = first.getUTCFullYear(); dayOf(y, 1, 1) <= range[1]; y++) {
        if (y % step === 0 && dayOf(y, 1, 1) >= range[0]) { vals.push(isoDay(dayOf(y, 1, 1))); text.push(String(y)); }
      }
    } else {
      var months = years > 1 ? 3 : 1;
      var format = new Intl.DateTimeFormat(LANG, { month: "short", year: "numeric", timeZone: "UTC" });
      for (var m = monthIndex(range[0]); monthStart(m) <= range[1]; m++) {
        if (m % months === 0 && monthStart(m) >= range[0]) {
          vals.push(isoDay(monthStart(m)));
          text.push(format.format(new Date(monthStart(m) * DAY_MS)));
        }
      }
    }
    axis.tickmode = "array";
    axis.tickvals = vals;
    axis.ticktext = text;
    return axis;
  }

  function timelineLayout() {
    if (!measured) { measure(); }
    var colour = measured.colour;
    var narrow = measured.width < 600;
    var range = axisRange();
    return {
      height: measured.height || 160,
      margin: plotMargin(),
      paper_bgcolor: "rgba(0,0,0,0)", plot_bgcolor: "rgba(0,0,0,0)",
      font: { color: colour, size: 11 },
      dragmode: "select", selectdirection: "h", hovermode: countsMode ? "x" : "closest",
      xaxis: localTicks(range, { type: "date", range: [isoDay(range[0]), isoDay(range[1])], fixedrange: true,
        gridcolor: "rgba(128,128,128,0.25)" }),
      yaxis: countsMode
        ? { fixedrange: true, gridcolor: "rgba(128,128,128,0.25)", nticks: 3 }
        : { type: "category", categoryorder: "array", fixedrange: true,
          categoryarray: categoryOrder().map(function (c) { return categoryName(c); }).reverse(),
          showticklabels: !narrow, gridcolor: "rgba(128,128,128,0.15)" },
      shapes: periodShapes(),
      // A phone has no room for names beside the rows: each row's name sits just above it.
      annotations: narrow && !countsMode ? rowNames(colour) : [],
      selections: [],
      showlegend: false,
    };
  }

  function rowNames(colour) {
    return categoryOrder().map(function (c) {
      return { xref: "paper", x: 0, yref: "y", y: config.categories[c], text: config.categories[c],
        showarrow: false, xanchor: "left", yanchor: "bottom", yshift: 4,
        font: { size: 9, color: colour } };
    });
  }

  var plotConfig = { displayModeBar: false, responsive: true, scrollZoom: false, doubleClick: false };
  var lastTraces = null;
  var lastTracesMode = null;

  function drawTimeline(filtersChanged) {
    if (!Plotly) { return Promise.resolve(); }
    if (!plotted || filtersChanged || !countsMode || !lastTraces || lastTracesMode !== countsMode) {
      lastTraces = countsMode ? countsTraces() : pointsTraces();
      lastTracesMode = countsMode;
    }
    var first = !plotted;
    plotted = true;
    if (countsMode && !first && !filtersChanged) {
      // Counts do not change with the period: only its shading moves.
      return Promise.resolve(Plotly.relayout(timelineEl, { shapes: periodShapes() }));
    }
    return Promise.resolve(Plotly.react(timelineEl, lastTraces, timelineLayout(), plotConfig)).then(function () {
      if (first) { wireTimeline(); }
    });
  }

  function wireTimeline() {
    timelineEl.on("plotly_selected", function (event) {
      var range = event && event.range && event.range.x;
      if (!range) { return; }
      var a = Math.floor(Date.parse(range[0]) / DAY_MS), b = Math.floor(Date.parse(range[1]) / DAY_MS);
      if (!isFinite(a) || !isFinite(b)) { return; }
      stopPlaying();
      setPeriod(Math.min(a, b), Math.max(a, b), "push");
    });
    timelineEl.on("plotly_click", function (event) {
      var point = event && event.points && event.points[0];
      if (!point) { return; }
      if (typeof point.customdata === "string" && byId[point.customdata]) {
        choose(point.customdata, { reveal: true, focusCard: false });
      } else if (countsMode && point.x) {
        var m = monthIndex(Math.floor(Date.parse(point.x) / DAY_MS));
        stopPlaying();
        setPeriod(monthStart(m), monthEnd(m + binMonths() - 1), "push");
      }
    });
    timelineEl.on("plotly_doubleclick", function () { stopPlaying(); setPeriod(null, null, "push"); });
  }

  /* ---------- list ---------- */

  var rendered = {}; // list position -> <li>
  var focusIndex = 0;

  function dateText(p) {
    var first = (LANG === "en" && p.date_display) || display(p.date);
    return p.end_date ? t("ui.explore.date_range", "{first} to {last}", { first: first, last: display(p.end_date) }) : first;
  }

  function makeItem(position) {
    var ev = events[view.indices[position]];
    var li = document.createElement("li");
    li.setAttribute("aria-setsize", String(view.indices.length));
    li.setAttribute("aria-posinset", String(position + 1));
    li.style.top = (position * ROW_PX) + "px";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "dr-explore-item";
    button.setAttribute("data-event", ev.id);
    button.setAttribute("data-position", String(position));
    button.tabIndex = position === focusIndex ? 0 : -1;
    if (ev.id === state.event) { button.setAttribute("aria-current", "true"); }
    var dot = document.createElement("span");
    dot.className = "dr-explore-dot" + (OPEN[ev.p.status] ? " dr-explore-dot-open" : "");
    dot.style.color = config.colours[ev.p.category] || "#333";
    dot.setAttribute("aria-hidden", "true");
    var title = document.createElement("span");
    title.className = "dr-explore-item-title";
    title.textContent = ev.p.title;
    markLanguage(title, ev.p, "title");
    var meta = document.createElement("span");
    meta.className = "dr-explore-item-meta";
    meta.textContent = dateText(ev.p) + " · " + (LANG === "en" ? ev.p.status : statusName(ev.p.status)) +
      (ev.located ? "" : t("ui.explore.no_place", " · no known place"));
    button.appendChild(dot);
    button.appendChild(title);
    button.appendChild(meta);
    li.appendChild(button);
    return li;
  }

  function renderList(rebuild) {
    var n = view.indices.length;
    if (rebuild) {
      itemsEl.textContent = "";
      rendered = {};
      itemsEl.style.height = (n * ROW_PX) + "px";
      listHeading.textContent = t(plural("ui.explore.in_view", n), n === 1 ? "{n} event in view" : "{n} events in view",
        { n: count(n) });
      if (focusIndex >= n) { focusIndex = Math.max(0, n - 1); }
    }
    var top = scroller.scrollTop, height = scroller.clientHeight || 400;
    var first = Math.max(0, Math.floor(top / ROW_PX) - 4);
    var last = Math.min(n, Math.ceil((top + height) / ROW_PX) + 4);
    Object.keys(rendered).forEach(function (key) {
      var pos = +key;
      if ((pos < first || pos >= last) && pos !== focusIndex) {
        itemsEl.removeChild(rendered[key]);
        delete rendered[key];
      }
    });
    for (var pos = first; pos < last; pos++) {
      if (!rendered[pos]) { rendered[pos] = itemsEl.appendChild(makeItem(pos)); }
    }
    if (n && focusIndex < n && !rendered[focusIndex]) {
      rendered[focusIndex] = itemsEl.appendChild(makeItem(focusIndex));
    }
  }

  function focusItem(position) {
    var n = view.indices.length;
    if (!n) { return; }
    position = Math.max(0, Math.min(n - 1, position));
    var old = rendered[focusIndex];
    if (old) { old.firstChild.tabIndex = -1; }
    focusIndex = position;
    var top = position * ROW_PX;
    if (top < scroller.scrollTop) { scroller.scrollTop = top; }
    else if (top + ROW_PX > scroller.scrollTop + scroller.clientHeight) {
      scroller.scrollTop = top + ROW_PX - scroller.clientHeight;
    }
    renderList(false);
    var li = rendered[position];
    li.firstChild.tabIndex = 0;
    li.firstChild.focus({ preventScroll: true });
  }

  scroller.addEventListener("scroll", function () {
    window.requestAnimationFrame(function () { renderList(false); });
  });

  itemsEl.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".dr-explore-item");
    if (!button) { return; }
    focusIndex = +button.getAttribute("data-position");
    choose(button.getAttribute("data-event"), { reveal: true, focusCard: true });
  });

  itemsEl.addEventListener("keydown", function (event) {
    var button = event.target.closest && event.target.closest(".dr-explore-item");
    if (!button) { return; }
    var pos = +button.getAttribute("data-position");
    var keys = { ArrowDown: pos + 1, ArrowUp: pos - 1, Home: 0, End: view.indices.length - 1,
      PageDown: pos + 8, PageUp: pos - 8 };
    if (Object.prototype.hasOwnProperty.call(keys, event.key)) {
      event.preventDefault();
      focusItem(keys[event.key]);
    }
  });

  /* ---------- card ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  /* The export's summary is Markdown; the card shows its words without the marks. */
  function plainSummary(markdown) {
    return String(markdown || "")
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/(\*\*|__)(.+?)\1/g, "$2")
      .replace(/(^|[\s(])[*_]([^*_]+)[*_]/g, "$1$2")
      .replace(/`([^`]*)`/g, "$1");
  }

  function actorNames(ids) {
    return (ids || []).map(function (a) { return config.actors[a] || a; });
  }

  function fillCard(ev) {
    var p = ev.p;
    card.textContent = "";
    var head = el("div", "dr-explore-card-head");
    var title = el("h2", null, p.title);
    markLanguage(title, p, "title");
    title.id = "dr-explore-card-title";
    head.appendChild(title);
    var close = el("button", "dr-explore-close", t("ui.explore.close", "Close"));
    close.type = "button";
    close.setAttribute("aria-label", t("ui.explore.close_label", "Close the card (Escape)"));
    close.addEventListener("click", function () { closeCard(); });
    head.appendChild(close);
    card.appendChild(head);
    var facts = el("dl", "dr-explore-facts");
    var precision = /^(year|month|day)$/.test(p.date_precision)
      ? t("ui.explore.known_to." + p.date_precision, "known to the " + p.date_precision) : null;
    var status = statusName(p.status);
    if (p.claimed_by && p.claimed_by.length) {
      status += t("ui.explore.claimed_by", "; claimed by ") + actorNames(p.claimed_by).join(", ");
    }
    if (p.denied_by && p.denied_by.length) {
      status += (p.status === "disputed" ? t("ui.explore.disputed_by", "; disputed by ")
        : t("ui.explore.denied_by", "; denied by ")) + actorNames(p.denied_by).join(", ");
    }
    var precisionWords = t("map.precision." + p.precision, config.precisions[p.precision] || p.precision);
    var place = ev.located
      ? (p.place || t("ui.explore.unnamed_point", "A point without a named place")) + " (" + precisionWords + ")"
      : t("ui.explore.not_on_map", "No single place: this event is not on the map");
    [[t("ui.explore.date", "Date"), dateText(p) + (precision ? " (" + precision + ")" : "")],
      [t("ui.explore.status", "Status"), status], [t("ui.explore.place", "Place"), place]]
      .forEach(function (pair) {
        facts.appendChild(el("dt", null, pair[0]));
        facts.appendChild(el("dd", null, pair[1]));
      });
    card.appendChild(facts);
    var inView = view.ids.indexOf(ev.id) >= 0;
    if (!inView) {
      card.appendChild(el("p", "dr-explore-note", t("ui.explore.outside",
        "Outside the period or filters you chose; shown because it is the chosen event.")));
    }
    card.appendChild(markLanguage(el("p", "dr-explore-summary", plainSummary(p.summary)), p, "summary"));
    card.appendChild(el("p", "dr-explore-label", t("ui.explore.sources", "Sources")));
    var sources = el("ul", "dr-explore-sources");
    (p.sources || []).forEach(function (id) {
      var s = Object.prototype.hasOwnProperty.call(sourcesById, id) ? sourcesById[id] : null;
      if (!s) { return; }
      var li = el("li");
      var a = el("a", null, s.title);
      if (WEB_URL.test(s.url)) { a.href = s.url; }
      a.rel = "noopener noreferrer";
      li.appendChild(a);
      li.appendChild(document.createTextNode(" (" + s.publisher + ", " + display(s.date) + ")"));
      sources.appendChild(li);
    });
    card.appendChild(sources);
    var foot = el("div", "dr-explore-card-foot");
    var prev = el("button", null, t("ui.explore.previous", "← Previous"));
    var next = el("button", null, t("ui.explore.next", "Next →"));
    prev.type = next.type = "button";
    var at = view.ids.indexOf(ev.id);
    prev.disabled = at <= 0;
    next.disabled = at < 0 || at >= view.ids.length - 1;
    prev.addEventListener("click", function () { step(-1); });
    next.addEventListener("click", function () { step(1); });
    foot.appendChild(prev);
    var link = el("a", "dr-explore-page-link", t("ui.explore.event_page", "The event's page"));
    if (EVENT_ID.test(ev.id)) { link.href = config.site + "events/" + ev.id + "/"; }
    foot.appendChild(link);
    foot.appendChild(next);
    card.appendChild(foot);
    card.hidden = false;
  }

  function closeCard() {
    if (!state.event) { return; }
    var id = state.event;
    card.hidden = true; // at once, so the list is back before focus moves to it
    update({ event: null }, "push");
    var pos = view.ids.indexOf(id);
    if (pos >= 0) { focusItem(pos); }
  }

  /* Previous or next event of the view, from the chosen one (or the focused row). */
  function step(delta) {
    if (!view.ids.length) { return; }
    var at = state.event ? view.ids.indexOf(state.event) : focusIndex - delta;
    var target = Math.max(0, Math.min(view.ids.length - 1, (at < 0 ? focusIndex : at) + delta));
    focusIndex = target;
    // The card's contents are replaced: focus goes to the card, where ← and → keep working.
    choose(view.ids[target], { reveal: true, focusCard: true });
  }

  root.addEventListener("keydown", function (event) {
    var t = event.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.getAttribute("role") === "slider");
    if (event.key === "Escape" && state.event) {
      event.preventDefault();
      closeCard();
    } else if (!typing && !event.altKey && !event.ctrlKey && !event.metaKey &&
      (event.key === "ArrowLeft" || event.key === "ArrowRight") &&
      (itemsEl.contains(t) || card.contains(t))) {
      event.preventDefault();
      step(event.key === "ArrowLeft" ? -1 : 1);
    }
  });

  function choose(id, options) {
    if (!byId[id]) { return; }
    update({ event: id }, "push", { reveal: options && options.reveal });
    var pos = view.ids.indexOf(id);
    if (pos >= 0) { focusIndex = pos; }
    if (options && options.focusCard) {
      window.requestAnimationFrame(function () { card.focus({ preventScroll: true }); });
    } else if (narrow.matches) {
      // On a phone the card opens under the timeline: bring it up, as a sheet would.
      window.requestAnimationFrame(function () {
        card.scrollIntoView({ block: "nearest", behavior: reduced.matches ? "auto" : "smooth" });
      });
    }
  }

  /* ---------- slider and date fields ---------- */

  function currentEnds() {
    var p = periodDays(state);
    return { lo: p.lo === -Infinity ? minDay : Math.max(minDay, p.lo), hi: p.hi === Infinity ? maxDay : Math.min(maxDay, p.hi) };
  }

  function syncPeriodControls() {
    var ends = currentEnds();
    var range = axisRange();
    var whole = Math.max(1, range[1] - range[0]);
    var a = (ends.lo - range[0]) / whole * 100, b = (ends.hi + 1 - range[0]) / whole * 100;
    var margin = plotMargin();
    sliderEl.style.marginLeft = margin.l + "px";
    sliderEl.style.marginRight = margin.r + "px";
    thumbs.from.style.left = a + "%";
    thumbs.to.style.left = b + "%";
    fillEl.style.left = a + "%";
    fillEl.style.width = Math.max(0, b - a) + "%";
    [["from", ends.lo, minDay, ends.hi, state.from], ["to", ends.hi, ends.lo, maxDay, state.to]].forEach(function (t) {
      var thumb = thumbs[t[0]];
      thumb.setAttribute("aria-valuemin", String(t[2]));
      thumb.setAttribute("aria-valuemax", String(t[3]));
      thumb.setAttribute("aria-valuenow", String(t[1]));
      thumb.setAttribute("aria-valuetext", t[4] ? display(t[4]) : display(isoDay(t[1])) + (t[0] === "from"
        ? words("ui.explore.first_event", ", the first event") : words("ui.explore.latest_event", ", the latest event")));
    });
    var min = isoDay(minDay), max = isoDay(maxDay);
    fromInput.min = toInput.min = min;
    fromInput.max = toInput.max = max;
    if (document.activeElement !== fromInput) { fromInput.value = isoDay(ends.lo); }
    if (document.activeElement !== toInput) { toInput.value = isoDay(ends.hi); }
  }

  /* Set the period from day numbers (null for an open end); both ends of the record mean "all". */
  function setPeriod(lo, hi, how) {
    if (lo !== null && hi !== null && lo > hi) { var swap = lo; lo = hi; hi = swap; }
    if ((lo === null || lo <= minDay) && (hi === null || hi >= maxDay)) { lo = hi = null; }
    update({ from: lo === null ? null : isoDay(lo), to: hi === null ? null : isoDay(hi) }, how);
  }

  function moveThumb(which, day, how) {
    var ends = currentEnds();
    if (which === "from") { setPeriod(Math.max(minDay, Math.min(day, ends.hi)), ends.hi, how); }
    else { setPeriod(ends.lo, Math.min(maxDay, Math.max(day, ends.lo)), how); }
  }

  Object.keys(thumbs).forEach(function (which) {
    var thumb = thumbs[which];
    thumb.addEventListener("keydown", function (event) {
      var ends = currentEnds();
      var day = which === "from" ? ends.lo : ends.hi;
      var target = null;
      var month = event.shiftKey ? 0 : 1;
      switch (event.key) {
        case "ArrowLeft": case "ArrowDown": target = month ? addMonths(day, -1) : day - 1; break;
        case "ArrowRight": case "ArrowUp": target = month ? addMonths(day, 1) : day + 1; break;
        case "PageDown": target = addMonths(day, -12); break;
        case "PageUp": target = addMonths(day, 12); break;
        case "Home": target = which === "from" ? minDay : ends.lo; break;
        case "End": target = which === "from" ? ends.hi : maxDay; break;
        default: return;
      }
      event.preventDefault();
      stopPlaying();
      moveThumb(which, target, "run");
    });
    thumb.addEventListener("pointerdown", function (event) {
      event.preventDefault();
      thumb.focus();
      thumb.setPointerCapture(event.pointerId);
      stopPlaying();
      var moved = false;
      function move(e) {
        var box = sliderEl.getBoundingClientRect();
        var share = Math.max(0, Math.min(1, (e.clientX - box.left) / Math.max(1, box.width)));
        var range = axisRange();
        // The drag's first move makes a history entry; the rest amend it.
        moveThumb(which, Math.round(range[0] + share * (range[1] - range[0])), moved ? "replace" : "push");
        moved = true;
      }
      function up() {
        thumb.removeEventListener("pointermove", move);
        thumb.removeEventListener("pointerup", up);
        thumb.removeEventListener("pointercancel", up);
        if (moved) { lastWritten = null; writeAddress("replace"); announce(); }
      }
      thumb.addEventListener("pointermove", move);
      thumb.addEventListener("pointerup", up);
      thumb.addEventListener("pointercancel", up);
    });
  });

  function dateField(input, which) {
    input.addEventListener("change", function () {
      var day = firstDayOf(input.value);
      if (day === null) { syncPeriodControls(); return; }
      stopPlaying();
      moveThumb(which, day, "push");
    });
  }
  dateField(fromInput, "from");
  dateField(toInput, "to");

  /* ---------- filters ---------- */

  function checked(name) {
    return Array.prototype.slice.call(root.querySelectorAll("input[name=" + name + "]:checked"))
      .map(function (input) { return input.value; });
  }

  root.querySelectorAll("input[name=category], input[name=status]").forEach(function (input) {
    input.addEventListener("change", function () {
      update({ categories: checked("category"), statuses: checked("status") }, "push");
    });
  });
  actorSelect.addEventListener("change", function () {
    update({ actors: actorSelect.value ? [actorSelect.value] : [] }, "push");
  });

  function syncFilters() {
    root.querySelectorAll("input[name=category]").forEach(function (input) {
      input.checked = state.categories.indexOf(input.value) >= 0;
    });
    root.querySelectorAll("input[name=status]").forEach(function (input) {
      input.checked = state.statuses.indexOf(input.value) >= 0;
    });
    var actor = state.actors.length === 1 ? state.actors[0] : "";
    if (actor && !actorSelect.querySelector("option[value='" + actor + "']")) { actor = ""; }
    actorSelect.value = actor;
    root.querySelectorAll("[data-count]").forEach(function (span) {
      var facet = span.getAttribute("data-facet") === "status" ? view.facetStatus : view.facetCategory;
      span.firstChild.nodeValue = String(facet[span.getAttribute("data-count")] || 0);
    });
    Array.prototype.forEach.call(actorSelect.options, function (option) {
      if (!option.value) { return; }
      if (!option.drName) { option.drName = config.actors[option.value] || option.value; }
      var text = option.drName + " (" + (view.facetActor[option.value] || 0) + ")";
      if (option.textContent !== text) { option.textContent = text; }
    });
  }

  /* ---------- play ---------- */

  var playing = null;

  function nextEventFrom(day) {
    for (var i = lowerBound(day); i < events.length; i++) { if (passes[i]) { return events[i]; } }
    return null;
  }
  function anyIn(lo, hi) {
    for (var i = lowerBound(lo - maxSpan), last = upperBound(hi); i < last; i++) {
      if (passes[i] && events[i].end >= lo) { return true; }
    }
    return false;
  }

  function playStep() {
    var ends = currentEnds();
    var lo, hi;
    if (playing.mode === "grow") {
      lo = null;
      hi = monthEnd(monthIndex(ends.hi) + 1);
      if (!anyIn(monthStart(monthIndex(ends.hi) + 1), hi)) {
        var next = nextEventFrom(ends.hi + 1);
        if (next) { hi = monthEnd(monthIndex(next.start)); }
      }
    } else {
      var startM = monthIndex(ends.lo) + 1;
      lo = monthStart(startM);
      hi = monthEnd(startM + playing.length - 1);
      if (!anyIn(lo, hi)) {
        var upcoming = nextEventFrom(hi + 1);
        if (upcoming) {
          var endM = monthIndex(upcoming.start);
          lo = monthStart(endM - playing.length + 1);
          hi = monthEnd(endM);
        }
      }
    }
    if (ends.hi >= maxDay) { stopPlaying(t("ui.explore.played", "Played to the end. ")); return; }
    setPeriod(lo, Math.min(hi, maxDay), "replace");
    playing.timer = window.setTimeout(playStep, +playSpeed.value || 600);
  }

  function startPlaying() {
    var ends = currentEnds();
    var mode = playMode.value === "grow" ? "grow" : "window";
    var length = DEFAULT_WINDOW_MONTHS;
    var whole = !state.from && !state.to;
    // A period with both ends set keeps its length; an open one plays six months at a time.
    if (mode === "window" && state.from && state.to) {
      length = Math.max(1, monthIndex(ends.hi) - monthIndex(ends.lo) + 1);
    }
    playing = { mode: mode, length: length, timer: null };
    playButton.textContent = t("ui.explore.pause", "Pause");
    playButton.setAttribute("aria-pressed", "true");
    root.setAttribute("data-explore-playing", "true");
    var firstM = monthIndex(minDay);
    if (whole || (state.to && ends.hi >= maxDay)) {
      // All dates, or a period that reached the end: start again from the first event.
      if (mode === "grow") { setPeriod(null, monthEnd(firstM), "push"); }
      else { setPeriod(monthStart(firstM), monthEnd(firstM + length - 1), "push"); }
    } else if (!state.to) {
      // A period open at its end plays on from its start.
      var startM = monthIndex(ends.lo);
      if (mode === "grow") { setPeriod(null, monthEnd(startM), "push"); }
      else { setPeriod(monthStart(startM), monthEnd(startM + length - 1), "push"); }
    } else {
      lastWritten = null;
      writeAddress("push");
    }
    playing.timer = window.setTimeout(playStep, +playSpeed.value || 600);
  }

  function stopPlaying(prefix) {
    if (!playing) { return; }
    window.clearTimeout(playing.timer);
    playing = null;
    playButton.textContent = t("ui.explore.play", "Play");
    playButton.setAttribute("aria-pressed", "false");
    root.removeAttribute("data-explore-playing");
    lastPush = 0;
    lastWritten = null;
    writeAddress("push");
    announce(prefix || t("ui.explore.paused", "Paused. "));
  }

  playButton.setAttribute("aria-pressed", "false");
  playButton.addEventListener("click", function () {
    if (playing) { stopPlaying(); } else { startPlaying(); }
  });

  /* ---------- the one update ---------- */

  var pending = null; // { since, filters, list, reveal, frame }
  var timings = [];
  var firstDrawn = false;

  function update(changes, how, options) {
    var filters = false;
    Object.keys(changes).forEach(function (key) {
      if (key === "categories" || key === "statuses" || key === "actors") { filters = true; }
      state[key] = changes[key];
    });
    if (filters) { filtersDirty = true; }
    writeAddress(how);
    schedule({ filters: filters, reveal: options && options.reveal, frame: options && options.frame });
    if (!playing) { announce(); }
  }

  function schedule(what) {
    if (!pending) {
      pending = { since: window.performance.now(), filters: false, reveal: false, frame: false };
      window.requestAnimationFrame(draw);
    }
    pending.filters = pending.filters || !!what.filters;
    pending.reveal = pending.reveal || !!what.reveal;
    pending.frame = pending.frame || !!what.frame;
  }

  function draw() {
    var job = pending;
    pending = null;
    var before = view.indices;
    computeView();
    var listChanged = before.length !== view.indices.length ||
      before.some(function (index, k) { return index !== view.indices[k]; });
    var map = exploreMap();
    if (map) {
      map.show(view.located);
      map.select(state.event, job.reveal);
      if (job.frame) { map.frame(view.located, state.event); }
    }
    renderList(listChanged || !firstDrawn);
    Object.keys(rendered).forEach(function (key) {
      var button = rendered[key].firstChild;
      if (button.getAttribute("data-event") === state.event) { button.setAttribute("aria-current", "true"); }
      else { button.removeAttribute("aria-current"); }
    });
    var chosen = state.event && byId[state.event];
    if (chosen) { fillCard(chosen); } else { card.hidden = true; card.textContent = ""; }
    syncPeriodControls();
    syncFilters();
    return drawTimeline(job.filters || !firstDrawn).then(function () {
      // Leaflet repaints its canvas in the map document's next frame: a change is on screen
      // in both views once that frame has run. The benchmark reads these durations.
      var mapWindow = map ? frameEl.contentWindow : window;
      var complete = map && Plotly && !firstDrawn;
      if (complete) { firstDrawn = true; }
      mapWindow.requestAnimationFrame(function () {
        timings.push(window.performance.now() - job.since);
        if (complete) {
          if (window.performance.mark) { window.performance.mark("dr-explore-drawn"); }
          root.setAttribute("data-explore-ready", "true");
        }
      });
      root.setAttribute("data-explore-shown", String(view.ids.length));
    });
  }

  /* ---------- the address as input ---------- */

  function applyAddress(frame) {
    stopPlaying();
    var next = parseFragment(window.location.hash);
    if (next.event && !byId[next.event]) { next.event = null; }
    lastWritten = fragment(parseFragment(window.location.hash));
    filtersDirty = true;
    state = next;
    schedule({ filters: true, frame: frame, reveal: !frame });
    announce();
  }

  var pagePath = window.location.pathname;
  function onAddress(event) {
    if (!document.body.contains(root)) {
      window.removeEventListener("popstate", onAddress, true);
      window.removeEventListener("hashchange", onAddress, true);
      return;
    }
    if (window.location.pathname !== pagePath) { return; }
    // Back and Forward between views of this page are ours: Material's instant navigation
    // would otherwise fetch the page again and start it afresh (it handles every popstate
    // whose entry it has given a scroll offset). Capturing listeners on window run first.
    if (event.type === "popstate") { event.stopImmediatePropagation(); }
    if (window.location.hash.replace(/^#/, "") === lastWritten) { return; }
    applyAddress(false);
  }
  window.addEventListener("popstate", onAddress, true);
  window.addEventListener("hashchange", onAddress, true);

  /* ---------- buttons ---------- */

  root.querySelector("[data-action=frame]").addEventListener("click", function () {
    var map = exploreMap();
    if (map) { map.frame(view.located, null); }
  });
  root.querySelector("[data-action=reset]").addEventListener("click", function () {
    stopPlaying();
    update(emptyState(), "push", { frame: true });
  });
  root.querySelector("[data-action=all-dates]").addEventListener("click", function () {
    stopPlaying();
    setPeriod(null, null, "push");
  });
  root.querySelector("[data-action=copy]").addEventListener("click", function () {
    var url = window.location.href;
    function done(ok) {
      copied.textContent = ok ? t("ui.explore.copied", "Link copied.") : t("ui.explore.copy_this", "Copy this link: {url}", { url: url });
      window.setTimeout(function () { copied.textContent = ""; }, 4000);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function () { done(true); }, function () { done(false); });
    } else { done(false); }
  });

  root.querySelectorAll(".dr-explore-toggle").forEach(function (button) {
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      panel.classList.toggle("dr-explore-open", open);
    });
  });

  /* ---------- start ---------- */

  var plotlyReady = loadPlotly().then(function (P) { Plotly = P; }, function () {
    timelineEl.textContent = t("ui.explore.timeline_failed", "The timeline could not be drawn; the slider and the list show the same period.");
  });
  var data = window.fetch(config.events).then(function (r) {
    if (!r.ok) { throw new Error("events " + r.status); }
    return r.json();
  });

  function mark(name) { if (window.performance.mark) { window.performance.mark(name); } }
  data.then(function (geojson) {
    mark("dr-explore-data");
    prepare(geojson);
    mark("dr-explore-prepared");
    return mapLoaded.then(function (map) {
      mark("dr-explore-map-ready");
      map.load(events.map(function (ev) { return ev.feature; }));
      mark("dr-explore-map-loaded");
      map.onChoose(function (id) { choose(id, { reveal: false, focusCard: false }); });
      // Keys pressed in the map stay in its document: Escape there closes the card too.
      try {
        frameEl.contentDocument.addEventListener("keydown", function (event) {
          if (event.key === "Escape" && state.event) { closeCard(); }
        });
      } catch (err) { /* not the same origin: Close still works */ }
      applyAddress(true);
      return plotlyReady.then(function () { schedule({ filters: true }); });
    });
  }).catch(function (error) {
    statusLine.textContent = t("ui.explore.record_failed",
      "The record could not be loaded ({error}). The events index lists every event.", { error: error.message });
  });

  window.DRExplore = {
    state: function () { return JSON.parse(JSON.stringify(state)); },
    timings: timings,
    describe: function () { return describe(); },
  };
})();
