//! The site's regions: their names and aliases, and which countries belong to each.
//!
//! Regions come from `config.yaml` ([`RegionConfig`]); the defaults are
//! the five regions of the UCDP conflict-data programme ([`default_regions`]). A report's
//! region is the region of its primary country, the country where the events happen.

use std::collections::HashMap;

use anyhow::{Result, bail};
use keshvar::{Alpha2, CountryIterator, Region as UnRegion, SubRegion};

use serde::{Deserialize, Serialize};

/// One region of the site, as written in `config.yaml`.
///
/// Countries are assigned to regions by selectors. A selector is an ISO 3166-1 alpha-2
/// code (`IR`), a UN M49 subregion (`subregion:western-asia`) or a UN M49 region
/// (`region:africa`), with the names used by the `keshvar` crate. When several regions
/// select a country, the most specific selector wins (code, then subregion, then region);
/// `exclude` removes countries a broader selector of the same region took in.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct RegionConfig {
    /// Display name, e.g. `Asia-Pacific`.
    pub name: String,
    /// URL slug; derived from the name when absent (`asia-pacific`). One longer than
    /// [`crate::site::paths::MAX_SEGMENT_BYTES`] is cut and ends with a hash.
    #[serde(default)]
    pub slug: Option<String>,
    /// Other spellings accepted in seeds and front matter (`APAC`, `Asia Pacific`).
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Selectors of the countries in this region.
    #[serde(default)]
    pub include: Vec<String>,
    /// Selectors of countries taken out again.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// The default regions, as used by the Uppsala Conflict Data Program (UCDP):
///
/// * Middle East: UN Western Asia without the Caucasus (Armenia, Azerbaijan, Georgia)
///   and Cyprus, plus Iran and Egypt;
/// * Africa: the rest of Africa (with Libya, Sudan and the Maghreb);
/// * America: North, Central and South America and the Caribbean;
/// * Europe: UN Europe (with Russia), plus the Caucasus and Cyprus;
/// * Asia-Pacific: the rest of Asia (with Afghanistan, Pakistan and Central Asia) and
///   Oceania.
pub fn default_regions() -> Vec<RegionConfig> {
    fn region(name: &str, aliases: &[&str], include: &[&str], exclude: &[&str]) -> RegionConfig {
        let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        RegionConfig {
            name: name.into(),
            slug: None,
            aliases: strings(aliases),
            include: strings(include),
            exclude: strings(exclude),
        }
    }
    vec![
        region(
            "Middle East",
            &["Mideast", "Near East", "Middle-East"],
            &["subregion:western-asia", "IR", "EG"],
            &["AM", "AZ", "GE", "CY"],
        ),
        region(
            "Africa",
            &["Sub-Saharan Africa", "North Africa"],
            &["region:africa"],
            &[],
        ),
        region(
            "America",
            &[
                "Americas",
                "Latin America",
                "North America",
                "South America",
                "Central America",
                "Caribbean",
            ],
            &["region:americas"],
            &[],
        ),
        region(
            "Europe",
            &[],
            &["region:europe", "AM", "AZ", "GE", "CY"],
            &[],
        ),
        region(
            "Asia-Pacific",
            &[
                "Asia Pacific",
                "APAC",
                "Asia",
                "Pacific",
                "Oceania",
                "Asia and the Pacific",
            ],
            &["region:asia", "region:oceania"],
            &[],
        ),
    ]
}

/// One region of the site.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Region {
    /// Display name (`Asia-Pacific`). Shared: every report of the region holds a copy
    /// of its [`Region`], not of its text.
    pub name: std::sync::Arc<str>,
    /// URL slug (`asia-pacific`): the region's index page is `regions/<slug>/`.
    pub slug: std::sync::Arc<str>,
}

/// A country selector of a region (see [`RegionConfig`]), most specific last.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Selector {
    UnRegion(UnRegion),
    SubRegion(SubRegion),
    Code(Alpha2),
}

