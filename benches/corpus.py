#!/usr/bin/env python3
"""Turn the shared benchmark corpus into a real guidebook site.

    python3 benches/corpus.py --pages-per-lang 200 --out target/bench-corpus/200

runs ../shared/bench/gen_corpus.py --format plain into OUT/plain/ (what the `floor` program
reads) and converts it into OUT/site/: site.yaml with the five languages and content/ with
guidebook's front matter. The bench copies themes/ and locales/ from the repository on every run,
so template changes are always measured.

The conversion:
- guide chapters get `chapter: N` (their order in the generator) and a `summary`; guidebook
  allows chapter numbers 1-99 (src/content/front_matter.rs), so from the 100th guide page on
  (only in the 10,000-page corpus) the pages become practices: the page count stays the same;
- practices get `country`, `stage`, `target_groups` and their `tags`;
- reports get `date` (the generator's), `kind` and `place`;
- the English page is `content/SECTION/SLUG.md`, the others `SLUG.LANG.md` with only translatable
  keys and `source_hash` (first 12 hex digits of the SHA-256 of the English file);
- links are already relative `.md` links (`slug.md`, `../practices/slug.md`), guidebook's form;
  only links to guide pages that became practices are rewritten.

The result is cached: a second run with the same generator, converter and size does nothing.
"""

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "bench", "gen_corpus.py"))
LANGS = ["en", "tr", "hr", "lt", "hu"]
SECTIONS = ["guide", "practices", "reports"]
MAX_CHAPTER = 99

SITE_YAML = """\
# A generated benchmark site (benches/corpus.py): the shape of the repository's site.yaml.
base_url: https://bench.example.org/guidebook/
source_language: en
languages:
  - { code: en, name: English, locale: en-GB }
  - { code: tr, name: Türkçe, locale: tr-TR }
  - { code: hr, name: Hrvatski, locale: hr-HR }
  - { code: lt, name: Lietuvių, locale: lt-LT }
  - { code: hu, name: Magyar, locale: hu-HU }
theme: default
eu_funding: true
license:
  name: CC BY-SA 4.0
  url: https://creativecommons.org/licenses/by-sa/4.0/
book:
  slug: bench-guide
allow_unsafe_html: false
"""

HOME = {
    "en": ("Guide to good practice", "A generated site to measure guidebook."),
    "tr": ("İyi uygulamalar rehberi", "guidebook'u ölçmek için üretilmiş bir site."),
    "hr": ("Vodič kroz dobru praksu", "Generirana stranica za mjerenje guidebooka."),
    "lt": ("Gerosios praktikos vadovas", "Sugeneruota svetainė guidebook matavimui."),
    "hu": ("Útmutató a jó gyakorlatokhoz", "Generált oldal a guidebook méréséhez."),
}
GUIDE = {
    "en": ("The guide", "The chapters of the generated guide."),
    "tr": ("Rehber", "Üretilmiş rehberin bölümleri."),
    "hr": ("Vodič", "Poglavlja generiranog vodiča."),
    "lt": ("Vadovas", "Sugeneruoto vadovo skyriai."),
    "hu": ("Útmutató", "A generált útmutató fejezetei."),
}
COUNTRIES = ["TR", "HR", "LT", "HU", "IT", "SE", "DK"]
STAGES = ["prevention", "intervention", "compensation"]
GROUPS = ["students-at-risk", "fewer-opportunities", "immigrants", "teachers", "school-staff",
          "parents", "community"]
KINDS = ["transnational-meeting", "training", "pupil-exchange", "event"]

LINK = re.compile(r"\]\((?:\.\./(guide|practices|reports)/)?([a-z0-9-]+)\.md\)")
FRONT = re.compile(r"\A---\n(.*?)\n---\n\n?", re.S)


