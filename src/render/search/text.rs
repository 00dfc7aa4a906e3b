//! The text rules the index and `static/search.js` share: words, casing, letter folding and
//! fragment names.
//!
//! Every rule here has a twin in `themes/default/static/search.js`, written so that both give the
//! same answer for the same input (the known-answer tests in `tests/it/search.rs` run the real
//! script against the real index to hold them to it). Stemming has no twin: the browser never
//! stems, it looks up the forms the index already stemmed (see `super::index`).

use icu_normalizer::DecomposingNormalizerBorrowed;

/// Combining marks that folding removes after compatibility decomposition (NFKD): acute, grave,
/// breve, caron, cedilla, ogonek, double acute, dot above … — what readers leave out when their
/// keyboard lacks the letter. JS: `/[\u0300-\u036f]/g`.
const MARKS: std::ops::RangeInclusive<char> = '\u{0300}'..='\u{036f}';

/// Letters that do not decompose into a base letter and a mark, with the letters readers type
/// for them: Turkish dotless ı, Croatian đ, and a few more of Europe's Latin alphabets.
const SPECIAL: [(char, &str); 9] = [
    ('ı', "i"),
    ('đ', "d"),
    ('ð', "d"),
    ('ł', "l"),
    ('ø', "o"),
    ('ß', "ss"),
    ('æ', "ae"),
    ('œ', "oe"),
    ('þ', "th"),
];

/// The words of a text with their byte offsets: runs of letters, digits and combining marks.
/// Apostrophes and hyphens split (`Ankara'da` gives `Ankara` and `da`), so a name is found
/// whatever suffix follows it.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || MARKS.contains(&c)
}

/// Lower-case a word by the rules of its language: Turkish and Azerbaijani map `I` to `ı` and
/// `İ` to `i`, which the stemmer needs (`IŞIK` is `ışık`, not `işik`). JS: `toLocaleLowerCase`.
pub fn lowercase(word: &str, lang: &str) -> String {
    if matches!(primary(lang), "tr" | "az") {
        let dotted: String = word
            .chars()
            .map(|c| match c {
                'I' => 'ı',
                'İ' => 'i',
                c => c,
            })
            .collect();
        return dotted.to_lowercase();
    }
    word.to_lowercase()
}

/// The language subtag of a code or locale (`tr` of `tr-TR`).
pub fn primary(lang: &str) -> &str {
    lang.split(['-', '_']).next().unwrap_or(lang)
}

/// Fold a lower-case word to the letters any keyboard has: `öğrenci` → `ogrenci`, `ışık` →
/// `isik`, `đurđevak` → `durdevak`, `őszi` → `oszi`, `ﬁ` → `fi`.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_string();
    }
    let nfkd = DecomposingNormalizerBorrowed::new_nfkd();
    let mut out = String::with_capacity(word.len());
    for c in nfkd.normalize(word).chars() {
        if MARKS.contains(&c) {
            continue;
        }
        match SPECIAL.iter().find(|(from, _)| *from == c) {
            Some((_, to)) => out.push_str(to),
            None => out.push(c),
        }
    }
    out
}

/// The file name of the fragment that holds the words starting with `prefix`: ASCII letters and
/// digits as they are, any other character as `_` and its code point in hex (`_430` for `а`),
/// so names are safe in every URL and file system.
pub fn fragment_name(prefix: &str) -> String {
    let mut name = String::new();
    for c in prefix.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            name.push(c);
        } else {
            name.push_str(&format!("_{:x}", c as u32));
        }
    }
    name
}

/// The first `n` characters of a word.
pub fn prefix(word: &str, n: usize) -> &str {
    match word.char_indices().nth(n) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

/// Plain text of rendered HTML: tags dropped (inline tags without a space, so `ö<em>ğ</em>` stays
/// one word, block tags as a space), entities decoded, white space collapsed, in one pass.
pub fn html_to_text(html: &str) -> String {
    let mut out = Collapsed {
        text: String::with_capacity(html.len()),
        space: false,
    };
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        push_decoded(&mut out, &rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = &rest[open..];
            break;
        };
        let tag = &rest[open + 1..open + close];
        if !is_inline(tag) {
            out.space = true;
        }
        rest = &rest[open + close + 1..];
    }
    push_decoded(&mut out, rest);
    out.text
}

/// Text with every run of white space written as one space, none at either end.
struct Collapsed {
    text: String,
    /// Whether white space came since the last word.
    space: bool,
}

impl Collapsed {
    fn push_str(&mut self, s: &str) {
        for (i, piece) in s.split(char::is_whitespace).enumerate() {
            self.space |= i > 0;
            if !piece.is_empty() {
                self.word(piece);
            }
        }
    }

    fn push(&mut self, c: char) {
        if c.is_whitespace() {
            self.space = true;
        } else {
            self.word(c.encode_utf8(&mut [0; 4]));
        }
    }

    fn word(&mut self, piece: &str) {
        if self.space && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.space = false;
        self.text.push_str(piece);
    }
}

/// Inline elements: their tags do not part words.
const INLINE_TAGS: &[&str] = &[
    "a", "abbr", "b", "code", "del", "em", "i", "kbd", "mark", "s", "small", "span", "strong",
    "sub", "sup", "u",
];

fn is_inline(tag: &str) -> bool {
    let name = tag.trim_start_matches('/');
    let name = name
        .split(|c: char| c.is_whitespace() || c == '/')
        .next()
        .unwrap_or("");
    INLINE_TAGS.iter().any(|t| t.eq_ignore_ascii_case(name))
}

fn push_decoded(out: &mut Collapsed, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest.find(';').filter(|e| *e <= 10);
        match end.and_then(|e| decode_entity(&rest[1..e]).map(|c| (c, e))) {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_gives_the_letters_of_any_keyboard() {
        for (word, folded) in [
            ("öğrenci", "ogrenci"),
            ("ışık", "isik"),
            ("đurđevak", "durdevak"),
            ("žodis", "zodis"),
            ("őszi", "oszi"),
            ("mokinių", "mokiniu"),
            ("ﬁnal", "final"),
        ] {
            assert_eq!(fold(word), folded);
        }
    }

    #[test]
    fn turkish_casing_keeps_the_dot_where_it_belongs() {
        assert_eq!(lowercase("IŞIK", "tr"), "ışık");
        assert_eq!(lowercase("İSTANBUL", "tr-TR"), "istanbul");
        assert_eq!(lowercase("ISTANBUL", "en"), "istanbul");
        assert_eq!(fold(&lowercase("İstanbul", "en")), "istanbul");
    }

    #[test]
    fn words_split_at_apostrophes_and_hyphens() {
        let w: Vec<&str> = words("Ankara'da e-learning, 2027: Đurđevak!").collect();
        assert_eq!(w, ["Ankara", "da", "e", "learning", "2027", "Đurđevak"]);
    }

    #[test]
    fn html_becomes_plain_text() {
        let html = "<h2 id=\"a\">Tom &amp; Jerry</h2><p>ö<em>ğ</em>renci&nbsp;<a href=\"x\">link</a></p><ul><li>one</li><li>two</li></ul>";
        assert_eq!(html_to_text(html), "Tom & Jerry öğrenci link one two");
    }

    #[test]
    fn fragment_names_are_safe() {
        assert_eq!(fragment_name("og"), "og");
        assert_eq!(fragment_name("2ä"), "2_e4");
        assert_eq!(prefix("öğrenci", 2), "öğ");
        assert_eq!(prefix("a", 2), "a");
    }
}
