//! Import of every page layout scrapers save, one fixture per layout in
//! `tests/fixtures/layouts/` (invented text written in the shapes of real pages: see
//! the README's "What import understands"). Each asserts the date, the title, the
//! outlet, the primary country and region, and that no chrome line reaches the body.

use std::path::Path;

use sitrep::import::{Imported, import_report};
use sitrep::site::front_matter::Review;
use sitrep::site::region::{Regions, default_regions};

/// What a fixture must give.
struct Want {
    file: &'static str,
    date: Option<&'static str>,
    /// The exact title, or (with a trailing `…`) how it starts.
    title: &'static str,
    source: Option<&'static str>,
    primary: Option<&'static str>,
    region: Option<&'static str>,
    /// Text that must not reach the body (chrome, repeats, date lines, captions).
    not_in_body: &'static [&'static str],
    /// Countries that must not be found (named only in chrome).
    not_countries: &'static [&'static str],
}

const DEFAULT: Want = Want {
    file: "",
    date: None,
    title: "",
    source: None,
    primary: None,
    region: None,
    not_in_body: &[],
    not_countries: &[],
};

fn import(file: &str) -> Imported {
    let path = Path::new("tests/fixtures/layouts").join(file);
    let bytes = std::fs::read(&path).unwrap();
    let regions = Regions::new(&default_regions()).unwrap();
    import_report(file, &bytes, &regions).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn check(w: &Want) {
    let r = import(w.file);
    let fm = &r.front_matter;
    let f = w.file;
    assert_eq!(
        fm.date.map(|d| d.to_string()).as_deref(),
        w.date,
        "{f}: date"
    );
    match w.title.strip_suffix('…') {
        Some(start) => assert!(fm.title.starts_with(start), "{f}: title {:?}", fm.title),
        None => assert_eq!(fm.title, w.title, "{f}: title"),
    }
    assert_eq!(fm.source.as_deref(), w.source, "{f}: source");
    assert_eq!(
        fm.countries.first().map(String::as_str),
        w.primary,
        "{f}: {:?}",
        fm.countries
    );
    assert_eq!(fm.region.as_deref(), w.region, "{f}: region");
    for chrome in w.not_in_body {
        assert!(
            !r.body.contains(chrome),
            "{f}: `{chrome}` in the body:\n{}",
            r.body
        );
    }
    for c in w.not_countries {
        assert!(
            !fm.countries.iter().any(|x| x == c),
            "{f}: {c} in {:?}",
            fm.countries
        );
    }
}

#[test]
fn date_glued_to_the_outlet_with_a_category_trailer() {
    check(&Want {
        file: "date-glued-outlet.txt",
        date: Some("2025-03-14"),
        title: "Sudanese army units pushed into the outskirts of Omdurman…",
        source: Some("Frontline Wire"),
        primary: Some("Sudan"),
        region: Some("Africa"),
        not_in_body: &[
            "Ukraine - Russia War",
            "March 2025",
            "Middle East",
            "Asia-Pasific",
        ],
        not_countries: &["Ukraine", "Russia"],
    });
}

#[test]
fn headline_and_standfirst_over_a_glued_date_line_with_chrome_and_headings() {
    check(&Want {
        file: "headline-first.txt",
        date: Some("2025-04-02"),
        title: "Army Says Rebels Pushed Back From Bunia",
        source: Some("Frontline Wire"),
        primary: Some("Democratic Republic of the Congo"),
        region: Some("Africa"),
        not_in_body: &[
            "Cover Image",
            "FrontlineWire",
            "April 02, 2025",
            "Army Says Rebels",
        ],
        ..DEFAULT
    });
    let r = import("headline-first.txt");
    assert!(
        r.body.contains("\n\n## Civilians Return To Markets\n\n"),
        "{}",
        r.body
    );
    assert!(
        r.front_matter
            .summary
            .as_deref()
            .unwrap()
            .starts_with("The army of the Democratic"),
        "the standfirst is the summary"
    );
    assert_eq!(
        r.front_matter.extra.get("byline").and_then(|b| b.as_str()),
        Some("FrontlineWire Editor")
    );
}

#[test]
fn metadata_line_before_a_headline() {
    check(&Want {
        file: "metadata-headline.txt",
        date: Some("2024-05-18"),
        title: "Drone attack kills two in border town of Sumy, Ukraine says",
        primary: Some("Ukraine"),
        region: Some("Europe"),
        not_in_body: &["date 2024", "Drone attack kills two"],
        ..DEFAULT
    });
}

#[test]
fn metadata_line_with_the_outlet_and_a_caption_with_an_older_date() {
    check(&Want {
        file: "metadata-outlet.txt",
        date: Some("2024-03-03"),
        title: "Militants fire rockets at army post in southern Lebanon",
        source: Some("Levant Monitor"),
        primary: Some("Lebanon"),
        region: Some("Middle East"),
        not_in_body: &["Mourners carry", "4:57 pm", "Levant Monitor"],
        ..DEFAULT
    });
}

#[test]
fn metadata_line_with_a_dotted_date_and_an_agency() {
    check(&Want {
        file: "metadata-dotted.txt",
        date: Some("2019-03-17"),
        title: "Gunmen attacked a village in central Mali…",
        source: Some("AFP"),
        primary: Some("Mali"),
        region: Some("Africa"),
        not_in_body: &["Published on", "21h54"],
        ..DEFAULT
    });
}

#[test]
fn headline_standfirst_caption_and_credit_over_the_date() {
    check(&Want {
        file: "headline-standfirst-caption.txt",
        date: Some("2014-02-12"),
        title: "Two killed as protests turn violent in Caracas",
        primary: Some("Venezuela"),
        region: Some("America"),
        not_in_body: &[
            "Jane Roe/AP",
            "Students march to the prosecutor",
            "February 12, 2014",
        ],
        ..DEFAULT
    });
    let r = import("headline-standfirst-caption.txt");
    assert!(
        r.front_matter
            .summary
            .as_deref()
            .unwrap()
            .starts_with("Gunfire broke out in central Caracas when armed men on motorcycles fired at students marching against the government of Venezuela"),
        "{:?}",
        r.front_matter.summary
    );
}

#[test]
fn pull_quote_and_a_time_glued_to_am() {
    check(&Want {
        file: "pull-quote-time.txt",
        date: Some("2018-05-16"),
        title: "A crackdown is only fuelling more protests in Nicaragua",
        primary: Some("Nicaragua"),
        region: Some("America"),
        not_in_body: &["9:54am", "We will keep marching"],
        ..DEFAULT
    });
}

#[test]
fn a_caption_with_an_older_full_date_is_not_the_date() {
    check(&Want {
        file: "caption-trap.txt",
        date: Some("2017-06-20"),
        title: "Five police officers killed in ambush in Guerrero, Mexico",
        primary: Some("Mexico"),
        region: Some("America"),
        not_in_body: &["Soldiers stand guard", "shared on", "10:30 pm"],
        ..DEFAULT
    });
}

#[test]
fn date_glued_to_a_section_name_and_bylines_twice() {
    check(&Want {
        file: "section-glued.txt",
        date: Some("2017-12-30"),
        title: "Protesters Killed as Unrest Spreads Across Iran",
        source: None,
        primary: Some("Iran"),
        region: Some("Middle East"),
        not_in_body: &[
            "Jane Roe",
            "World News",
            "in this picture",
            "Protesters Killed as",
        ],
        ..DEFAULT
    });
}

#[test]
fn a_labelled_date_and_a_related_list_and_footer_at_the_end() {
    check(&Want {
        file: "posted-label.txt",
        date: Some("2007-12-03"),
        title: "Insurgents ambush patrol in northern Iraq",
        primary: Some("Iraq"),
        region: Some("Middle East"),
        not_in_body: &["Posted:", "Trending", "All Rights Reserved", "Contact Us"],
        ..DEFAULT
    });
}

#[test]
fn chrome_first_then_headline_outlet_date_caption_credit_and_byline_date() {
    check(&Want {
        file: "chrome-first.txt",
        date: Some("2020-11-06"),
        title: "Shelling kills three in Nagorno-Karabakh town",
        source: Some("Stripes"),
        primary: Some("Azerbaijan"),
        region: Some("Europe"),
        not_in_body: &[
            "Categories",
            "Soldiers walk past",
            "\nAP\n",
            "Published:",
            "Nov 6 2020",
        ],
        ..DEFAULT
    });
    let r = import("chrome-first.txt");
    assert!(
        r.body.starts_with("STEPANAKERT, Azerbaijan —"),
        "{}",
        r.body
    );
}

#[test]
fn blog_date_header_over_the_headline() {
    check(&Want {
        file: "blog-weekday.txt",
        date: Some("2008-08-11"),
        title: "Troops advance on Gori in Georgia. Defence of the capital",
        primary: Some("Georgia"),
        region: Some("Europe"),
        not_in_body: &["Post a Comment", "Monday, August 11"],
        ..DEFAULT
    });
}

#[test]
fn posted_by_line_and_hard_wrapped_paragraphs() {
    check(&Want {
        file: "posted-by.txt",
        date: Some("2009-02-09"),
        title: "Six soldiers killed in rebel attack in Colombia",
        primary: Some("Colombia"),
        region: Some("America"),
        not_in_body: &["Leave a comment", "Posted by"],
        ..DEFAULT
    });
    let r = import("posted-by.txt");
    assert!(
        r.body
            .contains("in southern Colombia, military sources said, in the deadliest attack on the army this year."),
        "hard-wrapped lines joined: {}",
        r.body
    );
    assert_eq!(
        r.body.matches("\n\n").count(),
        1,
        "two paragraphs: {}",
        r.body
    );
}

#[test]
fn title_bar_with_a_date_and_a_desk_byline_with_an_ordinal_date() {
    check(&Want {
        file: "title-bar.txt",
        date: Some("2017-12-31"),
        title: "Iran protests: 'Iron fist' threatened if unrest continues",
        primary: Some("Iran"),
        region: Some("Middle East"),
        not_in_body: &["printer", "threatened if unrest continues", "Desk"],
        ..DEFAULT
    });
}

#[test]
fn date_after_the_body() {
    check(&Want {
        file: "date-after-body.txt",
        date: Some("2002-08-02"),
        title: "Real IRA blamed for army base bomb",
        primary: Some("United Kingdom"),
        region: Some("Europe"),
        not_in_body: &["Published", "|"],
        ..DEFAULT
    });
}

#[test]
fn a_headline_that_is_a_date() {
    check(&Want {
        file: "headline-is-date.txt",
        date: Some("2024-02-19"),
        title: "19 February 2024: Yemen",
        source: None,
        primary: Some("Yemen"),
        region: Some("Middle East"),
        not_in_body: &["19 February 2024"],
        ..DEFAULT
    });
}

#[test]
fn a_this_story_is_from_banner_and_a_repeated_headline() {
    check(&Want {
        file: "story-banner.txt",
        date: Some("2009-01-27"),
        title: "Troops close in as rebels make last stand in Sri Lanka",
        primary: Some("Sri Lanka"),
        region: Some("Asia-Pacific"),
        not_in_body: &["This story is from", "make last stand"],
        ..DEFAULT
    });
}

#[test]
fn a_link_blog_with_source_lines_and_later_dates() {
    check(&Want {
        file: "link-blog.txt",
        date: Some("2019-01-26"),
        title: "At least 19 dead in church blasts in the Philippines — police",
        source: Some("Example News Philippines"),
        primary: Some("Philippines"),
        region: Some("Asia-Pacific"),
        not_in_body: &["From Example News", "From the Example Standard", "Saturday"],
        ..DEFAULT
    });
}

#[test]
fn a_crawl_clock_over_the_page_is_not_its_date() {
    check(&Want {
        file: "crawl-clock.txt",
        date: Some("2025-11-02"),
        title: "Ceasefire holds in Gaza as aid trucks enter",
        source: Some("Example Daily"),
        primary: Some("Palestine"),
        region: Some("Middle East"),
        not_in_body: &["14:22", "November 2, 2025", "Example Daily"],
        ..DEFAULT
    });
}

#[test]
fn tickers_adverts_embeds_and_related_lists_are_dropped() {
    check(&Want {
        file: "related-ticker.txt",
        date: Some("2025-06-04"),
        title: "Houthis claim attack on ship off Yemen",
        primary: Some("Yemen"),
        region: Some("Middle East"),
        not_in_body: &[
            "Breaking News",
            "Floods hit Pakistan",
            "Hurricane nears Cuba",
            "Militia retakes",
            "Advertisement",
            "View post on X",
            "Related Articles",
            "refinery",
            "Jeddah",
        ],
        not_countries: &[
            "Pakistan",
            "Cuba",
            "Ukraine",
            "Russia",
            "Sudan",
            "Saudi Arabia",
        ],
        ..DEFAULT
    });
}

#[test]
fn a_page_without_a_date_is_a_draft_to_review() {
    let r = import("no-date.txt");
    let fm = &r.front_matter;
    assert_eq!(fm.date, None);
    assert!(fm.draft, "no date and no country: a draft");
    assert!(fm.review.contains(&Review::Date) && fm.review.contains(&Review::Countries));
    assert_eq!(fm.title, "Clash reported near the border");
    assert!(r.stem.starts_with("undated-"), "{}", r.stem);
}

#[test]
fn a_yearless_wire_dateline_takes_the_year_the_page_shows() {
    check(&Want {
        file: "yearless-dateline.txt",
        date: Some("2017-06-20"),
        title: "Security forces in Venezuela fired tear gas at protesters in the capital…",
        source: Some("Reuters"),
        primary: Some("Venezuela"),
        region: Some("America"),
        not_in_body: &["©"],
        ..DEFAULT
    });
    let fm = import("yearless-dateline.txt").front_matter;
    assert_eq!(fm.review, [Review::Date], "a guessed date is to review");
    assert!(!fm.draft);
}

#[test]
fn platform_chrome_and_a_french_date() {
    check(&Want {
        file: "platform-chrome-french.txt",
        date: Some("2021-03-14"),
        title: "Des combats ont éclaté dimanche dans l'est du Tchad…",
        source: Some("RFI"),
        primary: Some("Chad"),
        region: Some("Africa"),
        not_in_body: &[
            "Overblog",
            "Suivre",
            "Sommaire",
            "Recherche",
            "Liens",
            "Contact",
            "17:20",
        ],
        ..DEFAULT
    });
}

#[test]
fn an_arabic_label_before_an_english_date() {
    check(&Want {
        file: "arabic-label.txt",
        date: Some("2024-03-12"),
        title: "هجوم على سفينة قبالة سواحل اليمن",
        primary: Some("Yemen"),
        region: Some("Middle East"),
        not_in_body: &["تاريخ النشر"],
        ..DEFAULT
    });
}

#[test]
fn a_spanish_place_line_names_the_country_by_its_places() {
    check(&Want {
        file: "spanish-place-line.txt",
        date: Some("2025-11-13"),
        title: "Disidencias armadas atacaron una estación de policía en el municipio de Suárez…",
        primary: Some("Colombia"),
        region: Some("America"),
        not_in_body: &["date 2025", "Popayán, Cauca"],
        ..DEFAULT
    });
}

#[test]
fn date_glued_to_a_name_of_several_words_then_one_paragraph_a_line() {
    // The date line is never the headline: without one, the title comes from the
    // first paragraph, cut at a clause boundary, without its attribution.
    check(&Want {
        file: "glued-name-paragraphs.txt",
        date: Some("2019-10-03"),
        title: "Militia fighters shell a fuel depot outside Gao in northern Mali, killing four people",
        source: Some("Lakeside Current Events"),
        primary: Some("Mali"),
        region: Some("Africa"),
        not_in_body: &["Lakeside Current Events", "October 03, 2019"],
        not_countries: &[],
    });
}
