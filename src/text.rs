//! Small language-aware text helpers: slugs and typographic quotes.

/// Slug for a heading or title: ASCII, lower case, words joined by `-`.
///
/// Letters of the five languages are transliterated (ı→i, İ→i, đ→d, ė→e, ő→o) by `deunicode`;
/// the Turkish dotted capital İ is lower-cased by hand first so it does not leave a stray dot.
pub fn slugify(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c == 'İ' { 'i' } else { c })
        .collect();
    let ascii = deunicode::deunicode(&text).to_ascii_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug
    }
}

/// Opening and closing double quotes of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotes {
    pub open: char,
    pub close: char,
}

/// The double quotes each language prints: en, tr “…”; hr, lt „…“; hu „…”.
pub fn quotes_for(lang: &str) -> Quotes {
    match lang {
        "hr" | "lt" | "de" | "cs" | "sk" | "sl" => Quotes {
            open: '„',
            close: '“',
        },
        "hu" | "pl" | "ro" => Quotes {
            open: '„',
            close: '”',
        },
        _ => Quotes {
            open: '“',
            close: '”',
        },
    }
}

/// Replace English curly double quotes (as Markdown's smart punctuation makes them) with a language's.
pub fn localize_quotes(text: &str, q: Quotes) -> String {
    text.chars()
        .map(|c| match c {
            '“' => q.open,
            '”' => q.close,
            c => c,
        })
        .collect()
}

/// Turn straight double quotes in plain text (titles, summaries) into a language's quotes.
pub fn smart_quotes(text: &str, q: Quotes) -> String {
    if !text.contains('"') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 4);
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if c == '"' {
            let opening = prev.is_none_or(|p| p.is_whitespace() || "([{–—-/".contains(p));
            out.push(if opening { q.open } else { q.close });
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    out
}

/// Decode `%XX` escapes; `None` when an escape is malformed or the bytes are not UTF-8, which a
/// server must refuse rather than guess.
pub fn percent_decode_strict(s: &str) -> Option<String> {
    String::from_utf8(decode_escapes(s, true)?).ok()
}

/// Decode `%XX` escapes in a link an author wrote, keeping malformed ones as written (`100%`).
pub fn percent_decode(s: &str) -> String {
    String::from_utf8_lossy(&decode_escapes(s, false).unwrap_or_default()).into_owned()
}

fn decode_escapes(s: &str, strict: bool) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = s
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'%', None) if strict => return None,
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(out)
}

/// Count the words of plain text, for reading time and translation status.
///
/// A word is a run of non-space characters with at least one letter or digit in it (a lone
/// dash is not a word). One pass over the characters: this runs on every text of every page.
pub fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut counted = false;
    for c in text.chars() {
        if c.is_whitespace() {
            counted = false;
        } else if !counted && (c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()))
        {
            count += 1;
            counted = true;
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_with_a_letter_or_digit() {
        assert_eq!(word_count("Işık ve İlk Adım"), 4);
        assert_eq!(word_count("  one – two\n\tthree 4 — ... "), 4);
        assert_eq!(word_count("Mokinių gerovė, 2026 m."), 4);
        assert_eq!(word_count(""), 0);
        assert_eq!(
            word_count("a\u{a0}b"),
            2,
            "Unicode spaces part words, as split_whitespace"
        );
    }

    #[test]
    fn slugs_transliterate_the_partner_languages() {
        assert_eq!(slugify("Işık ve İlk Adım"), "isik-ve-ilk-adim");
        assert_eq!(slugify("Đurđevak i čađa"), "durdevak-i-cada");
        assert_eq!(slugify("Mokinių gerovė"), "mokiniu-gerove");
        assert_eq!(slugify("Őszi ünnepség"), "oszi-unnepseg");
        assert_eq!(slugify("What to do on Monday?"), "what-to-do-on-monday");
        assert_eq!(slugify("!!!"), "section");
    }

    #[test]
    fn quotes_follow_the_language() {
        assert_eq!(
            smart_quotes("\"Vrijediš\" i \"ti\"", quotes_for("hr")),
            "„Vrijediš“ i „ti“"
        );
        assert_eq!(smart_quotes("a \"b\"", quotes_for("hu")), "a „b”");
        assert_eq!(
            smart_quotes("\"You are valuable\"", quotes_for("en")),
            "“You are valuable”"
        );
        assert_eq!(localize_quotes("“x”", quotes_for("lt")), "„x“");
    }
}
