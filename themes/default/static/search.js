// search.js: the site search, on static files only (see src/render/search.rs for the index).
//
// In a page it fills the empty .gb-search element of partials/search.html with a role="search"
// form; nothing is loaded until the reader types, then search/LANG/index.json, one fragment per
// word and the text of the results shown. Under node (the tests) it exports the same core the
// page uses: fold, lower, words, fragmentName, analyzeQuery, Engine.
//
// The text rules are the twins of src/render/search/text.rs and must give the same answers:
// words are runs of letters, digits and combining marks; Turkish casing maps I to ı and İ to i;
// folding is NFKD without combining marks plus ı→i, đ→d and a few more. The script never stems:
// the index says which folded forms lead to which stems (see index.rs).
(function (root) {
  "use strict";

  var MARKS = /[\u0300-\u036f]/g;
  var SPECIAL = { "ı": "i", "đ": "d", "ð": "d", "ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th" };
  var SPECIAL_RE = /[ıđðłøßæœþ]/g;
  var WORD = /[\p{Alphabetic}\p{N}\u0300-\u036f]+/gu;
  var MAX_PREFIX = 3;
  var MIN_BASE = 3;
  var KIND_WEIGHT = { exact: 1, stem: 0.9, prefix: 0.7 };

  // ---- text rules (twins of text.rs) ----

  function primary(lang) { return String(lang || "").split(/[-_]/)[0]; }

  function lower(word, lang) {
    var l = primary(lang);
    if (l === "tr" || l === "az") { word = word.replace(/I/g, "ı").replace(/İ/g, "i"); }
    return word.toLowerCase();
  }

  function fold(word) {
    return word.normalize("NFKD").replace(MARKS, "").replace(SPECIAL_RE, function (c) { return SPECIAL[c]; });
  }

  // The words of a text with their offsets: [{word, start, end}].
  function words(text) {
    var out = [];
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(text)) !== null) { out.push({ word: m[0], start: m.index, end: m.index + m[0].length }); }
    return out;
  }

  function chars(s) { return Array.from(s); }

  function prefix(word, n) { return chars(word).slice(0, n).join(""); }

  function fragmentName(p) {
    return chars(p).map(function (c) {
      return /^[a-z0-9]$/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }

  // The folded, searchable words of a query (one-letter words are not indexed).
  function analyzeQuery(query, lang) {
    var seen = {};
    return words(query).map(function (w) { return lower(w.word, lang); }).filter(function (w) {
      var c = chars(w);
      return c.length > 1 || /[0-9]/.test(c[0]);
    }).map(fold).filter(function (w) {
      if (seen[w]) { return false; }
      seen[w] = true;
      return true;
    });
  }

  // ---- matching one word in its fragment ----

  function refs(v) { return [].concat(v); }

  function commonPrefix(a, b) {
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) { i++; }
    return a.slice(0, i);
  }

  // Per stem of a fragment: its folded forms and the prefixes an unseen inflection would begin
  // with (the stem itself, and what its forms have in common).
  function stemTable(frag) {
    if (frag.table) { return frag.table; }
    var table = frag.s.map(function (s) { return { stem: s[0], postings: s[1], forms: [], common: null }; });
    Object.keys(frag.w).forEach(function (form) {
      refs(frag.w[form]).forEach(function (i) {
        var t = table[i];
        t.forms.push(form);
        t.common = t.common === null ? form : commonPrefix(t.common, form);
      });
    });
    frag.table = table;
    return table;
  }

  function byExactForm(frag, word) {
    var r = frag.w[word];
    return r === undefined ? [] : refs(r);
  }

  // Stems whose stem or common form-prefix begins the word: the longest such prefix wins.
  function byStemPrefix(table, word) {
    var best = 0;
    var found = [];
    table.forEach(function (t, i) {
      [t.stem, t.forms.length > 1 ? t.common : ""].forEach(function (base) {
        if (base.length < MIN_BASE || word.indexOf(base) !== 0 || base.length < best) { return; }
        if (base.length > best) { best = base.length; found = []; }
        if (found.indexOf(i) < 0) { found.push(i); }
      });
    });
    return found;
  }

  // Stems of the forms that begin with a word still being typed.
  function byCompletion(table, word) {
    if (chars(word).length < MIN_BASE) { return []; }
    var found = [];
    table.forEach(function (t, i) {
      if (t.forms.some(function (f) { return f.indexOf(word) === 0; })) { found.push(i); }
    });
    return found;
  }

  // How a folded word matches in its fragment: {word, kind, completes, stems: [{stem, postings,
  // forms, weight}], forms}. The word being typed (`last`) also completes to longer forms unless
  // it is a form of the text itself.
  function matchWord(frag, word, last) {
    var m = { word: word, kind: "none", completes: false, stems: [], forms: [] };
    if (!frag) { return m; }
    var table = stemTable(frag);
    var found = [];
    function add(list, weight, kind) {
      list.forEach(function (i) {
        if (found.some(function (f) { return f.i === i; })) { return; }
        found.push({ i: i, weight: weight });
        if (m.kind === "none") { m.kind = kind; }
      });
    }
    add(byExactForm(frag, word), KIND_WEIGHT.exact, "exact");
    if (!found.length) { add(byStemPrefix(table, word), KIND_WEIGHT.stem, "stem"); }
    if (m.kind !== "exact" && last) {
      var more = byCompletion(table, word);
      m.completes = more.length > 0;
      add(more, KIND_WEIGHT.prefix, "prefix");
    }
    m.stems = found.map(function (f) {
      var t = table[f.i];
      return { stem: t.stem, postings: t.postings, forms: t.forms, weight: f.weight };
    });
    m.stems.forEach(function (t) { m.forms = m.forms.concat(t.forms); });
    return m;
  }

  // ---- the engine: loads files through `load(path) -> Promise<JSON>` ----

  function Engine(load) {
    this.load = load;
    this.files = {};
    this.meta = null;
  }

  Engine.prototype.file = function (path) {
    var files = this.files;
    if (!files[path]) {
      files[path] = this.load(path).catch(function (e) { delete files[path]; throw e; });
    }
    return files[path];
  };

  Engine.prototype.start = function () {
    var self = this;
    return this.file("index.json").then(function (meta) {
      if (!self.meta) {
        self.meta = meta;
        self.frags = new Set(meta.frags);
        var total = meta.docs.reduce(function (sum, d) { return sum + d[3]; }, 0);
        self.avg = Math.max(1, total / Math.max(1, meta.docs.length));
      }
      return meta;
    });
  };

  Engine.prototype.fragment = function (word) {
    for (var n = Math.min(MAX_PREFIX, chars(word).length); n > 0; n--) {
      var name = fragmentName(prefix(word, n));
      if (this.frags.has(name)) { return this.file("t/" + name + ".json"); }
    }
    return Promise.resolve(null);
  };

  // BM25 of one stem's postings, added into `scores` (doc -> best score of this word).
  Engine.prototype.score = function (postings, weight, scores) {
    var docs = this.meta.docs;
    var n = docs.length;
    var df = postings.length / 2;
    var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (var i = 0; i < postings.length; i += 2) {
      var d = postings[i];
      var tf = postings[i + 1];
      var norm = 1.2 * (0.25 + 0.75 * docs[d][3] / this.avg);
      var s = weight * idf * tf * 2.2 / (tf + norm);
      if (!(scores[d] >= s)) { scores[d] = s; }
    }
  };

  // Search: resolves to {words: [match…], hits: [{doc, score, path, title, section}]}, every
  // word required, best first.
  Engine.prototype.search = function (query, lang) {
    var self = this;
    var folded = analyzeQuery(query, lang);
    return this.start().then(function () {
      return Promise.all(folded.map(function (w, i) {
        return self.fragment(w).then(function (frag) { return matchWord(frag, w, i === folded.length - 1); });
      }));
    }).then(function (matches) {
      return { words: matches, hits: folded.length ? self.rank(matches) : [] };
    });
  };

  Engine.prototype.rank = function (matches) {
    var self = this;
    var total = null;
    matches.forEach(function (m) {
      var scores = {};
      m.stems.forEach(function (t) { self.score(t.postings, t.weight, scores); });
      var next = {};
      Object.keys(scores).forEach(function (d) {
        if (total === null || d in total) { next[d] = (total === null ? 0 : total[d]) + scores[d]; }
      });
      total = next;
    });
    return Object.keys(total || {}).map(function (d) {
      var doc = self.meta.docs[d];
      return { doc: Number(d), score: total[d], path: doc[0], title: doc[1], section: doc[2] };
    }).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
  };

  // ---- snippets ----

  function isHit(word, lang, matches) {
    var f = fold(lower(word, lang));
    return matches.some(function (m) {
      return m.forms.indexOf(f) >= 0 || (m.completes && f.indexOf(m.word) === 0);
    });
  }

  // The part of a text around its densest matches: [{text, mark}], with … where it was cut.
  function snippetParts(text, lang, matches, size) {
    size = size || 28;
    var ws = words(text);
    var hits = ws.map(function (w) { return isHit(w.word, lang, matches); });
    var start = bestWindow(hits, size);
    var first = ws[start];
    var last = ws[Math.min(ws.length, start + size) - 1];
    if (!first) { return [{ text: text.slice(0, 200), mark: false }]; }
    var parts = [];
    if (first.start > 0) { parts.push({ text: "… ", mark: false }); }
    var at = first.start;
    for (var i = start; i < start + size && i < ws.length; i++) {
      if (!hits[i]) { continue; }
      parts.push({ text: text.slice(at, ws[i].start), mark: false });
      parts.push({ text: ws[i].word, mark: true });
      at = ws[i].end;
    }
    parts.push({ text: text.slice(at, last.end), mark: false });
    if (last.end < text.length) { parts.push({ text: " …", mark: false }); }
    return parts.filter(function (p) { return p.text; });
  }

  // The start of the window of `size` words with the most hits (a little context before it).
  function bestWindow(hits, size) {
    var best = 0;
    var bestCount = -1;
    var count = 0;
    for (var i = 0; i < hits.length; i++) {
      count += hits[i] ? 1 : 0;
      if (i >= size) { count -= hits[i - size] ? 1 : 0; }
      var start = Math.max(0, i - size + 1);
      if (count > bestCount) { bestCount = count; best = start; }
    }
    var firstHit = hits.indexOf(true, best);
    return firstHit < 0 ? 0 : Math.max(0, Math.min(best, firstHit - 4));
  }

  Engine.prototype.snippet = function (hit, lang, matches) {
    return this.file("d/" + hit.doc + ".json").then(function (text) {
      return snippetParts(text, lang, matches);
    });
  };

  var core = {
    fold: fold, lower: lower, words: words, fragmentName: fragmentName,
    analyzeQuery: analyzeQuery, matchWord: matchWord, snippetParts: snippetParts, Engine: Engine,
  };
  if (typeof module !== "undefined" && module.exports) { module.exports = core; }

  // ---- the form in the page ----

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { e.append(c); });
    return e;
  }

  function initAll() {
    var boxes = document.querySelectorAll(".gb-search[data-index]");
    Array.prototype.forEach.call(boxes, function (box, i) { new SearchBox(box, i); });
  }

  function SearchBox(box, n) {
    var self = this;
    this.box = box;
    this.lang = box.getAttribute("data-lang");
    this.shown = 10;
    this.seq = 0;
    var base = box.getAttribute("data-index");
    this.engine = new Engine(function (path) {
      return fetch(base + path).then(function (r) {
        if (!r.ok) { throw new Error(r.status + " " + path); }
        return r.json();
      });
    });
    this.build("gb-search-" + n);
    this.loadStyle(function () { self.form.hidden = false; });
  }

  SearchBox.prototype.s = function (key) { return this.box.getAttribute("data-" + key) || ""; };

  SearchBox.prototype.loadStyle = function (done) {
    var link = el("link", { rel: "stylesheet", href: this.s("css") });
    link.onload = done;
    link.onerror = done;
    document.head.appendChild(link);
  };

  SearchBox.prototype.build = function (id) {
    var icon = '<svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24"><circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.5"/><path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"/></svg>';
    this.input = el("input", { type: "search", id: id + "-input", name: "q", placeholder: this.s("placeholder"), autocomplete: "off", spellcheck: "false", "aria-controls": id + "-panel", enterkeyhint: "search" });
    var button = el("button", { type: "submit", class: "gb-search-submit" }, [el("span", { class: "visually-hidden" }, [this.s("submit")])]);
    button.insertAdjacentHTML("afterbegin", icon);
    this.status = el("div", { role: "status", "aria-live": "polite", "aria-atomic": "true", class: "visually-hidden" });
    this.count = el("p", { class: "gb-search-count", "aria-hidden": "true" });
    this.list = el("ol", { class: "gb-search-results", "aria-label": this.s("results-label") });
    this.more = el("button", { type: "button", class: "gb-search-more", hidden: "" }, [this.s("more")]);
    var close = el("button", { type: "button", class: "gb-search-close" }, [el("span", { "aria-hidden": "true" }, ["×"]), el("span", { class: "visually-hidden" }, [this.s("close")])]);
    this.panel = el("div", { id: id + "-panel", class: "gb-search-panel", hidden: "" }, [close, this.count, this.list, this.more]);
    var label = el("label", { for: id + "-input", class: "visually-hidden" }, [this.s("placeholder")]);
    this.form = el("form", { role: "search", class: "gb-search-form", "aria-label": this.s("label"), hidden: "" },
      [label, el("div", { class: "gb-search-field" }, [this.input, button]), this.status, this.panel]);
    this.box.append(this.form);
    this.listen(close);
  };

  SearchBox.prototype.listen = function (close) {
    var self = this;
    var timer = null;
    this.input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.run(false); }, 120);
    });
    this.form.addEventListener("submit", function (e) {
      e.preventDefault();
      clearTimeout(timer);
      self.run(true);
    });
    this.form.addEventListener("keydown", function (e) { self.key(e); });
    this.more.addEventListener("click", function () { self.shown += 10; self.render(self.last, self.list.children.length); });
    close.addEventListener("click", function () { self.close(); self.input.focus(); });
    document.addEventListener("click", function (e) { if (!self.form.contains(e.target)) { self.close(); } });
    this.form.addEventListener("focusout", function (e) {
      if (e.relatedTarget && !self.form.contains(e.relatedTarget)) { self.close(); }
    });
  };

  SearchBox.prototype.key = function (e) {
    var links = Array.prototype.slice.call(this.list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (e.key === "Escape") {
      if (!this.panel.hidden) { e.preventDefault(); this.close(); this.input.focus(); }
      return;
    }
    if (this.panel.hidden || !links.length) { return; }
    if (e.key === "ArrowDown") {
      e.preventDefault();
      links[Math.min(links.length - 1, at + 1)].focus();
    } else if (e.key === "ArrowUp" && at >= 0) {
      e.preventDefault();
      if (at === 0) { this.input.focus(); } else { links[at - 1].focus(); }
    }
  };

  SearchBox.prototype.close = function () { this.panel.hidden = true; };

  SearchBox.prototype.run = function (submitted) {
    var self = this;
    var query = this.input.value.trim();
    var seq = ++this.seq;
    if (!query) { this.close(); this.status.textContent = ""; return; }
    this.count.textContent = this.s("loading");
    this.engine.search(query, this.lang).then(function (found) {
      if (seq !== self.seq) { return; }
      self.last = { query: query, found: found };
      self.shown = 10;
      self.list.textContent = "";
      self.render(self.last, 0);
      if (submitted && self.list.querySelector("a")) { self.list.querySelector("a").focus(); }
    }).catch(function () {
      if (seq !== self.seq) { return; }
      self.count.textContent = self.status.textContent = self.s("error");
      self.panel.hidden = false;
    });
  };

  SearchBox.prototype.render = function (last, from) {
    var hits = last.found.hits;
    var text = hits.length ? this.countText(hits.length) : this.s("none").replace("%s", last.query);
    this.count.textContent = text;
    this.status.textContent = text;
    for (var i = from; i < Math.min(hits.length, this.shown); i++) { this.list.append(this.item(hits[i], last.found.words)); }
    this.more.hidden = hits.length <= this.shown;
    this.panel.hidden = false;
  };

  SearchBox.prototype.item = function (hit, matches) {
    var link = el("a", { href: this.s("root") + hit.path }, [hit.title]);
    var snippet = el("p", { class: "gb-search-snippet" });
    var section = el("span", { class: "gb-search-section" }, [this.s("section-" + hit.section)]);
    var lang = this.lang;
    this.engine.snippet(hit, lang, matches).then(function (parts) {
      parts.forEach(function (p) { snippet.append(p.mark ? el("mark", {}, [p.text]) : p.text); });
    }).catch(function () { /* the title and section are enough */ });
    return el("li", {}, [section, link, snippet]);
  };

  // "N results" in the page's language: the rendered sample count of the same plural category.
  SearchBox.prototype.countText = function (n) {
    var rules = new Intl.PluralRules(this.lang);
    var category = rules.select(n);
    var samples = [0, 1, 2, 5, 11, 21];
    for (var i = 0; i < samples.length; i++) {
      if (rules.select(samples[i]) === category) {
        return this.s("count-" + samples[i]).replace(String(samples[i]), n.toLocaleString(this.lang));
      }
    }
    return this.s("count-5").replace("5", String(n));
  };

  if (typeof document !== "undefined") { root.guidebookSearch = core; initAll(); }
})(typeof window !== "undefined" ? window : globalThis);
