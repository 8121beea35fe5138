//! The reviewed table of how English news text names countries, where the `keshvar`
//! dataset lacks a form or gets one odd.
//!
//! Sources: the forms are those of the Reuters and AP stylebooks' country entries
//! (`U.S.`, `Britain`, `Ivory Coast`, `Congo`), the demonyms of the CIA World Factbook
//! "Nationality" field (public domain) where keshvar's `nationality` differs from news
//! usage (keshvar gives "Myanmarian" for Myanmar, "Nigerian" for Niger, "Emirian" for
//! the UAE), and the dissolved states of ISO 3166-3 for reports from before 1992.
//! Every row was checked by hand against the real reports in `tests/fixtures/real/`;
//! when a row is added, add its case to the tests in `gazetteer/mod.rs`.

/// Common English short names that replace keshvar's ISO short names in output
/// (`Iran (Islamic Republic of)` -> `Iran`), by ISO 3166-1 alpha-2 code.
pub const COMMON_NAMES: &[(&str, &str)] = &[
    ("BN", "Brunei"),
    ("BO", "Bolivia"),
    ("CD", "Democratic Republic of the Congo"),
    ("CG", "Republic of the Congo"),
    ("FM", "Micronesia"),
    ("GB", "United Kingdom"),
    ("IR", "Iran"),
    ("KP", "North Korea"),
    ("KR", "South Korea"),
    ("LA", "Laos"),
    ("MD", "Moldova"),
    ("PS", "Palestine"),
    ("RU", "Russia"),
    ("SY", "Syria"),
    ("TR", "Turkey"),
    ("TW", "Taiwan"),
    ("TZ", "Tanzania"),
    ("US", "United States"),
    ("VA", "Vatican City"),
    ("VE", "Venezuela"),
    ("VN", "Vietnam"),
];

/// States that are not UN members but are sovereign or widely treated as such in
/// news, and so are reported as countries: Palestine, the Holy See, Taiwan.
pub const OTHER_STATES: &[&str] = &["PS", "VA", "TW"];

/// States missing from keshvar or dissolved (ISO 3166-3), reported under the name the
/// text uses: (code, name, code of the present-day state whose region they take).
/// `XK` (Kosovo) and `XW` (West Germany) are user-assigned codes: neither has an
/// ISO 3166 code of its own.
pub const EXTRA_STATES: &[(&str, &str, &str)] = &[
    ("XK", "Kosovo", "RS"),
    ("SU", "Soviet Union", "RU"),
    ("XW", "West Germany", "DE"),
    ("DD", "East Germany", "DE"),
    ("ZR", "Zaire", "CD"),
    ("YU", "Yugoslavia", "RS"),
    ("CS", "Czechoslovakia", "CZ"),
];

/// Names and aliases news uses, by code: (code, forms).
pub const NAMES: &[(&str, &[&str])] = &[
    ("US", &["U.S.A.", "USA", "America", "United States"]),
    ("GB", &["Britain", "Great Britain", "Northern Ireland"]),
    ("AE", &["UAE", "U.A.E.", "Emirates"]),
    ("SA", &["KSA"]),
    (
        "CD",
        &[
            "DRC",
            "DR Congo",
            "D.R. Congo",
            "Democratic Republic of Congo",
            "Congo-Kinshasa",
        ],
    ),
    ("CG", &["Congo-Brazzaville", "Republic of Congo"]),
    ("KP", &["DPRK"]),
    ("KR", &["Korea", "ROK"]),
    ("TR", &["Türkiye", "Turkiye"]),
    ("NL", &["Holland"]),
    ("VA", &["Vatican"]),
    ("CZ", &["Czech Republic"]),
    ("MK", &["Macedonia"]),
    ("CV", &["Cape Verde"]),
    (
        "PS",
        &[
            "Palestinian territories",
            "Palestinian Territories",
            "Gaza Strip",
            "Gaza",
            "West Bank",
        ],
    ),
    ("IR", &["Persia"]),
    ("TH", &["Siam"]),
    ("LK", &["Ceylon"]),
    ("KH", &["Kampuchea"]),
    ("BF", &["Upper Volta"]),
    ("BJ", &["Dahomey"]),
    ("NG", &["Niger Delta"]),
    // Ethiopia's Somali Region, named after the people (`clashes between Afar and Somali
    // regional forces`), not Somalia.
    ("ET", &["Somali region", "Somali regional"]),
    ("XK", &["Kosovo"]),
    ("SU", &["Soviet Union", "USSR", "U.S.S.R."]),
    ("XW", &["West Germany"]),
    ("DD", &["East Germany", "GDR"]),
    ("ZR", &["Zaire"]),
    ("YU", &["Yugoslavia"]),
    ("CS", &["Czechoslovakia"]),
];

