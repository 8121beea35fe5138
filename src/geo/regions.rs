//! A reviewed table of the regions and places conflict news names that GeoNames does not
//! give as one admin unit, or gives under another name: read by [`super::places`]
//! before its GeoNames table, so a row here wins over GeoNames for the same words.
//!
//! # Which rows, and why
//!
//! * Regions that are not (or no longer) an admin unit, or span several: `Donbas`
//!   (Donetsk and Luhansk), `Darfur` and `Kordofan` (five and three Sudanese states),
//!   `Sinai` (two Egyptian governorates), `Nagorno-Karabakh`.
//! * Breakaway territories, under the state they belong to in international law, as
//!   the UN and the project's country list treat them: Abkhazia and South Ossetia
//!   (Georgia), Transnistria (Moldova), Nagorno-Karabakh and its town Stepanakert
//!   (Azerbaijan; GeoNames names the town Khankendi and gives it 2,100 people, below
//!   its cities' threshold), Crimea and Donbas (Ukraine), the Golan Heights (Syria),
//!   Somaliland (Somalia).
//! * Names that must not give a country (`None`): regions spanning states (`Sahel`,
//!   `Kashmir`, `Kurdistan`, `Balkans`, `Caucasus`), and Jerusalem, whose status is
//!   contested (the same decision as in [`super::capitals`]). A `None` row consumes
//!   its words, so GeoNames (Jerusalem, Israel) is not asked.
//!
//! Keep it short: every row must be a name news uses, checked by hand.

/// (name as news writes it, ISO 3166-1 alpha-2 code of the state it lies in, or `None`
/// when the name must not give a state).
pub const REVIEWED_PLACES: &[(&str, Option<&str>)] = &[
    ("Nagorno-Karabakh", Some("AZ")),
    ("Nagorny Karabakh", Some("AZ")),
    ("Karabakh", Some("AZ")),
    ("Artsakh", Some("AZ")),
    ("Stepanakert", Some("AZ")),
    ("Khankendi", Some("AZ")),
    ("Donbas", Some("UA")),
    ("Donbass", Some("UA")),
    ("Crimea", Some("UA")),
    ("Crimean Peninsula", Some("UA")),
    ("Golan Heights", Some("SY")),
    ("Golan", Some("SY")),
    ("Transnistria", Some("MD")),
    ("Transdniestria", Some("MD")),
    ("Abkhazia", Some("GE")),
    ("South Ossetia", Some("GE")),
    ("Tskhinvali", Some("GE")),
    ("Kurdistan Region", Some("IQ")),
    ("Sinai", Some("EG")),
    ("Sinai Peninsula", Some("EG")),
    ("Darfur", Some("SD")),
    ("Kordofan", Some("SD")),
    ("Nuba Mountains", Some("SD")),
    ("Somaliland", Some("SO")),
    ("Puntland", Some("SO")),
    ("Mindanao", Some("PH")),
    ("Bekaa", Some("LB")),
    ("Bekaa Valley", Some("LB")),
    ("Ogaden", Some("ET")),
    ("Casamance", Some("SN")),
    ("Galilee", Some("IL")),
    ("Negev", Some("IL")),
    // Rio de Janeiro, as Brazilian and English news shorten it (`no Rio`, `Rio police`);
    // GeoNames' `Rio` is a Greek town of 14,000.
    ("Rio", Some("BR")),
    ("Sahel", None),
    ("Sahara", None),
    ("Kashmir", None),
    ("Kurdistan", None),
    ("Balkans", None),
    ("Caucasus", None),
    ("Levant", None),
    ("Maghreb", None),
    ("Horn of Africa", None),
    ("Middle East", None),
    ("Western Sahara", None),
    ("Jerusalem", None),
    ("East Jerusalem", None),
    ("West Jerusalem", None),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn rows_are_unique_and_codes_known() {
        let g = crate::geo::gazetteer();
        let mut seen = HashSet::new();
        for (name, code) in REVIEWED_PLACES {
            assert!(seen.insert(name), "{name} twice");
            assert_eq!(name.trim(), *name);
            if let Some(code) = code {
                assert!(g.by_code(code).is_some(), "{name}: unknown code {code}");
            }
        }
    }
}
