//! The conclusion's advice for each range of users.

use crate::base::text::{tx, Text};
use crate::base::units::Euros;

/// A point of the source's conclusion (section 8).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Advice {
    /// The users the source gives it for, as it writes them.
    pub source_range: &'static str,
    /// Headroom applies it from `from_users` to `to_users`, both inclusive.
    pub from_users: u32,
    pub to_users: Option<u32>,
    pub advice: Text,
    pub price: Option<Euros>,
    /// Headroom's reading, where the source contradicts itself.
    pub correction: Option<Text>,
}

/// Source, section 8, "Conclusion". Its ranges leave 1,001-1,499 uncovered and
/// overlap at 2,000; Headroom stretches the second point to 1,499 and gives
/// 2,000 to the third, as the tier table does.
pub const CONCLUSION: [Advice; 4] = [
    Advice {
        source_range: "0-500",
        from_users: 0,
        to_users: Some(500),
        advice: tx("Rester sur le Pi 4", "Stay on the Pi 4"),
        price: None,
        correction: None,
    },
    Advice {
        source_range: "500-1000",
        from_users: 501,
        to_users: Some(1_499),
        advice: tx(
            "Ajouter un SSD de 1 To pour ne pas saturer les entrées-sorties",
            "Add a 1 TB SSD so disk I/O does not saturate",
        ),
        price: Some(Euros::about(65)),
        correction: None,
    },
    Advice {
        source_range: "1500-2000",
        from_users: 1_500,
        to_users: Some(2_000),
        advice: tx(
            "Envisager un mini PC sous Linux pour avoir de la marge processeur",
            "Consider a Linux mini PC for CPU headroom",
        ),
        price: Some(Euros::about(500)),
        correction: None,
    },
    Advice {
        source_range: "2000+",
        from_users: 2_001,
        to_users: None,
        advice: tx("Le cloud devient obligatoire", "Cloud is mandatory"),
        price: None,
        correction: Some(tx(
            "Le tableau des paliers de la source garde un mini PC jusqu'à 10\u{202f}000 utilisateurs ; Headroom le suit : mini PC jusqu'à 10\u{202f}000, cloud au-delà.",
            "The source's tier table keeps a mini PC up to 10,000 users; Headroom follows it: mini PC up to 10,000, cloud beyond.",
        )),
    },
];

/// Source, section 8: its closing judgement on the Pi 4.
pub const CONCLUSION_SUMMARY: Text = tx(
    "Avec un SSD, le Pi 4 tient 1\u{202f}000 à 2\u{202f}000 utilisateurs actifs par mois : un excellent rapport coût/performance pour démarrer. Au-delà, il faut investir dans une infrastructure qui s'étend.",
    "With an SSD, the Pi 4 carries 1,000-2,000 monthly active users: excellent value for a young product. Past that, invest in infrastructure that scales.",
);

pub fn advice_for(users: u32) -> &'static Advice {
    CONCLUSION
        .iter()
        .find(|a| users >= a.from_users && a.to_users.is_none_or(|to| users <= to))
        .unwrap_or(&CONCLUSION[3])
}
