//! Site chrome: the lines a scraper saves with an article that are not the article.
//!
//! Recognised by kind, not by a list of one site's strings: interface words (share,
//! follow, print, comment, subscribe, menus, in English, French, Spanish and
//! Portuguese), advert and image placeholders, embed placeholders (`View post on X`),
//! lone punctuation and icon names, copyright footers, category and tag lines, photo
//! credits and captions, bylines, "related" headers, and bullet menus.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

use regex::Regex;

/// Why a line is chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chrome {
    /// Interface words: share, follow, print, comment, menus, navigation.
    Interface,
    /// An advert or an image/video placeholder (`Advertisement`, `Cover Image`).
    Placeholder,
    /// An embedded post's placeholder (`View post on X`, `Watch on YouTube`).
    Embed,
    /// A copyright or legal footer.
    Footer,
    /// A category, tag or section label (`Categories: 2020`, `Tags: Sudan, Darfur`).
    Label,
    /// Punctuation or an icon's name only (`|`, `X`, `Arrow-right Camera`).
    Ornament,
}

/// Words of interface chrome, lower case. A short line made only of these (and
/// numbers, punctuation and small words) is chrome.
const INTERFACE_WORDS: &[&str] = &[
    // English
    "share",
    "shares",
    "shared",
    "sharing",
    "tweet",
    "retweet",
    "follow",
    "followers",
    "subscribe",
    "subscribed",
    "unsubscribe",
    "newsletter",
    "newsletters",
    "sign",
    "signup",
    "login",
    "log",
    "register",
    "print",
    "printer",
    "printable",
    "email",
    "e-mail",
    "mail",
    "comment",
    "comments",
    "reply",
    "replies",
    "leave",
    "post",
    "posts",
    "like",
    "likes",
    "whatsapp",
    "facebook",
    "twitter",
    "telegram",
    "linkedin",
    "reddit",
    "pinterest",
    "instagram",
    "youtube",
    "tiktok",
    "copy",
    "link",
    "links",
    "url",
    "click",
    "tap",
    "here",
    "menu",
    "search",
    "home",
    "homepage",
    "contact",
    "about",
    "privacy",
    "policy",
    "terms",
    "cookies",
    "cookie",
    "settings",
    "accept",
    "close",
    "open",
    "skip",
    "content",
    "main",
    "navigation",
    "toggle",
    "back",
    "top",
    "next",
    "previous",
    "prev",
    "more",
    "read",
    "continue",
    "reading",
    "load",
    "loading",
    "show",
    "hide",
    "view",
    "views",
    "watch",
    "listen",
    "play",
    "audio",
    "download",
    "app",
    "apps",
    "account",
    "profile",
    "edition",
    "language",
    "english",
    "español",
    "français",
    "العربية",
    "sections",
    "latest",
    "trending",
    "popular",
    "most",
    "recent",
    "related",
    "recommended",
    "also",
    "you",
    "may",
    "might",
    "see",
    "all",
    "rss",
    "feed",
    "feeds",
    "send",
    "save",
    "saved",
    "bookmark",
    "font",
    "size",
    "text",
    "ad",
    "ads",
    "advertisement",
    "advertising",
    "sponsored",
    "promoted",
    "partner",
    "donate",
    "support",
    "us",
    "our",
    "journalism",
    "membership",
    "members",
    "premium",
    "gift",
    "article",
    "story",
    "stories",
    "minute",
    "minutes",
    "min",
    "reads",
    "video",
    "videos",
    "photo",
    "photos",
    "gallery",
    "image",
    "images",
    "cover",
    "banner",
    "icon",
    "logo",
    "thumbnail",
    "embed",
    "embedded",
    "caption",
    "expand",
    "collapse",
    "fullscreen",
    "full",
    "screen",
    "notifications",
    "alerts",
    "enable",
    "allow",
    "block",
    "dark",
    "mode",
    "light",
    "arrow",
    "arrow-right",
    "arrow-left",
    "chevron",
    "camera",
    "clock",
    "calendar",
    "blog",
    "administration",
    "create",
    "my",
    "your",
    "free",
    "trial",
    "offer",
    "offers",
    "today",
    "join",
    "now",
    "podcast",
    "podcasts",
    "opinion",
    "sport",
    "sports",
    "business",
    "tech",
    "culture",
    "world",
    "politics",
    "local",
    "weather",
    "classifieds",
    "jobs",
    "obituaries",
    "archive",
    "archives",
    "sitemap",
    "faq",
    "help",
    "advertise",
    "careers",
    "team",
    // French
    "partager",
    "partagez",
    "suivre",
    "suivez",
    "abonnez-vous",
    "abonner",
    "s'abonner",
    "connexion",
    "inscription",
    "imprimer",
    "commentaires",
    "commentaire",
    "commenter",
    "rechercher",
    "recherche",
    "accueil",
    "sommaire",
    "liens",
    "lien",
    "créer",
    "mon",
    "ma",
    "mes",
    "lire",
    "aussi",
    "voir",
    "plus",
    "publicité",
    "télécharger",
    "fermer",
    "menu",
    "rubriques",
    "contactez-nous",
    "mentions",
    "légales",
    "envoyer",
    "articles",
    // Spanish and Portuguese
    "compartir",
    "comparte",
    "compartilhar",
    "seguir",
    "síguenos",
    "suscríbete",
    "suscribirse",
    "assine",
    "imprimir",
    "comentarios",
    "comentários",
    "comentar",
    "buscar",
    "busca",
    "inicio",
    "início",
    "enlaces",
    "leer",
    "más",
    "ver",
    "mais",
    "publicidad",
    "publicidade",
    "cerrar",
    "fechar",
    "descargar",
    "noticias",
    "relacionadas",
    "relacionados",
    "notas",
    "artículos",
    "contacto",
    "contato",
];

