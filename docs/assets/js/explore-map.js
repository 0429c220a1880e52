/*
 * The explore map (maps/explore.html): draws the events the explore page sends and shows
 * only those in its view.
 *
 * Loaded after map-layers.js and before the map's own script. Once DR.finish has fitted the
 * opening view it exposes window.DR.exploreMap, the API the explore page (assets/js/explore.js,
 * same origin) calls:
 *   load(events)        make one canvas layer per located event; nothing is shown yet
 *   show(ids)           show exactly these events: others are removed from the map, not
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
  var finish = DR.finish;
  DR.finish = function (map, options) {
    var result = finish(map, options);
    start(map);
    return result;
  };

  var KM_PER_DEGREE = 111.32;
  var CLAIMS = { claimed: true, disputed: true, denied: true };
  var SELECTED = "#e8590c";

  function reducedMotion() {
    return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  function start(map) {
    var source = document.getElementById("dr-explore-symbols");
    var symbols = source ? JSON.parse(source.textContent) : { areas: {}, shapes: {} };
    var pins = L.canvas({ padding: 0.3 });
    var areas = L.canvas({ padding: 0.3, pane: "dr-areas" });
    var claims = L.canvas({ padding: 0.3, pane: "dr-claims" });
    var layers = {}; // event id -> Leaflet layer
    var extents = {}; // event id -> L.LatLngBounds
    var titles = {};
    var shown = {};
    var chosen = null;
    var ring = null;
    var listener = null;

    function own(table, key) {
      return table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : null;
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
      var style = styleFor(p);
      var symbol = own(symbols.areas, (p.place || "") + "|" + (p.precision || ""));
      var shape = symbol && symbol.shape ? own(symbols.shapes, symbol.shape) : null;
      if (shape && !shape.latlngs) { shape = null; symbol = { radius_km: 300 }; }
      var renderer = CLAIMS[p.status] ? claims : areas;
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
        style.renderer = pins;
        style.radius = 7;
        layer = L.circleMarker([lat, lon], style);
        extents[feature.id] = L.latLngBounds([lat, lon], [lat, lon]);
      }
      layer.drEventId = feature.id;
      titles[feature.id] = p.title + " (" + (p.date_display || p.date) + ")";
      layer.on("click", function () { if (listener) { listener(feature.id); } });
      layer.on("mouseover", function (e) {
        if (!layer.getTooltip()) {
          layer.bindTooltip(function () { return document.createTextNode(titles[feature.id]); },
            { sticky: !(layer instanceof L.CircleMarker) || layer instanceof L.Circle });
        }
        layer.openTooltip(e.latlng);
      });
      return layer;
    }

    function load(events) {
      Object.keys(layers).forEach(function (id) { if (shown[id]) { map.removeLayer(layers[id]); } });
      layers = {}; extents = {}; shown = {};
      for (var i = 0; i < events.length; i++) {
        var f = events[i];
        if (f && f.geometry && f.geometry.type === "Point") { layers[f.id] = layerFor(f); }
      }
      return Object.keys(layers).length;
    }

    function show(ids) {
      var next = {};
      for (var i = 0; i < ids.length; i++) { if (layers[ids[i]]) { next[ids[i]] = true; } }
      Object.keys(shown).forEach(function (id) {
        if (!next[id]) { map.removeLayer(layers[id]); }
      });
      Object.keys(next).forEach(function (id) {
        if (!shown[id]) { layers[id].addTo(map); }
      });
      shown = next;
      if (chosen) { drawRing(); }
      return Object.keys(shown).length;
    }

    function drawRing() {
      if (ring) { map.removeLayer(ring); ring = null; }
      if (!chosen || !layers[chosen]) { return; }
      var layer = layers[chosen];
      var options = { color: SELECTED, weight: 4, fill: false, interactive: false,
        className: "dr-explore-selected" };
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
      chosen = id && layers[id] ? id : null;
      if (!chosen) { document.documentElement.removeAttribute("data-explore-selected"); }
      drawRing();
      if (chosen && reveal) {
        var box = extents[chosen];
        if (!map.getBounds().contains(box.getCenter())) {
          map.panTo(box.getCenter(), { animate: !reducedMotion() });
        }
      }
      return !!chosen;
    }

    function frame(ids, id) {
      var box = null;
      if (id && extents[id]) {
        box = L.latLngBounds(extents[id].getSouthWest(), extents[id].getNorthEast());
        // One town alone says nothing of where it is: show it with about 300 km around it.
        var c = box.getCenter();
        box.extend(circleBounds(c.lat, c.lng, 300));
      } else {
        (ids || []).forEach(function (eid) {
          var b = extents[eid];
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
      shown: function () { return Object.keys(shown); },
    };
    document.documentElement.setAttribute("data-explore-map", "ready");
    }
    withBasemapCountries().then(publish);
  }
})();
