//! Headroom's decimal parser gives exactly what the standard library gives.

use headroom_core::decimal::parse;
use proptest::prelude::*;

/// The standard library's answer, with infinities refused as Headroom does.
fn std_parse(text: &str) -> Option<f64> {
    text.parse::<f64>().ok().filter(|x| x.is_finite())
}

#[test]
fn hard_cases_match_the_standard_library() {
    let cases = [
        "0",
        "-0",
        "+1",
        "15",
        "2.5",
        ".5",
        "5.",
        "0.1",
        "0.30000000000000004",
        "1e22",
        "1e23",
        "9007199254740993",
        "123456789012345678901234567890",
        "2.2250738585072011e-308",
        "2.2250738585072014e-308",
        "4.9e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1e-400",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "1e309",
        "1e999",
        "1e-999",
        "0.000000000000000000000000000001",
        "100000000",
        "7.2057594037927933e16",
        "8.98846567431158e307",
        "3.0517578125e-05",
        "1E3",
        "1e+3",
    ];
    for text in cases {
        let ours = parse(text).map(f64::to_bits);
        let theirs = std_parse(text).map(f64::to_bits);
        assert_eq!(ours, theirs, "{text}");
    }
}

#[test]
fn malformed_text_is_refused() {
    for text in [
        "", "-", ".", "e5", "1e", "1e+", "1.2.3", "abc", "inf", "NaN", "1,5", " 1", "1 ", "0x10",
        "--1",
    ] {
        assert_eq!(parse(text), None, "{text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn every_finite_f64_reads_back_exactly(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        prop_assert_eq!(parse(&x.to_string()).map(f64::to_bits), Some(x.to_bits()));
        prop_assert_eq!(parse(&format!("{x:e}")).map(f64::to_bits), Some(x.to_bits()));
    }

    #[test]
    fn decimal_strings_match_the_standard_library(
        text in "[+-]?[0-9]{0,30}(\\.[0-9]{0,30})?([eE][+-]?[0-9]{1,3})?"
    ) {
        prop_assert_eq!(parse(&text).map(f64::to_bits), std_parse(&text).map(f64::to_bits), "{}", text);
    }
}