/// Small words that do not make a line prose (`the`, `on`, `this`).
const SMALL_WORDS: &[&str] = &[
    "the", "a", "an", "to", "of", "on", "in", "this", "that", "for", "and", "or", "with", "by",
    "at", "from", "it", "is", "are", "be", "&", "le", "la", "les", "de", "du", "des", "ce", "cet",
    "cette", "sur", "et", "el", "los", "las", "en", "y", "o", "del", "este", "esta", "no", "do",
    "da", "e",
];

/// Lines that are placeholders whatever else they say around these words.
static PLACEHOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:advertisement|advertising|sponsored(?: content)?|ad|ads|publicité|publicidad|publicidade|anzeige|cover image|featured image|image|photo|video|gallery|loading(?: video| image)?\.*|image \d+ of \d+|\d+ of \d+|play video|watch(?: the)? video|listen(?: to (?:this|the) (?:article|story))?|\[?(?:image|photo|video|embed)[^\]]*\]?)(?: banner)?[.:!]?$",
    )
    .unwrap()
});

/// Embedded posts as scrapers flatten them.
static EMBED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:view (?:this )?post on (?:x|twitter|instagram|facebook|tiktok|threads|bluesky)|view on (?:x|twitter|instagram|facebook|youtube)|watch on (?:youtube|x|facebook|tiktok)|a post shared by .{1,60}|(?:this|the) (?:content|video|post|tweet) (?:is not available|cannot be displayed|has been removed)[^.]*\.?|(?:tweet|post) (?:embed|deleted)|pic\.twitter\.com/\S+|— .{1,60}\(@\w+\) \w+ \d{1,2}, \d{4})$",
    )
    .unwrap()
});

/// Copyright and legal footers.
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|\s)(?:©|\(c\)|copyright(?-u:\b)|all rights reserved|tous droits réservés|todos los derechos reservados|powered by(?-u:\b)|terms of (?:use|service)|privacy policy)",
    )
    .unwrap()
});

