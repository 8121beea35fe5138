use super::head::{is_place_line, split_title_bar};
use super::*;
use crate::site::region::default_regions;

fn regions() -> Regions {
    Regions::new(&default_regions()).unwrap()
}

fn seed(text: &str) -> Seed {
    parse_seed(text.as_bytes(), &regions()).unwrap()
}

fn date_line(line: &str) -> DateLine {
    analyse_date_line(line).unwrap_or_else(|| panic!("no date in {line:?}"))
}

#[test]
fn date_lines_and_what_stands_beside_the_date() {
    let d = date_line("July 08, 2025Clash Report");
    assert!(d.standalone);
    assert_eq!(d.outlet.as_deref(), Some("Clash Report"));
    let d = date_line("Posted by Jane Roe on Feb 9, 2009 Leave a comment");
    assert!(d.standalone && d.labelled);
    assert_eq!(d.byline.as_deref(), Some("Posted by Jane Roe"));
    let d = date_line("By ASSOCIATED PRESS Published: November 6, 2020");
    assert!(d.standalone && d.labelled);
    assert_eq!(d.agency.as_deref(), Some("Associated Press"));
    let d = date_line("Headline words here | 2017-12-31 |");
    assert_eq!(d.headline.as_deref(), Some("Headline words here"));
    let d = date_line("19 February 2024: Yemen");
    assert_eq!(d.headline.as_deref(), Some("19 February 2024: Yemen"));
    assert_eq!(d.outlet, None, "a country is never an outlet");
    let d = date_line("December 30, 2017World News");
    assert!(d.standalone);
    assert_eq!(d.outlet, None, "a section is not an outlet");
    let d = date_line("Published on 17.03.2019 at 21h54 by AFP");
    assert!(d.standalone && d.labelled);
    assert_eq!(d.agency.as_deref(), Some("AFP"));
    let d = date_line("تاريخ النشر: 12th, March 2024 GMT");
    assert!(d.standalone && d.labelled);
    let d = date_line("This story is from January 27, 2009");
    assert!(d.standalone && d.labelled);
    let d = date_line("27 janvier 2014 1 27 /01 /janvier /2014 19:06");
    assert!(d.standalone);
    for sentence in [
        "Fighting resumed on July 8, 2025 in the north of the country, officials said.",
        "From Example News (Jan 27, 2019): Blasts kill 19 in the south",
        "Soldiers stand guard at a checkpoint on February 27, 2015.(By AFP)",
    ] {
        assert!(!date_line(sentence).standalone, "{sentence}");
    }
    assert!(analyse_date_line("Troops advanced on Sunday").is_none());
}

#[test]
fn lines_are_cleaned() {
    assert_eq!(clean_line("  a\u{0}b\u{202e}c\u{feff}  "), "abc");
    assert_eq!(clean_line("don\u{fffd}\u{fffd}\u{fffd}t"), "don’t");
    assert_eq!(clean_line("\u{fffd}\u{fffd}quoted"), "quoted");
    assert_eq!(clean_line("a\u{a0}b\tc"), "a b c");
    let lines = read_lines("one\r\n \r\n\ttwo\r\n");
    assert_eq!(
        lines
            .iter()
            .map(|l| (l.no, l.text.as_str()))
            .collect::<Vec<_>>(),
        [(1, "one"), (3, "two")]
    );
}

#[test]
fn shapes_of_lines() {
    assert!(is_headline_shaped("Sudan army retakes El Fasher"));
    assert!(is_headline_shaped("هجوم على سفينة"));
    assert!(!is_headline_shaped("Reuters"));
    assert!(!is_headline_shaped(
        "The army said it had retaken two bridges, and that it would hold them until the rebels withdrew from the city."
    ));
    assert!(is_paragraph(
        "The army said it had retaken two bridges on Monday."
    ));
    assert!(!is_paragraph("Civilians Return To Markets"));
    assert!(is_outlet_like("Clash Report"));
    assert!(is_outlet_like("Middle East Monitor"));
    assert!(!is_outlet_like("World News"));
    assert!(!is_outlet_like("Yemen"));
    assert!(!is_outlet_like("Gaza Ceasefire Collapses Again"));
    assert!(is_place_line("Popayán, Cauca"));
    assert!(!is_place_line("Later, officials said"));
    assert_eq!(
        split_title_bar("Truce holds in Gaza | Example News"),
        ("Truce holds in Gaza".into(), Some("Example News".into()))
    );
    assert_eq!(
        split_title_bar("Truce holds in Gaza - Reuters"),
        ("Truce holds in Gaza".into(), Some("Reuters".into()))
    );
    assert_eq!(
        split_title_bar("At least 19 dead in blasts — police"),
        ("At least 19 dead in blasts — police".into(), None)
    );
}

#[test]
fn the_real_seed() {
    let bytes = include_bytes!("../../../tests/fixtures/seed/clash-report-2025-07-08.txt");
    let seed = parse_seed(bytes, &regions()).unwrap();
    assert_eq!(seed.date.unwrap().to_string(), "2025-07-08");
    assert_eq!(seed.date_from, DateFrom::Head);
    assert_eq!(seed.source.as_deref(), Some("Clash Report"));
    assert_eq!(seed.headline, None);
    assert_eq!(seed.blocks.len(), 8);
    assert_eq!(seed.trailer_lines, 12);
    assert_eq!(seed.blocks[0].line, 2);
    assert!(seed.blocks[0].text.starts_with("China is leveraging"));
    assert!(seed.blocks[7].text.starts_with("Satellite imagery"));
}

