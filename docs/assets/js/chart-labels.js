/* Writes a chart's key-event labels on the drawn plot, without collisions.
 *
 * The builder names the candidates (builder/charts/timeline.py key_labels),
 * most important first; only the browser knows how wide a label's text is and
 * how many pixels the plot has, so placement happens here, after plotly has
 * drawn the chart, and again whenever the plot changes size, range, view or
 * filter. Greedy placement in priority order, as map label engines do: each
 * label takes the nearest spot around its marker where its box stays inside
 * the plot area and touches no label, no leader line and no marker placed
 * before it; a label with no such spot is left out.
 *
 * The labels are links to their events, laid over the plot in a layer of our
 * own (.dr-chart-labels), with a leader line to their marker: never plotly
 * annotations, because any change to plotly's annotations makes plotly compute
 * and draw every marker again (half a second at 10,000 events), and drawing
 * them with the markers cost a quarter of the timeline's drawing there.
 * Placing or moving them costs no plotly call at all.
 *
 * Loaded by charts.js with plotly.js, only on pages whose charts are drawn. */
(function () {
  "use strict";

  var FONT_SIZE = 11;
  var PAD = 3;          /* plotly's borderpad around the text, and a pixel of border */
  var GAP = 3;          /* free pixels kept between two labels */
  var MARKER = 7;       /* half the side of the box a marker occupies */
  var CELL = 24;        /* side of the grid cells that index the markers */
  var STANDOFF = 6;     /* pixels left between a leader line and its marker */
  var SVG = "http://www.w3.org/2000/svg";
  var measurer = null;

  function textWidth(text, family) {
    if (!measurer) { measurer = document.createElement("canvas").getContext("2d"); }
    measurer.font = FONT_SIZE + "px " + family;
    return measurer.measureText(text).width;
  }

  /* The text as plotly shows it: the builder escapes &, < and > (builder/charts/style.py). */
  function unescaped(text) {
    return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  }

  function overlaps(a, b, gap) {
    return a.x0 < b.x1 + gap && b.x0 < a.x1 + gap && a.y0 < b.y1 + gap && b.y0 < a.y1 + gap;
  }

  /* Whether the segment p-q passes through box r (Liang-Barsky clipping). */
  function crosses(p, q, r) {
    var t0 = 0, t1 = 1, dx = q.x - p.x, dy = q.y - p.y;
    var edges = [[-dx, p.x - r.x0], [dx, r.x1 - p.x], [-dy, p.y - r.y0], [dy, r.y1 - p.y]];
    for (var i = 0; i < 4; i++) {
      var pe = edges[i][0], qe = edges[i][1];
      if (pe === 0) {
        if (qe < 0) { return false; }
      } else {
        var t = qe / pe;
        if (pe < 0) { if (t > t1) { return false; } if (t > t0) { t0 = t; } } else {
          if (t < t0) { return false; } if (t < t1) { t1 = t; }
        }
      }
    }
    return true;
  }

  /* Every marker plotly drew, in plot-area pixels, bucketed in a grid. Read from plotly's
   * computed points (calcdata), whose positions are numbers already: no date is parsed. */
  function markerGrid(gd, xa, ya) {
    var grid = {};
    (gd.calcdata || []).forEach(function (points) {
      var trace = points[0] && points[0].trace;
      if (!trace || trace.type !== "scatter" || trace.visible !== true) { return; }
      for (var i = 0; i < points.length; i++) {
        var px = xa.c2p(points[i].x), py = ya.c2p(points[i].y);
        if (!isFinite(px) || !isFinite(py)) { continue; }
        var key = Math.floor(px / CELL) + ":" + Math.floor(py / CELL);
        (grid[key] = grid[key] || []).push({x0: px - MARKER, x1: px + MARKER, y0: py - MARKER, y1: py + MARKER});
      }
    });
    return grid;
  }

  function hitsMarker(grid, box) {
    for (var cx = Math.floor((box.x0 - MARKER) / CELL); cx <= Math.floor((box.x1 + MARKER) / CELL); cx++) {
      for (var cy = Math.floor((box.y0 - MARKER) / CELL); cy <= Math.floor((box.y1 + MARKER) / CELL); cy++) {
        var cell = grid[cx + ":" + cy];
        if (!cell) { continue; }
        for (var i = 0; i < cell.length; i++) { if (overlaps(box, cell[i], 0)) { return true; } }
      }
    }
    return false;
  }

  /* Offsets of a label's centre from its marker, nearest first; vertical moves cost less. */
  function offsets(w, h, size) {
    var xs = [0, -w / 2 + 8, w / 2 - 8, -(w / 2 + 10), w / 2 + 10];
    for (var dx = 40; dx < size.w; dx += 40) { xs.push(-(w / 2 + dx), w / 2 + dx); }
    var ys = [0];
    for (var dy = h / 2 + 8; dy < size.h; dy += h * 0.75) { ys.push(-dy, dy); }
    var out = [];
    xs.forEach(function (ox) {
      ys.forEach(function (oy) {
        if (Math.abs(ox) < w / 2 + 6 && Math.abs(oy) < h / 2 + 6) { return; }
        out.push({x: ox, y: oy, cost: ox * ox * 1.5 + oy * oy});
      });
    });
    return out.sort(function (a, b) { return a.cost - b.cost; });
  }

  /* The labels that fit, for the candidates shown (urls in shown, or all without it), around
   * the markers drawn: each with its text, its box and the end of its leader line, in
   * plot-area pixels. */
  function placements(gd, candidates, shown, family) {
    var fl = gd._fullLayout, xa = fl.xaxis, ya = fl.yaxis;
    var size = {w: fl._size.w, h: fl._size.h};
    var grid = markerGrid(gd, xa, ya);
    var boxes = [], leaders = [], out = [];
    candidates.forEach(function (c) {
      if (shown && !shown[c.url]) { return; }
      var p = {x: xa.l2p(xa.d2l(c.x)), y: ya.l2p(ya.d2l(c.y))};
      if (!(p.x >= 0 && p.x <= size.w && p.y >= 0 && p.y <= size.h)) { return; }
      var text = unescaped(c.text);
      var w = Math.ceil(textWidth(text, family)) + 2 * PAD;
      var h = Math.ceil(FONT_SIZE * 1.3) + 2 * PAD;
      var spots = offsets(w, h, size);
      for (var i = 0; i < spots.length; i++) {
        var o = spots[i];
        var box = {x0: p.x + o.x - w / 2, x1: p.x + o.x + w / 2, y0: p.y + o.y - h / 2, y1: p.y + o.y + h / 2};
        if (box.x0 < 1 || box.y0 < 1 || box.x1 > size.w - 1 || box.y1 > size.h - 1) { continue; }
        var centre = {x: p.x + o.x, y: p.y + o.y};
        var free = !hitsMarker(grid, box) &&
          boxes.every(function (b) { return !overlaps(box, b, GAP) && !crosses(p, centre, b); }) &&
          leaders.every(function (l) { return !crosses(l[0], l[1], box); });
        if (!free) { continue; }
        boxes.push(box);
        leaders.push([p, centre]);
        out.push({url: c.url, text: text, box: box, marker: p, centre: centre});
        break;
      }
    });
    return out;
  }

  /* The leader line from the edge of a label's box to STANDOFF pixels short of its marker,
   * or null when the box sits on the marker. */
  function leader(placed) {
    var box = placed.box, p = placed.marker, c = placed.centre;
    var dx = p.x - c.x, dy = p.y - c.y, length = Math.sqrt(dx * dx + dy * dy);
    var exit = Math.min(dx ? (box.x1 - box.x0) / 2 / Math.abs(dx) : Infinity,
      dy ? (box.y1 - box.y0) / 2 / Math.abs(dy) : Infinity);
    if (!(exit < 1) || length * (1 - exit) <= STANDOFF) { return null; }
    var end = 1 - STANDOFF / length;
    return {x1: c.x + dx * exit, y1: c.y + dy * exit, x2: c.x + dx * end, y2: c.y + dy * end};
  }

  function siteBase(gd) {
    return (gd.getAttribute("data-figure") || "").replace(/data\/charts\/[^/]+$/, "");
  }

  /* The layer the labels are written in, over the plot and its markers but under plotly's
   * legend and hover labels: in plotly's .gl-container, as chart-marks.js's canvas (made
   * once per chart, put back if plotly rebuilt its frame). */
  function layer(gd) {
    var holder = gd.querySelector(".gl-container") || gd;
    var own = gd._drLabelLayer;
    if (!own) {
      own = document.createElement("div");
      own.className = "dr-chart-labels";
      own.appendChild(document.createElementNS(SVG, "svg")).setAttribute("class", "dr-chart-leaders");
      gd._drLabelLayer = own;
    }
    if (own.parentNode !== holder) { holder.appendChild(own); }
    return own;
  }

  /* Write the placed labels in chart div gd's label layer, replacing those there. */
  function write(gd, placed, family) {
    var own = layer(gd), fl = gd._fullLayout, size = fl._size;
    var leaders = own.firstChild, base = siteBase(gd), framed = window.self !== window.top;
    while (own.lastChild !== leaders) { own.removeChild(own.lastChild); }
    while (leaders.firstChild) { leaders.removeChild(leaders.firstChild); }
    own.style.left = size.l + "px";
    own.style.top = size.t + "px";
    own.style.width = size.w + "px";
    own.style.height = size.h + "px";
    placed.forEach(function (label) {
      var line = leader(label);
      if (line) {
        var node = leaders.appendChild(document.createElementNS(SVG, "line"));
        ["x1", "y1", "x2", "y2"].forEach(function (k) { node.setAttribute(k, line[k].toFixed(1)); });
      }
      var link = document.createElement("a");
      link.className = "dr-chart-label";
      link.href = base + label.url;
      if (framed) { link.target = "_top"; }
      link.textContent = label.text;
      link.style.left = label.box.x0 + "px";
      link.style.top = label.box.y0 + "px";
      link.style.width = (label.box.x1 - label.box.x0) + "px";
      link.style.height = (label.box.y1 - label.box.y0) + "px";
      link.style.fontFamily = family;
      own.appendChild(link);
    });
    own.hidden = false;
  }

  function signature(gd, shown) {
    var fl = gd._fullLayout;
    return JSON.stringify([fl._size, fl.xaxis.range, fl.yaxis.range, shown ? Object.keys(shown).length : -1]);
  }

  /* Write on chart div gd, as plotly has drawn it, the candidates that fit (those whose
   * url is in shown, or all when shown is null); the number written is kept in data-labels.
   * Called again for the same candidates whenever the plot moves (follow). */
  function place(gd, candidates, shown) {
    var family = gd._fullLayout.font.family;
    var placed = candidates.length ? placements(gd, candidates, shown, family) : [];
    gd._drLabels = {candidates: candidates, shown: shown, key: signature(gd, shown)};
    write(gd, placed, family);
    gd.setAttribute("data-labels", String(placed.length));
    return placed.length;
  }

  /* Labels hidden while the plot moves under them (a drag, a period chosen), written
   * again where they belong once it is drawn. */
  function hide(gd) {
    if (gd._drLabelLayer) { gd._drLabelLayer.hidden = true; }
  }

  /* Show the period xRange: one plotly relayout; the labels follow it (follow). */
  function moveTo(Plotly, gd, xRange) {
    var now = gd._fullLayout.xaxis.range;
    if (String(now[0]) !== String(xRange[0]) || String(now[1]) !== String(xRange[1])) { hide(gd); }
    return Plotly.relayout(gd, {"xaxis.range": xRange});
  }

  /* Place the labels again after anything that moves the plot (resize, range, zoom, a new
   * drawing); once per frame, and only if the plot did move. */
  function follow(Plotly, gd) {
    var queued = false;
    /* A pan moves the plot as it goes: the labels leave until it ends. A zoom box leaves
     * the plot where it is until it ends, and may end in nothing (a box too small): the
     * labels stay. */
    gd.on("plotly_relayouting", function () {
      var labels = gd._drLabels;
      if (labels && labels.key !== signature(gd, labels.shown)) { hide(gd); }
    });
    gd.on("plotly_afterplot", function () {
      if (queued || !gd._drLabels) { return; }
      queued = true;
      window.requestAnimationFrame(function () {
        queued = false;
        var labels = gd._drLabels;
        if (labels.key !== signature(gd, labels.shown)) { place(gd, labels.candidates, labels.shown); }
        else if (gd._drLabelLayer) { gd._drLabelLayer.hidden = false; }
      });
    });
  }

  window.drChartLabels = {place: place, moveTo: moveTo, follow: follow};
})();