/// Cookie and consent banners, newsletter, membership and donation prompts, comment
/// counters and forms, print and edition notes, translations offered, wire end marks
/// and editing credits: chrome whatever its length.
static PROMPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|(?-u:\b))(?:we use cookies|this (?:web)?site uses cookies|by (?:clicking|continuing)|cookie (?:policy|settings|preferences)|accept (?:all )?cookies|manage (?:your )?(?:cookies|preferences|consent)|sign up (?:for|to)|subscribe (?:to|for|now)|get (?:our|the) (?:free )?(?:\w+ )?newsletter|newsletter|become a (?:member|subscriber|supporter)|support (?:our|independent) (?:journalism|reporting)|(?:make a )?contribut(?:e|ion) today|donate (?:now|today)|a message from|you must be logged in|log in to (?:comment|reply)|\d+ (?:comments?|responses?|replies) (?:to|on)(?-u:\b)|posted in [^|]{1,40}\|\s*\d+ comments?|a version of this article appears in print|our standards:|the thomson reuters trust principles|this article is also available in|(?:additional )?reporting by [^.;]{2,80}(?:;|$)|(?:writing|editing) by [^.;]{2,60}(?:;|$)|^enditem|^writer:|^contact:\s*\S+@|^read later$|^listen to (?:this|the) article|^ouvir o texto|^diminuir fonte|^aumentar fonte|^copiar enlace|^copy link|^keep reading$|^list \d+ of \d+$|^previous(?: post| article| story)?\s*[:»]|^next(?: post| article| story)?\s*[:»]|^newer posts?(?-u:\b)|^older posts?(?-u:\b)|^subscribe to:|^labels?:|^posted by .{2,60} at \d{1,2}:\d{2}|^\d+ comments?:?$|^printable version|^click here to|trust project|^stay (?:on top of|informed|up to date)|^don'?t miss (?:out|a story)|^support (?:the )?\p{Lu}[^.]{0,40}!?$|^«\s|\s»$|^(?:►|▼|▶|◄)\s)",
    )
    .unwrap()
});

/// Words of interface chrome in Arabic (share, follow, Facebook, Twitter, WhatsApp,
/// Telegram, read also, more, comments).
const ARABIC_INTERFACE: &[&str] = &[
    "شارك",
    "شاركها",
    "مشاركة",
    "تابعونا",
    "تابعنا",
    "على",
    "فيسبوك",
    "تويتر",
    "واتساب",
    "تلغرام",
    "تيليغرام",
    "انستغرام",
    "يوتيوب",
    "اقرأ",
    "أيضا",
    "أيضاً",
    "ايضا",
    "المزيد",
    "تعليقات",
    "تعليق",
    "طباعة",
    "نسخ",
    "الرابط",
    "إكس",
    "الرئيسية",
    "الصفحة",
    "بحث",
    "القائمة",
    "اتصل",
    "بنا",
    "من",
    "نحن",
];

/// `Categories: ...`, `Tags: ...`, `Filed under ...`, `Topics: ...`.
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:categor(?:y|ies)|tags?|topics?|filed under|section|posted in|published in|rubrique|catégories?|étiquettes?|mots-clés|etiquetas|temas|categorías?)\s*:",
    )
    .unwrap()
});

