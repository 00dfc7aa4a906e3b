//! The index of one language: documents, stems with their postings, and the folded forms that
//! lead to each stem, cut into fragments by the first letters of the forms.
//!
//! Each word of a page is lower-cased by its language's rules, stemmed with the Snowball
//! stemmer of the language, and both the word and its stem are folded (`text::fold`). A
//! fragment maps every folded form starting with its prefix to the stems it stands for, and
//! carries those stems' postings (document, weighted count). The browser folds the reader's
//! word, fetches the one fragment for its prefix, and finds the stems there: by the exact form
//! (`öğrencilerin` was in the text), else by the longest stem or common form-prefix the word
//! begins with (`knjigama` begins with the stem `knjig` of `knjige`), else, for the word being
//! typed, by forms that begin with it. Since all five stemmers only strip suffixes, the stem of
//! an inflected form the text never used is such a prefix; the browser needs no stemmer of its
//! own that could disagree with this one.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use pagefind_stem::{Algorithm, Stemmer};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::text::{fold, fragment_name, html_to_text, lowercase, prefix, primary, words};
use crate::content::{Collection, EntryId, Site, TranslationStatus};

/// A fragment is cut into longer prefixes when its JSON is larger than this many bytes.
const FRAGMENT_LIMIT: usize = 12 * 1024;
/// Prefixes are never longer than this, so completing a word of this length reads one fragment.
const MAX_PREFIX: usize = 3;
/// How much a word in the title, the summary and the body counts.
const TITLE_WEIGHT: u32 = 8;
const SUMMARY_WEIGHT: u32 = 3;
const BODY_WEIGHT: u32 = 1;

/// A page in the index: what a result shows and the text its snippet comes from.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Path below the site root (`tr/guide/warning-signs/`).
    pub path: String,
    /// The title a result shows (and whose words count most).
    pub title: String,
    /// `chapter`, `practice`, `report` or `page`: the browser shows it in the reader's language.
    pub section: &'static str,
    /// Summary and body as plain text.
    pub text: String,
    /// Where the body starts in `text` (after the summary).
    pub body_start: usize,
}

/// The whole index of one language, ready to be cut into files.
pub struct LangIndex {
    /// The language code, for the stemmer and the casing rules.
    pub lang: String,
    /// The documents, numbered as the postings and `d/N.json` number them.
    pub docs: Vec<Doc>,
    /// The number of indexed words of each document, for ranking.
    lens: Vec<u32>,
    /// Folded stem → postings (document, weighted count), by document.
    stems: BTreeMap<String, Vec<(u32, u32)>>,
    /// Folded form → folded stems.
    forms: BTreeMap<String, BTreeSet<String>>,
}

/// The pages a language's index holds: its own, translated pages; a page shown in another
/// language (a fallback) is found in the index of that language only.
pub fn documents(site: &Site, lang: usize) -> Vec<Doc> {
    site.entries
        .iter()
        .enumerate()
        .filter(|(_, e)| e.lang == lang && e.status != TranslationStatus::Missing)
        .map(|(id, _)| document(site, id))
        .collect()
}

fn document(site: &Site, id: EntryId) -> Doc {
    let e = &site.entries[id];
    let body = html_to_text(&site.body(id).html);
    let summary = e
        .summary
        .as_deref()
        .map_or(String::new(), |s| format!("{s} "));
    Doc {
        path: e.path.clone(),
        title: e.title.clone(),
        section: section(e.collection, e.key.is_index()),
        body_start: summary.len(),
        text: summary + &body,
    }
}

fn section(collection: Collection, is_index: bool) -> &'static str {
    match collection {
        Collection::Guide if !is_index => "chapter",
        Collection::Practices if !is_index => "practice",
        Collection::Reports if !is_index => "report",
        _ => "page",
    }
}