def q(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def read_plain(path):
    """(meta, body) of a plain-format file; its front matter values are JSON-compatible."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    m = FRONT.match(text)
    meta = {}
    for line in m.group(1).splitlines():
        key, _, value = line.partition(": ")
        meta[key] = json.loads(value) if value[:1] in '"[' else value
    return meta, text[m.end():]


def summary_of(body):
    """The first sentence of the page, without Markdown."""
    first = body.split("\n\n", 1)[0]
    first = re.sub(r"\(\[([^\]]*)\]\([^)]*\)\)", "", first)
    first = re.sub(r"[*`]", "", first)
    first = re.sub(r"\s+([.!?])", r"\1", first)
    m = re.match(r"(.+?[.!?])(\s|$)", first)
    return (m.group(1) if m else first).strip()


def stamp_of(pages):
    h = hashlib.sha256()
    for p in (GENERATOR, os.path.abspath(__file__)):
        with open(p, "rb") as f:
            h.update(f.read())
    h.update(str(pages).encode())
    return h.hexdigest()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def front(lines):
    return "---\n" + "\n".join(lines) + "\n---\n\n"


def plan(plain):
    """Each generated page's slug -> [its section, its collection, its chapter number]."""
    where = {}
    for section in SECTIONS:
        slugs = sorted(
            s[:-3] for s in os.listdir(os.path.join(plain, "en", section))
            if s.endswith(".md") and s != "_index.md"
        )
        for slug in slugs:
            where[slug] = [section, section, None]
    chapters = [s for s, w in where.items() if w[0] == "guide"]
    weights = {s: read_plain(os.path.join(plain, "en", "guide", s + ".md"))[0]["weight"]
               for s in chapters}
    for slug in chapters:
        n = int(weights[slug])
        if n <= MAX_CHAPTER:
            where[slug][2] = n
        else:
            where[slug][1] = "practices"
    return where


def rewrite_links(body, from_plain_section, from_collection, where):
    def fix(m):
        section = m.group(1) or from_plain_section
        slug = m.group(2)
        target = where[slug][1] if slug in where else section
        if target == from_collection:
            return f"]({slug}.md)"
        return f"](../{target}/{slug}.md)"

    return LINK.sub(fix, body)


def english_front(collection, slug, meta, body, number, i):
    lines = [f"title: {q(meta['title'])}", f"summary: {q(summary_of(body))}"]
    if collection == "guide":
        lines.append(f"chapter: {number}")
    elif collection == "practices":
        groups = [GROUPS[(i + k * 3) % len(GROUPS)] for k in range(1 + i % 3)]
        lines += [
            f"country: {COUNTRIES[i % len(COUNTRIES)]}",
            f"stage: {STAGES[i % len(STAGES)]}",
            "target_groups: [" + ", ".join(sorted(set(groups))) + "]",
            "tags: [" + ", ".join(q(t) for t in meta["tags"]) + "]",
        ]
    else:
        lines += [
            f"date: {meta['date']}",
            f"kind: {KINDS[i % len(KINDS)]}",
            f"place: {q(city_of(body))}",
        ]
    return front(lines)


def translated_front(collection, meta, body, source_hash):
    lines = [f"title: {q(meta['title'])}", f"summary: {q(summary_of(body))}"]
    if collection == "practices":
        lines.append("tags: [" + ", ".join(q(t) for t in meta["tags"]) + "]")
    elif collection == "reports":
        lines.append(f"place: {q(city_of(body))}")
    lines.append(f"source_hash: {q(source_hash)}")
    return front(lines)


def city_of(body):
    """The city of the first row of the page's table (every page has one), else a fixed place."""
    m = re.search(r"^\|[- :|]+\|\n\| [^|]+ \| ([^|]+) \|", body, re.M)
    return m.group(1).strip() if m else "Online"


def convert(plain, site):
    where = plan(plain)
    content = os.path.join(site, "content")
    write(os.path.join(site, "site.yaml"), SITE_YAML)
    hashes = {}
    for name, texts in (("_index", HOME), ("guide/_index", GUIDE)):
        en_path = os.path.join(content, name + ".md")
        title, summary = texts["en"]
        write(en_path, front([f"title: {q(title)}", f"summary: {q(summary)}"])
              + f"{summary}\n\nRead [the guide]({'guide/_index.md' if name == '_index' else '_index.md'}).\n")
        with open(en_path, "rb") as f:
            h = hashlib.sha256(f.read()).hexdigest()[:12]
        for lang in LANGS[1:]:
            title, summary = texts[lang]
            write(os.path.join(content, f"{name}.{lang}.md"),
                  front([f"title: {q(title)}", f"summary: {q(summary)}", f"source_hash: {q(h)}"])
                  + f"{summary}\n")
    for i, (slug, (plain_section, collection, number)) in enumerate(sorted(where.items())):
        for lang in LANGS:
            meta, body = read_plain(os.path.join(plain, lang, plain_section, slug + ".md"))
            body = rewrite_links(body, plain_section, collection, where)
            if lang == "en":
                path = os.path.join(content, collection, slug + ".md")
                write(path, english_front(collection, slug, meta, body, number, i) + body)
                with open(path, "rb") as f:
                    hashes[slug] = hashlib.sha256(f.read()).hexdigest()[:12]
            else:
                path = os.path.join(content, collection, f"{slug}.{lang}.md")
                write(path, translated_front(collection, meta, body, hashes[slug]) + body)
    return len(where) * len(LANGS)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages-per-lang", type=int, required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    stamp_path = os.path.join(args.out, ".stamp")
    stamp = stamp_of(args.pages_per_lang)
    if os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        return
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    plain = os.path.join(args.out, "plain")
    site = os.path.join(args.out, "site")
    subprocess.run(
        [sys.executable, GENERATOR, "--pages-per-lang", str(args.pages_per_lang),
         "--format", "plain", "--out", plain],
        check=True,
    )
    n = convert(plain, site)
    write(stamp_path, stamp)
    print(f"guidebook: {n} pages -> {site}", file=sys.stderr)


if __name__ == "__main__":
    main()
