//! Capital cities of sovereign states, as English-language news writes them.
//!
//! News uses a capital for its government ("Beijing said", "talks between Moscow and
//! Kyiv"), so a report that names only a capital still mentions the state.
//!
//! # Source
//!
//! The "Capital" field of the CIA World Factbook (public domain, a work of the U.S.
//! government), transcribed and reviewed by hand; each row gives first the spelling most
//! usual in English news (the Factbook, as U.S. government usage, writes Rangoon for
//! Yangon and names Nay Pyi Taw only in a note). Rows the Factbook gives no capital
//! for: Palestine (`PS`: Ramallah, the seat of the Palestinian Authority; East Jerusalem
//! is left out, see below) and Nauru (`NR`: no official capital; the Factbook names the
//! Yaren District, where the government sits).
//!
//! # Which forms are included
//!
//! * The current English spelling, and the older or other spellings English news still
//!   uses: Kyiv/Kiev, Beijing/Peking, Yangon/Rangoon, Dhaka/Dacca, Tehran/Teheran,
//!   Sanaa/Sana'a, Chisinau/Kishinev, Ulaanbaatar/Ulan Bator, Astana/Nur-Sultan (its
//!   name 2019-2022), and the forms with and without diacritics (Bogota/Bogotá) or a
//!   hyphen (Port-Vila/Port Vila). Apostrophes are ASCII (`Sana'a`, `N'Djamena`); the
//!   importer is expected to fold typographic ones (`’`) before matching.
//! * Where the Factbook names more than one capital, all of them: the administrative and
//!   the constitutional capital (Naypyitaw and Yangon, La Paz, Porto-Novo and Cotonou,
//!   Yamoussoukro and Abidjan, Gitega and Bujumbura, Dodoma and Dar es Salaam, Mbabane
//!   and Lobamba, Pretoria, Cape Town and Bloemfontein, Colombo and Sri Jayawardenepura
//!   Kotte, Kuala Lumpur and Putrajaya). Each of these is in its state only, so a match
//!   never names the wrong state.
//! * Seats of government only where news uses them to mean the government (Cotonou,
//!   Abidjan, Putrajaya, Naypyitaw). Not The Hague, which news uses for the international
//!   courts there (ICC, ICJ), not for the Dutch government.
//! * A capital named like its state (Singapore, Monaco, San Marino, Luxembourg,
//!   Djibouti) is listed anyway, so that every state has its row; it adds no new match.
//!
//! # Which capitals are left out, and why
//!
//! A capital is left out when news text uses the name for something else often enough
//! that a match would wrongly name the state: a common word, a person's name, a better
//! known place or an institution. Such a state keeps its row with an empty list, so the
//! table still covers every state and the decision is visible.
//!
//! * `AG` Saint John's / St. John's: St. John's (Newfoundland, Canada), Saint John (New
//!   Brunswick), and countless churches, colleges and hospitals.
//! * `BS` Nassau: Nassau County (New York), the House of Orange-Nassau, Nassau in
//!   Germany.
//! * `BE` Brussels: in news it stands for the European Union's institutions (and NATO's
//!   headquarters), not for the Belgian government.
//! * `BG` Sofia: a common given name (not least among Ukrainians and Russians, who fill
//!   conflict reports), and "Hagia Sofia" in Istanbul.
//! * `BO` Sucre (La Paz is kept): Antonio José de Sucre, and the Sucre state of Venezuela
//!   and department of Colombia.
//! * `CL` bare Santiago (Santiago de Chile is kept): a common given name (Paraguay's
//!   president Santiago Peña), Santiago de Cuba, Santiago de los Caballeros (Dominican
//!   Republic), Santiago de Compostela (Spain).
//! * `CR` San José / San Jose: San Jose, California, and San José in most Spanish-speaking
//!   countries.
//! * `GD` St. George's / Saint George's: churches, schools, hospitals, St George's
//!   Channel.
//! * `GY` Georgetown: the Washington, D.C. neighbourhood and its university; George Town
//!   in Penang and in the Cayman Islands.
//! * `IL` Jerusalem: contested. Israel names it its capital, Palestine claims East
//!   Jerusalem as its own, and most states recognise neither claim; mapping the name to
//!   one state would take a side, and much news about the city is about the holy places,
//!   not a government. Tel Aviv is not a capital and is not listed either.
//! * `JM` Kingston: Kingston upon Thames, Kingston (Ontario), Kingston (New York), a
//!   surname.
//! * `LC` Castries: a French surname, in military history above all (General Christian de
//!   Castries, the French commander at Dien Bien Phu).
//! * `MV` Malé / Male: "male" is a common English word, and a matcher that folds
//!   diacritics would turn "Malé" into it.
//! * `NZ` Wellington: the Duke of Wellington (Waterloo, the Peninsular War), a given name
//!   and surname, towns in England, Australia and the US.
//! * `SC` Victoria: Queen Victoria, the Australian state, Victoria (British Columbia),
//!   Lake Victoria (Uganda, Kenya, Tanzania), a given name.
//! * `YE` Aden (Sanaa is kept), the seat of the internationally recognised government
//!   since 2015: the "Gulf of Aden" is named in Somali piracy and Red Sea shipping
//!   reports that are not about Yemen.
//!
//! Kept although the name has another use, because news mostly means the government by
//! it: Washington (Washington state, George Washington, the Washington Post), London
//! (Ontario), Paris (Texas), Vienna (the IAEA and OSCE there), Tripoli (also a city in
//! Lebanon), Juba (also the river and the Lower and Middle Juba regions of Somalia), Lima
//! (a Portuguese surname), Ottawa (the landmine treaty), Moroni (a surname). Names inside
//! fixed phrases ("Washington Post", "Oslo Accords", "Minsk agreements", "Rome Statute",
//! "Budapest Memorandum", "Dublin Regulation", "Lower Juba") are for the importer's stop
//! forms, not for this table.
//!
//! Former capitals that are no longer the seat of government (Almaty, Lagos, Rio de
//! Janeiro, Salisbury for Harare, Saigon) are not listed, except those in
//! [`HISTORICAL_CAPITALS`].