/// Forms of [`NAMES`] matched in English text only: `America` is the United States in
/// English, the Americas in Spanish and Portuguese (`América Latina`, El País's
/// `América` section). English `toward America` stays the United States: English news
/// writes `the Americas` or `Latin America` for the continents.
pub const ENGLISH_ONLY_FORMS: &[&str] = &["America"];

/// Abbreviated names that news style uses as adjectives (Reuters and AP: `U.S. forces`,
/// while the noun is `the United States`): they count as demonyms, naming an actor
/// more often than a place.
pub const ADJECTIVAL_NAMES: &[(&str, &[&str])] =
    &[("US", &["U.S.", "US"]), ("GB", &["U.K.", "UK"])];

/// A bare name whose meaning changed with the date of the report:
/// (form, code, valid from, valid until), dates inclusive, `YYYY-MM-DD`.
/// While Zaire existed (1971-1997) "Congo" meant the Republic of the Congo; before and
/// since, news uses it for the Democratic Republic of the Congo.
pub const DATED_NAMES: &[(&str, &str, &str, &str)] = &[
    ("Congo", "CD", "0001-01-01", "1971-10-26"),
    ("Congo", "CG", "1971-10-27", "1997-05-16"),
    ("Congo", "CD", "1997-05-17", "9999-12-31"),
];

/// Demonyms news uses that keshvar lacks or spells otherwise: (code, forms). Plurals
/// (`Iraqis`) are derived; irregular ones are listed.
pub const DEMONYMS: &[(&str, &[&str])] = &[
    ("MM", &["Burmese"]),
    ("NE", &["Nigerien", "Nigeriens"]),
    ("AE", &["Emirati"]),
    ("AR", &["Argentine", "Argentinian"]),
    ("EC", &["Ecuadorian"]),
    ("TJ", &["Tajik"]),
    ("KG", &["Kyrgyz"]),
    ("SV", &["Salvadorean", "Salvadorian"]),
    ("BW", &["Botswanan"]),
    ("PH", &["Philippine", "Filipina"]),
    ("SA", &["Saudi"]),
    ("GB", &["Briton", "Britons"]),
    ("TR", &["Turk", "Turks"]),
    ("UZ", &["Uzbek"]),
    ("KZ", &["Kazakh"]),
    ("AZ", &["Azeri"]),
    ("DJ", &["Djiboutian"]),
    ("IS", &["Icelandic"]),
    ("SI", &["Slovenian"]),
    ("CV", &["Cape Verdean"]),
    ("MV", &["Maldivian"]),
    ("CD", &["Congolese"]),
    ("DO", &["Dominican"]),
    ("NG", &["Nigerian"]),
    ("LA", &["Lao"]),
    ("NP", &["Nepali"]),
    ("PL", &["Pole", "Poles"]),
    ("DK", &["Dane", "Danes"]),
    ("FI", &["Finn", "Finns"]),
    ("SE", &["Swede", "Swedes"]),
    ("ES", &["Spaniard", "Spaniards"]),
    ("RS", &["Serb", "Serbs"]),
    ("HR", &["Croat", "Croats"]),
    ("BA", &["Bosnian"]),
    ("XK", &["Kosovar", "Kosovan"]),
    ("SU", &["Soviet", "Soviets"]),
    ("XW", &["West German", "West Germans"]),
    ("DD", &["East German", "East Germans"]),
    ("ZR", &["Zairean", "Zairian"]),
    ("YU", &["Yugoslav", "Yugoslavian"]),
    ("CS", &["Czechoslovak", "Czechoslovakian"]),
];

