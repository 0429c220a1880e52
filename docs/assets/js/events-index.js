/* Sorting and filters for the events index (events/index.md).
 *
 * The page ships a complete plain table; this script only adds controls on
 * top of it. Only the events index loads it, with a <script> after the
 * table (other pages do not download it); Material's instant navigation
 * runs that script again each time it swaps the page in.
 */
(function () {
  "use strict";

  /* The page's words: a page in another language than English carries them as JSON in
   * #dr-strings (builder/i18n/front.py); each call names the English it falls back to. */
  // Read when first needed: the element may come after this script in the page.
  var strings = null;
  function t(key, english, values) {
    if (strings === null || !Object.keys(strings).length) {
      var node = document.getElementById("dr-strings");
      try { strings = node ? JSON.parse(node.textContent) : {}; } catch (err) { strings = {}; }
    }
    var text = Object.prototype.hasOwnProperty.call(strings, key) ? strings[key] : english;
    return !values ? text : text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }
  function plural(base, n) {
    var form = "other";
    try { form = new Intl.PluralRules(document.documentElement.lang || "en").select(n); }
    catch (err) { form = n === 1 ? "one" : "other"; }
    return base + "." + form;
  }

  /* words: the prefix of the messages naming each value (none for countries: the page names them). */
  var FILTERS = [
    { key: "countries", multi: true, words: null },
    { key: "category", multi: false, words: "ui.category." },
    { key: "status", multi: false, words: "status." }
  ];

  function humanise(value) {
    return value.replace(/-/g, " ");
  }

  function rowValues(row, key) {
    var raw = row.getAttribute("data-" + key) || "";
    return raw.split(" ").filter(function (v) { return v !== ""; });
  }

  function buildSelect(filter, rows, names, index) {
    var counts = {};
    rows.forEach(function (row) {
      rowValues(row, filter.key).forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
    });
    var wrapper = document.createElement("div");
    wrapper.className = "dr-filter";
    var label = document.createElement("label");
    var id = "dr-filter-" + filter.key + "-" + index;
    label.setAttribute("for", id);
    label.textContent = {
      countries: t("ui.index.country", "Country"),
      category: t("ui.index.category", "Category"),
      status: t("ui.index.status", "Status")
    }[filter.key];
    var select = document.createElement("select");
    select.id = id;
    select.setAttribute("data-filter-key", filter.key);
    var all = document.createElement("option");
    all.value = "";
    all.textContent = t("ui.index.all", "All");
    select.appendChild(all);
    Object.keys(counts)
      .map(function (v) {
        return { value: v, text: names[v] || (filter.words ? t(filter.words + v, humanise(v)) : humanise(v)) };
      })
      .sort(function (a, b) { return a.text.localeCompare(b.text); })
      .forEach(function (item) {
        var option = document.createElement("option");
        option.value = item.value;
        option.textContent = item.text + " (" + counts[item.value] + ")";
        select.appendChild(option);
      });
    wrapper.appendChild(label);
    wrapper.appendChild(select);
    return { element: wrapper, select: select };
  }

  function applyFilters(rows, selects, status) {
    var shown = 0;
    rows.forEach(function (row) {
      var visible = selects.every(function (select) {
        var wanted = select.value;
        return wanted === "" ||
          rowValues(row, select.getAttribute("data-filter-key")).indexOf(wanted) !== -1;
      });
      row.hidden = !visible;
      if (visible) { shown += 1; }
    });
    var counts = { count: shown, total: rows.length };
    status.textContent = shown === rows.length
      ? t(plural("ui.chart.showing_all", rows.length), "Showing all {total} events.", counts)
      : t(plural("ui.chart.showing", rows.length), "Showing {count} of {total} events.", counts);
  }

  function sortKey(row, column, type) {
    var cell = row.cells[column];
    var key = cell.getAttribute("data-sort");
    if (key === null) { key = cell.textContent.trim().toLowerCase(); }
    return type === "number" ? parseFloat(key) : key;
  }

  function makeSortable(table, tbody) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, column) {
      var type = th.getAttribute("data-sortable");
      if (!type) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "dr-sort";
      button.textContent = th.textContent;
      button.setAttribute("aria-label", t("ui.index.sort_by", "Sort by {column}", { column: th.textContent.toLowerCase() }));
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(tbody.rows);
        rows.sort(function (a, b) {
          var x = sortKey(a, column, type);
          var y = sortKey(b, column, type);
          var order = x < y ? -1 : x > y ? 1 : 0;
          if (order === 0) { order = a.id < b.id ? -1 : 1; }
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { tbody.appendChild(row); });
      });
    });
    // The generated table is in date order: say so to assistive technology.
    headers[0].setAttribute("aria-sort", "ascending");
  }

  function enhance(table, index) {
    if (table.getAttribute("data-enhanced") === "true") { return; }
    table.setAttribute("data-enhanced", "true");
    var tbody = table.tBodies[0];
    var rows = Array.prototype.slice.call(tbody.rows);
    var controls = document.querySelector(".dr-index-controls");
    if (!controls) {
      controls = document.createElement("div");
      controls.className = "dr-index-controls";
      table.parentNode.insertBefore(controls, table);
    }
    var names = {};
    try { names = JSON.parse(controls.getAttribute("data-country-names") || "{}"); }
    catch (err) { names = {}; }
    var form = document.createElement("form");
    form.className = "dr-filters";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", t("ui.index.filter", "Filter the events"));
    var selects = [];
    FILTERS.forEach(function (filter) {
      var built = buildSelect(filter, rows, names, index);
      selects.push(built.select);
      form.appendChild(built.element);
    });
    var reset = document.createElement("button");
    reset.type = "reset";
    reset.className = "md-button dr-reset";
    reset.textContent = t("ui.index.show_all", "Show all");
    form.appendChild(reset);
    var status = document.createElement("p");
    status.className = "dr-filter-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    form.addEventListener("change", function () { applyFilters(rows, selects, status); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { applyFilters(rows, selects, status); }, 0);
    });
    controls.appendChild(form);
    controls.appendChild(status);
    controls.hidden = false;
    applyFilters(rows, selects, status);
    makeSortable(table, tbody);
  }

  function init() {
    var tables = document.querySelectorAll("table.dr-events-index");
    Array.prototype.forEach.call(tables, enhance);
  }

  // The events index page loads this script after its table, and Material's instant
  // navigation runs the scripts of each page it swaps in: the table is there now.
  init();
})();
