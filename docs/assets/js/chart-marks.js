/* Draws a chart's event markers on one canvas laid over plotly's plot, instead of one SVG
 * element per event.
 *
 * Plotly makes, positions and styles an SVG path for every marker, six or seven style
 * properties each: at 10,061 events that was about 0.6 s of the timeline's first screen, and
 * it came again with every filter, period or zoom. The marker traces are handed to plotly
 * with mode "none": plotly still computes every point, so its hover labels, clicks and
 * axes work as before, and this file paints the points it computed, with plotly's own
 * symbol shapes (circle, open circle, open circle with a dot, open diamond, thin cross): 20
 * to 30 ms for 10,061 markers. The canvas sits in plotly's .gl-container, above the plot's bars and
 * grid and below its hover labels, clipped to the plot area.
 *
 * Loaded by charts.js with plotly.js, only on pages whose charts are drawn. */
(function () {
  "use strict";

  /* Plotly's shapes (src/components/drawing/symbol_defs.js) at radius r, added to the
   * context's current path at (x, y): circle, diamond (1.3 r), thin cross, and the small
   * dot of a "-dot" symbol. */
  function addShape(context, base, dot, x, y, r) {
    if (base === "diamond") {
      var d = r * 1.3;
      context.moveTo(x + d, y); context.lineTo(x, y + d); context.lineTo(x - d, y); context.lineTo(x, y - d);
      context.closePath();
    } else if (base === "x-thin") {
      context.moveTo(x + r, y + r); context.lineTo(x - r, y - r);
      context.moveTo(x + r, y - r); context.lineTo(x - r, y + r);
    } else {
      context.moveTo(x + r, y); context.arc(x, y, r, 0, 2 * Math.PI);
    }
    if (dot) {
      context.moveTo(x, y + 0.5); context.lineTo(x + 0.5, y); context.lineTo(x, y - 0.5); context.lineTo(x - 0.5, y);
      context.closePath();
    }
  }

  /* Whether a trace is one whose markers this file draws (see markerless). */
  function drawnHere(trace) {
    return trace && trace.type === "scatter" && trace.mode === "none" && !!trace.marker;
  }

  /* The traces as plotly gets them: each trace of event markers (not the legend's own
   * entries, which have no point) with mode "none", its markers left to this file. */
  function markerless(traces) {
    return traces.map(function (trace) {
      return trace.type === "scatter" && trace.mode === "markers" && trace.showlegend === false
        ? Object.assign({}, trace, {mode: "none"}) : trace;
    });
  }

  function canvasOf(gd) {
    var canvas = gd._drMarks;
    var holder = gd.querySelector(".gl-container") || gd.querySelector(".svg-container");
    if (!canvas) {
      canvas = document.createElement("canvas");
      canvas.className = "dr-chart-marks";
      canvas.setAttribute("aria-hidden", "true");
      gd._drMarks = canvas;
    }
    if (holder && canvas.parentNode !== holder) { holder.appendChild(canvas); }
    return canvas;
  }

  /* Paint the markers of chart div gd's marker traces for its x range as it is now (during
   * a pan, the range plotly has already moved to); the number painted goes in data-marks. */
  function draw(gd) {
    var fl = gd._fullLayout;
    if (!fl || !gd.calcdata) { return 0; }
    var traces = gd.calcdata.filter(function (points) {
      return points[0] && points[0].trace && points[0].trace.visible === true &&
        drawnHere(gd.data[points[0].trace.index]);
    });
    if (!traces.length) {
      if (gd._drMarks) { gd._drMarks.hidden = true; gd.setAttribute("data-marks", "0"); }
      return 0;
    }
    var canvas = canvasOf(gd);
    var size = fl._size, xa = fl.xaxis, ya = fl.yaxis;
    var key = [size.l, size.t, size.w, size.h, xa.range[0], xa.range[1], window.devicePixelRatio].join(" ");
    if (gd._drMarksDrawn && gd._drMarksDrawn.calcdata === gd.calcdata && gd._drMarksDrawn.key === key &&
        canvas.parentNode) {
      return gd._drMarksDrawn.painted;
    }
    var ratio = window.devicePixelRatio || 1;
    var width = Math.round(size.w * ratio), height = Math.round(size.h * ratio);
    if (canvas.width !== width || canvas.height !== height) { canvas.width = width; canvas.height = height; }
    canvas.style.left = size.l + "px";
    canvas.style.top = size.t + "px";
    canvas.style.width = size.w + "px";
    canvas.style.height = size.h + "px";
    var from = xa.r2l(xa.range[0]), scale = size.w / (xa.r2l(xa.range[1]) - from);
    var context = canvas.getContext("2d");
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, width, height);
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    var painted = 0;
    /* One path per trace and symbol, filled and stroked once: a draw call per marker made
     * painting 10,061 of them take 0.1 s. Same colour, opaque: overlaps look the same. */
    traces.forEach(function (points) {
      var input = gd.data[points[0].trace.index], marker = input.marker;
      var r = (marker.size || 6) / 2, line = marker.line || {};
      var bySymbol = {};
      for (var i = 0; i < points.length; i++) {
        var point = points[i];
        var x = (point.x - from) * scale, y = ya.c2p(point.y);
        if (!isFinite(x) || !isFinite(y)) { continue; }
        var symbol = String((Array.isArray(marker.symbol) ? marker.symbol[point.i] : marker.symbol) || "circle");
        (bySymbol[symbol] = bySymbol[symbol] || []).push(x, y);
        painted++;
      }
      context.fillStyle = marker.color;
      context.strokeStyle = line.color || marker.color;
      Object.keys(bySymbol).forEach(function (symbol) {
        var base = symbol.replace(/-open|-dot/g, ""), dot = /-dot/.test(symbol);
        var filled = !/-open/.test(symbol) && base !== "x-thin";
        var at = bySymbol[symbol];
        context.beginPath();
        for (var k = 0; k < at.length; k += 2) { addShape(context, base, dot, at[k], at[k + 1], r); }
        if (filled) { context.fill(); }
        var outline = filled ? (line.width || 0) : (line.width || 1);
        if (outline) { context.lineWidth = outline; context.stroke(); }
      });
    });
    canvas.hidden = false;
    gd.setAttribute("data-marks", String(painted));
    gd._drMarksDrawn = {calcdata: gd.calcdata, key: key, painted: painted};
    return painted;
  }

  /* Paint again whenever plotly draws or moves the plot (a zoom, a resize, a pan as it
   * goes); at most once per frame. */
  function follow(gd) {
    var queued = false;
    function soon() {
      if (queued) { return; }
      queued = true;
      window.requestAnimationFrame(function () { queued = false; draw(gd); });
    }
    gd.on("plotly_afterplot", soon);
    gd.on("plotly_relayouting", soon);
  }

  window.drChartMarks = {markerless: markerless, draw: draw, follow: follow};
})();
