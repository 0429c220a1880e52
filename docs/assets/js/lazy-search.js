/* Material fetches and parses the whole search index (search/search_index.json)
 * on every page load, although most readers never search: it was the largest
 * thing a text page loaded, and at 10,000 events its 4 MB competed with the
 * timeline for the CPU. Loaded before Material's bundle, this script holds back
 * the sending of that one request until the reader turns to search (focus in
 * the search box, which the f, s and / shortcuts and ?q= links also cause;
 * the search toggle; a tap on the search button), or at once when the address
 * asks for search (?q=) or for highlighting (?h=, which needs the index).
 * Material's bundle runs once per visit, even across instant navigation, so
 * the hold is lifted once and XMLHttpRequest is then given back untouched. */
(function () {
  "use strict";
  var proto = window.XMLHttpRequest && XMLHttpRequest.prototype;
  if (!proto || !window.WeakSet || !window.URL) { return; }

  var open = proto.open;
  var send = proto.send;
  var abort = proto.abort;
  var marked = new WeakSet();
  var held = [];
  var released = false;
  // Window, capture phase: sees every event first and outlives instant navigation.
  var EVENTS = ["focusin", "change", "pointerdown", "click"];

  function isIndex(method, url) {
    if (String(method).toUpperCase() !== "GET") { return false; }
    try {
      var path = new URL(String(url), document.baseURI).pathname;
      return /(^|\/)search\/search_index\.json$/.test(path);
    } catch (error) {
      return false;
    }
  }

  proto.open = function (method, url) {
    forget(this);
    if (isIndex(method, url)) { marked.add(this); } else { marked.delete(this); }
    return open.apply(this, arguments);
  };
  proto.send = function () {
    if (marked.has(this)) {
      held.push({xhr: this, args: arguments});
      return undefined;
    }
    return send.apply(this, arguments);
  };
  // A request aborted or opened again before the hold lifts must not go out as it was.
  function forget(xhr) {
    held = held.filter(function (entry) { return entry.xhr !== xhr; });
  }
  proto.abort = function () {
    forget(this);
    return abort.apply(this, arguments);
  };

  function release() {
    if (released) { return; }
    released = true;
    proto.open = open;
    proto.send = send;
    proto.abort = abort;
    EVENTS.forEach(function (type) { window.removeEventListener(type, onEvent, true); });
    var queue = held;
    held = [];
    queue.forEach(function (entry) { send.apply(entry.xhr, entry.args); });
  }

  function inSearch(target) {
    return !!(target && target.closest &&
      target.closest("form[name='search'], .md-search, label[for='__search']"));
  }

  function onEvent(event) {
    var target = event.target;
    if (event.type === "change") {
      if (target && target.id === "__search" && target.checked) { release(); }
    } else if (inSearch(target)) {
      release();
    }
  }

  EVENTS.forEach(function (type) { window.addEventListener(type, onEvent, true); });

  var params = new URL(location.href).searchParams;
  if (params.has("q") || params.has("h")) { release(); }
})();
