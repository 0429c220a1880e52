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

  var config = { sources: {}, shapes: {}, statusStyles: {}, colours: {}, areaRadiusKm: {} };
  var sameSpot = {}; // "lat,lon" -> entries drawn there, for the popup pager
  var EVENT_URL = /^events\/[a-z0-9]+(-[a-z0-9]+)*\/$/;
  var WEB_URL = /^https?:\/\//;
  var SAFE_TOKEN = /^[a-z0-9-]+$/;
  var CLAIMS = { claimed: true, disputed: true, denied: true };

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

  /** Store the document's lookup tables and create the pane areas are drawn in. */
  function setup(map, tables) {
    config = extend(config, tables);
    // Areas sit under the point markers so a pin inside a province stays clickable;
    // the outlines of claims sit above reported areas so a dotted edge stays visible.
    map.createPane("dr-areas").style.zIndex = 380;
    map.createPane("dr-claims").style.zIndex = 390;
    return map;
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

  function statusLine(p) {
    var line = p.status;
    if (p.claimed_by && p.claimed_by.length) { line += ": claimed by " + p.claimed_by.join(", "); }
    if (p.denied_by && p.denied_by.length) {
      line += (p.status === "disputed" ? "; disputed by " : "; denied by ") + p.denied_by.join(", ");
    }
    return line;
  }

  function eventDetails(p) {
    var box = el("div", "dr-popup-event");
    var title = el("a", "dr-popup-title", p.title);
    if (EVENT_URL.test(p.url)) { title.href = "../" + p.url; }
    title.target = "_top";
    box.appendChild(title);
    var facts = el("dl", "dr-popup-facts");
    [["Date", p.date], ["Status", statusLine(p)], ["Where", p.where]].forEach(function (pair) {
      if (!pair[1]) { return; }
      facts.appendChild(el("dt", null, pair[0]));
      facts.appendChild(el("dd", null, pair[1]));
    });
    box.appendChild(facts);
    box.appendChild(el("p", "dr-popup-summary", p.summary));
    box.appendChild(el("p", "dr-popup-label", "Sources"));
    var list = el("ul", "dr-popup-sources");
    (p.sources || []).forEach(function (id) {
      var s = config.sources[id];
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
    function show(i) {
      index = (i + here.length) % here.length;
      box.textContent = "";
      box.appendChild(eventDetails(here[index].layer.feature.properties));
      if (here.length < 2) { return; }
      var nav = el("div", "dr-popup-pager");
      var prev = el("button", null, "\u2039 Previous");
      var next = el("button", null, "Next \u203a");
      prev.type = next.type = "button";
      prev.addEventListener("click", function () { show(index - 1); prev.focus(); });
      next.addEventListener("click", function () { show(index + 1); next.focus(); });
      nav.appendChild(prev);
      nav.appendChild(el("span", null, (index + 1) + " of " + here.length + " events here"));
      nav.appendChild(next);
      box.appendChild(nav);
    }
    if (here.length === 0) { here = [{ layer: layer }]; }
    show(index);
    return box;
  }

  // SVG shapes are not focusable by default: give each a name and open its popup on Enter.
  function makeFocusable(layer, label) {
    var node = layer.getElement && layer.getElement();
    if (!node || node.hasAttribute("tabindex")) { return; }
    node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    node.setAttribute("aria-label", label);
    node.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        layer.openPopup();
      }
    });
    node.addEventListener("focus", function () { layer.openTooltip(); });
    node.addEventListener("blur", function () { layer.closeTooltip(); });
  }

  /** A GeoJSON layer of events, one shape each, with popups and tooltips built from text. */
  function events(data) {
    var group = L.geoJSON(null, {
      pointToLayer: eventShape,
      onEachFeature: function (feature, layer) {
        var p = feature.properties;
        var c = feature.geometry.coordinates;
        p._spot = c[1] + "," + c[0];
        (sameSpot[p._spot] = sameSpot[p._spot] || []).push({ layer: layer, group: group });
        var label = p.title + " (" + p.date + ")" + (p.approximate ? " \u2014 " + p.approximate : "");
        layer.bindPopup(popupFor, { maxWidth: 340, minWidth: 220 });
        layer.bindTooltip(function () { return document.createTextNode(label); }, { sticky: !p.shape && !p.radius_km ? false : true });
        layer.on("add", function () { makeFocusable(layer, label); });
      },
    });
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

  /** Text labels pinned to places; built as DOM nodes, not HTML strings. */
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
      L.marker([item.lat, item.lon], { icon: icon, interactive: false, keyboard: false }).addTo(group);
    });
    return group;
  }

  /** Final touches: accessible name, fitted view, legend as a control, ready flag. */
  function finish(map, options) {
    var container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", options.label + ". Arrow keys pan the map, plus and minus zoom.");
    if (options.bounds) { map.fitBounds(options.bounds, { padding: [16, 16], maxZoom: options.maxZoom || 8 }); }
    var legend = document.getElementById("dr-legend");
    if (legend) {
      var Legend = L.Control.extend({ onAdd: function () { return legend; } });
      new Legend({ position: "bottomleft" }).addTo(map);
      L.DomEvent.disableClickPropagation(legend);
      L.DomEvent.disableScrollPropagation(legend);
      if (container.clientWidth < 600) { legend.removeAttribute("open"); }
    }
    if (!options.waitForData) { document.documentElement.setAttribute("data-dr-ready", "true"); }
    return map;
  }

  /** Locator: fetch the events file and draw the one event named in the URL fragment. */
  function locate(map, options) {
    var layer = null;
    var message = document.getElementById("dr-locator-message");
    var features = null;
    function say(text) { message.textContent = text; message.hidden = !text; }
    function draw() {
      var id = decodeURIComponent(window.location.hash.replace(/^#/, ""));
      if (layer) { map.removeLayer(layer); layer = null; }
      var match = (features || []).filter(function (f) { return f.id === id && f.geometry; })[0];
      if (!match) {
        say(id ? "This event has no location on the map." : "No event chosen.");
        document.documentElement.setAttribute("data-dr-ready", "true");
        return;
      }
      say("");
      var p = match.properties;
      var area = config.shapes[p.place];
      var radius = options.areaRadiusKm[p.precision];
      var feature = {
        type: "Feature",
        geometry: match.geometry,
        properties: {
          title: p.title, date: p.date_display, status: p.status, category: p.category,
          shape: area ? p.place : null, radius_km: area ? null : radius || null,
          approximate: area || radius ? "approximate: stands for the whole " + p.precision : "",
        },
      };
      layer = L.geoJSON(feature, {
        pointToLayer: eventShape,
        onEachFeature: function (f, l) {
          var where = (p.place || "Location") + (f.properties.approximate ? " (" + f.properties.approximate + ")" : "");
          l.bindTooltip(function () { return document.createTextNode(where); }, { permanent: true, direction: "top" });
        },
      }).addTo(map);
      var bounds = layer.getBounds();
      if (area || radius) { map.fitBounds(bounds, { padding: [24, 24], maxZoom: 8 }); }
      else { map.setView(bounds.getCenter(), options.pointZoom || 7); }
      document.documentElement.setAttribute("data-dr-ready", "true");
    }
    window.fetch(options.eventsUrl)
      .then(function (response) { return response.json(); })
      .then(function (geojson) { features = geojson.features; draw(); })
      .catch(function () { say("The event locations could not be loaded."); });
    window.addEventListener("hashchange", draw);
    return map;
  }

  window.DR = { setup: setup, events: events, shapes: shapes, labels: labels, finish: finish, locate: locate };
})();
