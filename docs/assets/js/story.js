/*
 * The story page (story/): a sticky map that follows the reader from step to step.
 *
 * The page works without this script: every step is text with its links, and a static
 * figure stands in for the map. This script puts the story map document in a sticky
 * frame, watches the steps with an IntersectionObserver and, as each one crosses the
 * reading line, asks the map (same origin: window.DR.storyMap in the frame, see
 * story-map.js) to fly to the step's events, or to jump when the reader prefers reduced
 * motion. A time strip shows where the step falls between 2015 and 2022. "Explore the
 * map" frees the map for pointer and keyboard; "Back to the story" locks it again.
 * Only the story page loads this script, after its steps; Material's instant navigation
 * runs it again each time it swaps the page in.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-story]");
  if (!root || root.hasAttribute("data-story-live")) { return; }
  var mapBox = root.querySelector(".dr-story-map");
  var stage = root.querySelector(".dr-story-stage");
  var steps = Array.prototype.slice.call(root.querySelectorAll("[data-story-step]"));
  var span = root.querySelector(".dr-timestrip-span");
  var exploreButton = root.querySelector(".dr-story-explore");
  var backButton = root.querySelector(".dr-story-back");
  if (!mapBox || !steps.length) { return; }
  root.setAttribute("data-story-live", "");

  var reduced = window.matchMedia("(prefers-reduced-motion: reduce)");
  var wide = window.matchMedia("(min-width: 60em)");
  var active = null;
  var exploring = false;
  var observer = null;

  var frame = document.createElement("iframe");
  frame.className = "dr-story-frame";
  frame.title = mapBox.getAttribute("data-map-title") || "Story map";
  frame.setAttribute("data-story-map", "");
  frame.tabIndex = -1; // out of the tab order until the reader chooses to explore it
  var first = steps[0].getAttribute("data-story-step");
  frame.src = mapBox.getAttribute("data-map-src") + "#" + encodeURIComponent(first);
  mapBox.insertBefore(frame, mapBox.firstChild);

  function storyMap() {
    try {
      var w = frame.contentWindow;
      return w && w.DR && w.DR.storyMap ? w.DR.storyMap : null;
    } catch (err) {
      return null;
    }
  }

  function moveMap(animate) {
    var map = storyMap();
    if (!map || !active || exploring) { return; }
    map.go(active.getAttribute("data-story-step"), { animate: animate && !reduced.matches });
  }

  // The map document defines its API while it is parsed, before its load event.
  frame.addEventListener("load", function () {
    moveMap(false);
    // Keys pressed inside the map stay in its document: Escape there returns to the story too.
    try {
      frame.contentDocument.addEventListener("keydown", function (event) {
        if (exploring && event.key === "Escape") { setExploring(false); }
      });
    } catch (err) { /* not the same origin: the Back button still works */ }
  });

  function moveStrip(step) {
    if (!span) { return; }
    var from = parseFloat(step.getAttribute("data-from")) || 0;
    var to = parseFloat(step.getAttribute("data-to")) || from;
    span.style.left = (from * 100).toFixed(2) + "%";
    span.style.width = Math.max((to - from) * 100, 1).toFixed(2) + "%";
  }

  function activate(step, animate) {
    if (step === active) { return; }
    if (active) {
      active.classList.remove("is-active");
      active.removeAttribute("aria-current");
    }
    active = step;
    step.classList.add("is-active");
    step.setAttribute("aria-current", "step");
    root.setAttribute("data-active-step", step.getAttribute("data-story-step"));
    moveStrip(step);
    moveMap(animate !== false);
  }

  // The reading line: half-way down on a wide screen; on a phone, a third of the way
  // into the space left under the sticky map, so the step read is never under the map.
  function readingLine() {
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    if (wide.matches) { return Math.round(window.innerHeight * 0.5); }
    var below = top + stage.offsetHeight;
    return Math.round(below + (window.innerHeight - below) * 0.3);
  }

  function observe() {
    if (!document.body.contains(root)) {
      window.removeEventListener("resize", observe);
      return;
    }
    if (observer) { observer.disconnect(); }
    var line = readingLine();
    var bottom = Math.max(0, window.innerHeight - line - 1);
    observer = new IntersectionObserver(function (entries) {
      var crossing = entries.filter(function (e) { return e.isIntersecting; });
      if (crossing.length) { activate(crossing[crossing.length - 1].target, true); }
    }, { rootMargin: "-" + line + "px 0px -" + bottom + "px 0px", threshold: 0 });
    steps.forEach(function (step) { observer.observe(step); });
  }

  function setExploring(on) {
    exploring = on;
    root.classList.toggle("dr-story-exploring", on);
    exploreButton.hidden = on;
    backButton.hidden = !on;
    frame.tabIndex = on ? 0 : -1;
    var map = storyMap();
    if (on) {
      frame.focus();
      if (map) { map.explore(true); }
    } else {
      if (map) { map.explore(false); }
      moveMap(false);
      if (active) { active.focus({ preventScroll: true }); }
    }
  }

  if (exploreButton && backButton) {
    exploreButton.hidden = false;
    exploreButton.addEventListener("click", function () { setExploring(true); });
    backButton.addEventListener("click", function () {
      setExploring(false);
    });
    document.addEventListener("keydown", function (event) {
      if (exploring && event.key === "Escape") { setExploring(false); }
    });
  }

  // Keyboard readers move through the steps' links: the step holding focus is the one read.
  root.addEventListener("focusin", function (event) {
    var step = event.target.closest && event.target.closest("[data-story-step]");
    if (step && !exploring) { activate(step, true); }
  });

  var target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
  activate(target && target.hasAttribute("data-story-step") ? target : steps[0], false);
  observe();
  window.addEventListener("resize", observe);
})();
