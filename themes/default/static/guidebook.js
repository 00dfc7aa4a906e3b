// guidebook's only script. Everything works without it; it adds:
// - the root page sends readers to their language (a remembered choice, else the browser's);
// - a language chosen in a switcher is remembered;
// - the 404 page shows the text in the language of the address.
(function () {
  "use strict";
  var KEY = "guidebook-lang";
  function remember(code) { try { localStorage.setItem(KEY, code); } catch (e) { /* private mode */ } }
  function remembered() { try { return localStorage.getItem(KEY); } catch (e) { return null; } }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-lang-choice]");
    if (link) { remember(link.getAttribute("data-lang-choice")); }
  });

  function chooseOnRoot() {
    var list = document.querySelector("[data-redirect]");
    if (!list) { return; }
    var codes = Array.prototype.map.call(list.querySelectorAll("[data-lang-choice]"), function (a) {
      return a.getAttribute("data-lang-choice");
    });
    var pick = remembered();
    if (codes.indexOf(pick) < 0) {
      pick = null;
      var wanted = navigator.languages || [navigator.language || ""];
      for (var i = 0; i < wanted.length && !pick; i++) {
        var code = String(wanted[i]).toLowerCase().split("-")[0];
        if (codes.indexOf(code) >= 0) { pick = code; }
      }
    }
    if (pick) { location.replace(pick + "/"); }
  }

  function localizeNotFound() {
    var root = document.documentElement;
    var base = root.getAttribute("data-base");
    if (base === null) { return; }
    var rest = location.pathname.indexOf(base) === 0 ? location.pathname.slice(base.length) : location.pathname.slice(1);
    var code = rest.split("/")[0];
    var sections = document.querySelectorAll(".not-found[data-lang]");
    var match = document.querySelector('.not-found[data-lang="' + code + '"]') || document.querySelector('.not-found[data-lang="' + remembered() + '"]');
    if (!match) { return; }
    Array.prototype.forEach.call(sections, function (s) { s.hidden = s !== match; });
    root.lang = match.getAttribute("data-lang");
  }

  chooseOnRoot();
  localizeNotFound();
})();