impl Selector {
    fn parse(s: &str) -> Result<Selector> {
        let s = s.trim();
        if let Some(r) = s.strip_prefix("region:") {
            return match UnRegion::try_from(r.trim()) {
                Ok(r) => Ok(Selector::UnRegion(r)),
                Err(_) => bail!(
                    "unknown UN region `{r}` (one of africa, americas, asia, europe, oceania)"
                ),
            };
        }
        if let Some(r) = s.strip_prefix("subregion:") {
            return match SubRegion::try_from(r.trim()) {
                Ok(r) => Ok(Selector::SubRegion(r)),
                Err(_) => bail!("unknown UN subregion `{r}` (e.g. western-asia, south-america)"),
            };
        }
        match Alpha2::try_from(s.to_ascii_uppercase().as_str()) {
            Ok(a) if s.len() == 2 => Ok(Selector::Code(a)),
            _ => bail!(
                "unknown country selector `{s}` (an ISO 3166-1 alpha-2 code, `region:NAME` or `subregion:NAME`)"
            ),
        }
    }

    /// How specific the selector is when it matches `country`, or `None`.
    fn matches(&self, country: &keshvar::Country) -> Option<u8> {
        match self {
            Selector::Code(a) => (country.alpha2() == *a).then_some(3),
            Selector::SubRegion(s) => (country.maybe_subregion() == Some(*s)).then_some(2),
            Selector::UnRegion(r) => (country.maybe_region() == Some(*r)).then_some(1),
        }
    }
}

/// The validated set of regions, with lookups by name/alias and by country.
#[derive(Debug, Clone)]
pub struct Regions {
    regions: Vec<Region>,
    /// Normalised name or alias (see [`normalise`]) -> index into `regions`.
    names: HashMap<String, usize>,
    /// ISO 3166-1 alpha-2 code -> index into `regions`.
    by_country: HashMap<String, usize>,
}

impl Regions {
    /// Validates region definitions and resolves which region each country belongs to.
    ///
    /// Errors: no regions, an empty or duplicate name, slug or alias, or a selector
    /// that is not a known code, UN region or UN subregion.
    pub fn new(configs: &[RegionConfig]) -> Result<Regions> {
        if configs.is_empty() {
            bail!("at least one region is needed");
        }
        let mut regions = Vec::new();
        let mut names: HashMap<String, usize> = HashMap::new();
        let mut selectors = Vec::new();
        for (i, rc) in configs.iter().enumerate() {
            if rc.name.trim().is_empty() {
                bail!("region {} has an empty name", i + 1);
            }
            let slug = crate::site::paths::bounded_segment(match &rc.slug {
                Some(s) => s.clone(),
                None => slug::slugify(&rc.name),
            });
            if slug.is_empty() || regions.iter().any(|r: &Region| *r.slug == *slug) {
                bail!(
                    "region `{}` has an empty or duplicate slug `{slug}`",
                    rc.name
                );
            }
            for alias in std::iter::once(&rc.name).chain(&rc.aliases) {
                let key = normalise(alias);
                if let Some(&other) = names.get(&key)
                    && other != i
                {
                    bail!(
                        "`{alias}` names two regions: `{}` and `{}`",
                        configs[other].name,
                        rc.name
                    );
                }
                names.insert(key, i);
            }
            let include = rc
                .include
                .iter()
                .map(|s| Selector::parse(s))
                .collect::<Result<Vec<_>>>()?;
            let exclude = rc
                .exclude
                .iter()
                .map(|s| Selector::parse(s))
                .collect::<Result<Vec<_>>>()?;
            selectors.push((include, exclude));
            regions.push(Region {
                name: rc.name.trim().into(),
                slug: slug.into(),
            });
        }
        let mut by_country = HashMap::new();
        for country in CountryIterator::new() {
            let mut best: Option<(u8, usize)> = None;
            for (i, (include, exclude)) in selectors.iter().enumerate() {
                if exclude.iter().any(|s| s.matches(&country).is_some()) {
                    continue;
                }
                if let Some(spec) = include.iter().filter_map(|s| s.matches(&country)).max()
                    && best.is_none_or(|(b, _)| spec > b)
                {
                    best = Some((spec, i));
                }
            }
            if let Some((_, i)) = best {
                by_country.insert(country.alpha2().to_string(), i);
            }
        }
        Ok(Regions {
            regions,
            names,
            by_country,
        })
    }

    /// All regions, in configured order.
    pub fn all(&self) -> &[Region] {
        &self.regions
    }

    /// The region a country belongs to, by ISO 3166-1 alpha-2 code (`"MM"`), or `None`
    /// when no region selects it.
    pub fn of_country(&self, alpha2: &str) -> Option<&Region> {
        self.by_country.get(alpha2).map(|&i| &self.regions[i])
    }