/// The Snowball stemmer of a language, if it has one. Croatian (and Bosnian) use the Serbian
/// stemmer, which was made from a Croatian one and handles both alphabets.
pub fn stemmer(lang: &str) -> Option<Stemmer> {
    let algorithm = match primary(lang) {
        "en" => Algorithm::English,
        "tr" => Algorithm::Turkish,
        "hu" => Algorithm::Hungarian,
        "lt" => Algorithm::Lithuanian,
        "hr" | "sr" | "bs" => Algorithm::Serbian,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// The folded form and folded stem of a word as written, or `None` for a word too short to
/// search for (one letter).
pub fn analyze_word(word: &str, lang: &str, stemmer: Option<&Stemmer>) -> Option<(String, String)> {
    let lower = lowercase(word, lang);
    let mut chars = lower.chars();
    let first = chars.next()?;
    if chars.next().is_none() && !first.is_ascii_digit() {
        return None;
    }
    let stem = stemmer.map_or_else(|| lower.clone(), |s| s.stem(&lower).into_owned());
    Some((fold(&lower), fold(&stem)))
}

/// The words of a document as written, each with its weighted count (title words count more)
/// and its number of occurrences.
fn count_words(doc: &Doc) -> FxHashMap<&str, (u32, u32)> {
    let fields = [
        (doc.title.as_str(), TITLE_WEIGHT),
        (&doc.text[..doc.body_start], SUMMARY_WEIGHT),
        (&doc.text[doc.body_start..], BODY_WEIGHT),
    ];
    let mut counts: FxHashMap<&str, (u32, u32)> = FxHashMap::default();
    for (text, weight) in fields {
        for word in words(text) {
            let c = counts.entry(word).or_default();
            c.0 += weight;
            c.1 += 1;
        }
    }
    counts
}

/// The folded form and stem of every distinct word, each stemmed once, in parallel.
fn analyze_all<'a>(
    counts: &[FxHashMap<&'a str, (u32, u32)>],
    lang: &str,
) -> FxHashMap<&'a str, (String, String)> {
    let distinct: FxHashSet<&str> = counts.iter().flat_map(|c| c.keys().copied()).collect();
    let stemmer = stemmer(lang);
    distinct
        .into_iter()
        .collect::<Vec<_>>()
        .into_par_iter()
        .filter_map(|w| analyze_word(w, lang, stemmer.as_ref()).map(|a| (w, a)))
        .collect()
}

impl LangIndex {
    /// Index documents of a language (its code, as `tr` or `tr-TR`).
    pub fn build(lang: &str, docs: Vec<Doc>) -> LangIndex {
        let mut lens = Vec::with_capacity(docs.len());
        let mut forms: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let stems: BTreeMap<String, Vec<(u32, u32)>> = {
            let counts: Vec<_> = docs.par_iter().map(count_words).collect();
            let analyzed = analyze_all(&counts, lang);
            for (form, stem) in analyzed.values() {
                forms.entry(form.clone()).or_default().insert(stem.clone());
            }
            // Postings are gathered under borrowed stems and sorted once at the end: one
            // allocation per distinct stem, not one per (document, stem).
            let mut postings: FxHashMap<&str, Vec<(u32, u32)>> = FxHashMap::default();
            for (doc, words) in counts.iter().enumerate() {
                let mut len = 0;
                let mut weights: FxHashMap<&str, u32> = FxHashMap::default();
                for (word, (weight, n)) in words {
                    let Some((_, stem)) = analyzed.get(word) else {
                        continue;
                    };
                    len += n;
                    *weights.entry(stem.as_str()).or_default() += weight;
                }
                for (stem, weight) in weights {
                    postings.entry(stem).or_default().push((doc as u32, weight));
                }
                lens.push(len);
            }
            postings
                .into_iter()
                .map(|(stem, list)| (stem.to_string(), list))
                .collect()
        };
        LangIndex {
            lang: lang.to_string(),
            docs,
            lens,
            stems,
            forms,
        }
    }

    /// Every file of the index, by path below the language's index folder.
    pub fn files(&self) -> Vec<(String, String)> {
        let fragments = self.fragments();
        let mut files: Vec<(String, String)> = fragments
            .iter()
            .map(|(p, json)| (format!("t/{}.json", fragment_name(p)), json.clone()))
            .collect();
        let names: Vec<String> = fragments.iter().map(|(p, _)| fragment_name(p)).collect();
        files.push(("index.json".into(), self.meta_json(&names)));
        for (i, d) in self.docs.iter().enumerate() {
            files.push((format!("d/{i}.json"), to_json(&d.text)));
        }
        files
    }

    fn meta_json(&self, fragments: &[String]) -> String {
        #[derive(Serialize)]
        struct Meta<'a> {
            v: u32,
            lang: &'a str,
            /// Path, title, section and length of each document.
            docs: Vec<(&'a str, &'a str, &'a str, u32)>,
            frags: &'a [String],
        }
        let docs = self
            .docs
            .iter()
            .zip(&self.lens)
            .map(|(d, len)| (d.path.as_str(), d.title.as_str(), d.section, *len))
            .collect();
        to_json(&Meta {
            v: 1,
            lang: &self.lang,
            docs,
            frags: fragments,
        })
    }

    /// The fragments as (prefix, JSON), cut by one letter, then longer prefixes where too big.
    fn fragments(&self) -> Vec<(String, String)> {
        let mut by_first: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for form in self.forms.keys() {
            by_first
                .entry(prefix(form, 1).to_string())
                .or_default()
                .push(form);
        }
        let mut out = Vec::new();
        for (p, forms) in by_first {
            self.cut(p, forms, &mut out);
        }
        out
    }

    /// Add the fragment of `forms` (all starting with `p`), cut into longer prefixes if too big;
    /// forms no longer than `p` stay in the fragment of `p`.
    fn cut(&self, p: String, forms: Vec<&str>, out: &mut Vec<(String, String)>) {
        let json = self.fragment_json(&forms);
        let n = p.chars().count();
        if json.len() <= FRAGMENT_LIMIT || n >= MAX_PREFIX {
            out.push((p, json));
            return;
        }
        let mut longer: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        let mut here = Vec::new();
        for f in forms {
            if f.chars().count() <= n {
                here.push(f);
            } else {
                longer
                    .entry(prefix(f, n + 1).to_string())
                    .or_default()
                    .push(f);
            }
        }
        if !here.is_empty() {
            out.push((p, self.fragment_json(&here)));
        }
        for (q, forms) in longer {
            self.cut(q, forms, out);
        }
    }

    /// `{"w": {form: stem number(s)}, "s": [[stem, [doc, count, doc, count …]] …]}`.
    fn fragment_json(&self, forms: &[&str]) -> String {
        #[derive(Serialize)]
        #[serde(untagged)]
        enum Refs {
            One(usize),
            Many(Vec<usize>),
        }
        let mut stems: Vec<&str> = Vec::new();
        let mut number: HashMap<&str, usize> = HashMap::new();
        let mut w: BTreeMap<&str, Refs> = BTreeMap::new();
        for &form in forms {
            let refs: Vec<usize> = self.forms[form]
                .iter()
                .map(|s| {
                    *number.entry(s.as_str()).or_insert_with(|| {
                        stems.push(s.as_str());
                        stems.len() - 1
                    })
                })
                .collect();
            let refs = match refs.as_slice() {
                [one] => Refs::One(*one),
                _ => Refs::Many(refs),
            };
            w.insert(form, refs);
        }
        let s: Vec<(&str, Vec<u32>)> = stems
            .iter()
            .map(|stem| {
                let flat = self.stems[*stem]
                    .iter()
                    .flat_map(|(d, c)| [*d, *c])
                    .collect();
                (*stem, flat)
            })
            .collect();
        #[derive(Serialize)]
        struct Fragment<'a> {
            w: BTreeMap<&'a str, Refs>,
            s: Vec<(&'a str, Vec<u32>)>,
        }
        to_json(&Fragment { w, s })
    }
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    // Serializing maps with string keys, strings and numbers cannot fail.
    serde_json::to_string(value).expect("search index serializes to JSON")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stem(word: &str, lang: &str) -> String {
        analyze_word(word, lang, stemmer(lang).as_ref()).unwrap().1
    }

    #[test]
    fn inflected_forms_share_the_stem_of_the_issue_examples() {
        for (a, b, lang) in [
            ("knjigama", "knjige", "hr"),
            ("öğrencilerin", "öğrenci", "tr"),
            ("mokiniams", "mokinys", "lt"),
            ("hiányzások", "hiányzás", "hu"),
            ("students", "student", "en"),
            ("IŞIK", "ışık", "tr-TR"),
        ] {
            assert_eq!(stem(a, lang), stem(b, lang), "{a} / {b}");
        }
    }

    #[test]
    fn one_letter_words_are_not_indexed_but_digits_are() {
        assert_eq!(analyze_word("a", "en", None), None);
        assert!(analyze_word("7", "en", None).is_some());
    }

    fn doc(text: &str) -> Doc {
        Doc {
            path: "en/x/".into(),
            title: String::new(),
            section: "page",
            text: text.into(),
            body_start: 0,
        }
    }

    #[test]
    fn big_fragments_are_cut_by_longer_prefixes_and_every_form_is_in_one() {
        let text: String = (0..3000).map(|i| format!("ab{i:x}q ")).collect();
        let index = LangIndex::build("en", vec![doc(&text), doc("ab ac zz")]);
        let fragments = index.fragments();
        assert!(fragments.len() > 2, "the big fragment was not cut");
        for (p, json) in &fragments {
            assert!(
                json.len() <= FRAGMENT_LIMIT || p.chars().count() == MAX_PREFIX,
                "{p}"
            );
        }
        let names: Vec<&str> = fragments.iter().map(|(p, _)| p.as_str()).collect();
        for form in index.forms.keys() {
            let home = (1..=MAX_PREFIX)
                .rev()
                .map(|n| prefix(form, n))
                .find(|p| names.contains(p))
                .unwrap_or_else(|| panic!("{form} has no fragment"));
            let (_, json) = fragments.iter().find(|(p, _)| p == home).unwrap();
            assert!(
                json.contains(&format!("\"{form}\"")),
                "{form} is not in {home}"
            );
        }
    }

    #[test]
    fn postings_count_title_words_more() {
        let mut d = doc("light and more light");
        d.title = "Light".into();
        let index = LangIndex::build("en", vec![d]);
        assert_eq!(index.stems["light"], [(0, TITLE_WEIGHT + 2 * BODY_WEIGHT)]);
    }
}
