/*
 * The story map (maps/story.html): moves to each step of the story and highlights its events.
 *
 * Loaded after map-layers.js and before the map's own script. Through DR.on's hooks it notes
 * every layer the DR builders make, and once DR.finish has fitted the opening view it exposes
 * window.DR.storyMap, the small API the story page (assets/js/story.js, same origin) calls:
 *   go(stepId, {animate})  show the step's layers, highlight its events, fly or jump to its view
 *   explore(on)            free the map for pointer and keyboard (true) or lock it for scrolling
 *   state()                {step, moving, exploring, animated}, for the page and for tests
 * Steps come from the JSON element #dr-story-steps, written by builder/maps/story.py.
 * No eval, no inline handlers, no HTML built from strings.
 */
(function () {
  "use strict";

  var DR = window.DR;
  if (!DR) { return; }
  var built = []; // {kind, data, layer} for every layer the DR builders made in this document
  DR.on("layer", function (kind, data, layer) { built.push({ kind: kind, data: data, layer: layer }); });
  DR.on("finished", function (map) { start(map); });

  var HANDLERS = ["dragging", "touchZoom", "doubleClickZoom", "boxZoom", "keyboard"];
  var PADDING = [24, 24];

  function reducedMotion() {
    return !!(window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  function start(map) {
    var source = document.getElementById("dr-story-steps");
    if (!source) { return; }
    var config = JSON.parse(source.textContent);
    var steps = {};
    config.steps.forEach(function (step) { steps[step.id] = step; });
    var context = {};
    var events = {};
    built.forEach(function (entry) {
      if (entry.data && entry.data.storyLayer) { context[entry.data.storyLayer] = entry.layer; }
      if (entry.kind === "events") {
        entry.layer.eachLayer(function (layer) { events[layer.feature.id] = layer; });
      }
    });
    var root = document.documentElement;
    var current = null;
    var exploring = false;
    var lastAnimated = false;

    function original(layer) {
      if (!layer._drStoryStyle) {
        var o = layer.options;
        layer._drStoryStyle = {
          opacity: o.opacity, fillOpacity: o.fillOpacity, weight: o.weight,
        };
      }
      return layer._drStoryStyle;
    }

    function highlight(ids) {
      Object.keys(events).forEach(function (id) {
        var layer = events[id];
        var base = original(layer);
        var on = ids.indexOf(id) >= 0;
        layer.setStyle(on
          ? { opacity: 1, fillOpacity: Math.max(base.fillOpacity || 0, 0.35), weight: (base.weight || 2) + 2 }
          : { opacity: 0.2, fillOpacity: (base.fillOpacity || 0) * 0.15, weight: base.weight });
        var node = layer.getElement && layer.getElement();
        if (node) {
          node.setAttribute("data-event", id);
          if (on) { node.setAttribute("data-story-highlight", "true"); }
          else { node.removeAttribute("data-story-highlight"); }
        }
        if (on && layer.bringToFront) { layer.bringToFront(); }
      });
    }

    function showLayers(names) {
      Object.keys(context).forEach(function (name) {
        var layer = context[name];
        if (names.indexOf(name) >= 0) { if (!map.hasLayer(layer)) { map.addLayer(layer); } }
        else if (map.hasLayer(layer)) { map.removeLayer(layer); }
      });
    }

    function settle() {
      root.removeAttribute("data-story-moving");
    }

    function go(id, options) {
      var step = steps[id];
      if (!step) { return false; }
      var animate = !(options && options.animate === false) && !reducedMotion();
      current = id;
      lastAnimated = animate;
      root.setAttribute("data-story-step", id);
      showLayers(step.layers);
      highlight(step.events);
      var bounds = L.latLngBounds(step.bounds);
      var fit = { padding: PADDING, maxZoom: config.maxZoom };
      root.setAttribute("data-story-moving", "true");
      map.stop();
      if (animate) {
        map.once("moveend", settle);
        fit.duration = 1.2;
        map.flyToBounds(bounds, fit);
      } else {
        fit.animate = false;
        map.fitBounds(bounds, fit);
        settle();
      }
      return true;
    }

    // Locked, the map follows the story and its buttons would do nothing: hide them.
    function lock(locked) {
      HANDLERS.forEach(function (name) {
        if (map[name]) { if (locked) { map[name].disable(); } else { map[name].enable(); } }
      });
      var controls = map.getContainer().querySelectorAll(".leaflet-control-zoom, .leaflet-control-layers");
      Array.prototype.forEach.call(controls, function (node) { node.hidden = locked; });
    }

    function explore(on) {
      exploring = !!on;
      lock(!exploring);
      root.setAttribute("data-story-exploring", exploring ? "true" : "false");
      if (exploring) { map.getContainer().focus(); }
      else if (current) { go(current, { animate: false }); }
    }

    DR.storyMap = {
      go: go,
      explore: explore,
      steps: config.steps.map(function (step) { return step.id; }),
      map: map,
      state: function () {
        return {
          step: current, exploring: exploring, animated: lastAnimated,
          moving: root.hasAttribute("data-story-moving"),
        };
      },
    };
    // The home page embeds this document on its own: the map stays free there. Framed by the
    // story page, it waits locked until the page calls explore(true).
    var framedByStory = false;
    try { framedByStory = window.parent !== window && !!window.frameElement &&
      window.frameElement.hasAttribute("data-story-map"); } catch (err) { framedByStory = false; }
    if (framedByStory) {
      lock(true);
      root.setAttribute("data-story-exploring", "false");
    }
    var first = window.location.hash.replace(/^#/, "");
    go(steps[first] ? first : config.steps[0] && config.steps[0].id, { animate: false });
    root.setAttribute("data-story-ready", "true");
  }
})();
