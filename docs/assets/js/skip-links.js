/* Skip links before each map and chart move keyboard focus past the embed.
 * The browser's own fragment navigation does not reliably focus the target
 * once Material's instant navigation handles the click, so the link focuses
 * its target itself. Listening on window in the capture phase runs before
 * Material and survives instant navigation (window is never replaced). */
(function () {
  "use strict";
  window.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a.dr-skip") : null;
    if (!link) { return; }
    var id = (link.getAttribute("href") || "").split("#")[1];
    var target = id ? document.getElementById(id) : null;
    if (!target) { return; }
    event.preventDefault();
    event.stopPropagation();
    target.focus({preventScroll: true});
    target.scrollIntoView({block: "center"});
  }, true);
})();