    /// Finds a region by name or alias, tolerating case, punctuation and small
    /// misspellings as scraped inputs have them: `Asia-Pasific`, `asia pacific` and
    /// `APAC` all give `Asia-Pacific`.
    ///
    /// Names are compared after [`normalise`]; when no name matches exactly, a name
    /// within a Damerau-Levenshtein distance of 1 (2 for names of 9 letters or more)
    /// matches, if exactly one region is that close.
    pub fn find(&self, text: &str) -> Option<&Region> {
        let key = normalise(text);
        if key.is_empty() {
            return None;
        }
        if let Some(&i) = self.names.get(&key) {
            return Some(&self.regions[i]);
        }
        let allowed = match key.len() {
            0..5 => 0,
            5..9 => 1,
            _ => 2,
        };
        let mut found: Option<usize> = None;
        for (name, &i) in &self.names {
            if name.len() >= 5 && strsim::damerau_levenshtein(name, &key) <= allowed {
                match found {
                    Some(j) if j != i => return None, // ambiguous
                    _ => found = Some(i),
                }
            }
        }
        found.map(|i| &self.regions[i])
    }
}

/// Normalises a region name for comparison: lower case, letters and digits only
/// (`Asia-Pacific` and `asia pacific` both give `asiapacific`), canonically equal
/// spellings alike (`Océanie` composed or decomposed).
pub fn normalise(name: &str) -> String {
    crate::text::nfc(name)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn regions() -> Regions {
        Regions::new(&default_regions()).unwrap()
    }

    #[test]
    fn default_mapping_follows_ucdp() {
        let r = regions();
        let region = |c| r.of_country(c).map(|r| r.name.as_ref());
        for (code, want) in [
            ("IR", "Middle East"),
            ("EG", "Middle East"),
            ("TR", "Middle East"),
            ("IL", "Middle East"),
            ("PS", "Middle East"),
            ("YE", "Middle East"),
            ("LY", "Africa"),
            ("SD", "Africa"),
            ("MA", "Africa"),
            ("NG", "Africa"),
            ("AM", "Europe"),
            ("AZ", "Europe"),
            ("GE", "Europe"),
            ("CY", "Europe"),
            ("RU", "Europe"),
            ("UA", "Europe"),
            ("AF", "Asia-Pacific"),
            ("PK", "Asia-Pacific"),
            ("KZ", "Asia-Pacific"),
            ("MM", "Asia-Pacific"),
            ("FJ", "Asia-Pacific"),
            ("AU", "Asia-Pacific"),
            ("US", "America"),
            ("CU", "America"),
            ("AR", "America"),
        ] {
            assert_eq!(region(code), Some(want), "{code}");
        }
    }

    #[test]
    fn names_are_normalised_and_misspellings_tolerated() {
        let r = regions();
        let find = |s| r.find(s).map(|r| r.name.as_ref());
        assert_eq!(find("Asia-Pasific"), Some("Asia-Pacific"));
        assert_eq!(find("asia pacific"), Some("Asia-Pacific"));
        assert_eq!(find("APAC"), Some("Asia-Pacific"));
        assert_eq!(find("Middle east"), Some("Middle East"));
        assert_eq!(find("Eurupe"), Some("Europe"));
        assert_eq!(find("Afrika"), Some("Africa"));
        assert_eq!(find("Americas"), Some("America"));
        assert_eq!(find("Atlantis"), None);
        assert_eq!(find("July 2025"), None);
        assert_eq!(find(""), None);
        let mut rc = default_regions();
        rc[4].name = "Oce\u{301}anie".into();
        let r = Regions::new(&rc).unwrap();
        assert_eq!(
            r.find("Oc\u{e9}anie").map(|r| r.slug.as_ref()),
            Some("oceanie")
        );
    }

    #[test]
    fn bad_selectors_and_duplicates_are_errors() {
        let mut rc = default_regions();
        rc[0].include.push("XX".into());
        assert!(Regions::new(&rc).is_err());
        let mut rc = default_regions();
        rc[1].aliases.push("Mideast".into());
        assert!(Regions::new(&rc).is_err());
        assert!(Regions::new(&[]).is_err());
    }
}
