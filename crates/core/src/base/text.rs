//! The two interface languages, bilingual strings, and number formatting.
//!
//! Every sentence a user reads is a [`Text`] with a French and an English
//! side; figures are formatted here so the site and the CLI print them alike.

/// An interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    Fr,
    #[default]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// This build's language when it has only one (a page of the site,
    /// features `only-fr` and `only-en`), else `self`. Code that chooses words
    /// by language matches on it, so a page's WebAssembly keeps its own only.
    #[inline(always)]
    pub const fn page(self) -> Lang {
        if cfg!(feature = "only-fr") {
            Lang::Fr
        } else if cfg!(feature = "only-en") {
            Lang::En
        } else {
            self
        }
    }

    /// The code used in the `lang` query key and on `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// French for any French locale (`fr`, `fr-CA`, `fr_FR.UTF-8`), else English.
    pub fn from_locale(locale: &str) -> Lang {
        let prefix = locale.get(..2).unwrap_or_default();
        let rest = locale.get(2..3).unwrap_or_default();
        if prefix.eq_ignore_ascii_case("fr") && matches!(rest, "" | "-" | "_" | ".") {
            Lang::Fr
        } else {
            Lang::En
        }
    }
}

/// A sentence in both languages. A build for one language only (features
/// `only-fr`, `only-en`: each page of the site) keeps that side alone, so the
/// other language's words never reach its WebAssembly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text {
    #[cfg(not(feature = "only-en"))]
    fr: &'static str,
    #[cfg(not(feature = "only-fr"))]
    en: &'static str,
}

#[cfg(all(feature = "only-fr", feature = "only-en"))]
compile_error!("headroom-core: the features only-fr and only-en exclude each other");

impl Text {
    #[allow(unused_variables)]
    pub const fn new(fr: &'static str, en: &'static str) -> Text {
        Text {
            #[cfg(not(feature = "only-en"))]
            fr,
            #[cfg(not(feature = "only-fr"))]
            en,
        }
    }

    /// The sentence in `lang`; a one-language build has only its own.
    #[allow(unused_variables)]
    pub fn get(self, lang: Lang) -> &'static str {
        #[cfg(feature = "only-fr")]
        return self.fr;
        #[cfg(feature = "only-en")]
        return self.en;
        #[cfg(not(any(feature = "only-fr", feature = "only-en")))]
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

/// Shorthand for the data tables: `tx("français", "English")`.
pub const fn tx(fr: &'static str, en: &'static str) -> Text {
    Text::new(fr, en)
}

/// French groups thousands with a narrow no-break space.
const FR_GROUP: char = '\u{202f}';

/// Formats `value` with at most `decimals` decimals, trailing zeros removed,
/// thousands grouped and the decimal separator of `lang`.
pub fn number(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let fixed = fixed(value.abs(), decimals);
    let (int_part, frac_part) = match fixed.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (fixed.as_str(), ""),
    };
    let is_zero = int_part.bytes().all(|b| b == b'0') && frac_part.is_empty();
    let mut out = String::new();
    if value.is_sign_negative() && !is_zero {
        out.push('-');
    }
    let group = match lang.page() {
        Lang::Fr => FR_GROUP,
        Lang::En => ',',
    };
    let digits = int_part.len();
    for (i, digit) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !frac_part.is_empty() {
        out.push(match lang.page() {
            Lang::Fr => ',',
            Lang::En => '.',
        });
        out.push_str(frac_part);
    }
    out
}

/// `value` with exactly `decimals` decimals, a dot and no grouping: the form
/// SVG coordinates and CSS lengths take. Rounds half away from zero. Written
/// with integer arithmetic, which keeps the exact-precision float formatter
/// out of the WebAssembly build.
pub fn fixed(value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    let decimals = decimals.min(15);
    let scaled = (value.abs() * 10f64.powi(decimals as i32)).round();
    // Integer-valued floats print as plain digits, never with an exponent,
    // and without the float formatter (a sizeable part of the WebAssembly).
    // Past u64, the digits after the 19th are zeros: a double has 17
    // significant digits.
    let (mut scaled, mut zeros) = (scaled, 0);
    while scaled >= 1e19 {
        scaled /= 10.0;
        zeros += 1;
    }
    let mut digits = (scaled as u64).to_string();
    digits.push_str(&"0".repeat(zeros));
    if digits.len() <= decimals {
        digits.insert_str(0, &"0".repeat(decimals + 1 - digits.len()));
    }
    if decimals > 0 {
        digits.insert(digits.len() - decimals, '.');
    }
    if value.is_sign_negative() && scaled != 0.0 {
        digits.insert(0, '-');
    }
    digits
}

/// A whole number with thousands grouped: `60,000` in English, `60 000` in French.
pub fn integer(value: f64, lang: Lang) -> String {
    number(value.round(), 0, lang)
}

/// Requests per second at the precision the source prints them: one decimal,
/// or one significant digit below 0.1 (0.023 → 0.02, 0.694 → 0.7, 3.47 → 3.5).
pub fn rate(value: f64, lang: Lang) -> String {
    if !value.is_finite() || value <= 0.0 || value >= 0.1 {
        return number(value, 1, lang);
    }
    let decimals = (-(value.ln() / std::f64::consts::LN_10).floor()) as usize;
    number(value, decimals.min(12), lang)
}

/// A percentage: `43 %` in French, `43%` in English.
pub fn percent(value: f64, decimals: usize, lang: Lang) -> String {
    let n = number(value, decimals, lang);
    match lang.page() {
        Lang::Fr => format!("{n}\u{a0}%"),
        Lang::En => format!("{n}%"),
    }
}

/// Months as a short duration: `7.9 months`, `7,9 mois`; under a tenth of a
/// month reads `< 0.1 months` rather than a misleading `0`.
pub fn months(value: f64, lang: Lang) -> String {
    let n = if value > 0.0 && value < 0.05 {
        format!("<\u{a0}{}", number(0.1, 1, lang))
    } else {
        number(value, 1, lang)
    };
    match lang.page() {
        Lang::Fr => format!("{n}\u{a0}mois"),
        Lang::En if n == "1" => "1 month".to_owned(),
        Lang::En => format!("{n} months"),
    }
}

/// A label's colon: French puts a no-break space before it.
pub fn colon(lang: Lang) -> &'static str {
    match lang.page() {
        Lang::Fr => "\u{a0}: ",
        Lang::En => ": ",
    }
}

/// A label inside a sentence: its first letter in lower case (`Purger les
/// journaux` → `purger les journaux`), unless it starts an acronym (`CPU`,
/// `RAM utilisée`).
pub fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), second) if !second.is_some_and(char::is_uppercase) => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_owned(),
    }
}

/// A sentence's first letter in upper case: `le mini PC …` → `Le mini PC …`.
pub fn capital_first(sentence: &str) -> String {
    let mut chars = sentence.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The noun for a count of `n`: French keeps the singular below 2
/// (`1,5 cœur`, `0 conteneur`), English only for exactly 1.
pub fn noun<'a>(n: f64, singular: &'a str, plural: &'a str, lang: Lang) -> &'a str {
    let one = match lang.page() {
        Lang::Fr => n.abs() < 2.0,
        Lang::En => n == 1.0,
    };
    if one {
        singular
    } else {
        plural
    }
}
