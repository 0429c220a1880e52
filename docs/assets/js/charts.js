/* Draws every .dr-chart on a page from its figure JSON, with the one
 * self-hosted plotly.js bundle, loaded only on pages that have a chart.
 * Material's instant navigation swaps page content without re-running
 * scripts, so drawing hangs off its document$ stream when present. */
(function () {
  "use strict";
  var plotlyLoading = null;

  function loadPlotly(src) {
    if (window.Plotly) { return Promise.resolve(window.Plotly); }
    if (!plotlyLoading) {
      plotlyLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = function () { resolve(window.Plotly); };
        script.onerror = function () { reject(new Error("could not load " + src)); };
        document.head.appendChild(script);
      });
    }
    return plotlyLoading;
  }

  function openEvent(div, point) {
    var url = point && point.customdata && point.customdata[0];
    if (typeof url === "string" && /^events\/[a-z0-9-]+\/$/.test(url)) {
      var base = div.getAttribute("data-figure").replace(/data\/charts\/[^/]+$/, "");
      window.location.href = base + url;
    }
  }

  function draw(div) {
    if (div.getAttribute("data-drawn")) { return; }
    div.setAttribute("data-drawn", "pending");
    Promise.all([
      loadPlotly(div.getAttribute("data-plotly")),
      fetch(div.getAttribute("data-figure")).then(function (r) {
        if (!r.ok) { throw new Error("figure " + r.status); }
        return r.json();
      })
    ]).then(function (results) {
      var Plotly = results[0], figure = results[1];
      var config = {responsive: true, displaylogo: false, modeBarButtonsToRemove: ["toImage", "lasso2d", "select2d"]};
      return Plotly.newPlot(div, figure.data, figure.layout, config).then(function () {
        div.setAttribute("data-drawn", "true");
        div.on("plotly_click", function (event) { openEvent(div, event.points[0]); });
        document.dispatchEvent(new CustomEvent("dr:chart-drawn", {detail: {id: div.id}}));
      });
    }).catch(function (error) {
      div.setAttribute("data-drawn", "error");
      div.textContent = "The chart could not be drawn: " + error.message;
    });
  }

  function drawAll() {
    document.querySelectorAll(".dr-chart").forEach(draw);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(drawAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
