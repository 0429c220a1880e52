/*
 * Builds a framed map only once the reader nears it, Leaflet and all.
 *
 * Same-origin frames share the page's one thread. A page with four maps loaded,
 * parsed and built all four at once, and its first map showed only when the last
 * was done; holding back only the building still left three copies of Leaflet and
 * the map scripts to run first. So a map document loads this script alone; its own
 * script (which makes the map) calls DRLoader.whenNear with the scripts it needs,
 * and they are added, in order, once the frame comes within NEAR_PX of the screen.
 * Their downloads were started by the document's preload hints, so a map in view
 * waits for nothing. A map opened on its own (not framed) is built at once.
 * No dependencies; no eval; only same-origin scripts the document names.
 */
(function () {
  "use strict";

  /* About half a phone screen ahead, so a map is drawn by the time it scrolls in. */
  var NEAR_PX = 400;

  function framed() {
    try { return window.parent !== window && !!window.frameElement; } catch (err) { return false; }
  }

  function whenNear(then) {
    if (!framed() || !window.IntersectionObserver) { then(); return; }
    // A frame already within reach goes now: the observer's first report comes a frame
    // later, and on a busy page a frame can be long.
    try {
      var box = window.frameElement.getBoundingClientRect();
      if (box.top < window.parent.innerHeight + NEAR_PX && box.bottom > -NEAR_PX) { then(); return; }
    } catch (err) { /* not readable: wait for the observer */ }
    // In a frame of the same site, the observer's root is the reader's screen, margin included.
    var observer = new IntersectionObserver(function (entries) {
      if (!entries.some(function (entry) { return entry.isIntersecting; })) { return; }
      observer.disconnect();
      then();
    }, { rootMargin: NEAR_PX + "px 0px" });
    observer.observe(document.documentElement);
  }

  /* Add the scripts in order (async = false keeps it) and call build once all have run. */
  function load(sources, build) {
    var left = sources.length;
    if (!left) { build(); return; }
    sources.forEach(function (src) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false;
      script.addEventListener("load", function () {
        left -= 1;
        if (!left) { build(); }
      });
      script.addEventListener("error", function () {
        document.documentElement.setAttribute("data-dr-ready", "failed");
      });
      document.head.appendChild(script);
    });
  }

  window.DRLoader = {
    /** Once the map is near the reader's screen, load ``sources`` in order, then ``build()``. */
    whenNear: function (sources, build) {
      whenNear(function () { load(sources, build); });
    },
  };
})();
