/*
 * The story page (story/): a sticky map that follows the reader from step to step.
 *
 * The page works without this script: every step is text with its links, and a static
 * figure stands in for the map. This script puts the story map document in a sticky
 * frame, watches the steps with an IntersectionObserver and, as each one crosses the
 * reading line, asks the map (same origin: window.DR.storyMap in the frame, see
 * story-map.js) to fly to the step's events, or to jump when the reader prefers reduced
 * motion. A time strip shows where the step falls between 2015 and 2022. "Explore the
 * map" is a link to the explore page (explore/) at the period and first event of the step
 * being read: there the reader can pan, filter and play through time.
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
  var exploreLink = root.querySelector(".dr-story-explore");
  if (!mapBox || !steps.length) { return; }
  root.setAttribute("data-story-live", "");

  /* The frame's name when the page gives none, in the page's language (#dr-strings). */
  function storyMapWord() {
    var node = document.getElementById("dr-strings");
    try {
      var table = node ? JSON.parse(node.textContent) : {};
      return Object.prototype.hasOwnProperty.call(table, "ui.story.map") ? table["ui.story.map"] : "Story map";
    } catch (err) { return "Story map"; }
  }

  var reduced = window.matchMedia("(prefers-reduced-motion: reduce)");
  var wide = window.matchMedia("(min-width: 60em)");
  var active = null;
  var observer = null;

  var frame = document.createElement("iframe");
  frame.className = "dr-story-frame";
  frame.title = mapBox.getAttribute("data-map-title") || storyMapWord();
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
    if (!map || !active) { return; }
    map.go(active.getAttribute("data-story-step"), { animate: animate && !reduced.matches });
  }

  // The map document defines its API while it is parsed, before its load event.
  frame.addEventListener("load", function () { moveMap(false); });

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
    if (exploreLink && step.getAttribute("data-explore")) {
      exploreLink.setAttribute("href", step.getAttribute("data-explore"));
    }
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

  if (exploreLink) { exploreLink.hidden = false; }

  // Keyboard readers move through the steps' links: the step holding focus is the one read.
  root.addEventListener("focusin", function (event) {
    var step = event.target.closest && event.target.closest("[data-story-step]");
    if (step) { activate(step, true); }
  });

  var target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
  activate(target && target.hasAttribute("data-story-step") ? target : steps[0], false);
  observe();
  window.addEventListener("resize", observe);
})();
