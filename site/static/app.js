/* regkb — small progressive enhancements. Classic script, no dependencies.
   Everything works without it. */
(function () {
  "use strict";

  // The page's messages for scripts, from the JSON block every page renders from its language's
  // messages (site/src/i18n.rs, script_messages): per message, its text for each plural category,
  // with {name} where a value goes, and which value's number picks the category.
  var messages = null;
  function message(key, values) {
    if (!messages) {
      var block = document.getElementById("regkb-messages");
      messages = block ? JSON.parse(block.textContent) : {};
    }
    var variants = messages[key];
    if (!variants) return key;
    values = values || {};
    var text = variants.other;
    if (variants.count && typeof Intl === "object" && Intl.PluralRules) {
      var category = new Intl.PluralRules(document.documentElement.lang).select(values[variants.count]);
      text = variants[category] || text;
    }
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }
  window.regkbMessage = message;

  // Live reload during preview: the server sends an event named "reload"
  // when the content changes. EventSource reconnects by itself.
  function liveReload() {
    var meta = document.querySelector('meta[name="regkb-live"]');
    if (!meta || typeof window.EventSource !== "function") return;
    var url = meta.getAttribute("content");
    if (!url) return;
    try {
      var source = new EventSource(url);
      source.addEventListener("reload", function () {
        source.close();
        window.location.reload();
      });
    } catch (e) {
      /* no live reload; the page still works */
    }
  }

  // Compare page: apply a ticked or unticked box at once, and Update without a reload: fetch
  // the page for the form's new state and swap in its results, so keyboard focus and the
  // scroll position stay where they were. Without script, or from file:// (where the export's
  // offline.js redoes the comparison from the address), the form submits as usual.
  function liveCompare() {
    var form = document.getElementById("compare-form");
    var results = document.getElementById("compare-results");
    if (!form || !results) return;
    var live = window.location.protocol !== "file:" && typeof window.fetch === "function" &&
      typeof window.DOMParser === "function" && typeof window.URLSearchParams === "function";
    var latest = 0;

    function apply() {
      if (!live) {
        if (typeof form.requestSubmit === "function") form.requestSubmit();
        else form.submit();
        return;
      }
      var query = new URLSearchParams(new FormData(form)).toString();
      var url = form.getAttribute("action") + (query ? "?" + query : "");
      var ticket = ++latest;
      var status = document.getElementById("compare-status");
      window.fetch(url, { headers: { Accept: "text/html" } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then(function (html) {
          if (ticket !== latest) return; // a newer change is on its way
          var next = new DOMParser().parseFromString(html, "text/html").getElementById("compare-results");
          if (!next) throw new Error("no results");
          results.replaceWith(next);
          results = next;
          window.history.replaceState(null, "", url);
          if (status) {
            var rows = next.querySelectorAll("tr[data-agrees]").length;
            var cols = next.querySelectorAll("thead th[data-regulator]").length;
            status.textContent = message("compare-status", {
              topics: message("compare-status-topics", { n: rows }),
              regulators: message("compare-status-regulators", { n: cols })
            });
          }
        })
        .catch(function () {
          window.location.href = url;
        });
    }

    form.addEventListener("change", function (event) {
      var t = event.target;
      // Checkboxes only: a select fires "change" on each arrow key, and applying then would
      // move keyboard users on before they chose (WCAG 3.2.2). Selects use Update.
      if (t && t.tagName === "INPUT" && t.type === "checkbox") apply();
    });
    form.addEventListener("submit", function (event) {
      if (!live) return;
      event.preventDefault();
      apply();
    });
  }

  // Change log in the static export: no server filters it, so the page filters itself by
  // the filters in its address (which the form writes).
  function filterChanges() {
    var form = document.getElementById("changes-form");
    if (!form || !form.hasAttribute("data-filter-here")) return;
    var params = new URLSearchParams(window.location.search);
    var want = {};
    ["regulator", "topic", "kind"].forEach(function (name) {
      want[name] = params.get(name) || "";
      if (form.elements[name]) form.elements[name].value = want[name];
    });
    var shown = 0;
    document.querySelectorAll("li.event[data-kinds]").forEach(function (li) {
      var ok =
        (!want.regulator || li.getAttribute("data-regulator") === want.regulator) &&
        (!want.topic || li.getAttribute("data-topic") === want.topic) &&
        (!want.kind || li.getAttribute("data-kinds").split(" ").indexOf(want.kind) >= 0);
      li.hidden = !ok;
      if (ok) shown += 1;
    });
    document.querySelectorAll("section.change-day").forEach(function (day) {
      day.hidden = !day.querySelector("li.event:not([hidden])");
    });
    var count = document.getElementById("changes-count");
    if (count) count.textContent = message("changes-count", { shown: shown, total: count.getAttribute("data-total") });
    var none = document.getElementById("changes-none");
    if (none) none.hidden = shown > 0;
  }

  // A printed page says where it came from and when: the full address as the browser has it
  // when it prints (the export's search changes it in place), and today's date where the server
  // did not write one (the static export).
  function printStamp() {
    document.querySelectorAll("[data-page-address]").forEach(function (el) {
      el.textContent = window.location.href;
    });
    document.querySelectorAll("[data-page-date]").forEach(function (el) {
      if (!el.textContent) el.textContent = new Date().toISOString().slice(0, 10);
    });
  }

  // The language switcher keeps the page's query, which scripts may have changed since the
  // page was served (the compare form rewrites the address as it filters; the export's search
  // and compare read theirs from it).
  function keepQueryAcrossLanguages() {
    document.querySelectorAll("nav.languages a").forEach(function (a) {
      a.addEventListener("click", function () {
        a.setAttribute("href", a.getAttribute("href").split("?")[0] + window.location.search);
      });
    });
  }

  function init() {
    printStamp();
    window.addEventListener("beforeprint", printStamp);
    keepQueryAcrossLanguages();
    liveReload();
    liveCompare();
    filterChanges();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