/// Whether `text` has at most `n` words (runs of non-space characters); stops
/// counting past `n`, so it is cheap on long paragraphs.
pub fn at_most_words(text: &str, n: usize) -> bool {
    // A word starts at a byte that is no space after one that is (or at the start).
    // Counted a block at a time, without a branch per byte (loops the compiler
    // vectorises), and checked after each block.
    const BLOCK: usize = 64;
    let space = |b: u8| u8::from(matches!(b, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r'));
    let mut count = 0;
    let mut space_before = 1;
    for block in text.as_bytes().chunks(BLOCK) {
        // Whether each byte is a space, after the byte before the block (past the
        // end of a short block: spaces, which start no word).
        let mut spaces = [1u8; BLOCK + 1];
        spaces[0] = space_before;
        for (s, &b) in spaces[1..].iter_mut().zip(block) {
            *s = space(b);
        }
        let starts: u8 = spaces.windows(2).map(|w| w[0] & (w[1] ^ 1)).sum();
        count += usize::from(starts);
        if count > n {
            return false;
        }
        space_before = spaces[block.len()];
    }
    true
}

/// Whether `line` (trimmed, not blank) is site chrome, and of which kind.
pub fn chrome_kind(line: &str) -> Option<Chrome> {
    if !at_most_words(line, 20) {
        return None; // chrome is short; this is prose
    }
    let words = line.split_whitespace().count();
    let letters = line.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 0 || (letters == 1 && line.chars().count() <= 3) {
        return Some(Chrome::Ornament);
    }
    if PLACEHOLDER.is_match(line) {
        return Some(Chrome::Placeholder);
    }
    if EMBED.is_match(line) {
        return Some(Chrome::Embed);
    }
    if LABEL.is_match(line) && words <= 16 {
        return Some(Chrome::Label);
    }
    if FOOTER.is_match(line) {
        return Some(Chrome::Footer);
    }
    if is_interface(line) || is_arabic_interface(line) {
        return Some(Chrome::Interface);
    }
    None
}

/// A prompt, banner or credit line (cookie banners, newsletter and donation prompts,
/// comment counters, print notes, editing credits): chrome at any length up to a
/// long paragraph.
pub fn is_prompt(line: &str) -> bool {
    at_most_words(line, 70) && PROMPT.is_match(line)
}

/// A short Arabic line made of interface words (`شارك`, `تابعونا على تويتر`).
fn is_arabic_interface(line: &str) -> bool {
    let mut count = 0;
    for w in line.split_whitespace() {
        count += 1;
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if count > 6 || !(w.is_empty() || ARABIC_INTERFACE.contains(&w)) {
            return false;
        }
    }
    count > 0
}

/// A ticker or flash line over a page: `BREAKING: ...`, `JUST IN: ...`, `LIVE: ...`.
pub fn is_ticker(line: &str) -> bool {
    let Some((kicker, rest)) = line.split_once(':') else {
        return false;
    };
    is_kicker(kicker.trim()) && kicker.trim().chars().all(|c| !c.is_lowercase()) && words(rest) >= 3
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The outlet a `Source: X` line names (`Source: CNN`, `Fuente: EFE`, `Source : AFP`).
pub fn source_label(line: &str) -> Option<String> {
    let (label, rest) = line.split_once(':')?;
    let label = label.trim().to_lowercase();
    if !matches!(
        label.as_str(),
        "source" | "sources" | "fuente" | "fonte" | "source de l'article"
    ) {
        return None;
    }
    let name = rest.trim().trim_end_matches('.');
    (!name.is_empty() && at_most_words(name, 5)).then(|| name.to_string())
}

/// A short line made only of interface words, numbers, punctuation and small words,
/// with at least one interface word: `Share this article`, `Leave a comment`,
/// `12 Comments`, `Suivre ce blog Administration + Créer mon blog`, `Follow us on X`.
fn is_interface(line: &str) -> bool {
    static INTERFACE: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| INTERFACE_WORDS.iter().copied().collect());
    static SMALL: LazyLock<HashSet<&'static str>> =
        LazyLock::new(|| SMALL_WORDS.iter().copied().collect());
    let words = line
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '/' | '·' | '•' | '+' | '›' | '»'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\''))
        .filter(|w| !w.is_empty());
    // Word by word, stopping at the first that is not chrome or past twelve words.
    let (mut count, mut interface) = (0, 0);
    for w in words {
        count += 1;
        if count > 12 {
            return false;
        }
        let w = w.to_lowercase();
        if INTERFACE.contains(w.as_str()) || w == "x" {
            interface += 1;
        } else if !(SMALL.contains(w.as_str()) || w.chars().all(|c| c.is_ascii_digit())) {
            return false;
        }
    }
    interface > 0
}

/// Credits of news agencies and photo services, as they end captions and credit lines.
const AGENCIES: &[&str] = &[
    "AP",
    "AFP",
    "Reuters",
    "Getty",
    "Getty Images",
    "EPA",
    "EPA-EFE",
    "Xinhua",
    "Anadolu",
    "Anadolu Agency",
    "AA",
    "DPA",
    "EFE",
    "ANSA",
    "TASS",
    "Sputnik",
    "RIA Novosti",
    "IRNA",
    "UPI",
    "Bernama",
    "Kyodo",
    "Yonhap",
    "PTI",
    "IANS",
    "ANI",
    "SANA",
    "WAM",
    "KUNA",
    "QNA",
    "SPA",
    "MENA",
    "APS",
    "Shutterstock",
    "Alamy",
    "Associated Press",
    "Agence France-Presse",
    "Zuma",
    "ZUMA Press",
    "Sipa",
    "NurPhoto",
    "Pool",
];

