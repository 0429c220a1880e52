/*
 * Layers of the drone-race maps, shared by every map document (maps/*.html).
 *
 * The builder writes each map's data as JSON into the document and calls the
 * functions below. Every piece of editor-supplied text reaches the page through
 * textContent, setAttribute or a text node, never through innerHTML, so a title
 * such as "<img src=x onerror=...>" shows as text. No eval, no new Function and
 * no inline event handlers: the documents stay compatible with a hashed CSP.
 */
(function () {
  "use strict";

  var config = { shapes: {}, placeNames: {}, statusStyles: {}, colours: {}, detailsUrl: null };
  var detailsRequest = null; // one fetch of the shared details file per document
  var sameSpot = {}; // "lat,lon" -> entries drawn there, for the popup pager
  var EVENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var WEB_URL = /^https?:\/\//;
  var SAFE_TOKEN = /^[a-z0-9-]+$/;
  var CLAIMS = { claimed: true, disputed: true, denied: true };

  // The words of the document's language: a map document in another language than English
  // carries them as JSON in #dr-strings (builder/i18n/front.py); each call names the English
  // it falls back to. Read on first use: this script may run before the body is parsed.
  var strings = null;
  function t(key, english, values) {
    if (strings === null) {
      var node = document.getElementById("dr-strings");
      try { strings = node ? JSON.parse(node.textContent) : {}; } catch (err) { strings = {}; }
    }
    var text = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : english;
    return !values ? text : text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function token(value) {
    return SAFE_TOKEN.test(String(value)) ? String(value) : "unknown";
  }

  function extend(target, source) {
    Object.keys(source || {}).forEach(function (key) { target[key] = source[key]; });
    return target;
  }

  // Scripts loaded after this one (story-map.js) extend a map through these hooks instead of
  // replacing DR's functions: "layer" (kind, data, layer) after each events or shapes layer is
  // built, "finished" (map, options) once finish has fitted the view, before the map is ready.
  var hooks = { layer: [], finished: [] };

  /** Call ``fn`` on ``name`` ("layer" or "finished"); see hooks above. */
  function on(name, fn) {
    if (!hooks[name]) { throw new Error("DR.on: no hook " + name); }
    hooks[name].push(fn);
  }

  function emit(name, args) {
    hooks[name].forEach(function (fn) { fn.apply(null, args); });
  }

  function announced(kind, build) {
    return function (data) {
      var layer = build(data);
      emit("layer", [kind, data, layer]);
      return layer;
    };
  }

  // Marks let benchmarks read when the map was drawn and first painted, without polling.
  // "Ready" waits for the basemap (basemap.js), so a drawn map has its geography too.
  function ready() {
    var basemap = window.DRBasemap ? window.DRBasemap.drawn : Promise.resolve();
    basemap.then(function () {
      document.documentElement.setAttribute("data-dr-ready", "true");
      if (window.performance && performance.mark) {
        performance.mark("dr-ready");
        window.requestAnimationFrame(function () { performance.mark("dr-painted"); });
      }
    });
  }

  /** Store the document's lookup tables and create the pane areas are drawn in. */
  function setup(map, tables) {
    config = extend(config, tables);
    // Areas sit under the point markers so a pin inside a province stays clickable;
    // the outlines of claims sit above reported areas so a dotted edge stays visible.
    map.createPane("dr-areas").style.zIndex = 380;
    map.createPane("dr-claims").style.zIndex = 390;
    // Framed before any layer exists: fitted after them, Leaflet would project and draw
    // every shape twice, and measure the map once they are all in the page (at 10,000
    // events, a third of the time to draw the regional map).
    if (tables.view) { frame(map, tables.view); }
    return map;
  }

  /** Fold the legend on a narrow screen, then fit the view to the map's subject. */
  function frame(map, view) {
    var legend = document.getElementById("dr-legend");
    if (legend) {
      // The legend lives outside the map pane (map-layout.css): a column beside a wide map,
      // a folded strip under a narrow one that pushes the map up when opened.
      if (!window.matchMedia("(min-width: 900px)").matches) { legend.removeAttribute("open"); }
      map.invalidateSize({ pan: false }); // folding it just gave the map more room
    }
    if (view.bounds) {
      map.fitBounds(view.bounds, { padding: [20, 20], maxZoom: view.maxZoom || 8, animate: false });
    }
    map._drFramed = true;
  }

  function eventStyle(p) {
    var style = extend({}, config.statusStyles[p.status] || {});
    style.color = config.colours[p.category] || "#333333";
    style.fillColor = style.color;
    style.className = "dr-event dr-status-" + token(p.status) + " dr-category-" + token(p.category);
    return style;
  }

  /** One Leaflet layer per event: a pin for a known site or town, an area otherwise. */
  function eventShape(feature, latlng) {
    var p = feature.properties;
    var style = eventStyle(p);
    var shape = p.shape ? config.shapes[p.shape] : null;
    var areaPane = CLAIMS[p.status] ? "dr-claims" : "dr-areas";
    if (shape) {
      style.pane = areaPane;
      if (shape.kind === "band") {
        style.weight = 16;
        style.opacity = 0.35;
        style.lineCap = "butt";
        return L.polyline(shape.latlngs, style);
      }
      if (shape.kind === "country") {
        // A whole country: a light wash and a dashed edge, so it reads as "somewhere in here".
        style.fillOpacity = Math.min(style.fillOpacity || 0, 0.12);
        style.weight = 1.5;
        style.dashArray = style.dashArray || "6 4";
        style.className += " dr-country";
        return L.polygon(shape.latlngs, style);
      }
      style.fillOpacity = Math.min(style.fillOpacity || 0, 0.3);
      return L.polygon(shape.latlngs, style);
    }
    if (p.radius_km) {
      style.pane = areaPane;
      style.radius = p.radius_km * 1000;
      style.fillOpacity = Math.min(style.fillOpacity || 0, 0.2);
      return L.circle(latlng, style);
    }
    style.radius = 7;
    return L.circleMarker(latlng, style);
  }

  function statusLine(p, more) {
    var line = p.status_text || p.status;
    if (more.claimed_by) { line += t("ui.map.claimed_by", ": claimed by ") + more.claimed_by.join(", "); }
    if (more.denied_by) {
      line += (p.status === "disputed" ? t("ui.map.disputed_by", "; disputed by ")
        : t("ui.map.denied_by", "; denied by ")) + more.denied_by.join(", ");
    }
    return line;
  }

  // Summaries and sources live in one shared file, fetched when a reader first opens a popup,
  // so a map of ten thousand events does not carry ten thousand summaries.
  function loadDetails() {
    if (!detailsRequest) {
      detailsRequest = config.detailsUrl
        ? window.fetch(config.detailsUrl).then(function (r) { return r.json(); })
        : Promise.reject(new Error("no details file"));
    }
    return detailsRequest;
  }

  function fillFacts(facts, p, more) {
    facts.textContent = "";
    [[t("ui.map.date", "Date"), p.date], [t("ui.map.status", "Status"), statusLine(p, more)],
      [t("ui.map.where", "Where"), more.where]].forEach(function (pair) {
      if (!pair[1]) { return; }
      facts.appendChild(el("dt", null, pair[0]));
      facts.appendChild(el("dd", null, pair[1]));
    });
  }

  function fillDetails(box, facts, p, more, sources) {
    fillFacts(facts, p, more);
    var summary = el("p", "dr-popup-summary", more.summary);
    // A summary nobody has translated yet is English on a page in another language: say so.
    if (more.summary_lang) { summary.lang = more.summary_lang; }
    box.appendChild(summary);
    box.appendChild(el("p", "dr-popup-label", t("ui.map.sources", "Sources")));
    var list = el("ul", "dr-popup-sources");
    (more.sources || []).forEach(function (id) {
      var s = sources[id];
      if (!s) { return; }
      var a = el("a", null, s.title);
      if (WEB_URL.test(s.url)) { a.href = s.url; }
      a.rel = "noopener noreferrer";
      a.target = "_blank";
      var li = el("li");
      li.appendChild(a);
      li.appendChild(document.createTextNode(" (" + s.publisher + ", " + s.date + ")"));
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  function eventDetails(p, layer) {
    var box = el("div", "dr-popup-event");
    var title = el("a", "dr-popup-title", p.title);
    if (p.title_lang) { title.lang = p.title_lang; }
    if (EVENT_ID.test(p.id)) { title.href = "../events/" + p.id + "/"; }
    title.target = "_top";
    box.appendChild(title);
    var facts = el("dl", "dr-popup-facts");
    fillFacts(facts, p, {});
    box.appendChild(facts);
    var waiting = el("p", "dr-popup-loading", t("ui.map.loading", "Loading summary and sources\u2026"));
    box.appendChild(waiting);
    loadDetails().then(function (details) {
      waiting.remove();
      fillDetails(box, facts, p, details.events[p.id] || {}, details.sources || {});
      if (layer.isPopupOpen()) { layer.getPopup().update(); }
    }, function () {
      waiting.textContent = t("ui.map.details_failed", "Open the event page for its summary and sources.");
    });
    return box;
  }

  /** Popup content: the event, and a pager through every other visible event at the same spot. */
  function popupFor(layer) {
    var map = layer._map;
    var here = (sameSpot[layer.feature.properties._spot] || []).filter(function (entry) {
      return map && map.hasLayer(entry.group);
    });
    var index = Math.max(0, here.map(function (e) { return e.layer; }).indexOf(layer));
    var box = el("div", "dr-popup");
    var holder = el("div", "dr-popup-body");
    box.appendChild(holder);
    if (here.length === 0) { here = [{ layer: layer }]; }
    var counter = el("span");
    function show(i) {
      index = (i + here.length) % here.length;
      holder.textContent = "";
      holder.appendChild(eventDetails(here[index].layer.feature.properties, layer));
      counter.textContent = t("ui.map.pager", "{index} of {count} events here",
        { index: index + 1, count: here.length });
      if (layer.isPopupOpen()) { layer.getPopup().update(); }
    }
    // The pager stays in place while the event above it changes: Leaflet tells clicks
    // inside a popup from clicks on the map by walking up from the clicked element.
    if (here.length > 1) {
      var nav = el("div", "dr-popup-pager");
      var prev = el("button", null, t("ui.map.previous", "\u2039 Previous"));
      var next = el("button", null, t("ui.map.next", "Next \u203a"));
      prev.type = next.type = "button";
      prev.addEventListener("click", function () { show(index - 1); });
      next.addEventListener("click", function () { show(index + 1); });
      nav.appendChild(prev);
      nav.appendChild(counter);
      nav.appendChild(next);
      box.appendChild(nav);
    }
    show(index);
    return box;
  }

  function labelOf(p) {
    return p.title + " (" + p.date + ")" + (p.approximate ? " \u2014 " + p.approximate : "");
  }

  // Popups and tooltips are bound on first use, not up front: ten thousand events would
  // otherwise mean twenty thousand overlay objects before the map first paints.
  function bind(layer) {
    if (layer._drBound) { return; }
    layer._drBound = true;
    var p = layer.feature.properties;
    var label = labelOf(p);
    // The content is built when the popup opens and is then an element, so update()
    // after the details arrive re-lays it out without building it again.
    layer.bindPopup(el("div"), { maxWidth: 340, minWidth: 220 });
    layer.on("popupopen", function (e) { e.popup.setContent(popupFor(layer)); });
    layer.bindTooltip(function () { return document.createTextNode(label); }, {
      sticky: !!(p.shape || p.radius_km),
    });
  }

  // SVG shapes are not focusable by default: give each a name and open its popup on Enter.
  function makeFocusable(layer) {
    var node = layer.getElement && layer.getElement();
    if (!node || node.hasAttribute("tabindex")) { return; }
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", labelOf(layer.feature.properties));
    node.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        bind(layer);
        layer.openPopup();
      }
    });
    node.addEventListener("focus", function () { bind(layer); layer.openTooltip(); });
    node.addEventListener("blur", function () { if (layer._drBound) { layer.closeTooltip(); } });
  }

  /** A GeoJSON layer of events, one shape each, with popups and tooltips built from text. */
  function events(data) {
    var group = L.geoJSON(null, {
      pointToLayer: eventShape,
      onEachFeature: function (feature, layer) {
        feature.properties.id = feature.id; // the GeoJSON feature id is the event id
        var c = feature.geometry.coordinates;
        var spot = c[1] + "," + c[0];
        feature.properties._spot = spot;
        (sameSpot[spot] = sameSpot[spot] || []).push({ layer: layer, group: group });
      },
    });
    group.on("mouseover", function (e) {
      if (!e.layer._drBound) { bind(e.layer); e.layer.openTooltip(e.latlng); }
    });
    group.on("click", function (e) {
      if (!e.layer.getPopup()) { bind(e.layer); e.layer.openPopup(e.latlng); }
    });
    group.on("add", function () { group.eachLayer(makeFocusable); });
    group.addData(data);
    return group;
  }

  /** Fixed shapes (a border, a range ring, provinces) with a text tooltip each. */
  function shapes(data) {
    return L.geoJSON(data.geojson, {
      style: function (feature) {
        var style = extend({}, data.style);
        style.className = data.className;
        if (feature.properties && feature.properties.style) { extend(style, feature.properties.style); }
        return style;
      },
      interactive: data.interactive !== false,
      onEachFeature: function (feature, layer) {
        var text = feature.properties && feature.properties.label;
        if (text) {
          layer.bindTooltip(function () { return document.createTextNode(text); }, {
            permanent: !!data.permanentLabels,
            direction: data.labelDirection || "auto",
            className: "dr-shape-label",
          });
        }
      },
    });
  }

  /** Text labels pinned to places; built as DOM nodes, not HTML strings. Placed by labels.js. */
  function labels(data) {
    var group = L.layerGroup();
    data.items.forEach(function (item) {
      var box = el("div", "dr-label-box");
      box.appendChild(el("strong", null, item.heading));
      (item.lines || []).forEach(function (line) { box.appendChild(el("span", null, line)); });
      var icon = L.divIcon({
        html: box,
        className: "dr-label dr-label-" + token(data.side || "right"),
        iconSize: null,
      });
      if (data.dots) {
        L.circleMarker([item.lat, item.lon], { radius: 3, weight: 1.5, color: "#222222", fillColor: "#ffffff",
          fillOpacity: 1, interactive: false, className: "dr-place-dot" }).addTo(group);
      }
      L.marker([item.lat, item.lon], { icon: icon, interactive: false, keyboard: false,
        drLabel: true, drPriority: typeof item.priority === "number" ? item.priority : data.priority || 0,
        drSide: data.side || "right" }).addTo(group);
    });
    return group;
  }

  /** Final touches: accessible name, fitted view, legend beside or below the map, labels, ready flag. */
  function finish(map, options) {
    var container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", options.label + t("ui.map.keys", ". Arrow keys pan the map, plus and minus zoom."));
    if (document.getElementById("dr-strings")) { leafletWords(map); }
    var legend = document.getElementById("dr-legend");
    if (legend) {
      legend.addEventListener("toggle", function () { map.invalidateSize({ pan: false }); });
    }
    if (!map._drFramed) { frame(map, options); }
    scaleBar().addTo(map);
    if (window.DRLabels) { window.DRLabels.manage(map); }
    emit("finished", [map, options]);
    if (!options.waitForData) { ready(); }
    return map;
  }

  /** A metric scale whose units are written in the document's language. */
  function scaleBar() {
    var scale = L.control.scale({ imperial: false, maxWidth: 80 });
    var km = t("ui.map.unit_km", "km"), m = t("ui.map.unit_m", "m");
    if (km !== "km" || m !== "m") {
      // Leaflet writes "m" and "km" into the scale itself (Control.Scale._updateMetric).
      scale._updateMetric = function (maxMeters) {
        var meters = this._getRoundNum(maxMeters);
        var label = meters < 1000 ? meters + "\u00a0" + m : (meters / 1000) + "\u00a0" + km;
        this._updateScale(this._mScale, label, meters / maxMeters);
      };
    }
    return scale;
  }

  /** Leaflet's own words in the document's language: zoom buttons, the layer switcher's
   *  button, the credit line's link, each popup's close button. Folium makes the zoom
   *  control without titles, so Leaflet's English ones are replaced here. */
  function leafletWords(map) {
    var container = map.getContainer();
    [[".leaflet-control-zoom-in", t("ui.map.zoom_in", "Zoom in")],
      [".leaflet-control-zoom-out", t("ui.map.zoom_out", "Zoom out")],
      [".leaflet-control-layers-toggle", t("ui.map.layers", "Layers")]].forEach(function (pair) {
      var button = container.querySelector(pair[0]);
      if (button) { button.title = pair[1]; button.setAttribute("aria-label", pair[1]); }
    });
    var prefix = map.attributionControl && map.attributionControl.options.prefix;
    var english = "A JavaScript library for interactive maps";
    if (typeof prefix === "string" && prefix.indexOf('title="' + english + '"') >= 0) {
      // Leaflet's own credit (its link and flag) kept whole: only its title's words change,
      // escaped for the attribute they go into.
      var title = t("ui.map.leaflet", english).replace(/&/g, "&amp;").replace(/"/g, "&quot;")
        .replace(/</g, "&lt;").replace(/>/g, "&gt;");
      map.attributionControl.setPrefix(prefix.replace('title="' + english + '"', 'title="' + title + '"'));
    }
    map.on("popupopen", function (e) {
      var close = e.popup.getElement() && e.popup.getElement().querySelector(".leaflet-popup-close-button");
      if (close) { close.setAttribute("aria-label", t("ui.map.close_popup", "Close popup")); }
    });
  }

  function own(table, key) {
    return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : null;
  }

  /** The locator's fragment: "<event-id>&lat=…&lon=…&precision=…&status=…&category=…[&place=…]". */
  function fragmentParams() {
    var parts = window.location.hash.replace(/^#/, "").split("&");
    var params = {};
    try {
      params.id = decodeURIComponent(parts[0] || "");
      parts.slice(1).forEach(function (pair) {
        var i = pair.indexOf("=");
        if (i > 0) { params[decodeURIComponent(pair.slice(0, i))] = decodeURIComponent(pair.slice(i + 1)); }
      });
    } catch (err) { params = { id: "?" }; }
    return params;
  }

  // The place's point may sit anywhere in its shape (a band's point is a halfway mark):
  // the label goes on the point the builder chose inside the shape, or on the pin, and
  // labels.js places it clear of the map's edges and controls.
  function locatorLabel(lat, lon, area, name, approximate, centred) {
    var at = area && area.label ? area.label : [lat, lon];
    var box = el("div", "dr-label-box");
    box.appendChild(el("strong", null, name));
    if (approximate) { box.appendChild(el("span", null, "(" + approximate + ")")); }
    return L.marker(at, {
      icon: L.divIcon({ html: box, className: "dr-label dr-locator-label", iconSize: null }),
      interactive: false, keyboard: false, drLabel: true, drPriority: 10, drSide: centred ? "center" : "top",
    });
  }

  /** Locator: draw the one event the URL fragment describes; no event data is downloaded. */
  function locate(map, options) {
    var layer = null;
    var message = document.getElementById("dr-locator-message");
    function say(text) { message.textContent = text; message.hidden = !text; }
    // A bare "#<event-id>" (an older link) has no position: look it up in the events file.
    // Event pages always give the position, so they never download that file.
    function lookUp(id) {
      return window.fetch(options.eventsUrl)
        .then(function (response) { return response.json(); })
        .then(function (geojson) {
          var match = geojson.features.filter(function (f) { return f.id === id && f.geometry; })[0];
          if (!match) { return { id: id }; }
          var p = match.properties;
          var place = Object.keys(config.placeNames).filter(function (k) {
            return config.placeNames[k] === p.place;
          })[0];
          return {
            id: id, lat: match.geometry.coordinates[1], lon: match.geometry.coordinates[0],
            precision: p.precision, status: p.status, category: p.category, place: place,
          };
        });
    }
    function draw() {
      var q = fragmentParams();
      if (q.id && q.lat === undefined && options.eventsUrl) {
        lookUp(q.id).then(show, function () { say(t("ui.map.locator_failed", "The event location could not be loaded.")); });
      } else {
        show(q);
      }
    }
    function show(q) {
      var lat = parseFloat(q.lat), lon = parseFloat(q.lon);
      if (layer) { map.removeLayer(layer); layer = null; }
      if (!q.id || !isFinite(lat) || !isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
        say(q.id ? t("ui.map.locator_none", "This event has no location on the map.")
          : t("ui.map.locator_no_event", "No event chosen."));
        ready();
        return;
      }
      say("");
      var area = q.place ? own(config.shapes, q.place) : null;
      var radius = own(options.areaRadiusKm, q.precision);
      var precision = String(q.precision || "");
      var feature = {
        type: "Feature",
        geometry: { type: "Point", coordinates: [lon, lat] },
        properties: {
          status: own(config.statusStyles, q.status) ? q.status : "unknown",
          category: own(config.colours, q.category) ? q.category : "unknown",
          shape: area ? q.place : null, radius_km: area ? null : radius || null,
          approximate: area || radius ? t("ui.map.locator_area", "approximate: stands for the whole {precision}",
            { precision: t("ui.map.area." + token(precision), precision) }) : "",
        },
      };
      var name = (q.place && own(config.placeNames, q.place)) || t("ui.map.location", "Location");
      var drawn = L.geoJSON(feature, { pointToLayer: eventShape });
      var label = locatorLabel(lat, lon, area, name, feature.properties.approximate, !!(area || radius));
      layer = L.featureGroup([drawn, label]).addTo(map);
      var bounds = drawn.getBounds();
      if (area || radius) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 8, animate: false }); }
      else { map.setView(bounds.getCenter(), options.pointZoom || 7, { animate: false }); }
      if (window.DRLabels) { window.DRLabels.place(map); }
      ready();
    }
    draw();
    window.addEventListener("hashchange", draw);
    return map;
  }

  // The document's one map, reachable as a global as folium's own variable was before
  // map-loader.js wrapped its script: the pages that embed it and the tests find it there.
  L.Map.addInitHook(function () { window.drMap = this; });

  window.DR = {
    setup: setup, events: announced("events", events), shapes: announced("shapes", shapes),
    labels: labels, finish: finish, locate: locate, on: on,
  };
})();
