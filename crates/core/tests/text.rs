//! Number, size, price and month formatting in both languages.

use headroom_core::text::{self, Lang};
use headroom_core::units::{Euros, Mebibytes, Megabytes};
use headroom_core::YearMonth;

#[test]
fn numbers_group_thousands_per_language() {
    assert_eq!(text::integer(60_000.0, Lang::En), "60,000");
    assert_eq!(text::integer(60_000.0, Lang::Fr), "60\u{202f}000");
    assert_eq!(text::integer(100_000_000.0, Lang::En), "100,000,000");
    assert_eq!(text::number(-1234.5, 1, Lang::Fr), "-1\u{202f}234,5");
    assert_eq!(text::number(-0.01, 1, Lang::En), "0");
    assert_eq!(text::number(f64::NAN, 1, Lang::En), "—");
}

#[test]
fn rates_keep_one_significant_digit_below_a_tenth() {
    assert_eq!(text::rate(0.023148, Lang::En), "0.02");
    assert_eq!(text::rate(0.115741, Lang::En), "0.1");
    assert_eq!(text::rate(0.694444, Lang::En), "0.7");
    assert_eq!(text::rate(3.472222, Lang::En), "3.5");
    assert_eq!(text::rate(0.0, Lang::En), "0");
}

#[test]
fn sizes_and_prices() {
    assert_eq!(Megabytes(1_200.0).display(Lang::En), "1.2\u{a0}GB");
    assert_eq!(Megabytes(2_500_000.0).display(Lang::Fr), "2,5\u{a0}To");
    assert_eq!(Mebibytes(4_096.0).display(Lang::En), "4,096\u{a0}MiB");
    assert_eq!(Mebibytes(1.0).to_megabytes(), Megabytes(1.048576));
    assert_eq!(Euros::range(500, 720).display(Lang::En), "€500–720");
    assert_eq!(Euros::range(500, 720).display(Lang::Fr), "500–720\u{a0}€");
    assert_eq!(Euros::range(0, 0).display(Lang::En), "€0");
}

#[test]
fn months_and_locales() {
    let month = YearMonth::parse("2027-02").unwrap();
    assert_eq!(month.label(Lang::Fr), "février 2027");
    assert_eq!(month.to_string(), "2027-02");
    // 2026-11-24 00:00 UTC.
    assert_eq!(
        YearMonth::from_unix_seconds(1_795_478_400).to_string(),
        "2026-11"
    );
    assert_eq!(YearMonth::from_unix_seconds(0).to_string(), "1970-01");
    assert_eq!(Lang::from_locale("fr_FR.UTF-8"), Lang::Fr);
    assert_eq!(Lang::from_locale("fr-CA"), Lang::Fr);
    assert_eq!(Lang::from_locale("fries"), Lang::En);
    assert_eq!(Lang::from_locale("C"), Lang::En);
}

#[test]
fn fixed_point_for_svg_and_css() {
    assert_eq!(text::fixed(12.345, 1), "12.3");
    assert_eq!(text::fixed(0.05, 1), "0.1");
    assert_eq!(text::fixed(640.0, 1), "640.0");
    assert_eq!(text::fixed(0.004, 2), "0.00");
    assert_eq!(text::fixed(-3.25, 1), "-3.3");
    assert_eq!(text::fixed(-0.01, 1), "0.0");
    assert_eq!(text::fixed(7.0, 0), "7");
    assert_eq!(text::fixed(1e20, 1), "100000000000000000000.0");
    assert_eq!(text::fixed(f64::NAN, 1), "0");
}

#[test]
fn french_texts_group_thousands_with_a_narrow_no_break_space() {
    use headroom_core::corrections::CORRECTIONS;
    use headroom_core::runbook::{CONCLUSION, CONCLUSION_SUMMARY};
    use headroom_core::tier::TIERS;
    let mut texts: Vec<&str> = CORRECTIONS
        .iter()
        .flat_map(|c| [c.source_says.get(Lang::Fr), c.headroom_does.get(Lang::Fr)])
        .collect();
    texts.extend(CONCLUSION.iter().map(|a| a.advice.get(Lang::Fr)));
    texts.extend(
        CONCLUSION
            .iter()
            .filter_map(|a| a.correction.map(|c| c.get(Lang::Fr))),
    );
    texts.push(CONCLUSION_SUMMARY.get(Lang::Fr));
    texts.extend(
        TIERS
            .iter()
            .filter_map(|t| t.warning.map(|w| w.get(Lang::Fr))),
    );
    for text in texts {
        let bytes: Vec<char> = text.chars().collect();
        for window in bytes.windows(5) {
            let plain_grouping = window[0].is_ascii_digit()
                && window[1] == ' '
                && window[2..].iter().all(|c| c.is_ascii_digit());
            assert!(!plain_grouping, "a plain space groups thousands in: {text}");
        }
    }
}
