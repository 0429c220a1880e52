/*
 * Map labels that never collide: greedy placement in priority order against an R-tree.
 *
 * A label is a Leaflet marker whose options say `drLabel: true`, with a `drPriority`
 * (higher goes first: the map's own subject before context such as place names) and a
 * preferred `drSide`. Its icon element holds one `.dr-label-box`. Labels are taken in
 * priority order (then in the order they were made); for each, positions around its
 * anchor are tried in turn and the first whose box lies wholly inside the map and clear
 * of every control, every pin, every permanent tooltip and every label already placed
 * is kept. Boxes are checked against an rbush index, not against each other in a loop.
 *
 * A label with no free position is hidden at this view. It is shown while the pointer
 * is near its anchor, while it has keyboard focus (Tab reaches it) and after a tap near
 * it, and it may find room at a closer zoom: placement runs again after every zoom, pan,
 * resize and layer switch. The text version under each map lists every label's facts.
 *
 * The basemap's place names (basemap.js) are placed in the same pass, after every label,
 * against the same index (addContext): one collision index per map, not two.
 */
(function () {
  "use strict";

  var MARGIN = 3; // clear space around every label, in px
  // From the anchor to its label's nearest edge, in px: clears a pin (radius 7, stroke 3)
  // at the anchor by more than MARGIN, diagonally too.
  var GAP = 13;
  var NEAR = 18; // how close the pointer must come to a hidden label's anchor to show it
  var ORDER = {
    right: ["right", "top-right", "bottom-right", "left", "top-left", "bottom-left", "top", "bottom"],
    left: ["left", "top-left", "bottom-left", "right", "top-right", "bottom-right", "top", "bottom"],
    top: ["top", "bottom", "right", "left", "top-right", "top-left", "bottom-right", "bottom-left"],
    center: ["center", "top", "bottom", "right", "left"],
  };

  function offsets(side, w, h) {
    var d = GAP;
    var at = {
      center: [-w / 2, -h / 2],
      right: [GAP, -h / 2],
      left: [-w - GAP, -h / 2],
      top: [-w / 2, -h - GAP],
      bottom: [-w / 2, GAP],
      "top-right": [d, -h - d],
      "bottom-right": [d, d],
      "top-left": [-w - d, -h - d],
      "bottom-left": [-w - d, d],
    };
    return (ORDER[side] || ORDER.right).map(function (name) { return { name: name, x: at[name][0], y: at[name][1] }; });
  }

  function box(left, top, width, height, pad) {
    return { minX: left - pad, minY: top - pad, maxX: left + width + pad, maxY: top + height + pad };
  }

  function relative(rect, origin, pad) {
    return box(rect.left - origin.left, rect.top - origin.top, rect.width, rect.height, pad);
  }

  function isPin(layer) {
    return layer instanceof L.CircleMarker && !(layer instanceof L.Circle);
  }

  /** Everything a label must not cover: controls, pins, tooltips that stay open. */
  function obstacles(map) {
    var container = map.getContainer();
    var origin = container.getBoundingClientRect();
    var found = [];
    container.querySelectorAll(".leaflet-control").forEach(function (control) {
      var rect = control.getBoundingClientRect();
      if (rect.width && rect.height) { found.push(relative(rect, origin, MARGIN)); }
    });
    map.eachLayer(function (layer) {
      if (isPin(layer)) {
        var p = map.latLngToContainerPoint(layer.getLatLng());
        var r = layer.getRadius() + (layer.options.weight || 0) / 2;
        found.push(box(p.x - r, p.y - r, 2 * r, 2 * r, 0));
      }
      var tip = layer.getTooltip && layer.getTooltip();
      if (tip && tip.options.permanent && layer.isTooltipOpen() && tip.getElement()) {
        found.push(relative(tip.getElement().getBoundingClientRect(), origin, MARGIN));
      }
    });
    return found;
  }

  function managed(map) {
    var found = [];
    map.eachLayer(function (layer) {
      if (layer.options && layer.options.drLabel && layer.getElement && layer.getElement()) { found.push(layer); }
    });
    return found.sort(function (a, b) {
      return (b.options.drPriority || 0) - (a.options.drPriority || 0) || L.stamp(a) - L.stamp(b);
    });
  }

  function show(element, label, offset) {
    label.style.transform = "translate(" + Math.round(offset.x) + "px," + Math.round(offset.y) + "px)";
    element.classList.remove("dr-label-hidden");
    element.removeAttribute("tabindex");
    element.removeAttribute("role");
    element.removeAttribute("aria-label");
  }

  /** A label's lines as one phrase: "Kabul, 446 km". */
  function textOf(label) {
    return Array.prototype.map.call(label.children, function (line) { return line.textContent; }).join(", ");
  }

  function hide(element, label) {
    element.classList.add("dr-label-hidden");
    // Tab still reaches it: focus shows it (see peek); its text is its name meanwhile.
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "img");
    element.setAttribute("aria-label", textOf(label));
  }

  /** Place every label of the map; returns how many were shown. */
  function place(map) {
    var size = map.getSize();
    var tree = new window.RBush();
    tree.load(obstacles(map));
    var shown = 0;
    // Every label is measured before any is moved, shown or hidden: a size read after each
    // write made the browser lay the map out again for every label.
    var layers = managed(map).map(function (layer) {
      var label = layer.getElement().querySelector(".dr-label-box");
      return { layer: layer, label: label, w: label ? label.offsetWidth : 0, h: label ? label.offsetHeight : 0 };
    });
    layers.forEach(function (measured) {
      var layer = measured.layer;
      var element = layer.getElement();
      var label = measured.label;
      if (!label) { return; }
      var w = measured.w, h = measured.h;
      var anchor = map.latLngToContainerPoint(layer.getLatLng());
      layer._drFallback = null;
      var chosen = null;
      var tries = offsets(layer.options.drSide, w, h);
      if (layer.options.drSide === "center") {
        // A label on an area may slide sideways to stay whole, as long as it covers its anchor.
        var slid = Math.min(Math.max(-w / 2, MARGIN - anchor.x), size.x - MARGIN - w - anchor.x);
        if (slid <= 0 && slid >= -w) { tries.splice(1, 0, { name: "center-slid", x: slid, y: -h / 2 }); }
      }
      tries.some(function (offset) {
        var left = anchor.x + offset.x, top = anchor.y + offset.y;
        if (left < MARGIN || top < MARGIN || left + w > size.x - MARGIN || top + h > size.y - MARGIN) {
          return false;
        }
        layer._drFallback = layer._drFallback || offset;
        var candidate = box(left, top, w, h, MARGIN);
        if (tree.collides(candidate)) { return false; }
        chosen = { offset: offset, box: candidate };
        return true;
      });
      if (chosen) {
        tree.insert(chosen.box);
        show(element, label, chosen.offset);
        shown += 1;
      } else {
        hide(element, label);
      }
    });
    // Context names (basemap.js's place names) come last, against the same index: each
    // gives way to every label, pin and control above and to the names placed before it.
    (map._drContext || []).forEach(function (names) {
      names(function fits(candidate) {
        if (candidate.minX < 0 || candidate.minY < 0 || candidate.maxX > size.x || candidate.maxY > size.y ||
            tree.collides(candidate)) {
          return false;
        }
        tree.insert(candidate);
        return true;
      });
    });
    map.getContainer().setAttribute("data-dr-labels-shown", String(shown));
    return shown;
  }

  /** Have ``names(fits)`` place the map's context names after its own labels, in every pass.
   *  ``fits(box)`` (box in container pixels: minX, minY, maxX, maxY) says whether the box lies
   *  inside the map and clear of everything placed so far, and if so takes its place. */
  function addContext(map, names) {
    if (!window.RBush) { names(function () { return true; }); return; } // no index: by zoom alone
    (map._drContext = map._drContext || []).push(names);
    manage(map);
    place(map);
  }

  // A hidden label shows on request above everything, where it fits the map if it can.
  function peek(layer, on) {
    var element = layer.getElement && layer.getElement();
    if (!element || !element.classList.contains("dr-label-hidden")) { return; }
    var label = element.querySelector(".dr-label-box");
    if (on) {
      var offset = layer._drFallback || offsets(layer.options.drSide, label.offsetWidth, label.offsetHeight)[0];
      label.style.transform = "translate(" + Math.round(offset.x) + "px," + Math.round(offset.y) + "px)";
    }
    element.classList.toggle("dr-label-peek", on);
  }

  function nearest(map, point) {
    var best = null, bestDistance = NEAR;
    managed(map).forEach(function (layer) {
      if (!layer.getElement().classList.contains("dr-label-hidden")) { return; }
      var distance = map.latLngToContainerPoint(layer.getLatLng()).distanceTo(point);
      if (distance <= bestDistance) { best = layer; bestDistance = distance; }
    });
    return best;
  }

  /** Place the map's labels now, and again whenever the view, the size or the layers change. */
  function manage(map) {
    if (!window.RBush || map._drLabels) { return map; }
    var pending = false;
    var peeking = null;
    function setPeek(layer) {
      if (peeking === layer) { return; }
      if (peeking) { peek(peeking, false); }
      peeking = layer;
      if (layer) { peek(layer, true); }
    }
    function again() {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; setPeek(null); place(map); });
    }
    map._drLabels = true;
    place(map);
    map.on("zoomend moveend resize overlayadd overlayremove", again);
    map.on("mousemove", function (e) { setPeek(nearest(map, e.containerPoint)); });
    map.on("mouseout", function () { setPeek(null); });
    map.on("click", function (e) { setPeek(nearest(map, e.containerPoint)); });
    var pane = map.getPane("markerPane");
    pane.addEventListener("focusin", function (e) {
      managed(map).forEach(function (layer) { if (layer.getElement() === e.target) { setPeek(layer); } });
    });
    pane.addEventListener("focusout", function () { setPeek(null); });
    return map;
  }

  window.DRLabels = { manage: manage, place: place, addContext: addContext };
})();
