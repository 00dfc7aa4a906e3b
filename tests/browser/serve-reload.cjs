// Real-browser test of `guidebook serve`: open a chapter in headless Chromium, scroll down,
// change the chapter on disk, and see the new text appear without a manual reload, at the same
// scroll position. Usage: node serve-reload.cjs URL FILE
// (URL of the chapter on a running `guidebook serve`, FILE the chapter's Markdown source).
"use strict";
const fs = require("fs");
const path = require("path");
const home = process.env.CHECKERS_HOME || path.join(process.env.HOME, ".cache/site-checkers");
const { chromium } = require(path.join(home, "node/node_modules/playwright-core"));

async function main() {
  const [url, file] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => document.querySelector("script[src='/__guidebook/live.js']"));
    await page.waitForTimeout(300); // let the event stream connect
    await page.evaluate(() => window.scrollTo(0, 400));
    const before = await page.evaluate(() => window.scrollY);
    const marker = "Text written while the browser was open " + Date.now();
    fs.appendFileSync(file, "\n\n" + marker + "\n");
    await page.waitForFunction((m) => document.body.innerText.includes(m), marker, { timeout: 15000 });
    await page.waitForTimeout(200);
    const after = await page.evaluate(() => window.scrollY);
    if (Math.abs(after - before) > 5) {
      throw new Error(`scroll position changed from ${before} to ${after}`);
    }
    console.log(`ok: new text shown without a manual reload; scroll kept at ${after}px`);
  } finally {
    await browser.close();
  }
}

main().catch((e) => { console.error(e.message || e); process.exit(1); });
