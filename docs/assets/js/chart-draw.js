/* Draws a chart once charts.js has brought its plotly.js, its labels and its file: kept
 * apart from charts.js, which every page loads, so that only a reader who comes near a
 * chart downloads the code that draws it.
 *
 * A file with "views" (the timeline) also gets controls, built here as
 * ordinary buttons and selects so they work from the keyboard: quick ranges,
 * rows by theme or country, and filters by category, country and actor.
 * Filtering keeps the points whose key (the last item of customdata) holds
 * every chosen token; all editor text is set with textContent, never as HTML.
 * Views other than the first live in files of their own, fetched on demand. */
(function () {
  "use strict";
  var EVENT_URL = /^events\/[a-z0-9-]+\/$/;
  var NARROW_PX = 600;
  var MODEBAR_PX = 34;
  /* Width allowed per character of a row name (builder/charts/timeline.py's LABEL_PX_PER_CHAR). */
  var ROW_NAME_CHAR_PX = 7.5;
  /* Axis ticks per chart width: a tick set is shown only if its ticks in view are this far apart. */
  var TICK_PX = 80;

  /* The script's words in the page's language: a chart file in another language than English
   * carries them ("strings", builder/charts/locale.py), as may the page (#dr-strings); each
   * call names the English it falls back to. */
  var strings = null;
  function pageStrings() {
    if (strings === null) {
      var node = document.getElementById("dr-strings");
      try { strings = node ? JSON.parse(node.textContent) : {}; } catch (err) { strings = {}; }
    }
    return strings;
  }
  function t(key, english, values, table) {
    var own = table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : null;
    var page = pageStrings();
    var text = own !== null ? own : Object.prototype.hasOwnProperty.call(page, key) ? page[key] : english;
    return !values ? text : text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  /* The plural form of a count in the page's language ("one", "few", "many", "other"). */
  function pluralForm(n, lang) {
    try { return new Intl.PluralRules(lang || "en").select(n); } catch (err) { return n === 1 ? "one" : "other"; }
  }

  /* Plotly's locale for a chart file in another language: loaded (once) from beside
   * plotly.js and registered, so its modebar and number separators follow the page. */
  function withLocale(div, Plotly, payload, config) {
    if (!payload.locale || payload.locale === "en") { return Promise.resolve(config); }
    var src = div.getAttribute("data-plotly").replace(/[^/]+$/, "locale-" + payload.locale + ".js");
    return loadScript(src, "drPlotlyLocales").then(function (locales) {
      var locale = locales && locales[payload.locale];
      if (locale) { Plotly.register(locale); config.locale = payload.locale; }
      return config;
    });
  }

  /* Date ticks written at build time (Babel) for a chart in another language: of the sets
   * (finest first), the finest whose ticks in view leave TICK_PX each. */
  function tickSet(div, payload, range) {
    if (!payload.ticks || !range) { return null; }
    var from = Date.parse(String(range[0]).slice(0, 10)), to = Date.parse(String(range[1]).slice(0, 10));
    var room = Math.max(2, Math.floor((div.clientWidth || 600) / TICK_PX));
    for (var i = 0; i < payload.ticks.length; i++) {
      var set = payload.ticks[i];
      var shown = set.vals.filter(function (v) { var d = Date.parse(v); return d >= from && d <= to; });
      if (shown.length <= room || i === payload.ticks.length - 1) { return set; }
    }
    return null;
  }
  function withTicks(div, payload, layout, range) {
    var set = tickSet(div, payload, range || (layout.xaxis && layout.xaxis.range));
    if (set) {
      layout.xaxis.tickmode = "array";
      layout.xaxis.tickvals = set.vals;
      layout.xaxis.ticktext = set.text;
    }
    return layout;
  }
  /* After a zoom or a new range, the tick set that fits it. */
  function followTicks(div, Plotly, payload) {
    if (!payload.ticks) { return; }
    var current = null;
    function retick() {
      var range = div._fullLayout && div._fullLayout.xaxis && div._fullLayout.xaxis.range;
      var set = tickSet(div, payload, range);
      if (!set || set === current) { return; }
      current = set;
      Plotly.relayout(div, {"xaxis.tickmode": "array", "xaxis.tickvals": set.vals, "xaxis.ticktext": set.text});
    }
    div.on("plotly_relayout", function (change) {
      if (change["xaxis.tickvals"]) { return; }
      retick();
    });
    retick();
  }

  /* charts.js, which loads this file, lends its script loader (one set of loads per page). */
  var loadScript = window.drChartsLoadScript;

  function copy(value) { return JSON.parse(JSON.stringify(value)); }

  function siteBase(div) {
    return div.getAttribute("data-figure").replace(/data\/charts\/[^/]+$/, "");
  }

  function openEvent(div, point) {
    var url = point && point.customdata && point.customdata[0];
    if (typeof url === "string" && EVENT_URL.test(url)) {
      // Clicking a real link lets Material's instant navigation swap the page in
      // (no reload of the theme and plotly.js); without it the link just loads the page.
      var link = document.createElement("a");
      link.href = siteBase(div) + url;
      // Framed by another site (embed/<chart>.html): open the event on our site, whole window.
      if (window.self !== window.top) { link.target = "_top"; }
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      link.remove();
    }
  }

  /* Follow the page's colour scheme: text in the page's colour, light grids. */
  function themed(div, layout) {
    var colour = window.getComputedStyle(div).color;
    layout.font = layout.font || {};
    layout.font.color = colour;
    ["xaxis", "yaxis"].forEach(function (axis) {
      if (layout[axis]) { layout[axis].gridcolor = "rgba(128,128,128,0.25)"; }
    });
    if (layout.hoverlabel) { layout.hoverlabel.font = {color: "#111"}; layout.hoverlabel.bgcolor = "#fff"; }
    /* On a narrow (touch) screen plotly's mode bar stays in view once touched: give it a
     * strip of its own above the plot rather than over the latest marks and their labels. */
    if (div.clientWidth < NARROW_PX && layout.margin && layout.height) {
      layout.margin.t = (layout.margin.t || 0) + MODEBAR_PX;
      layout.height += MODEBAR_PX;
      narrowRowNames(layout);
    }
    return layout;
  }

  /* A row name of two words or more, broken into two lines at the space nearest its middle. */
  function twoLines(name) {
    var text = String(name);
    var best = -1;
    for (var i = text.indexOf(" "); i >= 0; i = text.indexOf(" ", i + 1)) {
      if (best < 0 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2)) { best = i; }
    }
    return best < 0 ? [text] : [text.slice(0, best), text.slice(best + 1)];
  }

  /* On a phone, names in the left margin ("Drone production") took 144 of 358 px: each is
   * set in two lines and the margin holds the longer line only, so the plot gets the rest. */
  function narrowRowNames(layout) {
    var axis = layout.yaxis;
    if (!axis || !Array.isArray(axis.ticktext) || !(layout.margin.l > 60)) { return; }
    var longest = 0;
    axis.ticktext = axis.ticktext.map(function (name) {
      var lines = twoLines(name);
      lines.forEach(function (line) { longest = Math.max(longest, line.length); });
      return lines.join("<br>");
    });
    layout.margin.l = Math.min(layout.margin.l, 16 + Math.round(ROW_NAME_CHAR_PX * longest));
  }

  /* The part of a trace at the kept point indices; per-point arrays have length n. */
  function pick(trace, keep, n) {
    var out = {};
    Object.keys(trace).forEach(function (k) {
      var v = trace[k];
      if (Array.isArray(v) && v.length === n) {
        out[k] = keep.map(function (i) { return v[i]; });
      } else if (v && typeof v === "object" && !Array.isArray(v)) {
        out[k] = pick(v, keep, n);
      } else {
        out[k] = v;
      }
    });
    return out;
  }

  function filtered(traces, tokens) {
    var shown = {};
    var data = traces.map(function (trace) {
      var rows = trace.customdata || [];
      var keep = [];
      rows.forEach(function (row, i) {
        var key = row[row.length - 1] || "";
        if (tokens.every(function (t) { return key.indexOf(t) >= 0; })) {
          keep.push(i);
          shown[row[0]] = true;
        }
      });
      return pick(trace, keep, rows.length);
    });
    return {data: data, count: Object.keys(shown).length, shown: shown};
  }

  function button(label, pressed) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "md-button dr-chart-button";
    b.textContent = label;
    b.setAttribute("aria-pressed", pressed ? "true" : "false");
    return b;
  }

  function group(label, buttons) {
    var g = document.createElement("div");
    g.className = "dr-chart-group";
    g.setAttribute("role", "group");
    g.setAttribute("aria-label", label);
    var name = document.createElement("span");
    name.className = "dr-chart-group-label";
    name.textContent = label + ":";
    name.setAttribute("aria-hidden", "true");
    g.appendChild(name);
    buttons.forEach(function (b) { g.appendChild(b); });
    return g;
  }

  function press(buttons, chosen) {
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", b === chosen ? "true" : "false"); });
  }

  function controlled(div, Plotly, labels, marks, payload, config) {
    var state = {view: 0, tokens: {}, range: payload.ranges.length ? payload.ranges[0].range : null};
    var box = document.createElement("div");
    box.className = "dr-chart-controls";
    box.setAttribute("aria-controls", div.id);
    var status = document.createElement("p");
    status.className = "dr-chart-status";
    status.setAttribute("aria-live", "polite");

    /* A view's figure and labels, fetched from its own file the first time. */
    function viewFigure(view) {
      if (view.figure) { return Promise.resolve(view); }
      if (!view.loading) {
        view.loading = fetch(div.getAttribute("data-figure").replace(/[^/]+$/, "") + view.src)
          .then(function (r) {
            if (!r.ok) { throw new Error("figure " + r.status); }
            return r.json();
          })
          .then(function (file) {
            view.figure = file.figure;
            view.labels = file.labels;
            return view;
          });
      }
      return view.loading;
    }

    function redraw() {
      var chosen = state.view;
      return viewFigure(payload.views[chosen]).then(function (view) {
        if (chosen !== state.view) { return null; }
        return drawView(view);
      });
    }

    function update() {
      redraw().catch(function (error) {
        status.textContent = t("ui.chart.view_failed", "This view could not be drawn ({error}).",
          {error: error.message}, payload.strings);
      });
    }

    function drawView(view) {
      var tokens = Object.keys(state.tokens).filter(function (k) { return state.tokens[k]; })
        .map(function (k) { return " " + k + ":" + state.tokens[k] + " "; });
      var result = filtered(view.figure.data, tokens);
      var layout = themed(div, copy(view.figure.layout));
      if (state.range) { layout.xaxis.range = state.range.slice(); }
      withTicks(div, payload, layout);
      div.setAttribute("data-shown", String(result.count));
      var form = pluralForm(payload.total, payload.locale || document.documentElement.lang);
      var counts = {count: result.count, total: payload.total};
      status.textContent = result.count === payload.total
        ? t("ui.chart.showing_all." + form, "Showing all " + payload.total + " " + payload.noun + ".",
          counts, payload.strings)
        : t("ui.chart.showing." + form, "Showing " + result.count + " of " + payload.total + " " +
          payload.noun + ".", counts, payload.strings);
      /* Plotly lays the plot out and computes the points; the markers are painted on a
       * canvas (chart-marks.js) and the labels written over them in a layer of our own
       * (chart-labels.js), so that plotly is never called again for either. */
      return Plotly.react(div, marks.markerless(result.data), layout, config).then(function () {
        marks.draw(div);
        labels.place(div, view.labels || [], result.shown);
      });
    }

    var rangeButtons = payload.ranges.map(function (r, i) {
      var b = button(r.label, i === 0);
      b.addEventListener("click", function () {
        state.range = r.range;
        press(rangeButtons, b);
        labels.moveTo(Plotly, div, r.range.slice());
      });
      return b;
    });
    var viewButtons = payload.views.map(function (v, i) {
      var b = button(v.label, i === 0);
      b.addEventListener("click", function () {
        state.view = i;
        press(viewButtons, b);
        update();
      });
      return b;
    });
    var selects = payload.filters.map(function (f) {
      var wrap = document.createElement("span");
      wrap.className = "dr-chart-filter";
      var select = document.createElement("select");
      select.id = div.id + "-filter-" + f.token;
      select.setAttribute("data-filter", f.token);
      var name = document.createElement("label");
      name.htmlFor = select.id;
      name.textContent = f.label;
      var all = document.createElement("option");
      all.value = "";
      all.textContent = t("ui.chart.all", "All", null, payload.strings);
      select.appendChild(all);
      f.options.forEach(function (o) {
        var option = document.createElement("option");
        option.value = o[0];
        option.textContent = o[1];
        select.appendChild(option);
      });
      select.addEventListener("change", function () {
        state.tokens[f.token] = select.value;
        update();
      });
      wrap.appendChild(name);
      wrap.appendChild(select);
      return wrap;
    });
    var reset = button(t("ui.chart.reset", "Show everything", null, payload.strings), false);
    reset.removeAttribute("aria-pressed");
    reset.addEventListener("click", function () {
      state.tokens = {};
      selects.forEach(function (w) { w.querySelector("select").value = ""; });
      state.range = payload.ranges.length ? payload.ranges[0].range : null;
      press(rangeButtons, rangeButtons[0]);
      update();
    });

    box.appendChild(group(t("ui.chart.period", "Period", null, payload.strings), rangeButtons));
    box.appendChild(group(t("ui.chart.rows", "Rows", null, payload.strings), viewButtons));
    var filters = document.createElement("div");
    filters.className = "dr-chart-group";
    selects.forEach(function (s) { filters.appendChild(s); });
    filters.appendChild(reset);
    box.appendChild(filters);
    box.appendChild(status);
    div.parentNode.insertBefore(box, div);

    /* The page's link to the explore page follows the period on screen and the category and
     * actor chosen here (explore has no country filter: a country chosen here is not carried). */
    var exploreLink = document.querySelector("a[data-explore-from='" + div.id + "']");
    function followExplore() {
      if (!exploreLink) { return; }
      var range = div.layout && div.layout.xaxis && div.layout.xaxis.range;
      var parts = [];
      var day = /^\d{4}-\d{2}-\d{2}/;
      if (range && day.test(String(range[0])) && day.test(String(range[1]))) {
        parts.push("from=" + String(range[0]).slice(0, 10), "to=" + String(range[1]).slice(0, 10));
      }
      if (state.tokens.c) { parts.push("category=" + encodeURIComponent(state.tokens.c)); }
      if (state.tokens.a) { parts.push("actor=" + encodeURIComponent(state.tokens.a)); }
      exploreLink.setAttribute("href", exploreLink.getAttribute("href").replace(/#.*$/, "") +
        (parts.length ? "#" + parts.join("&") : ""));
    }

    /* A drag-zoom leaves the quick ranges: none of them is pressed any more. */
    return redraw().then(function () {
      followExplore();
      div.on("plotly_relayout", function (change) {
        var r = change["xaxis.range[0]"] !== undefined || change["xaxis.autorange"];
        if (r) { state.range = null; press(rangeButtons, null); }
        followExplore();
      });
      div.on("plotly_afterplot", followExplore);
    });
  }

  /* Draw a chart whose plotly.js, labels and file have arrived (charts.js fetched them). */
  function render(div, Plotly, labels, marks, payload) {
    var config = {
      responsive: true,
      displaylogo: false,
      modeBarButtonsToRemove: ["toImage", "lasso2d", "select2d", "zoomIn2d", "zoomOut2d"]
    };
    return withLocale(div, Plotly, payload, config).then(function (config) {
      var drawn = payload.views
        ? controlled(div, Plotly, labels, marks, payload, config)
        : Plotly.newPlot(div, payload.figure.data, themed(div, payload.figure.layout), config);
      return drawn.then(function () {
        followTicks(div, Plotly, payload);
        marks.follow(div);
        labels.follow(Plotly, div);
        div.on("plotly_click", function (event) { openEvent(div, event.points[0]); });
      });
    });
  }

  window.drChartDraw = {render: render};
})();