/// The news agency `word` names, in its usual form, if it is one (`AFP`, `Reuters`,
/// `ASSOCIATED PRESS` -> `Associated Press`).
pub fn agency(word: &str) -> Option<&'static str> {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    AGENCIES
        .iter()
        .find(|a| a.eq_ignore_ascii_case(w))
        .copied()
        .filter(|a| {
            !matches!(
                *a,
                "Getty" | "Getty Images" | "Shutterstock" | "Alamy" | "Pool"
            )
        })
}

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    let agencies = AGENCIES
        .iter()
        .map(|a| regex::escape(a))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(?i)^(?:(?:photo|image|picture|video|credit|source|foto|fuente|crédit|crédito)s?\s*(?:by|credit)?\s*[:/-]?\s*.*|(?:[\p{{L}}.' -]+/)+\s*(?:{agencies})(?:\s+via\s+.+)?|(?:{agencies})(?:\s*/\s*[\p{{L}}.' -]+)?|\(?(?:photo|image)\s*:.+\)?)$"
    ))
    .unwrap()
});

/// Whether the whole line is a photo credit: `Alejandro Cegarra/AP`, `AP`,
/// `Photo: Jane Doe/Reuters`, `Reuters/Jane Doe`, `Getty Images`.
pub fn is_credit(line: &str) -> bool {
    at_most_words(line, 10) && CREDIT.is_match(line.trim())
}

static CAPTION_END: LazyLock<Regex> = LazyLock::new(|| {
    let agencies = AGENCIES
        .iter()
        .map(|a| regex::escape(a))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(
        r"(?i)(?:\((?:[^()]*(?:/|photo|picture|image|via |for |by |afp|ap(?-u:\b)|reuters|getty|epa|anadolu|xinhua|twitter|facebook)[^()]*)\)|\[[^\[\]]{{2,}}\]|\(by [^()]{{2,}}\))\s*\.?\s*$|[.\s](?:photo|foto|image|picture|crédit|credit|crédito)s?\s*:?\s*[^.:]*(?:/\s*(?:{agencies}))?\.?\s*$|[-–]\s*[^-–/]+/\s*(?:{agencies})\.?\s*$|\.\s*(?:{agencies}|social media|handout|file photo|archive)\.?\s*$"
    ))
    .unwrap()
});

static CAPTION_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:in this (?:picture|photo|image|file photo|handout)|pictured|file photo|handout photo|photo taken|picture taken|seen in this|poses for a photo|(?:is|are) seen|walk(?:s)? past|gather(?:s)? (?:at|near|around)|attend(?:s)? the funeral|in an image (?:shared|released|posted|taken|provided)|image shared by|en una imagen|dans une image|em imagem|photo prise|foto tomada)(?-u:\b)",
    )
    .unwrap()
});

/// Whether a line reads as a photo caption: it ends with a credit in brackets
/// (`... on 12 May. (Jane Doe for VICE News)`, `... [Jane Doe - Anadolu Agency]`) or
/// uses a caption's words (`in this picture`, `pictured`, `walk past`).
pub fn is_caption(line: &str) -> bool {
    // Credits end a caption: only the end of the line is read.
    let mut start = line.len().saturating_sub(120);
    while !line.is_char_boundary(start) {
        start += 1;
    }
    if at_most_words(line, 60) && CAPTION_END.is_match(&line[start..]) {
        return true;
    }
    // Matched in lower case (ASCII folded): a case-sensitive automaton is smaller.
    at_most_words(line, 45) && CAPTION_WORDS.is_match(&line.to_ascii_lowercase())
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:written |posted |reported )?by:?|par|por|de|von|text:?|author:?|auteur\s*:?|autor\s*:?|writer:|reporter:)\s+(?P<name>[\p{Lu}][\p{L}.' -]+?(?:\s*(?:,|and|&|y|et)\s*[\p{Lu}][\p{L}.' -]+?)*)(?:\s*[,|–—-]\s*(?P<org>[\p{Lu}][\p{L}. ]+))?\s*$",
    )
    .unwrap()
});

static ROLE_BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<name>[\p{Lu}][\p{L}.'-]*(?: [\p{Lu}][\p{L}.'-]*){0,3}) (?:Editor|Editors|Desk|Staff|Correspondent|Reporter|Staff Writer|Newsroom|News Desk|Web Desk|Online Desk|Bureau)$",
    )
    .unwrap()
});