/// Forms keshvar gives that news text would misread: (code, form). Foreign-language
/// names that are English words or other places (`Island` is German for Iceland,
/// `Salvador` a Brazilian city, `Mauricio` a first name), and demonyms keshvar gives
/// to the wrong state or to two states (`Nigerian` for Niger, `Congolese` for both
/// Congos, `Dominican` for Dominica).
pub const DENIED_FORMS: &[(&str, &str)] = &[
    ("IS", "Island"),
    ("SV", "Salvador"),
    ("CL", "Chili"),
    ("MU", "Mauricio"),
    ("IN", "Inde"),
    ("CG", "Congo"),
    ("NE", "Nigerian"),
    ("CG", "Congolese"),
    ("DM", "Dominican"),
    ("MM", "Myanmarian"),
    ("AE", "Emirian"),
    ("TJ", "Tadzhik"),
    ("KG", "Kirghiz"),
    ("VA", "Vatican Citizen"),
    ("BW", "Motswana"),
    ("US", "America"),
];

/// Phrases that contain a country's name or demonym but do not mention the country:
/// places, seas, organisations and newspapers. Matching one consumes its words, so the
/// name inside it is not counted (`Islamic State of Iraq and the Levant` names no
/// country; `Indian Ocean` does not mean India).
pub const STOP_FORMS: &[&str] = &[
    "Islamic State",
    "Islamic State of Iraq and the Levant",
    "Islamic State of Iraq and Syria",
    "Islamic State in Iraq and Syria",
    "Islamic State of Iraq and al-Sham",
    "Indian Ocean",
    "American Indian",
    "West Indian",
    "West Indies",
    "New Mexico",
    "Gulf of Mexico",
    "New Jersey",
    "New South Wales",
    "New Guinea",
    "Gulf of Guinea",
    "Gulf of Oman",
    "Sea of Japan",
    "South China Sea",
    "East China Sea",
    "Lake Chad",
    "Lake Chad Basin",
    "Niger River",
    "Congo River",
    "Congo Basin",
    "Latin America",
    "Latin American",
    "Latin Americans",
    "South America",
    "South American",
    "North America",
    "North American",
    "Central America",
    "Central American",
    "African American",
    "African Americans",
    "Pan American",
    "American Samoa",
    "Washington Post",
    "Washington Times",
    "Jerusalem Post",
    "Tehran Times",
    "Moscow Times",
    "Kyiv Independent",
    "Kyiv Post",
    "Georgia Tech",
];

/// Words that, right before a mention of Georgia, show the US state is meant
/// (`the state of Georgia`, `Atlanta, Georgia`), and words anywhere in a report that
/// show the country is meant.
pub const GEORGIA_STATE_CUES: &[&str] = &["state", "atlanta", "savannah", "u.s.", "us"];
/// See [`GEORGIA_STATE_CUES`].
pub const GEORGIA_COUNTRY_CUES: &[&str] = &[
    "tbilisi",
    "georgian",
    "georgians",
    "abkhazia",
    "ossetia",
    "caucasus",
    "batumi",
    "tbilissi",
    "georgien",
    "georgienne",
    "georgiens",
    "georgiano",
    "georgianos",
    "abjasia",
    "abkhazie",
    "osetia",
    "ossetie",
    "تبليسي",
];

/// The states of the United States (and D.C.): a place name followed by a comma and
/// one of these is a US town (`Paris, Texas`, `Lebanon, Pennsylvania`), not a country
/// or capital.
pub const US_STATES: &[&str] = &[
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
    "D.C.",
];

/// Nouns that, after a capital's name, make it an agreement or a format of talks named
/// after the city (`the Minsk agreements`, `the Oslo Accords`, `the Astana format`),
/// not a mention of its state.
pub const AGREEMENT_NOUNS: &[&str] = &[
    "agreement",
    "agreements",
    "accord",
    "accords",
    "protocol",
    "protocols",
    "format",
    "convention",
    "conventions",
    "declaration",
];

/// Lower-case particles inside longer place names (`Mocimboa da Praia`,
/// `Santiago de Cuba`): a capital's name right after one is part of another place.
pub const PLACE_PARTICLES: &[&str] = &[
    "da", "de", "do", "dos", "das", "del", "della", "di", "du", "des", "la", "le", "el", "al",
];
