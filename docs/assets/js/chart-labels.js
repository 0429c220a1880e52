/* Writes a chart's key-event labels on the drawn plot, without collisions.
 *
 * The builder names the candidates (builder/charts/timeline.py key_labels),
 * most important first; only the browser knows how wide a label's text is and
 * how many pixels the plot has, so placement happens here, after plotly has
 * laid the chart out, and again whenever the plot changes size, range, view or
 * filter. Greedy placement in priority order, as map label engines do: each
 * label takes the nearest spot around its marker where its box stays inside
 * the plot area and touches no label, no leader line and no marker placed
 * before it; a label with no such spot is left out. The labels are plotly
 * annotations with a leader line to their marker; a click on one opens the
 * event, as a click on its marker does.
 *
 * Loaded by charts.js with plotly.js, only on pages whose charts are drawn. */
(function () {
  "use strict";

  var FONT_SIZE = 11;
  var PAD = 3;          /* plotly's borderpad around the text, and a pixel of border */
  var GAP = 3;          /* free pixels kept between two labels */
  var MARKER = 7;       /* half the side of the box a marker occupies */
  var CELL = 24;        /* side of the grid cells that index the markers */
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

  /* Every marker of the traces in plot-area pixels, bucketed in a grid. */
  function markerGrid(traces, xa, ya) {
    var grid = {};
    traces.forEach(function (trace) {
      if (trace.type !== "scatter" || !trace.x || !trace.y || trace.visible === false) { return; }
      for (var i = 0; i < trace.x.length; i++) {
        if (trace.x[i] === null || trace.y[i] === null) { continue; }
        var px = xa.l2p(xa.d2l(trace.x[i])), py = ya.l2p(ya.d2l(trace.y[i]));
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

  /* The annotations that fit, for the candidates shown (urls in shown, or all without it),
   * around the markers of traces. */
  function annotations(gd, candidates, shown, style, traces, xRange) {
    var fl = gd._fullLayout, xa = xRange ? rangedAxis(fl.xaxis, xRange) : fl.xaxis;
    var ya = fl.yaxis, size = {w: fl._size.w, h: fl._size.h};
    var grid = markerGrid(traces, xa, ya);
    var boxes = [], leaders = [], out = [];
    candidates.forEach(function (c) {
      if (shown && !shown[c.url]) { return; }
      var p = {x: xa.l2p(xa.d2l(c.x)), y: ya.l2p(ya.d2l(c.y))};
      if (!(p.x >= 0 && p.x <= size.w && p.y >= 0 && p.y <= size.h)) { return; }
      var w = Math.ceil(textWidth(unescaped(c.text), style.family)) + 2 * PAD;
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
        out.push({
          name: c.url, text: c.text, x: c.x, y: c.y, xref: "x", yref: "y",
          showarrow: true, arrowhead: 0, arrowwidth: 1, arrowcolor: style.line,
          ax: Math.round(o.x), ay: Math.round(o.y), standoff: 6,
          font: {size: FONT_SIZE, color: style.colour, family: style.family},
          bgcolor: style.background, borderpad: 2, borderwidth: 1, bordercolor: style.line,
          captureevents: true
        });
        break;
      }
    });
    return out;
  }

  function pageStyle(gd) {
    var body = window.getComputedStyle(document.body);
    var background = body.getPropertyValue("--md-default-bg-color").trim() || body.backgroundColor || "#fff";
    return {
      colour: window.getComputedStyle(gd).color,
      background: background,
      line: "rgba(128,128,128,0.7)",
      family: gd._fullLayout.font.family
    };
  }

  /* The x axis as it will map data to pixels once its range is xRange (the plot's size is
   * unchanged by a new range). */
  function rangedAxis(xa, xRange) {
    var from = xa.r2l(xRange[0]), to = xa.r2l(xRange[1]), scale = xa._length / (to - from);
    return {d2l: xa.d2l, l2p: function (v) { return (v - from) * scale; }};
  }

  function signature(gd, shown) {
    var fl = gd._fullLayout;
    return JSON.stringify([fl._size, fl.xaxis.range, fl.yaxis.range, shown ? Object.keys(shown).length : -1]);
  }

  /* The labels that fit chart div gd as it is laid out now, around the markers of traces
   * (the plot's own when omitted); the number is kept in data-labels. A chart about to be
   * drawn takes them in its layout (chart-draw.js): any later change to plotly's
   * annotations redraws every marker, half a second at 10,000 events. */
  function fitted(gd, candidates, shown, traces, xRange) {
    gd._drLabels = {candidates: candidates, shown: shown, key: signature(gd, shown)};
    var list = candidates.length
      ? annotations(gd, candidates, shown, pageStyle(gd), traces || gd.data || [], xRange) : [];
    gd.setAttribute("data-labels", String(list.length));
    return list;
  }

  /* Show the period xRange with its labels in one drawing of the markers. */
  function moveTo(Plotly, gd, xRange) {
    var labels = gd._drLabels;
    if (!labels) { return Plotly.relayout(gd, {"xaxis.range": xRange}); }
    var list = fitted(gd, labels.candidates, labels.shown, null, xRange);
    return Plotly.relayout(gd, {"xaxis.range": xRange, annotations: list}).then(function () {
      labels = gd._drLabels;
      labels.key = signature(gd, labels.shown);  /* placed for this range already */
      return gd;
    });
  }

  /* Place the labels of chart div gd again, on the plot as drawn. */
  function place(Plotly, gd, candidates, shown) {
    return Plotly.relayout(gd, {annotations: fitted(gd, candidates, shown)});
  }

  /* Re-place after anything that moves the plot (resize, range, zoom); once per frame. */
  function follow(Plotly, gd) {
    var queued = false;
    gd.on("plotly_afterplot", function () {
      var labels = gd._drLabels;
      if (queued || !labels || labels.key === signature(gd, labels.shown)) { return; }
      queued = true;
      window.requestAnimationFrame(function () {
        queued = false;
        /* A drawing since may have taken new labels already. */
        var now = gd._drLabels;
        if (now && now.key !== signature(gd, now.shown)) { place(Plotly, gd, now.candidates, now.shown); }
      });
    });
    gd.on("plotly_clickannotation", function (event) {
      var name = event && event.annotation && event.annotation.name;
      if (name) { gd.dispatchEvent(new CustomEvent("dr:open-event", {detail: {url: name}})); }
    });
  }

  window.drChartLabels = {fitted: fitted, place: place, moveTo: moveTo, follow: follow};
})();