/// The byline a line is, as written (`By Jane Doe`, `By JANE DOE, Reuters`,
/// `ClashReport Editor`, `Sun Online Desk`, `Par Jean Dupont`), or `None`.
pub fn byline(line: &str) -> Option<String> {
    let t = line.trim();
    if !at_most_words(t, 12) || t.ends_with(['.', '!', '?']) || !t.starts_with(char::is_alphabetic)
    {
        return None;
    }
    if let Some(c) = BYLINE.captures(t) {
        // `By Monday` or `De la guerre` are not names.
        let name = c.name("name")?.as_str();
        if !name.split_whitespace().any(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && !crate::import::dates::is_weekday(w)
                && crate::import::dates::month_number(w).is_none()
        }) {
            return None;
        }
        return Some(t.to_string());
    }
    ROLE_BYLINE.is_match(t).then(|| t.to_string())
}

/// Kickers pages put above a story: `BREAKING`, `EXCLUSIVE`, `UPDATE`, `LIVE`.
pub fn is_kicker(line: &str) -> bool {
    let l = line.trim_end_matches([':', '!']);
    // Lower case has at least as many characters: a line of more characters than the
    // longest kicker (`developing story`) is none.
    if l.len() > 4 * "developing story".len() {
        return false;
    }
    let l = l.to_lowercase();
    matches!(
        l.as_str(),
        "breaking"
            | "breaking news"
            | "exclusive"
            | "update"
            | "updated"
            | "analysis"
            | "opinion"
            | "watch"
            | "live"
            | "live updates"
            | "developing"
            | "developing story"
            | "urgent"
            | "flash"
            | "alert"
            | "just in"
            | "news"
            | "explainer"
            | "world"
            | "world news"
            | "africa"
            | "middle east"
            | "europe"
            | "asia"
            | "americas"
    )
}

static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:related(?: articles| stories| posts| news| coverage| content| reading| topics)?|read (?:more|also|next)|more (?:stories|news|from|on this|coverage|in)(?-u:\b).*|you (?:may|might) (?:also )?(?:like|be interested in)|recommended(?: for you| stories| articles)?|trending(?: now| stories| this week| news)?|most (?:read|popular|viewed|shared)|top stories|latest(?: news| stories| articles| updates)?|breaking news|also read|see also|further reading|popular (?:posts|stories)|recent posts|editor'?s picks|don'?t miss|lire aussi|à lire aussi|sur le même sujet|dans la même rubrique|articles similaires|les plus lus|leer más|lea también|noticias relacionadas|te puede interesar|más leídas|leia também|veja também|mais lidas|keep reading|more on this story|suggested (?:topics|reading|articles|stories)|topics|archivado en|filed under|more about|tags|etiquetas|mots-clés|more from (?:the )?\w+(?: \w+)?|más información|te recomendamos|te puede interesar|lo más leído|ver también|lire la suite|à lire|voir aussi|اقرأ أيضا|اقرأ أيضاً|اقرأ ايضا|اقرأ المزيد|المزيد من الأخبار|ذات صلة|أخبار ذات صلة)\s*[:.!]?$",
    )
    .unwrap()
});

/// Whether a line heads a list of other stories (`Related Articles`, `Read more:`,
/// `Trending this week:`, `Most read`, `Lire aussi`, `Noticias relacionadas`).
pub fn is_related_header(line: &str) -> bool {
    RELATED.is_match(line.trim())
}

/// The text of a bullet line without its bullet (`• Contact` -> `Contact`), or `None`
/// when the line is not a list item.
pub fn bullet_item(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for b in ['•', '·', '▪', '◦', '‣', '*', '-', '–', '●', '■', '►'] {
        if let Some(rest) = t.strip_prefix(b)
            && rest.starts_with(char::is_whitespace)
        {
            let item = rest.trim().trim_start_matches([':', ' ']).trim();
            return (!item.is_empty()).then_some(item);
        }
    }
    None
}

/// Whether `line` holds one of the separators of [`is_menu_line`] (`|`, `•`, `·`,
/// `»`, `›`; all but `|` outside ASCII): a search for each, which is faster than one
/// for any of them.
fn has_menu_separator(line: &str) -> bool {
    line.contains('|')
        || (!line.is_ascii() && ['•', '·', '»', '›'].iter().any(|&c| line.contains(c)))
}

