// guidebook serve: reload the page when it changed, keep the scroll position, and show build
// errors over the page until they are fixed. Injected only by `guidebook serve`.
(function () {
  "use strict";
  var KEY = "guidebook-scroll:" + location.pathname;
  var saved = sessionStorage.getItem(KEY);
  if (saved !== null) {
    sessionStorage.removeItem(KEY);
    var restore = function () { window.scrollTo(0, Number(saved)); };
    if (document.readyState === "complete") { restore(); } else { window.addEventListener("load", restore); }
  }
  var here = location.pathname.replace(/index\.html$/, "");

  function reload() {
    sessionStorage.setItem(KEY, String(window.scrollY));
    location.reload();
  }

  function hide() {
    var old = document.getElementById("guidebook-overlay");
    if (old) { old.remove(); }
  }

  function show(problems) {
    hide();
    var box = document.createElement("div");
    box.id = "guidebook-overlay";
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-label", "Build errors");
    box.style.cssText = "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(20,24,30,.96);color:#fff;" +
      "font:15px/1.5 ui-monospace,Menlo,Consolas,monospace;padding:2rem";
    var title = document.createElement("h2");
    title.textContent = "The last change could not be built. The page shows the last good version.";
    title.style.cssText = "font:700 1.2rem system-ui,sans-serif;margin:0 0 1rem;color:#fbbf24";
    box.appendChild(title);
    problems.forEach(function (p) {
      var item = document.createElement("div");
      item.style.cssText = "margin:0 0 1.2rem;padding:0.8rem 1rem;border-left:4px solid " + (p.severity === "error" ? "#f87171" : "#fbbf24") + ";background:rgba(255,255,255,.06)";
      var place = document.createElement("div");
      place.textContent = p.place || "";
      place.style.color = "#93c5fd";
      var message = document.createElement("div");
      message.textContent = p.severity + ": " + p.message;
      item.appendChild(place);
      item.appendChild(message);
      if (p.hint) {
        var hint = document.createElement("div");
        hint.textContent = "hint: " + p.hint;
        hint.style.color = "#a7f3d0";
        item.appendChild(hint);
      }
      box.appendChild(item);
    });
    document.body.appendChild(box);
  }

  // The translator's view: on a page in another language than the source, a link to
  // ?compare shows source and translation side by side.
  var me = document.currentScript;
  var sourceLang = me && me.getAttribute("data-source-lang");
  function addCompareLink() {
    var lang = document.documentElement.lang;
    if (!sourceLang || !lang || lang === sourceLang || location.search.indexOf("compare") >= 0) { return; }
    var link = document.createElement("a");
    link.href = location.pathname + "?compare";
    link.textContent = "Compare with " + sourceLang;
    link.lang = "en";
    link.style.cssText = "position:fixed;right:1rem;bottom:1rem;z-index:2147483646;padding:.5rem .8rem;border-radius:.4rem;" +
      "background:#1d4e89;color:#fff;font:600 14px system-ui,sans-serif;text-decoration:none";
    document.body.appendChild(link);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", addCompareLink); } else { addCompareLink(); }

  var source = new EventSource("/__guidebook/events");
  source.addEventListener("reload", function (e) {
    var paths = JSON.parse(e.data);
    if (paths.indexOf("*") >= 0 || paths.indexOf(here) >= 0) { reload(); }
  });
  source.addEventListener("overlay", function (e) { show(JSON.parse(e.data)); });
  source.addEventListener("clear", hide);
})();
