/* Draws every .dr-chart on a page from its JSON file, with the one
 * self-hosted plotly.js bundle, loaded only when a chart comes near the
 * viewport: plotly.js is most of a chart page's weight, and a reader who never
 * scrolls down to the chart should not pay for it. Until then a chart is
 * data-drawn="waiting". The scripts are inserted from the site's own origin, which
 * the Content-Security-Policy's script-src 'self' allows. Material's instant
 * navigation swaps page content without re-running scripts, so watching for
 * charts hangs off its document$ stream when present. The drawing itself
 * (chart-draw.js) arrives with plotly.js: this file is all that pages without a
 * chart in view pay for. */
(function () {
  "use strict";
  var loading = {};
  /* How far below (or above) the viewport a chart starts loading: about a screen,
   * so that plotly.js has usually arrived by the time the chart scrolls into view. */
  var NEAR_PX = 600;
  var NEAR = NEAR_PX + "px 0px";
  var LABELS_JS = "assets/js/chart-labels.js";
  var DRAW_JS = "assets/js/chart-draw.js";
  var MARKS_JS = "assets/js/chart-marks.js";
  var observer = null;

  function failed(error) {
    var node = document.getElementById("dr-strings"), page = {};
    try { page = node ? JSON.parse(node.textContent) : {}; } catch (err) { page = {}; }
    var text = Object.prototype.hasOwnProperty.call(page, "ui.chart.failed") ? page["ui.chart.failed"]
      : "The chart could not be drawn ({error}). The table below holds the same information.";
    return text.replace("{error}", error.message);
  }

  /* Insert a same-origin script once; resolves with the global it defines. */
  function loadScript(src, global) {
    if (window[global]) { return Promise.resolve(window[global]); }
    if (!loading[global]) {
      loading[global] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(window[global]); };
        script.onerror = function () { loading[global] = null; reject(new Error("could not load " + src)); };
        document.head.appendChild(script);
      });
    }
    return loading[global];
  }
  window.drChartsLoadScript = loadScript;

  function siteBase(div) {
    return div.getAttribute("data-figure").replace(/data\/charts\/[^/]+$/, "");
  }

  function draw(div) {
    var state = div.getAttribute("data-drawn");
    if (state && state !== "waiting" && state !== "queued") { return; }
    div.setAttribute("data-drawn", "pending");
    var base = siteBase(div);
    Promise.all([
      /* Asked for together: none of the four needs another to have run before it. */
      Promise.all([loadScript(div.getAttribute("data-plotly"), "Plotly"),
        loadScript(base + LABELS_JS, "drChartLabels"), loadScript(base + DRAW_JS, "drChartDraw"),
        loadScript(base + MARKS_JS, "drChartMarks")]),
      fetch(div.getAttribute("data-figure")).then(function (r) {
        if (!r.ok) { throw new Error("figure " + r.status); }
        return r.json();
      })
    ]).then(function (results) {
      var Plotly = results[0][0], labels = results[0][1], drawing = results[0][2];
      return drawing.render(div, Plotly, labels, results[0][3], results[1]);
    }).then(function () {
      div.setAttribute("data-drawn", "true");
      if (window.performance && performance.mark) { performance.mark("dr-chart-drawn:" + div.id); }
      document.dispatchEvent(new CustomEvent("dr:chart-drawn", {detail: {id: div.id}}));
    }).catch(function (error) {
      div.setAttribute("data-drawn", "error");
      div.textContent = failed(error);
    });
  }

  /* Draw each chart of the page when it comes near the viewport (at once without
   * IntersectionObserver). Called again after every instant navigation. */
  function drawAll() {
    if (observer) { observer.disconnect(); }
    var charts = document.querySelectorAll(".dr-chart");
    if (!window.IntersectionObserver) { charts.forEach(draw); return; }
    observer = new IntersectionObserver(function (entries, watching) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          watching.unobserve(entry.target);
          draw(entry.target);
        } else if (entry.target.getAttribute("data-drawn") === "queued") {
          entry.target.setAttribute("data-drawn", "waiting");
        }
      });
    }, {rootMargin: NEAR});
    charts.forEach(function (div) {
      if (div.getAttribute("data-drawn")) { return; }
      // A chart already within reach is drawn now: the observer's first report comes a
      // frame later, and plotly.js (the heaviest file of the page) would wait for it.
      var box = div.getBoundingClientRect();
      if (box.top < window.innerHeight + NEAR_PX && box.bottom > -NEAR_PX) {
        draw(div);
        return;
      }
      // "waiting" (far off, settled: lazy-requests.js lets the sitemap go) only once the
      // observer has said so; until its first report the chart may be about to draw.
      div.setAttribute("data-drawn", "queued");
      observer.observe(div);
    });
  }

  /* Pages load this script after each chart, and instant navigation runs it again on every
   * page it swaps in: the first run watches for charts, on this page and (through Material's
   * document$, whose bundle comes after the content) on every page reached after it. */
  if (window.drChartsWatching) { return; }
  window.drChartsWatching = true;
  function start() {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(drawAll);
    } else {
      drawAll();
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
