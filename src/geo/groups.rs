//! A reviewed table of armed groups and the state where the conflict each fights in
//! happens: a report about the Houthis is about the war in Yemen, one about the RSF
//! about the war in Sudan. Used by the theatre rule (`crate::import::countries`) as
//! evidence of where a report's conflict is, never to add a country to a report.
//!
//! Only groups that fight in one state's conflict are listed; groups that act abroad
//! as much as at home (Wagner, the IRGC, the PKK, Islamic State) are not, nor are
//! states' own armed forces.

use std::sync::LazyLock;

use regex::Regex;

/// (forms as news writes them, ISO 3166-1 alpha-2 code of the state of their
/// conflict). Forms match as whole words, case-sensitively, with a plural `s`.
pub const ARMED_GROUPS: &[(&[&str], &str)] = &[
    (&["Houthi", "Ansar Allah", "Ansarallah"], "YE"),
    (&["Hamas", "Qassam Brigades", "Islamic Jihad"], "PS"),
    (&["Hezbollah", "Hizbollah", "Hizbullah"], "LB"),
    (&["Taliban"], "AF"),
    (
        &[
            "al-Shabaab",
            "al-Shabab",
            "Al-Shabaab",
            "Al-Shabab",
            "Al Shabaab",
        ],
        "SO",
    ),
    (&["Boko Haram", "ISWAP"], "NG"),
    (
        &["Rapid Support Forces", "RSF", "Janjaweed", "SPLM-N"],
        "SD",
    ),
    (&["M23", "March 23 Movement"], "CD"),
    (&["FARC", "ELN", "Clan del Golfo", "Gulf Clan"], "CO"),
    (
        &[
            "Hayat Tahrir al-Sham",
            "HTS",
            "Syrian Democratic Forces",
            "YPG",
        ],
        "SY",
    ),
    (
        &[
            "Tatmadaw",
            "Arakan Army",
            "Kachin Independence Army",
            "People's Defence Force",
        ],
        "MM",
    ),
    (
        &[
            "Tehrik-i-Taliban",
            "TTP",
            "Balochistan Liberation Army",
            "BLA",
        ],
        "PK",
    ),
    (&["JNIM", "Jama'at Nasr al-Islam wal Muslimin"], "ML"),
    (&["TPLF", "Tigray People's Liberation Front", "Fano"], "ET"),
    (&["Polisario"], "EH"),
    (&["Ambazonia", "Ambazonian"], "CM"),
    (&["Tamil Tigers", "LTTE"], "LK"),
    (&["Abu Sayyaf", "Maute", "New People's Army", "MILF"], "PH"),
    (&["Sendero Luminoso", "Shining Path"], "PE"),
    (
        &["Sinaloa Cartel", "Jalisco New Generation Cartel", "CJNG"],
        "MX",
    ),
    (&["Real IRA", "Continuity IRA", "IRA"], "GB"),
];

/// One mention of an armed group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupMention {
    /// ISO 3166-1 alpha-2 code of the state of its conflict.
    pub code: &'static str,
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Byte range in its paragraph.
    pub span: (usize, usize),
}

static PATTERN: LazyLock<(Regex, Vec<(String, &'static str)>)> = LazyLock::new(|| {
    let mut forms: Vec<(String, &'static str)> = ARMED_GROUPS
        .iter()
        .flat_map(|(fs, code)| fs.iter().map(move |f| (f.to_string(), *code)))
        .collect();
    forms.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
    let alternation = forms
        .iter()
        .map(|(f, _)| regex::escape(f))
        .collect::<Vec<_>>()
        .join("|");
    let re = Regex::new(&format!(r"(?-u:\b)(?:{alternation})(?:s|’s|'s)?(?-u:\b)"))
        .expect("valid pattern");
    (re, forms)
});

/// Every armed group named in `paragraphs`, in text order.
pub fn find_groups(paragraphs: &[&str]) -> Vec<GroupMention> {
    let (re, forms) = &*PATTERN;
    let mut out = Vec::new();
    for (p, text) in paragraphs.iter().enumerate() {
        for m in re.find_iter(text) {
            let found = m.as_str();
            let Some((_, code)) = forms.iter().find(|(f, _)| found.starts_with(f.as_str())) else {
                continue;
            };
            out.push(GroupMention {
                code,
                paragraph: p,
                span: (m.start(), m.end()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_and_their_theatres() {
        let found = find_groups(&[
            "Houthi fighters and the Houthis' allies clashed; Hamas said the RSF had not.",
            "The rsf and hamas in lower case are not names. Hezbollah’s fighters fired.",
        ]);
        let codes: Vec<&str> = found.iter().map(|g| g.code).collect();
        assert_eq!(codes, ["YE", "YE", "PS", "SD", "LB"]);
        assert_eq!(found[0].span, (0, 6));
    }
}
