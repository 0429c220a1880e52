/*
 * The site's own basemap, drawn under every Leaflet map the site makes.
 *
 * One TopoJSON file (assets/geo/basemap.topo.json, derived from Natural Earth by
 * scripts/derive_geo.py) is fetched once from the site itself and cached by the
 * browser for every map document. A Leaflet init hook draws it into each map as
 * soon as the map exists, so no map needs code of its own: the Maps page, the
 * chapters, the event pages' locator and any new map document get it by loading
 * this script after Leaflet and topojson-client.
 *
 * Quiet on purpose: light land, pale water, thin grey borders, Afghanistan and
 * Tajikistan a shade darker, their neighbours a shade between; names in small
 * grey capitals with a halo. The story's colours stay for the data.
 * No eval, no inline handlers, no request to any other host.
 */
(function () {
  "use strict";

  if (!window.L || !window.topojson) { return; }

  var PALETTE = {
    water: "#dde6ec",
    other: "#f4f2ee",
    neighbour: "#ece8e0",
    focus: "#e3dccd",
    border: "#8f8f8f",
  };
  var script = document.currentScript;
  var url = new URL("../geo/basemap.topo.json", script ? script.src : window.location.href).href;
  var request = null;
  var resolveDrawn;
  var drawn = new Promise(function (resolve) { resolveDrawn = resolve; });

  function load() {
    if (!request) {
      request = window.fetch(url).then(function (response) {
        if (!response.ok) { throw new Error("basemap: HTTP " + response.status); }
        return response.json();
      });
    }
    return request;
  }
  load().catch(function () { /* drawn without a basemap; reported when a map asks */ });

  // Names in the document's language: each labelled place has its English "name" and a
  // "name_<lang>" per other language (scripts/derive_basemap.py, from CLDR where it has them).
  function localName(p) {
    var lang = (document.documentElement.lang || "en").toLowerCase().split("-")[0];
    var own = lang !== "en" && p["name_" + lang];
    return typeof own === "string" && own ? own : p.name;
  }

  // The scripts' words in the document's language (#dr-strings, builder/i18n/front.py),
  // read when first needed; each call names the English it falls back to.
  function t(key, english) {
    var node = document.getElementById("dr-strings");
    try {
      var table = node ? JSON.parse(node.textContent) : {};
      return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : english;
    } catch (err) { return english; }
  }

  function countryStyle(feature) {
    var group = feature.properties && feature.properties.group;
    return {
      stroke: false,
      fill: true,
      fillColor: PALETTE[group] || PALETTE.other,
      fillOpacity: 1,
      className: "dr-base-country dr-base-" + (group === "focus" || group === "neighbour" ? group : "other"),
    };
  }

  function borderStyle() {
    return { color: PALETTE.border, weight: 0.8, opacity: 1, fill: false, className: "dr-base-border" };
  }

  function layer(topology, name, style, renderer, pane) {
    return L.geoJSON(topojson.feature(topology, topology.objects[name]), {
      style: style, renderer: renderer, pane: pane, interactive: false,
    });
  }

  function label(place, latlng) {
    var p = place.properties;
    var kind = /^(country|capital|river)$/.test(p.kind) ? p.kind : "place";
    var box = document.createElement("span");
    box.className = "dr-base-label-text";
    box.textContent = localName(p);
    var extra = kind === "country" && p.group === "focus" ? " dr-base-label-focus" : "";
    var icon = L.divIcon({ html: box, className: "dr-base-label dr-base-label-" + kind + extra, iconSize: null });
    var marker = L.marker(latlng, {
      icon: icon, pane: "dr-basemap-labels", interactive: false, keyboard: false,
    });
    marker.country = kind === "country" ? p.country : null;
    marker.minZoom = p.zoom || 0;
    marker.maxZoom = typeof p.maxZoom === "number" ? p.maxZoom : Infinity;
    return marker;
  }

  // Context labels give way: a name that would touch the map's own labels or pins, a control,
  // another name already shown or the map's edge is hidden at this zoom. labels.js places them
  // after the map's own labels in the same pass, against the same collision index.
  function nameLabels(map, labels) {
    return function (fits) {
      var origin = map.getContainer().getBoundingClientRect();
      // Every name is measured before any is shown or hidden: visibility moves nothing, and
      // reading a box after each write made the browser lay the map out again for every name.
      var zoom = map.getZoom();
      var nodes = labels.map(function (marker) { return marker.getElement(); });
      var boxes = nodes.map(function (node) {
        if (!node) { return null; }
        var r = (node.firstChild || node).getBoundingClientRect();
        return { minX: r.left - origin.left, minY: r.top - origin.top, maxX: r.right - origin.left, maxY: r.bottom - origin.top };
      });
      var named = {}; // a country is named once, at the first of its points that fits
      labels.forEach(function (marker, i) {
        var node = nodes[i];
        if (!node) { return; }
        var shown = zoom >= marker.minZoom && zoom <= marker.maxZoom &&
          !(marker.country && named[marker.country]) && fits(boxes[i]);
        node.style.visibility = shown ? "" : "hidden";
        node.classList.toggle("dr-base-label-hidden", !shown);
        if (shown && marker.country) { named[marker.country] = true; }
      });
    };
  }

  function draw(map, topology) {
    var meta = (topology.properties && topology.properties.detail) || {};
    var fromZoom = meta.fromZoom || 6;
    var fills = L.svg({ pane: "dr-basemap", padding: 0.5 });
    var lines = L.svg({ pane: "dr-basemap-lines", padding: 0.5 });
    var overview = layer(topology, "countries", countryStyle, fills, "dr-basemap");
    overview.options.attribution = t("ui.map.basemap_credit", "Basemap: Natural Earth (public domain)");
    var overviewBorders = layer(topology, "borders", borderStyle, lines, "dr-basemap-lines");
    // The 1:10m layers are decoded the first time the map comes close enough to show them:
    // most maps open further out, and decoding them cost every map time before it was drawn.
    var close = null;
    function closeLayers() {
      if (!close) {
        close = [
          layer(topology, "countries_detail", countryStyle, fills, "dr-basemap"),
          layer(topology, "borders_detail", borderStyle, lines, "dr-basemap-lines"),
          layer(topology, "borders_outside_detail", borderStyle, lines, "dr-basemap-lines"),
        ];
      }
      return close;
    }
    overview.addTo(map);

    var groups = {};
    topology.objects.countries.geometries.forEach(function (g) {
      if (g.id) { groups[g.id] = g.properties.group; }
    });
    var labels = topojson.feature(topology, topology.objects.places).features.map(function (place) {
      var c = place.geometry.coordinates;
      place.properties.group = groups[place.properties.country];
      return label(place, L.latLng(c[1], c[0]));
    });
    labels.sort(function (a, b) { return a.minZoom - b.minZoom; });
    var labelLayer = L.layerGroup(labels).addTo(map);

    function update() {
      var near = map.getZoom() >= fromZoom;
      (close || []).concat([overviewBorders]).forEach(function (l) { map.removeLayer(l); });
      if (near) {
        closeLayers().forEach(function (l) { l.addTo(map); });
      } else {
        overviewBorders.addTo(map);
      }
    }
    map.on("zoomend", update);
    update();
    // labels.js places the names with the map's own labels, on every change of view, size or
    // layers (and now: the credit line has just grown in the corner, and labels give way to it).
    if (window.DRLabels) { window.DRLabels.addContext(map, nameLabels(map, labels)); }
    else { nameLabels(map, labels)(function () { return true; }); } // a page without labels.js: by zoom alone
    map.getContainer().setAttribute("data-dr-basemap", "drawn");
    return labelLayer;
  }

  L.Map.addInitHook(function () {
    var map = this;
    var fills = map.createPane("dr-basemap");
    fills.style.zIndex = 150;
    map.createPane("dr-basemap-lines").style.zIndex = 160;
    var names = map.createPane("dr-basemap-labels");
    names.style.zIndex = 370;
    names.setAttribute("aria-hidden", "true");
    map.getContainer().classList.add("dr-has-basemap");
    load().then(function (topology) {
      draw(map, topology);
    }).catch(function (error) {
      map.getContainer().setAttribute("data-dr-basemap", "failed");
      if (window.console) { window.console.warn(String(error)); }
    }).then(function () { resolveDrawn(); });
  });

  /** ``drawn`` settles once the basemap is drawn (or could not be): map-layers.js waits on it. */
  window.DRBasemap = { drawn: drawn, palette: PALETTE, url: url };
})();
