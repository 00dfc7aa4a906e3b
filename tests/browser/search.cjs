// search.cjs SITE_DIR SCENARIOS_JSON: the search box in headless Chromium, as a reader uses it.
//
// Serves the folder that holds SITE_DIR on 127.0.0.1, so the site lives under a sub-path
// (/NAME/…) as on GitHub Pages. For each scenario {start, query, first?, lang}: opens
// START, checks that nothing of the index was fetched yet, types QUERY into the role="search"
// form, waits for the polite status, checks that the first result is FIRST (or at least a page
// of LANG), runs axe-core (WCAG 2.1 A/AA) on the open results, closes them with Escape, reopens
// and follows the first result with the keyboard (ArrowDown, Enter). Fails on any request that
// leaves 127.0.0.1. Prints what each query downloaded (bytes, and gzip-compressed).
// Needs playwright-core and axe-core on NODE_PATH and Chromium (CHROMIUM or /usr/bin/chromium).
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { launch } = require(process.env.GUIDEBOOK_BROWSER_LIB || path.join(__dirname, "../../../shared/tools/lib/browser.cjs"));

const [siteDir, scenariosJson] = process.argv.slice(2);
if (!siteDir || !scenariosJson) {
  console.error("usage: search.cjs SITE_DIR SCENARIOS_JSON");
  process.exit(2);
}

// python3 -m http.server on a port the OS picks; resolves to {url, stop}.
function serve(dir) {
  return new Promise((resolve, reject) => {
    const server = spawn("python3", ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", dir], { stdio: ["ignore", "pipe", "pipe"] });
    const timer = setTimeout(() => reject(new Error("http.server did not start")), 10000);
    server.stdout.on("data", (chunk) => {
      const m = /port (\d+)/.exec(String(chunk));
      if (m) { clearTimeout(timer); resolve({ url: `http://127.0.0.1:${m[1]}`, stop: () => server.kill() }); }
    });
    server.on("exit", (code) => reject(new Error(`http.server exited with ${code}`)));
  });
}

function check(ok, message) { if (!ok) { throw new Error(message); } }

async function axeViolations(page) {
  const axe = require.resolve("axe-core/axe.min.js");
  await page.addScriptTag({ path: axe });
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

async function typeQuery(page, query) {
  const input = page.locator("form[role=search] input[type=search]");
  await input.fill("");
  await input.pressSequentially(query, { delay: 20 });
  const status = page.locator("form[role=search] [role=status]");
  await page.waitForFunction(() => {
    const s = document.querySelector("form[role=search] [role=status]");
    return s && s.textContent.trim() !== "";
  }, null, { timeout: 10000 });
  return (await status.textContent()).trim();
}

async function firstResult(page) {
  const link = page.locator(".gb-search-results li a").first();
  await link.waitFor({ timeout: 10000 });
  return link.getAttribute("href");
}

async function scenario(browser, base, site, s, downloads) {
  const page = await browser.newPage();
  const fetched = [];
  const outside = [];
  page.on("request", (r) => { if (new URL(r.url()).hostname !== "127.0.0.1") { outside.push(r.url()); } });
  page.on("response", async (r) => {
    if (r.url().includes("/search/")) { fetched.push(await r.body().catch(() => Buffer.alloc(0))); }
  });
  await page.goto(`${base}/${site}/${s.start}`);
  check(await page.locator("form[role=search]").count() === 1, `${s.start}: no search form`);
  check(fetched.length === 0, `${s.start}: the index was loaded before the reader typed`);
  const status = await typeQuery(page, s.query);
  const href = await firstResult(page);
  const target = new URL(href, page.url()).pathname.replace(`/${site}/`, "");
  if (s.first) { check(target === s.first, `${s.query}: first result ${target}, expected ${s.first}`); }
  check(target.startsWith(`${s.lang}/`), `${s.query}: first result ${target} is not in ${s.lang}`);
  if (s.first) {
    await page.locator(".gb-search-results li").first().locator("mark").first().waitFor({ timeout: 10000 })
      .catch(() => check(false, `${s.query}: the first result's snippet highlights nothing`));
  }
  const violations = await axeViolations(page);
  check(violations.length === 0, `${s.query}: axe: ${violations.map((v) => v.id + " " + v.nodes.map((n) => n.target).join(",")).join("; ")}`);
  await page.keyboard.press("Escape");
  check(await page.locator(".gb-search-panel").isHidden(), `${s.query}: Escape did not close the results`);
  check(await page.evaluate(() => document.activeElement.type === "search"), `${s.query}: focus did not return to the box`);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement && document.activeElement.closest(".gb-search-results"), null, { timeout: 10000 });
  await Promise.all([page.waitForURL((u) => u.pathname.endsWith(target)), page.keyboard.press("Enter")]);
  const title = await page.locator("h1").first().textContent();
  check(outside.length === 0, `requests leave the machine: ${outside.join(" ")}`);
  const bytes = fetched.reduce((n, b) => n + b.length, 0);
  const gzip = fetched.reduce((n, b) => n + zlib.gzipSync(b).length, 0);
  downloads.push({ query: s.query, files: fetched.length, bytes, gzip });
  console.log(`ok ${s.lang} "${s.query}": ${status} · first ${target} ("${title.trim()}") · ${fetched.length} files, ${bytes} B, ${gzip} B gzip`);
  await page.close();
}

(async () => {
  const scenarios = JSON.parse(fs.existsSync(scenariosJson) ? fs.readFileSync(scenariosJson, "utf8") : scenariosJson);
  const abs = path.resolve(siteDir);
  const server = await serve(path.dirname(abs));
  const browser = await launch();
  const downloads = [];
  let failed = 0;
  try {
    for (const s of scenarios) {
      try { await scenario(browser, server.url, path.basename(abs), s, downloads); } catch (e) { failed++; console.log(`FAIL ${s.lang} "${s.query}": ${e.message}`); }
    }
  } finally {
    await browser.close();
    server.stop();
  }
  const most = downloads.reduce((m, d) => Math.max(m, d.gzip), 0);
  console.log(`search in the browser: ${scenarios.length - failed} passed, ${failed} failed; largest download of a query ${most} B gzip`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