#[test]
fn bom_crlf_outlet_on_its_own_line_headline_and_dateline() {
    let s = seed(
        "\u{feff}Monday, October 19, 1987\r\nReuters\r\nIRAN SAYS OFFENSIVE OVER\r\nNICOSIA, Oct 19 - Iran said its offensive was over.\r\nIraq denied it.\r\nAsia-Pasific\r\nOctober 1987\r\n",
    );
    assert_eq!(s.date.unwrap().to_string(), "1987-10-19");
    assert_eq!(s.source.as_deref(), Some("Reuters"));
    assert_eq!(s.headline.as_deref(), Some("IRAN SAYS OFFENSIVE OVER"));
    assert_eq!(s.blocks.len(), 2);
    assert_eq!(s.blocks[0].line, 4);
    assert_eq!(s.dateline.as_deref(), Some("NICOSIA, Oct 19 - "));
    assert!(s.article_text()[0].starts_with("Iran said"));
    assert_eq!(s.trailer_lines, 2);
}

#[test]
fn old_mac_line_ends_bylines_and_kickers() {
    let s = seed(
        "July 1, 2025Wire\rBREAKING\rBy Jane Doe, Wire\rShelling hit the city of Kharkiv in Ukraine overnight, officials said.\rTwo were hurt.\r",
    );
    assert_eq!(s.source.as_deref(), Some("Wire"));
    assert_eq!(s.byline.as_deref(), Some("By Jane Doe, Wire"));
    assert_eq!(s.headline, None);
    assert_eq!(s.blocks.len(), 2);
    assert_eq!(s.chrome_lines, 1, "the kicker");
}

#[test]
fn no_date_and_impossible_dates_are_read_not_refused() {
    let s = seed("Clash Report\nSomething happened in Syria, officials said on Monday.\n");
    assert_eq!((s.date, s.date_from), (None, DateFrom::None));
    assert_eq!(s.blocks.len(), 1);
    let s =
        seed("February 30, 2025Wire\nText of the report, long enough to be a paragraph of news.\n");
    assert_eq!(s.date, None);
    assert_eq!(s.invalid_date.as_deref(), Some("February 30, 2025"));
    let s = seed("July 1, 2025Wire\n");
    assert_eq!(s.date.unwrap().to_string(), "2025-07-01");
    assert!(s.blocks.is_empty());
    assert_eq!(parse_seed(b"", &regions()), Err(SeedError::Empty));
    assert_eq!(parse_seed(b" \n\t\n", &regions()), Err(SeedError::Empty));
}

#[test]
fn numeric_dates_are_read_in_the_page_order() {
    let s = seed(
        "03.04.2019 Wire\nTalks resumed, officials said. The next round opens on 17.04.2019 in Geneva.\n",
    );
    assert_eq!(
        s.date.unwrap().to_string(),
        "2019-04-03",
        "17.04 shows day first"
    );
    assert_eq!(s.date_from, DateFrom::Head);
    let s = seed("03.04.2019 Wire\nTalks resumed in the capital on Wednesday, officials said.\n");
    assert_eq!(s.date_from, DateFrom::Guess, "the page does not tell");
    let s =
        seed("03/04/2019 Wire\nTalks resumed on March 4, officials said in the capital today.\n");
    assert_eq!(
        s.date.unwrap().to_string(),
        "2019-03-04",
        "the written date tells"
    );
}

#[test]
fn lists_and_headings_in_the_body() {
    let s = seed(
        "July 1, 2025Wire\nThe army listed its demands in a statement on Monday, officials said.\n\nWhat It Wants\n\n• a ceasefire in the north\n• the release of prisoners\n\nTalks are due to resume next week in the capital, officials said.\n",
    );
    let kinds: Vec<BlockKind> = s.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Paragraph,
            BlockKind::Heading,
            BlockKind::ListItem,
            BlockKind::ListItem,
            BlockKind::Paragraph
        ]
    );
    assert_eq!(s.blocks[2].text, "a ceasefire in the north");
}

#[test]
fn datelines() {
    assert_eq!(
        find_dateline("NICOSIA, Oct 19 - Iran said"),
        Some("NICOSIA, Oct 19 - ")
    );
    assert_eq!(
        find_dateline("KYIV, Ukraine (AP) — Russia struck"),
        Some("KYIV, Ukraine (AP) — ")
    );
    assert_eq!(
        find_dateline("COLOMBO: Troops closed in"),
        Some("COLOMBO: ")
    );
    assert_eq!(dateline_agency("JOHANNESBURG (AP) — "), Some("AP"));
    assert_eq!(
        find_dateline("Nairobi (AFP) - Des combats ont éclaté"),
        Some("Nairobi (AFP) - ")
    );
    assert_eq!(
        find_dateline("Dakar, 26 mar 2021 (EFE).- Las fuerzas"),
        Some("Dakar, 26 mar 2021 (EFE).- ")
    );
    assert_eq!(
        find_dateline("Santa Marta (Colombia), 7 jul (EFE).- Cinco personas"),
        Some("Santa Marta (Colombia), 7 jul (EFE).- ")
    );
    assert_eq!(dateline_agency("Dakar, 26 mar 2021 (EFE).- "), Some("EFE"));
    assert_eq!(find_dateline("Officials said (AFP) that"), None);
    assert_eq!(find_dateline("China is leveraging - not"), None);
    assert_eq!(find_dateline("A - B"), None);
}