/// One row: ISO 3166-1 alpha-2 code (upper case) of the state, and the capital names
/// that refer to it in news text, most usual spelling first. An empty list means the
/// capital is deliberately left out (see the module documentation). `XK` (Kosovo) is the
/// user-assigned code in common use; Kosovo has no ISO 3166-1 code.
pub const CAPITALS: &[(&str, &[&str])] = &[
    // Andorra
    ("AD", &["Andorra la Vella"]),
    // United Arab Emirates
    ("AE", &["Abu Dhabi"]),
    // Afghanistan
    ("AF", &["Kabul"]),
    // Antigua and Barbuda: Saint John's left out
    ("AG", &[]),
    // Albania
    ("AL", &["Tirana", "Tirane"]),
    // Armenia
    ("AM", &["Yerevan"]),
    // Angola
    ("AO", &["Luanda"]),
    // Argentina
    ("AR", &["Buenos Aires"]),
    // Austria
    ("AT", &["Vienna"]),
    // Australia
    ("AU", &["Canberra"]),
    // Azerbaijan
    ("AZ", &["Baku"]),
    // Bosnia and Herzegovina
    ("BA", &["Sarajevo"]),
    // Barbados
    ("BB", &["Bridgetown"]),
    // Bangladesh
    ("BD", &["Dhaka", "Dacca"]),
    // Belgium: Brussels left out
    ("BE", &[]),
    // Burkina Faso
    ("BF", &["Ouagadougou"]),
    // Bulgaria: Sofia left out
    ("BG", &[]),
    // Bahrain
    ("BH", &["Manama"]),
    // Burundi
    ("BI", &["Gitega", "Bujumbura"]),
    // Benin
    ("BJ", &["Porto-Novo", "Porto Novo", "Cotonou"]),
    // Brunei
    ("BN", &["Bandar Seri Begawan"]),
    // Bolivia: Sucre left out
    ("BO", &["La Paz"]),
    // Brazil
    ("BR", &["Brasilia", "Brasília"]),
    // Bahamas: Nassau left out
    ("BS", &[]),
    // Bhutan
    ("BT", &["Thimphu"]),
    // Botswana
    ("BW", &["Gaborone"]),
    // Belarus
    ("BY", &["Minsk"]),
    // Belize
    ("BZ", &["Belmopan"]),
    // Canada
    ("CA", &["Ottawa"]),
    // DR Congo
    ("CD", &["Kinshasa"]),
    // Central African Republic
    ("CF", &["Bangui"]),
    // Republic of the Congo
    ("CG", &["Brazzaville"]),
    // Switzerland
    ("CH", &["Bern", "Berne"]),
    // Côte d'Ivoire
    ("CI", &["Yamoussoukro", "Abidjan"]),
    // Chile: bare Santiago left out
    ("CL", &["Santiago de Chile"]),
    // Cameroon
    ("CM", &["Yaounde", "Yaoundé"]),
    // China
    ("CN", &["Beijing", "Peking"]),
    // Colombia
    ("CO", &["Bogota", "Bogotá"]),
    // Costa Rica: San José left out
    ("CR", &[]),
    // Cuba
    ("CU", &["Havana"]),
    // Cabo Verde
    ("CV", &["Praia"]),
    // Cyprus
    ("CY", &["Nicosia"]),
    // Czechia
    ("CZ", &["Prague"]),
    // Germany
    ("DE", &["Berlin"]),
    // Djibouti
    ("DJ", &["Djibouti"]),
    // Denmark
    ("DK", &["Copenhagen"]),
    // Dominica
    ("DM", &["Roseau"]),
    // Dominican Republic
    ("DO", &["Santo Domingo"]),
    // Algeria
    ("DZ", &["Algiers"]),
    // Ecuador
    ("EC", &["Quito"]),
    // Estonia
    ("EE", &["Tallinn"]),
    // Egypt
    ("EG", &["Cairo"]),
    // Eritrea
    ("ER", &["Asmara"]),
    // Spain
    ("ES", &["Madrid"]),
    // Ethiopia
    ("ET", &["Addis Ababa"]),
    // Finland
    ("FI", &["Helsinki"]),
    // Fiji
    ("FJ", &["Suva"]),
    // Micronesia
    ("FM", &["Palikir"]),
    // France
    ("FR", &["Paris"]),
    // Gabon
    ("GA", &["Libreville"]),
    // United Kingdom
    ("GB", &["London"]),
    // Grenada: St. George's left out
    ("GD", &[]),
    // Georgia
    ("GE", &["Tbilisi"]),
    // Ghana
    ("GH", &["Accra"]),
    // Gambia
    ("GM", &["Banjul"]),
    // Guinea
    ("GN", &["Conakry"]),
    // Equatorial Guinea
    ("GQ", &["Malabo"]),
    // Greece
    ("GR", &["Athens"]),
    // Guatemala
    ("GT", &["Guatemala City"]),
    // Guinea-Bissau
    ("GW", &["Bissau"]),
    // Guyana: Georgetown left out
    ("GY", &[]),
    // Honduras
    ("HN", &["Tegucigalpa"]),
    // Croatia
    ("HR", &["Zagreb"]),
    // Haiti
    ("HT", &["Port-au-Prince", "Port au Prince"]),
    // Hungary
    ("HU", &["Budapest"]),
    // Indonesia
    ("ID", &["Jakarta"]),
    // Ireland
    ("IE", &["Dublin"]),
    // Israel: Jerusalem left out
    ("IL", &[]),
    // India
    ("IN", &["New Delhi", "Delhi"]),
    // Iraq
    ("IQ", &["Baghdad"]),
    // Iran
    ("IR", &["Tehran", "Teheran"]),
    // Iceland
    ("IS", &["Reykjavik", "Reykjavík"]),
    // Italy
    ("IT", &["Rome"]),
    // Jamaica: Kingston left out
    ("JM", &[]),
    // Jordan
    ("JO", &["Amman"]),
    // Japan
    ("JP", &["Tokyo"]),
    // Kenya
    ("KE", &["Nairobi"]),
    // Kyrgyzstan
    ("KG", &["Bishkek"]),
    // Cambodia
    ("KH", &["Phnom Penh"]),
    // Kiribati
    ("KI", &["Tarawa"]),
    // Comoros
    ("KM", &["Moroni"]),
    // Saint Kitts and Nevis
    ("KN", &["Basseterre"]),
    // North Korea
    ("KP", &["Pyongyang"]),
    // South Korea
    ("KR", &["Seoul"]),
    // Kuwait
    ("KW", &["Kuwait City"]),
    // Kazakhstan
    ("KZ", &["Astana", "Nur-Sultan"]),
    // Laos
    ("LA", &["Vientiane"]),
    // Lebanon
    ("LB", &["Beirut"]),
    // Saint Lucia: Castries left out
    ("LC", &[]),
    // Liechtenstein
    ("LI", &["Vaduz"]),
    // Sri Lanka
    (
        "LK",
        &[
            "Colombo",
            "Sri Jayawardenepura Kotte",
            "Sri Jayewardenepura Kotte",
        ],
    ),
    // Liberia
    ("LR", &["Monrovia"]),
    // Lesotho
    ("LS", &["Maseru"]),
    // Lithuania
    ("LT", &["Vilnius"]),
    // Luxembourg
    ("LU", &["Luxembourg"]),
    // Latvia
    ("LV", &["Riga"]),
    // Libya
    ("LY", &["Tripoli"]),
    // Morocco
    ("MA", &["Rabat"]),
    // Monaco
    ("MC", &["Monaco"]),
    // Moldova
    ("MD", &["Chisinau", "Chișinău", "Chişinău", "Kishinev"]),
    // Montenegro
    ("ME", &["Podgorica"]),
    // Madagascar
    ("MG", &["Antananarivo"]),
    // Marshall Islands
    ("MH", &["Majuro"]),
    // North Macedonia
    ("MK", &["Skopje"]),
    // Mali
    ("ML", &["Bamako"]),
    // Myanmar
    (
        "MM",
        &["Naypyitaw", "Naypyidaw", "Nay Pyi Taw", "Yangon", "Rangoon"],
    ),
    // Mongolia
    ("MN", &["Ulaanbaatar", "Ulan Bator"]),
    // Mauritania
    ("MR", &["Nouakchott"]),
    // Malta
    ("MT", &["Valletta"]),
    // Mauritius
    ("MU", &["Port Louis"]),
    // Maldives: Malé left out
    ("MV", &[]),
    // Malawi
    ("MW", &["Lilongwe"]),
    // Mexico
    ("MX", &["Mexico City"]),
    // Malaysia
    ("MY", &["Kuala Lumpur", "Putrajaya"]),
    // Mozambique
    ("MZ", &["Maputo"]),
    // Namibia
    ("NA", &["Windhoek"]),
    // Niger
    ("NE", &["Niamey"]),
    // Nigeria
    ("NG", &["Abuja"]),
    // Nicaragua
    ("NI", &["Managua"]),
    // Netherlands: The Hague left out
    ("NL", &["Amsterdam"]),
    // Norway
    ("NO", &["Oslo"]),
    // Nepal
    ("NP", &["Kathmandu", "Katmandu"]),
    // Nauru
    ("NR", &["Yaren"]),
    // New Zealand: Wellington left out
    ("NZ", &[]),
    // Oman
    ("OM", &["Muscat"]),
    // Panama
    ("PA", &["Panama City"]),
    // Peru
    ("PE", &["Lima"]),
    // Papua New Guinea
    ("PG", &["Port Moresby"]),
    // Philippines
    ("PH", &["Manila"]),
    // Pakistan
    ("PK", &["Islamabad"]),
    // Poland
    ("PL", &["Warsaw"]),
    // Palestine: East Jerusalem left out
    ("PS", &["Ramallah"]),
    // Portugal
    ("PT", &["Lisbon"]),
    // Palau
    ("PW", &["Ngerulmud"]),
    // Paraguay
    ("PY", &["Asuncion", "Asunción"]),
    // Qatar
    ("QA", &["Doha"]),
    // Romania
    ("RO", &["Bucharest"]),
    // Serbia
    ("RS", &["Belgrade"]),
    // Russia
    ("RU", &["Moscow"]),
    // Rwanda
    ("RW", &["Kigali"]),
    // Saudi Arabia
    ("SA", &["Riyadh"]),
    // Solomon Islands
    ("SB", &["Honiara"]),
    // Seychelles: Victoria left out
    ("SC", &[]),
    // Sudan
    ("SD", &["Khartoum"]),
    // Sweden
    ("SE", &["Stockholm"]),
    // Singapore
    ("SG", &["Singapore"]),
    // Slovenia
    ("SI", &["Ljubljana"]),
    // Slovakia
    ("SK", &["Bratislava"]),
    // Sierra Leone
    ("SL", &["Freetown"]),
    // San Marino
    ("SM", &["San Marino"]),
    // Senegal
    ("SN", &["Dakar"]),
    // Somalia
    ("SO", &["Mogadishu"]),
    // Suriname
    ("SR", &["Paramaribo"]),
    // South Sudan
    ("SS", &["Juba"]),
    // Sao Tome and Principe
    ("ST", &["Sao Tome", "São Tomé"]),
    // El Salvador
    ("SV", &["San Salvador"]),
    // Syria
    ("SY", &["Damascus"]),
    // Eswatini
    ("SZ", &["Mbabane", "Lobamba"]),
    // Chad
    ("TD", &["N'Djamena", "Ndjamena"]),
    // Togo
    ("TG", &["Lome", "Lomé"]),
    // Thailand
    ("TH", &["Bangkok"]),
    // Tajikistan
    ("TJ", &["Dushanbe"]),
    // Timor-Leste
    ("TL", &["Dili"]),
    // Turkmenistan
    ("TM", &["Ashgabat", "Ashkhabad"]),
    // Tunisia
    ("TN", &["Tunis"]),
    // Tonga
    ("TO", &["Nuku'alofa", "Nukualofa"]),
    // Turkey
    ("TR", &["Ankara"]),
    // Trinidad and Tobago
    ("TT", &["Port of Spain", "Port-of-Spain"]),
    // Tuvalu
    ("TV", &["Funafuti"]),
    // Taiwan
    ("TW", &["Taipei"]),
    // Tanzania
    ("TZ", &["Dodoma", "Dar es Salaam"]),
    // Ukraine
    ("UA", &["Kyiv", "Kiev"]),
    // Uganda
    ("UG", &["Kampala"]),
    // United States
    ("US", &["Washington"]),
    // Uruguay
    ("UY", &["Montevideo"]),
    // Uzbekistan
    ("UZ", &["Tashkent"]),
    // Holy See
    ("VA", &["Vatican City"]),
    // Saint Vincent and the Grenadines
    ("VC", &["Kingstown"]),
    // Venezuela
    ("VE", &["Caracas"]),
    // Vietnam
    ("VN", &["Hanoi"]),
    // Vanuatu
    ("VU", &["Port-Vila", "Port Vila"]),
    // Samoa
    ("WS", &["Apia"]),
    // Kosovo
    ("XK", &["Pristina", "Prishtina"]),
    // Yemen: Aden left out
    ("YE", &["Sanaa", "Sana'a"]),
    // South Africa
    ("ZA", &["Pretoria", "Cape Town", "Bloemfontein"]),
    // Zambia
    ("ZM", &["Lusaka"]),
    // Zimbabwe
    ("ZW", &["Harare"]),
];

