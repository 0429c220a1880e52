/* Draws a chart's event markers on one canvas laid over plotly's plot, instead of one SVG
 * element per event.
 *
 * Plotly makes, positions and styles an SVG path for every marker, six or seven style
 * properties each: at 10,061 events that was about 0.6 s of the timeline's first screen, and
 * it came again with every filter, period or zoom. The marker traces are handed to plotly
 * with mode "none": plotly still computes every point, so its hover labels, clicks and
 * axes work as before, and this file paints the points it computed, with plotly's own
 * symbol shapes (circle, open circle, open circle with a dot, open diamond, thin cross), in
 * a few milliseconds. The canvas sits in plotly's .gl-container, above the plot's bars and
 * grid and below its hover labels, clipped to the plot area.
 *
 * Loaded by charts.js with plotly.js, only on pages whose charts are drawn. */
(function () {
  "use strict";

  /* Plotly's shapes (src/components/drawing/symbol_defs.js) at radius r: [path, filled]. */
  function shape(symbol, r) {
    var c = r.toFixed(2), d = (r * 1.3).toFixed(2);
    var circle = "M" + c + ",0A" + c + "," + c + " 0 1,1 0,-" + c + "A" + c + "," + c + " 0 0,1 " + c + ",0Z";
    var base = String(symbol || "circle").replace(/-open|-dot/g, "");
    var path = base === "diamond" ? "M" + d + ",0L0," + d + "L-" + d + ",0L0,-" + d + "Z"
      : base === "x-thin" ? "M" + c + "," + c + "L-" + c + ",-" + c + "M" + c + ",-" + c + "L-" + c + "," + c
      : circle;
    if (/-dot/.test(symbol)) { path += "M0,0.5L0.5,0L0,-0.5L-0.5,0Z"; }
    return [new Path2D(path), !/-open/.test(symbol) && base !== "x-thin"];
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
    var painted = 0;
    traces.forEach(function (points) {
      var input = gd.data[points[0].trace.index], marker = input.marker;
      var r = (marker.size || 6) / 2, colour = marker.color;
      var line = marker.line || {};
      var shapes = {};
      context.lineWidth = line.width === undefined ? 0 : line.width;
      context.strokeStyle = line.color || colour;
      context.fillStyle = colour;
      for (var i = 0; i < points.length; i++) {
        var point = points[i];
        var x = (point.x - from) * scale, y = ya.c2p(point.y);
        if (!isFinite(x) || !isFinite(y)) { continue; }
        var symbol = Array.isArray(marker.symbol) ? marker.symbol[point.i] : marker.symbol;
        var drawn = shapes[symbol] || (shapes[symbol] = shape(symbol, r));
        context.setTransform(ratio, 0, 0, ratio, x * ratio, y * ratio);
        if (drawn[1]) { context.fill(drawn[0]); }
        if (context.lineWidth || !drawn[1]) { context.stroke(drawn[0]); }
        painted++;
      }
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
