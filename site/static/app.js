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

  // A printed page says where it came from and when: the full address as the browser has it,
  // and today's date where the server did not write one (the static export).
  function printStamp() {
    document.querySelectorAll("[data-page-address]").forEach(function (el) {
      el.textContent = window.location.href;
    });
    document.querySelectorAll("[data-page-date]").forEach(function (el) {
      if (!el.textContent) el.textContent = new Date().toISOString().slice(0, 10);
    });
  }

  function init() {
    printStamp();
    liveReload();
    autoSubmitCompare();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
