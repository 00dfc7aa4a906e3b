// search-query.cjs OUTPUT_DIR QUERIES_JSON: run queries through the site's own search.js (the
// very file pages load) against the index a build wrote, and print the answers as JSON.
//
// QUERIES_JSON is [{"lang": "tr", "query": "ogrenci"}, …]; the answer for each is
// {lang, query, hits: [{path, title, section}], snippet: [{text, mark}] of the first hit}.
// Files are read from OUTPUT_DIR/search/LANG/ where the page would fetch them.
"use strict";
const fs = require("fs");
const path = require("path");

const [outDir, queriesJson] = process.argv.slice(2);
if (!outDir || !queriesJson) {
  console.error("usage: search-query.cjs OUTPUT_DIR QUERIES_JSON");
  process.exit(2);
}
const search = require(path.join(outDir, "static", "search.js"));

function engineFor(lang) {
  const base = path.join(outDir, "search", lang);
  return new search.Engine((file) =>
    fs.promises.readFile(path.join(base, file), "utf8").then(JSON.parse));
}

async function answer(engines, { lang, query }) {
  engines[lang] = engines[lang] || engineFor(lang);
  const found = await engines[lang].search(query, lang);
  const hits = found.hits.map(({ path: p, title, section }) => ({ path: p, title, section }));
  const snippet = found.hits.length ? await engines[lang].snippet(found.hits[0], lang, found.words) : [];
  return { lang, query, kinds: found.words.map((w) => w.kind), hits, snippet };
}

(async () => {
  const engines = {};
  const answers = [];
  for (const q of JSON.parse(queriesJson)) { answers.push(await answer(engines, q)); }
  process.stdout.write(JSON.stringify(answers, null, 1) + "\n");
})().catch((e) => { console.error(e); process.exit(1); });
