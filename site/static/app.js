/* regkb — small progressive enhancements. Classic script, no dependencies.
   Everything works without it. */
(function () {
  "use strict";

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

  // Compare page: apply a ticked or unticked box at once.
  // The Update button stays for people without JavaScript.
  function autoSubmitCompare() {
    var form = document.getElementById("compare-form");
    if (!form) return;
    form.addEventListener("change", function (event) {
      var t = event.target;
      if (!t) return;
      // Checkboxes only: a select fires "change" on each arrow key, and submitting then
      // would move keyboard users on before they chose (WCAG 3.2.2). Selects use Update.
      var isCheckbox = t.tagName === "INPUT" && t.type === "checkbox";
      if (!isCheckbox) return;
      if (typeof form.requestSubmit === "function") {
        form.requestSubmit();
      } else {
        form.submit();
      }
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
    if (count) count.textContent = shown + " of " + count.getAttribute("data-total") + " changes.";
    var none = document.getElementById("changes-none");
    if (none) none.hidden = shown > 0;
  }

  function init() {
    liveReload();
    autoSubmitCompare();
    filterChanges();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