/// Whether a line is a menu or ticker flattened into one line: three or more short
/// items between `|`, `•`, `·` or `»` (`Home | World | Sudan | Sport`).
pub fn is_menu_line(line: &str) -> bool {
    if !has_menu_separator(line) {
        return false;
    }
    let parts: Vec<&str> = line
        .split(['|', '•', '·', '»', '›'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 3 && parts.iter().all(|p| p.split_whitespace().count() <= 8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_limits_agree_with_a_plain_count() {
        let texts = [
            String::new(),
            "   ".to_string(),
            "one".to_string(),
            " one  two\tthree\n".to_string(),
            "word ".repeat(40),
            format!("{}b c", "a".repeat(63)),
            format!("{} b", "a".repeat(63)),
            format!("{}  b", "a".repeat(64)),
            "é ü ß 中 文 ".repeat(20),
        ];
        for t in &texts {
            let words = t.split_ascii_whitespace().count();
            for n in 0..=words + 1 {
                assert_eq!(at_most_words(t, n), words <= n, "{t:?} {n}");
            }
        }
    }

    #[test]
    fn chrome_by_kind() {
        for line in [
            "Advertisement",
            "ADVERTISEMENT",
            "Advertisement banner",
            "Cover Image",
            "View post on X",
            "View this post on Instagram",
            "Share this article",
            "Leave a comment",
            "Post a Comment",
            "12 Comments",
            "shared on",
            "Follow us on Telegram",
            "printer",
            "Suivre ce blog Administration + Créer mon blog",
            "Sommaire",
            "Recherche",
            "Compartir en Facebook",
            "© 2018. All Rights Reserved.   | Contact Us",
            "Copyright 2024 Example Media",
            "Categories: 2020",
            "Tags: Sudan, Darfur, RSF",
            "|",
            "X",
            "Arrow-right Camera",
            "Skip to main content",
        ] {
            assert!(chrome_kind(line).is_some(), "{line}");
        }
        for line in [
            "Sudan army retakes El Fasher",
            "Share prices fell sharply in Khartoum on Monday.",
            "Follow the money: how the war is paid for",
            "Post-war Syria faces a long recovery",
            "The army said it would print new banknotes.",
            "Clash Report",
        ] {
            assert_eq!(chrome_kind(line), None, "{line}");
        }
    }

    #[test]
    fn credits_captions_and_bylines() {
        assert!(is_credit("Alejandro Cegarra/AP"));
        assert!(is_credit("AP"));
        assert!(is_credit("Photo: Jane Doe/Reuters"));
        assert!(is_credit("Getty Images"));
        assert!(!is_credit("Apples fell in Kabul"));
        assert!(is_caption(
            "Protesters gather in the square on Feb. 12. (Jane Doe/AP)"
        ));
        assert!(is_caption(
            "Mourners attend the funeral in Tyre on May 2, 2024 [Jane Doe - Anadolu Agency]"
        ));
        assert!(is_caption(
            "People protest near the university in this picture obtained from social media."
        ));
        assert!(!is_caption(
            "Fighting resumed in the north (officials said)."
        ));
        assert_eq!(byline("By Jane Doe").as_deref(), Some("By Jane Doe"));
        assert_eq!(
            byline("By JANE DOE, Reuters").as_deref(),
            Some("By JANE DOE, Reuters")
        );
        assert_eq!(
            byline("ClashReport Editor").as_deref(),
            Some("ClashReport Editor")
        );
        assert_eq!(
            byline("Sun Online Desk").as_deref(),
            Some("Sun Online Desk")
        );
        assert_eq!(byline("By Monday the army had left"), None);
        assert_eq!(byline("De la guerre"), None);
        assert_eq!(agency("(AFP)"), Some("AFP"));
        assert_eq!(agency("ASSOCIATED PRESS"), Some("Associated Press"));
    }

    #[test]
    fn related_menus_and_bullets() {
        assert!(is_related_header("Related Articles"));
        assert!(is_related_header("Trending this week:"));
        assert!(is_related_header("Read more:"));
        assert!(is_related_header("Lire aussi"));
        assert!(!is_related_header("Related talks failed in Doha"));
        assert!(is_menu_line("Home | World | Sudan | Sport"));
        assert!(!is_menu_line("Title | 2017-12-31 |"));
        assert_eq!(bullet_item("  • : Blog name"), Some("Blog name"));
        assert_eq!(bullet_item("- Item"), Some("Item"));
        assert_eq!(bullet_item("-5 degrees"), None);
    }
}