/// Capitals of dissolved states (the codes of `news_forms::EXTRA_STATES`), with the
/// dates in which news used the name for that state: (code, names, from, until), dates
/// `YYYY-MM-DD` and inclusive, as in `news_forms::DATED_NAMES`. Inside the range a name
/// here replaces its row in [`CAPITALS`]; outside it, [`CAPITALS`] applies (Bonn and East
/// Berlin then name no state).
///
/// * `SU` Moscow: from the treaty creating the Soviet Union (1922-12-30) to the last day
///   before its dissolution (Declaration 142-N of 1991-12-26).
/// * `XW` Bonn: from the Basic Law (1949-05-23) to the day before reunification
///   (1990-10-03). The government stayed in Bonn until 1999, and in those years news
///   used "Bonn" for united Germany (`DE`); that use is not listed, because the move to
///   Berlin was gradual and has no one date to end a range on.
/// * `DD` East Berlin: from the founding of the GDR (1949-10-07) to the day before
///   reunification.
/// * `ZR` Kinshasa: the dates of the name Zaire, as the "Congo" rows of
///   `news_forms::DATED_NAMES`.
/// * `YU` Belgrade: from the union of 1918-12-01 (the Kingdom of Serbs, Croats and
///   Slovenes, named Yugoslavia in 1929) to the day before the Federal Republic of
///   Yugoslavia became Serbia and Montenegro (2003-02-04). The range takes in the
///   Federal Republic of 1992-2003, because news called it Yugoslavia and kept the ISO
///   code `YU` for it (the Kosovo war of 1999 is "NATO bombs Yugoslavia"), not only the
///   Socialist Federal Republic that broke up in 1992. For Serbia and Montenegro
///   (2003-2006) "Belgrade" falls back to Serbia (`RS`): its ISO code was `CS`, which here
///   means Czechoslovakia.
/// * `CS` Prague: from the independence of Czechoslovakia (1918-10-28) to its
///   dissolution (last day 1992-12-31). The German occupation of 1939-1945 is not
///   carved out.
pub const HISTORICAL_CAPITALS: &[(&str, &[&str], &str, &str)] = &[
    ("SU", &["Moscow"], "1922-12-30", "1991-12-25"),
    ("XW", &["Bonn"], "1949-05-23", "1990-10-02"),
    ("DD", &["East Berlin"], "1949-10-07", "1990-10-02"),
    ("ZR", &["Kinshasa"], "1971-10-27", "1997-05-16"),
    ("YU", &["Belgrade"], "1918-12-01", "2003-02-03"),
    ("CS", &["Prague"], "1918-10-28", "1992-12-31"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{HashMap, HashSet};

    fn is_code(code: &str) -> bool {
        code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase())
    }

    fn is_date(date: &str) -> bool {
        let b = date.as_bytes();
        b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
            && (1..=12).contains(&date[5..7].parse::<u32>().unwrap())
            && (1..=31).contains(&date[8..10].parse::<u32>().unwrap())
    }

    #[test]
    fn no_name_appears_twice() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for (code, names) in CAPITALS {
            for name in *names {
                // Case-insensitive: "Kiev" and "KIEV" are one name to the matcher.
                if let Some(other) = seen.insert(name.to_lowercase(), code) {
                    panic!("{name} is listed for {other} and {code}");
                }
            }
        }
    }

    #[test]
    fn codes_are_two_upper_case_letters() {
        for (code, _) in CAPITALS {
            assert!(is_code(code), "bad code {code:?}");
        }
        for (code, _, _, _) in HISTORICAL_CAPITALS {
            assert!(is_code(code), "bad code {code:?}");
        }
    }

    #[test]
    fn every_state_has_one_row() {
        assert!(CAPITALS.len() >= 197, "only {} rows", CAPITALS.len());
        let codes: HashSet<&str> = CAPITALS.iter().map(|(c, _)| *c).collect();
        assert_eq!(codes.len(), CAPITALS.len(), "a code has two rows");
        for code in ["PS", "VA", "TW", "XK"] {
            assert!(codes.contains(code), "{code} missing");
        }
    }

    #[test]
    fn names_are_trimmed_and_not_empty() {
        let all = CAPITALS
            .iter()
            .flat_map(|(_, n)| n.iter())
            .chain(HISTORICAL_CAPITALS.iter().flat_map(|(_, n, _, _)| n.iter()));
        for name in all {
            assert!(
                !name.is_empty() && name.trim() == *name,
                "bad name {name:?}"
            );
            assert!(!name.contains('’'), "typographic apostrophe in {name:?}");
        }
    }

    #[test]
    fn left_out_capitals_stay_out() {
        let names: HashSet<String> = CAPITALS
            .iter()
            .flat_map(|(_, n)| n.iter())
            .map(|n| n.to_lowercase())
            .collect();
        for left_out in [
            "Saint John's",
            "St. John's",
            "Nassau",
            "Brussels",
            "Sofia",
            "Sucre",
            "Santiago",
            "San Jose",
            "San José",
            "St. George's",
            "Georgetown",
            "Jerusalem",
            "Kingston",
            "Castries",
            "Male",
            "Malé",
            "Wellington",
            "Victoria",
            "Aden",
            "The Hague",
        ] {
            assert!(!names.contains(&left_out.to_lowercase()), "{left_out}");
        }
    }

    #[test]
    fn historical_ranges_are_valid_and_remap_only_on_purpose() {
        let current: HashSet<&str> = CAPITALS
            .iter()
            .flat_map(|(_, n)| n.iter().copied())
            .collect();
        for (code, names, from, until) in HISTORICAL_CAPITALS {
            assert!(is_date(from) && is_date(until), "{code}: bad date");
            assert!(from < until, "{code}: {from} is not before {until}");
            for name in *names {
                // A historical name either re-maps a current capital within its range
                // or names no state outside it.
                let remaps = current.contains(name);
                let new = ["Bonn", "East Berlin"].contains(name);
                assert!(remaps || new, "{code}: unexpected name {name}");
            }
        }
        // No name is given to two historical states at once.
        for (i, (c1, n1, f1, u1)) in HISTORICAL_CAPITALS.iter().enumerate() {
            for (c2, n2, f2, u2) in &HISTORICAL_CAPITALS[i + 1..] {
                if n1.iter().any(|n| n2.contains(n)) {
                    assert!(u1 < f2 || u2 < f1, "{c1} and {c2} overlap");
                }
            }
        }
    }
}
