/*
 * The explore map (maps/explore.html): draws the events the explore page sends and shows
 * only those in its view.
 *
 * Loaded after map-layers.js and before the map's own script. Once DR.finish has fitted the
 * opening view (its "finished" hook) it exposes window.DR.exploreMap, the API the explore page (assets/js/explore.js,
 * same origin) calls:
 *   load(events)        make one canvas layer per located event; nothing is shown yet
 *   show(ids)           show exactly these events: others are taken off the map, not
 *                       restyled (restyled canvas markers stay clickable, and restyling
 *                       thousands froze Leaflet, #7557)
 *   select(id, reveal)  ring the chosen event; with reveal, pan to it if it is off screen
 *   frame(ids, id)      fit the view to these events, or to the chosen one in its setting
 *   onChoose(fn)        fn(id) when a reader clicks an event on the map
 * Pins and areas are drawn as every other map draws them: colour by category, fill and dash
 * by status, areas (outlines or circles) for places known only roughly (#dr-explore-symbols,
 * written by builder/maps/explore.py). No eval, no inline handlers, no HTML from strings.
 */
(function () {
  "use strict";

  var DR = window.DR;
  if (!DR) { return; }
  DR.on("finished", function (map) { start(map); });

  var KM_PER_DEGREE = 111.32;
  var PIN_RADIUS = 7;

  /*
   * Every pin of the map as one layer on Leaflet's canvas renderer. Adding and removing ten
   * thousand circle markers one by one took most of a change's time (each goes through
   * Leaflet's add and remove machinery); this layer holds the pins, draws only those shown
   * (grouped by style, in one pass of the canvas Leaflet redraws) and answers clicks and
   * hovers only for those: a hidden pin is not in its list, so it cannot be clicked.
   */
  var EventPins = L.Path.extend({
    options: { interactive: true },

    initialize: function (items, options) {
      L.Util.setOptions(this, options);
      this._items = items; // {id, latlng, style, key}
      this._shown = [];
      this._points = [];
      this.hit = -1;
    },

    setShown: function (indices) {
      this._shown = indices;
      if (this._map) { this.redraw(); }
      return this;
    },

    shownIds: function () {
      var items = this._items;
      return this._shown.map(function (i) { return items[i].id; });
    },

    _project: function () {
      var map = this._map, shown = this._shown, items = this._items;
      var points = new Array(shown.length);
      var minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
      for (var k = 0; k < shown.length; k++) {
        var p = map.latLngToLayerPoint(items[shown[k]].latlng);
        points[k] = p;
        if (p.x < minX) { minX = p.x; } if (p.x > maxX) { maxX = p.x; }
        if (p.y < minY) { minY = p.y; } if (p.y > maxY) { maxY = p.y; }
      }
      this._points = points;
      var pad = PIN_RADIUS + 3;
      this._pxBounds = shown.length
        ? L.bounds([minX - pad, minY - pad], [maxX + pad, maxY + pad])
        : L.bounds([0, 0], [0, 0]);
    },

    _update: function () {},

    _empty: function () { return !this._shown.length; },

    _updatePath: function () {
      var renderer = this._renderer;
      if (!renderer._drawing || !this._shown.length) { return; }
      var ctx = renderer._ctx, bounds = renderer._redrawBounds, pad = PIN_RADIUS + 3;
      var groups = {}, order = [];
      for (var k = 0; k < this._shown.length; k++) {
        var item = this._items[this._shown[k]], p = this._points[k];
        if (bounds && (p.x < bounds.min.x - pad || p.x > bounds.max.x + pad ||
          p.y < bounds.min.y - pad || p.y > bounds.max.y + pad)) { continue; }
        var group = groups[item.key];
        if (!group) { group = groups[item.key] = { style: item.style, points: [] }; order.push(item.key); }
        group.points.push(p);
      }
      order.sort();
      order.forEach(function (key) {
        var g = groups[key], s = g.style;
        ctx.beginPath();
        g.points.forEach(function (p) {
          ctx.moveTo(p.x + PIN_RADIUS, p.y);
          ctx.arc(p.x, p.y, PIN_RADIUS, 0, Math.PI * 2, false);
        });
        if (s.fillOpacity) {
          ctx.globalAlpha = s.fillOpacity;
          ctx.fillStyle = s.color;
          ctx.fill();
        }
        ctx.globalAlpha = 1;
        ctx.lineWidth = s.weight;
        ctx.strokeStyle = s.color;
        ctx.setLineDash(s.dashArray ? String(s.dashArray).split(/[ ,]+/).map(Number) : []);
        ctx.stroke();
      });
      ctx.setLineDash([]);
    },

    _containsPoint: function (p) {
      var best = -1, limit = (PIN_RADIUS + 2) * (PIN_RADIUS + 2);
      for (var k = 0; k < this._points.length; k++) {
        var dx = this._points[k].x - p.x, dy = this._points[k].y - p.y, d = dx * dx + dy * dy;
        if (d <= limit) { best = k; limit = d; }
      }
      this.hit = best >= 0 ? this._shown[best] : -1;
      return best >= 0;
    },
  });
  var CLAIMS = { claimed: true, disputed: true, denied: true };
  var SELECTED = "#e8590c";

  function reducedMotion() {
    return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  /* An event's date for its tooltip: the export's English words on an English map, the
   * browser's CLDR at the date's own precision on a map in another language. */
  function dateWords(p) {
    var lang = (document.documentElement.lang || "en").toLowerCase().split("-")[0];
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(p.date || ""));
    if (lang === "en" || !m) { return p.date_display || p.date; }
    var options = m[3] ? { day: "numeric", month: "long", year: "numeric" }
      : m[2] ? { month: "long", year: "numeric" } : { year: "numeric" };
    options.timeZone = "UTC";
    try {
      return new Intl.DateTimeFormat(lang, options).format(new Date(Date.UTC(+m[1], (+m[2] || 1) - 1, +m[3] || 1)));
    } catch (err) { return p.date_display || p.date; }
  }

  function start(map) {
    var source = document.getElementById("dr-explore-symbols");
    var symbols = source ? JSON.parse(source.textContent) : { areas: {}, shapes: {} };
    // One canvas for everything: areas at the back, claims' outlines over them, pins in front.
    var renderer = L.canvas({ padding: 0.3 });
    var layers = {}; // event id -> Leaflet layer, for events drawn as areas
    var pinIndex = {}; // event id -> index in the pins layer
    var pins = null;
    var extents = {}; // event id -> L.LatLngBounds
    var titles = {};
    var shown = {}; // ids of the areas on the map
    var shownPins = [];
    var tooltip = L.tooltip({ direction: "top", offset: [0, -PIN_RADIUS] });
    var hovered = -1;
    var chosen = null;
    var ring = null;
    var listener = null;

    function own(table, key) {
      return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : null;
    }

    var styleCache = {};
    function pinStyle(p) {
      var key = p.category + "|" + p.status;
      return styleCache[key] || (styleCache[key] = styleFor(p));
    }

    function styleFor(p) {
      var base = own(symbols.statusStyles, p.status) || {};
      var colour = own(symbols.colours, p.category) || "#333333";
      return {
        color: colour, fillColor: colour, weight: base.weight || 2,
        fillOpacity: base.fillOpacity, dashArray: base.dashArray || null,
      };
    }

    function circleBounds(lat, lon, km) {
      var dlat = km / KM_PER_DEGREE;
      var dlon = dlat / Math.max(0.1, Math.cos(lat * Math.PI / 180));
      return L.latLngBounds([lat - dlat, lon - dlon], [lat + dlat, lon + dlon]);
    }

    function layerFor(feature) {
      var p = feature.properties || {};
      var c = feature.geometry.coordinates;
      var lat = Number(c[1]), lon = Number(c[0]);
      var symbol = own(symbols.areas, (p.place || "") + "|" + (p.precision || ""));
      var style = symbol ? styleFor(p) : pinStyle(p);
      var shape = symbol && symbol.shape ? own(symbols.shapes, symbol.shape) : null;
      if (shape && !shape.latlngs) { shape = null; symbol = { radius_km: 300 }; }
      var layer;
      if (shape) {
        style.renderer = renderer;
        if (shape.kind === "band") {
          style.weight = 16; style.opacity = 0.35; style.lineCap = "butt";
          layer = L.polyline(shape.latlngs, style);
        } else {
          style.fillOpacity = Math.min(style.fillOpacity || 0, shape.kind === "country" ? 0.12 : 0.3);
          if (shape.kind === "country") { style.weight = 1.5; style.dashArray = style.dashArray || "6 4"; }
          layer = L.polygon(shape.latlngs, style);
        }
        extents[feature.id] = layer.getBounds();
      } else if (symbol && symbol.radius_km) {
        style.renderer = renderer;
        style.radius = symbol.radius_km * 1000;
        style.fillOpacity = Math.min(style.fillOpacity || 0, 0.2);
        layer = L.circle([lat, lon], style);
        extents[feature.id] = circleBounds(lat, lon, symbol.radius_km);
      } else {
        return { id: feature.id, latlng: L.latLng(lat, lon), style: style,
          key: p.category + "|" + p.status };
      }
      layer.drEventId = feature.id;
      layer.drStatus = p.status;
      layer.on("click", function () { if (listener) { listener(feature.id); } });
      layer.on("mouseover", function (e) {
        if (!layer.getTooltip()) {
          layer.bindTooltip(function () { return document.createTextNode(titles[feature.id]); },
            { sticky: true });
        }
        layer.openTooltip(e.latlng);
      });
      return layer;
    }

    function load(events) {
      Object.keys(layers).forEach(function (id) { if (shown[id]) { map.removeLayer(layers[id]); } });
      if (pins) { map.removeLayer(pins); }
      layers = {}; extents = {}; shown = {}; pinIndex = {}; titles = {}; shownPins = [];
      var items = [];
      for (var i = 0; i < events.length; i++) {
        var f = events[i];
        if (!f || !f.geometry || f.geometry.type !== "Point") { continue; }
        var p = f.properties || {};
        titles[f.id] = p.title + " (" + dateWords(p) + ")";
        var made = layerFor(f);
        if (made instanceof L.Layer) { layers[f.id] = made; }
        else { pinIndex[f.id] = items.length; items.push(made); }
      }
      pins = new EventPins(items, { renderer: renderer });
      pins.on("click", function () {
        if (pins.hit >= 0 && listener) { listener(items[pins.hit].id); }
      });
      pins.on("mousemove", function () {
        if (pins.hit === hovered) { return; }
        hovered = pins.hit;
        if (hovered < 0) { map.closeTooltip(tooltip); return; }
        tooltip.setLatLng(items[hovered].latlng).setContent(document.createTextNode(titles[items[hovered].id]));
        map.openTooltip(tooltip);
      });
      pins.on("mouseout", function () { hovered = -1; map.closeTooltip(tooltip); });
      pins.addTo(map);
      return items.length + Object.keys(layers).length;
    }

    function show(ids) {
      var next = {}, nextPins = [];
      for (var i = 0; i < ids.length; i++) {
        var id = ids[i];
        if (Object.prototype.hasOwnProperty.call(pinIndex, id)) { nextPins.push(pinIndex[id]); }
        else if (layers[id]) { next[id] = true; }
      }
      Object.keys(shown).forEach(function (id) {
        if (!next[id]) { map.removeLayer(layers[id]); }
      });
      Object.keys(next).forEach(function (id) {
        if (!shown[id]) {
          layers[id].addTo(map);
          // Areas of reported events go to the back; the dashed outlines of claims stay over them.
          if (!CLAIMS[layers[id].drStatus]) { layers[id].bringToBack(); }
        }
      });
      shown = next;
      shownPins = nextPins;
      pins.setShown(nextPins);
      pins.bringToFront();
      if (chosen) { drawRing(); }
      return nextPins.length + Object.keys(shown).length;
    }

    function drawRing() {
      if (ring) { map.removeLayer(ring); ring = null; }
      if (!chosen) { return; }
      var options = { color: SELECTED, weight: 4, fill: false, interactive: false, renderer: renderer };
      if (Object.prototype.hasOwnProperty.call(pinIndex, chosen)) {
        ring = L.circleMarker(pins._items[pinIndex[chosen]].latlng, L.extend(options, { radius: 12 }));
        ring.addTo(map);
        document.documentElement.setAttribute("data-explore-selected", chosen);
        return;
      }
      var layer = layers[chosen];
      if (!layer) { return; }
      if (layer instanceof L.Circle) {
        ring = L.circle(layer.getLatLng(), L.extend(options, { radius: layer.getRadius() }));
      } else if (layer instanceof L.CircleMarker) {
        ring = L.circleMarker(layer.getLatLng(), L.extend(options, { radius: 12 }));
      } else if (layer instanceof L.Polygon) {
        ring = L.polygon(layer.getLatLngs(), options);
      } else {
        ring = L.polyline(layer.getLatLngs(), options);
      }
      ring.addTo(map);
      document.documentElement.setAttribute("data-explore-selected", chosen);
    }

    function select(id, reveal) {
      chosen = id && (layers[id] || Object.prototype.hasOwnProperty.call(pinIndex, id)) ? id : null;
      if (!chosen) { document.documentElement.removeAttribute("data-explore-selected"); }
      drawRing();
      if (chosen && reveal) {
        var box = extentOf(chosen);
        if (!map.getBounds().contains(box.getCenter())) {
          map.panTo(box.getCenter(), { animate: !reducedMotion() });
        }
      }
      return !!chosen;
    }

    function extentOf(id) {
      if (extents[id]) { return extents[id]; }
      if (Object.prototype.hasOwnProperty.call(pinIndex, id)) {
        var at = pins._items[pinIndex[id]].latlng;
        return L.latLngBounds(at, at);
      }
      return null;
    }

    function frame(ids, id) {
      var box = null;
      var chosenBox = id ? extentOf(id) : null;
      if (chosenBox) {
        box = L.latLngBounds(chosenBox.getSouthWest(), chosenBox.getNorthEast());
        // One town alone says nothing of where it is: show it with about 300 km around it.
        var c = box.getCenter();
        box.extend(circleBounds(c.lat, c.lng, 300));
      } else {
        (ids || []).forEach(function (eid) {
          var b = extentOf(eid);
          if (!b) { return; }
          if (box) { box.extend(b); } else { box = L.latLngBounds(b.getSouthWest(), b.getNorthEast()); }
        });
        if (box && box.getNorthEast().equals(box.getSouthWest())) {
          var centre = box.getCenter();
          box = circleBounds(centre.lat, centre.lng, 250);
        }
      }
      if (!box) { return false; }
      map.fitBounds(box, { padding: [24, 24], maxZoom: symbols.maxZoom || 8, animate: false });
      return true;
    }

    // Country outlines come from the basemap's own file (already fetched for the basemap).
    function withBasemapCountries() {
      var wanted = {};
      Object.keys(symbols.shapes || {}).forEach(function (key) {
        var shape = symbols.shapes[key];
        if (shape.basemapCountry) { wanted[shape.basemapCountry] = shape; }
      });
      if (!Object.keys(wanted).length || !window.DRBasemap || !window.topojson) { return Promise.resolve(); }
      return window.fetch(window.DRBasemap.url).then(function (r) { return r.json(); }).then(function (topology) {
        topology.objects.countries_detail.geometries.forEach(function (g) {
          var shape = wanted[g.properties && g.properties.name];
          if (!shape) { return; }
          var geometry = window.topojson.feature(topology, g).geometry;
          shape.latlngs = geometry.type === "Polygon"
            ? [L.GeoJSON.coordsToLatLngs(geometry.coordinates, 1)]
            : L.GeoJSON.coordsToLatLngs(geometry.coordinates, 2);
        });
      }).catch(function () { /* without the outline the event is drawn as a circle */ });
    }

    function publish() {
    DR.exploreMap = {
      load: load,
      show: show,
      select: select,
      frame: frame,
      map: map,
      onChoose: function (fn) { listener = fn; },
      shown: function () { return pins.shownIds().concat(Object.keys(shown)).sort(); },
    };
    document.documentElement.setAttribute("data-explore-map", "ready");
    }
    withBasemapCountries().then(publish);
  }
})();
