"""Invariants of the actor gazetteer data file ``models/actors.yaml``.

These tests read the YAML directly (no project imports), so they run without spaCy
or the French model and guard the data itself: schema, unique slugs, unique aliases
after the matcher's normalisation, well-formed QIDs and role dates, coverage.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import subprocess
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

ACTORS_YAML = Path(__file__).resolve().parents[2] / "models" / "actors.yaml"
#: where every QID of actors.yaml was checked: actor id, QID, public repository, file, commit, name there
WIKIDATA_SOURCES = Path(__file__).resolve().parents[2] / "tests" / "data" / "wikidata_sources.tsv"
#: local snapshots of those repositories (``owner+name/repo`` git directories), used when present
SOURCE_MIRROR = Path(os.environ.get("ACTORGRAPH_SOURCE_MIRROR", "/work/.mirror"))

FIELDS = {"id", "label", "type", "wikidata", "aliases", "context_aliases", "case_aliases", "adjectives", "prefixes", "metonyms", "roles"}
REQUIRED = ("id", "label", "type", "aliases")
TYPES = {"PER", "ORG", "LOC"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9]\d*$")
DATE_RE = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
PREFIX_RE = re.compile(r"^[a-zà-ÿ]+o$")
# the same folding as the loader's alias keys (pipeline.nlp.gazetteer.alias_key), re-implemented here so that
# this test needs no project import: apostrophes and dashes unified, accents and case dropped, one leading
# French/English article or elided particle removed, no spaces around "-", "'" and "."
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "′": "'"})
DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-"})
LEADING_ARTICLE_RE = re.compile(r"^(?:(?:l|d|qu)'\s*|(?:le|la|les|du|des|de la|de l'|de|the)\s+)")
TITLE_ARTICLE_RE = re.compile(r"^(?:(?:le|la|les)\s+|l['’]\s*)")

#: the 32 NATO member states (2024-), by gazetteer id
NATO_MEMBERS = [
    "albania", "belgium", "bulgaria", "canada", "croatia", "czech-republic", "denmark", "estonia",
    "finland", "france", "germany", "greece", "hungary", "iceland", "italy", "latvia", "lithuania",
    "luxembourg", "montenegro", "netherlands", "north-macedonia", "norway", "poland", "portugal",
    "romania", "slovakia", "slovenia", "spain", "sweden", "turkey", "united-kingdom", "united-states",
]
#: the 27 EU member states (2020-), by gazetteer id
EU_MEMBERS = [
    "austria", "belgium", "bulgaria", "croatia", "cyprus", "czech-republic", "denmark", "estonia",
    "finland", "france", "germany", "greece", "hungary", "ireland", "italy", "latvia", "lithuania",
    "luxembourg", "malta", "netherlands", "poland", "portugal", "romania", "slovakia", "slovenia",
    "spain", "sweden",
]
#: the 193 member states of the United Nations, by gazetteer id (inclusion rule, models/README.md)
UN_MEMBERS = [
    "afghanistan", "albania", "algeria", "andorra", "angola", "antigua-and-barbuda", "argentina", "armenia",
    "australia", "austria", "azerbaijan", "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium",
    "belize", "benin", "bhutan", "bolivia", "bosnia-and-herzegovina", "botswana", "brazil", "brunei", "bulgaria",
    "burkina-faso", "burundi", "cambodia", "cameroon", "canada", "cape-verde", "central-african-republic", "chad",
    "chile", "china", "colombia", "comoros", "costa-rica", "croatia", "cuba", "cyprus", "czech-republic",
    "democratic-republic-of-the-congo", "denmark", "djibouti", "dominica", "dominican-republic", "ecuador",
    "egypt", "el-salvador", "equatorial-guinea", "eritrea", "estonia", "eswatini", "ethiopia", "fiji", "finland",
    "france", "gabon", "gambia", "georgia", "germany", "ghana", "greece", "grenada", "guatemala", "guinea",
    "guinea-bissau", "guyana", "haiti", "honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq",
    "ireland", "israel", "italy", "ivory-coast", "jamaica", "japan", "jordan", "kazakhstan", "kenya", "kiribati",
    "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho", "liberia", "libya", "liechtenstein",
    "lithuania", "luxembourg", "madagascar", "malawi", "malaysia", "maldives", "mali", "malta", "marshall-islands",
    "mauritania", "mauritius", "mexico", "micronesia", "moldova", "monaco", "mongolia", "montenegro", "morocco",
    "mozambique", "myanmar", "namibia", "nauru", "nepal", "netherlands", "new-zealand", "nicaragua", "niger",
    "nigeria", "north-korea", "north-macedonia", "norway", "oman", "pakistan", "palau", "panama",
    "papua-new-guinea", "paraguay", "peru", "philippines", "poland", "portugal", "qatar", "republic-of-the-congo",
    "romania", "russia", "rwanda", "saint-kitts-and-nevis", "saint-lucia", "saint-vincent-and-the-grenadines",
    "samoa", "san-marino", "sao-tome-and-principe", "saudi-arabia", "senegal", "serbia", "seychelles",
    "sierra-leone", "singapore", "slovakia", "slovenia", "solomon-islands", "somalia", "south-africa",
    "south-korea", "south-sudan", "spain", "sri-lanka", "sudan", "suriname", "sweden", "switzerland", "syria",
    "tajikistan", "tanzania", "thailand", "timor-leste", "togo", "tonga", "trinidad-and-tobago", "tunisia",
    "turkey", "turkmenistan", "tuvalu", "uganda", "ukraine", "united-arab-emirates", "united-kingdom",
    "united-states", "uruguay", "uzbekistan", "vanuatu", "venezuela", "vietnam", "yemen", "zambia", "zimbabwe",
]
#: actors of the inclusion rule that must carry a QID: P5 and G7 leaders, Russia, Ukraine, Belarus, the
#: organisations and the places of the war that general news cites most
QID_REQUIRED = [
    "vladimir-putin", "sergei-lavrov", "sergei-shoigu", "andrei-belousov", "dmitry-medvedev", "mikhail-mishustin",
    "volodymyr-zelensky", "dmytro-kuleba", "denys-shmyhal", "oleksii-reznikov", "alexander-lukashenko",
    "joe-biden", "donald-trump", "antony-blinken", "lloyd-austin", "emmanuel-macron", "sebastien-lecornu",
    "olaf-scholz", "friedrich-merz", "annalena-baerbock", "keir-starmer", "rishi-sunak", "boris-johnson",
    "xi-jinping", "wang-yi", "li-qiang", "ursula-von-der-leyen", "josep-borrell", "kaja-kallas", "mark-rutte",
    "jens-stoltenberg", "antonio-guterres", "recep-tayyip-erdogan", "narendra-modi", "benjamin-netanyahu",
    "giorgia-meloni", "justin-trudeau", "mark-carney", "fumio-kishida",
    "nato", "eu", "un", "unesco", "iaea", "icc", "who", "imf", "world-bank", "osce", "african-union", "interpol",
    "ecowas", "opec", "european-commission", "european-parliament", "un-security-council",
    "donetsk", "luhansk", "lviv", "bucha", "kharkiv", "kherson", "zaporizhzhia", "odesa", "mariupol", "bakhmut",
    "avdiivka", "kyiv", "moscow", "minsk", "sevastopol",
    "jd-vance", "hamas", "islamic-state", "al-qaeda", "pkk", "gazprom", "rosneft", "lukoil", "spacex", "airbus",
    "boeing", "thales", "bundeswehr", "gaza-strip", "west-bank", "transnistria", "chechnya", "soviet-union",
    "the-hague", "unhcr",
]
#: names of ships and aircraft that the press uses alone ("le Moskva"): never an alias of the place or person
#: they are named after (the actor linker types them ``craft-<name>`` after a classifier noun)
CRAFT_NAMES = ["Moskva", "Admiral Kuznetsov", "Amiral Kouznetsov"]
#: actors the brief names explicitly; a sample that must stay present
MUST_HAVE = [
    "nato", "eu", "un", "russia", "ukraine", "belarus", "moldova", "kyiv", "moscow", "kremlin", "white-house",
    "pentagon", "crimea", "donbas", "kharkiv", "vovchansk", "transnistria", "baltic-states", "the-west",
    "black-sea", "north-sea", "mediterranean-sea", "bundeswehr", "nato-military-committee", "nato-response-force",
    "vjtf", "jens-stoltenberg", "vladimir-putin", "volodymyr-zelensky", "emmanuel-macron", "donald-trump",
    "lloyd-austin", "charles-q-brown", "tod-wolters", "hanno-pevkur", "giuseppe-cavo-dragone",
    "reuters", "new-york-times", "bild", "die-presse", "opex360", "breaking-defense", "politico",
    "financial-times", "bloomberg", "rt", "interfax-ukraine", "irsem", "isw",
]
#: (id, adjective) pairs that must be present
EXPECTED_ADJECTIVES = [
    ("russia", "russe"), ("russia", "Russes"), ("ukraine", "ukrainiennes"), ("ukraine", "Ukrainien"),
    ("united-states", "américain"), ("united-states", "Américains"), ("united-kingdom", "britannique"),
    ("united-kingdom", "Britanniques"), ("france", "française"), ("germany", "allemands"), ("estonia", "estonien"),
    ("the-west", "occidental"), ("the-west", "Occidentaux"), ("china", "chinoise"), ("europe", "européenne"),
]
#: (id, prefix) pairs that must be present
EXPECTED_PREFIXES = [
    ("russia", "russo"), ("united-states", "américano"), ("germany", "germano"), ("france", "franco"),
    ("china", "sino"), ("united-kingdom", "anglo"), ("ukraine", "ukraino"), ("turkey", "turco"),
    ("italy", "italo"), ("spain", "hispano"), ("japan", "nippo"), ("poland", "polono"), ("israel", "israélo"),
    ("iran", "irano"),
]
#: (country id, metonym) pairs that must be present
EXPECTED_METONYMS = [
    ("russia", "Moscou"), ("russia", "Kremlin"), ("united-states", "Washington"), ("united-states", "Maison-Blanche"),
    ("ukraine", "Kiev"), ("ukraine", "Kyiv"), ("france", "Paris"), ("france", "Élysée"), ("france", "Quai d'Orsay"),
    ("united-kingdom", "Londres"), ("united-kingdom", "Downing Street"), ("germany", "Berlin"), ("china", "Pékin"),
    ("turkey", "Ankara"), ("iran", "Téhéran"), ("poland", "Varsovie"),
]
#: aliases that are ordinary French words (or an article) once lowercased: never a plain alias
FORBIDDEN_ALIASES = {
    "times", "presse", "senat", "parlement", "conseil", "union", "etat", "commission", "alliance", "un", "eu",
    "us", "monde", "point", "express", "echos", "liberation", "congres", "eau", "pacifique", "republicains",
}


def fold(form: str) -> str:
    text = unicodedata.normalize("NFKD", form.translate(APOSTROPHES).translate(DASHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().split())


def normalise(form: str) -> str:
    """The loader's key for a surface form: folded, without one leading article, tight around - ' ."""
    folded = fold(form)
    key = LEADING_ARTICLE_RE.sub("", folded, count=1) or folded
    return re.sub(r"\s*([-'.])\s*", r"\1", key)


def plain_forms(entry: dict) -> list[str]:
    """The label counts as an alias for the loader (unless it is a case alias, matched only as
    written), so it is held to the same rules."""
    head = [] if entry["label"] in entry.get("case_aliases", []) else [entry["label"]]
    return head + entry["aliases"]


def parse_date(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)


@pytest.fixture(scope="module")
def entries():
    with ACTORS_YAML.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    assert isinstance(data, list), "actors.yaml must be a YAML list of entries"
    return data


@pytest.fixture(scope="module")
def by_id(entries):
    return {e["id"]: e for e in entries}


def test_file_is_utf8_and_parses(entries):
    ACTORS_YAML.read_bytes().decode("utf-8")
    assert entries


def test_at_least_300_entries(entries):
    assert len(entries) >= 300


def test_required_fields_and_no_unknown_fields(entries):
    for e in entries:
        assert isinstance(e, dict), e
        missing = [f for f in REQUIRED if f not in e]
        assert not missing, f"{e.get('id')}: missing {missing}"
        unknown = set(e) - FIELDS
        assert not unknown, f"{e['id']}: unknown fields {sorted(unknown)}"
        assert isinstance(e["label"], str) and e["label"].strip(), e["id"]


def test_list_fields_are_lists_of_nonempty_strings(entries):
    for e in entries:
        for field in ("aliases", "context_aliases", "adjectives", "prefixes", "metonyms"):
            if field not in e:
                continue
            values = e[field]
            assert isinstance(values, list), f"{e['id']}.{field} must be a list"
            for v in values:
                assert isinstance(v, str) and v.strip() == v and v, f"{e['id']}.{field}: bad value {v!r}"
        assert e["aliases"], f"{e['id']}: aliases must not be empty"


def test_ids_unique_and_slug_shaped(entries):
    seen = set()
    for e in entries:
        assert isinstance(e["id"], str) and SLUG_RE.match(e["id"]), f"bad id {e['id']!r}"
        assert e["id"] not in seen, f"duplicate id {e['id']}"
        seen.add(e["id"])


def test_types(entries):
    for e in entries:
        assert e["type"] in TYPES, f"{e['id']}: type {e['type']!r}"


def test_wikidata_qids_well_formed_and_unique(entries):
    seen = {}
    for e in entries:
        if "wikidata" not in e:
            continue
        qid = e["wikidata"]
        assert isinstance(qid, str) and QID_RE.match(qid), f"{e['id']}: bad QID {qid!r}"
        assert qid not in seen, f"QID {qid} on both {seen[qid]} and {e['id']}"
        seen[qid] = e["id"]


def test_known_qids(by_id):
    # a handful the brief pins down; guards against an entry swap
    expected = {"nato": "Q7184", "russia": "Q159", "ukraine": "Q212", "united-states": "Q30", "france": "Q142",
                "germany": "Q183", "vladimir-putin": "Q7747", "jens-stoltenberg": "Q57665",
                "volodymyr-zelensky": "Q3874799", "reuters": "Q130879", "new-york-times": "Q9684", "eu": "Q458"}
    for actor_id, qid in expected.items():
        assert by_id[actor_id].get("wikidata") == qid, actor_id


def test_normalised_aliases_unique_across_entries(entries):
    owners = defaultdict(set)
    for e in entries:
        for alias in plain_forms(e):
            owners[normalise(alias)].add(e["id"])
    clashes = {form: sorted(ids) for form, ids in owners.items() if len(ids) > 1}
    assert not clashes, f"aliases (or labels) shared by several entries: {clashes}"


def test_aliases_normalise_to_something(entries):
    for e in entries:
        for field in ("aliases", "context_aliases"):
            for alias in e.get(field, []):
                assert normalise(alias), f"{e['id']}: {alias!r} is only an article"


def test_no_common_word_aliases(entries):
    # the article is kept here: "Le Monde" (a title) is allowed, a bare "Monde" is not
    for e in entries:
        for alias in plain_forms(e):
            bare = "".join(ch for ch in unicodedata.normalize("NFKD", alias) if not unicodedata.combining(ch))
            assert bare.lower() not in FORBIDDEN_ALIASES, f"{e['id']}: alias {alias!r} is a common word"


def test_context_aliases_are_not_also_plain_aliases_of_the_same_entry(entries):
    for e in entries:
        plain = {normalise(a) for a in plain_forms(e)}
        for alias in e.get("context_aliases", []):
            assert normalise(alias) not in plain, f"{e['id']}: {alias!r} is both alias (or label) and context_alias"


def test_context_aliases_do_not_shadow_another_entrys_alias_silently(entries):
    # a context alias may equal another entry's *context* alias (e.g. "Johnson"), but if it equals
    # another entry's plain alias the plain alias always wins; flag it so the overlap is deliberate.
    plain_owner = {}
    for e in entries:
        for alias in plain_forms(e):
            plain_owner[normalise(alias)] = e["id"]
    allowed = {("baltic-states", "baltique"), ("baltic-sea", "baltique")}
    for e in entries:
        for alias in e.get("context_aliases", []):
            form = normalise(alias)
            if form in plain_owner and (e["id"], form) not in allowed:
                pytest.fail(f"{e['id']}: context alias {alias!r} is a plain alias of {plain_owner[form]}")


def test_roles_only_on_people_and_well_formed(entries):
    for e in entries:
        if "roles" not in e:
            continue
        assert e["type"] == "PER", f"{e['id']}: roles on a non-PER entry"
        assert isinstance(e["roles"], list) and e["roles"], e["id"]
        for role in e["roles"]:
            assert set(role) == {"title", "from", "to"}, f"{e['id']}: role keys {sorted(role)}"
            title, start, end = role["title"], role["from"], role["to"]
            assert isinstance(title, str) and title and title == title.lower(), f"{e['id']}: title {title!r}"
            assert not TITLE_ARTICLE_RE.match(title), f"{e['id']}: title {title!r} starts with an article"
            # dates must be quoted strings so that YAML does not turn them into date objects
            assert isinstance(start, str) and DATE_RE.match(start), f"{e['id']}: from {start!r}"
            assert isinstance(end, str), f"{e['id']}: to {end!r} must be a string ('' = still in office)"
            start_date = parse_date(start)
            assert dt.date(1980, 1, 1) <= start_date <= dt.date(2026, 12, 31), f"{e['id']}: from {start}"
            if end:
                assert DATE_RE.match(end), f"{e['id']}: to {end!r}"
                assert start_date < parse_date(end), f"{e['id']}: {title} ends before it starts"


def test_no_two_people_hold_the_same_title_at_the_same_time(entries):
    """Role titles must identify one person at any date, or "le président russe" cannot be linked."""
    open_end = dt.date(9999, 1, 1)
    by_title = defaultdict(list)
    for e in entries:
        for role in e.get("roles", []):
            by_title[role["title"]].append(
                (parse_date(role["from"]), parse_date(role["to"]) if role["to"] else open_end, e["id"]))
    for title, spans in by_title.items():
        spans.sort()
        for (s1, e1, p1), (s2, e2, p2) in zip(spans, spans[1:]):
            assert e1 <= s2, f"{title!r}: {p1} ({s1}..{e1}) overlaps {p2} ({s2}..{e2})"


def test_adjectives_prefixes_metonyms_not_on_people(entries):
    for e in entries:
        if e["type"] == "PER":
            for field in ("adjectives", "prefixes", "metonyms"):
                assert field not in e, f"{e['id']}: {field} on a person"


def test_adjectives_belong_to_one_entry(entries):
    owners = defaultdict(set)
    for e in entries:
        for adj in e.get("adjectives", []):
            owners[normalise(adj)].add(e["id"])
    clashes = {a: sorted(ids) for a, ids in owners.items() if len(ids) > 1}
    assert not clashes, f"adjectives on several entries: {clashes}"


def test_expected_adjectives_exist(by_id):
    for actor_id, adjective in EXPECTED_ADJECTIVES:
        assert actor_id in by_id, f"adjective owner {actor_id} missing"
        assert adjective in by_id[actor_id].get("adjectives", []), f"{actor_id}: {adjective!r} missing"


def test_prefixes_shape_and_uniqueness(entries, by_id):
    owners = defaultdict(set)
    for e in entries:
        for prefix in e.get("prefixes", []):
            assert PREFIX_RE.match(prefix), f"{e['id']}: prefix {prefix!r}"
            owners[prefix].add(e["id"])
    assert not {p: ids for p, ids in owners.items() if len(ids) > 1}
    for actor_id, prefix in EXPECTED_PREFIXES:
        assert prefix in by_id[actor_id].get("prefixes", []), f"{actor_id}: prefix {prefix!r} missing"


def test_metonyms_resolve_to_their_own_entry(entries):
    """Every metonym is also an alias of a city / seat entry, used when the metonymy policy is off."""
    alias_owner = {}
    for e in entries:
        for alias in plain_forms(e):
            alias_owner[normalise(alias)] = e["id"]
    for e in entries:
        for metonym in e.get("metonyms", []):
            owner = alias_owner.get(normalise(metonym))
            assert owner, f"{e['id']}: metonym {metonym!r} has no entry of its own"
            assert owner != e["id"], f"{e['id']}: metonym {metonym!r} is one of its own aliases"


def test_metonym_used_by_one_state_only(entries):
    owners = defaultdict(set)
    for e in entries:
        for metonym in e.get("metonyms", []):
            owners[normalise(metonym)].add(e["id"])
    assert not {m: ids for m, ids in owners.items() if len(ids) > 1}


def test_brussels_is_not_a_metonym(entries):
    for e in entries:
        assert "bruxelles" not in {normalise(m) for m in e.get("metonyms", [])}, e["id"]


def test_expected_metonyms(by_id):
    for actor_id, metonym in EXPECTED_METONYMS:
        assert metonym in by_id[actor_id].get("metonyms", []), f"{actor_id}: metonym {metonym!r} missing"


@pytest.mark.parametrize("actor_id", NATO_MEMBERS)
def test_every_nato_member_state_present(by_id, actor_id):
    assert actor_id in by_id, f"NATO member {actor_id} missing"
    assert by_id[actor_id]["type"] == "LOC"


def test_nato_and_eu_lists_are_complete():
    assert len(set(NATO_MEMBERS)) == 32
    assert len(set(EU_MEMBERS)) == 27


@pytest.mark.parametrize("actor_id", EU_MEMBERS)
def test_every_eu_member_state_present(by_id, actor_id):
    assert actor_id in by_id, f"EU member {actor_id} missing"
    assert by_id[actor_id]["type"] == "LOC"


@pytest.mark.parametrize("actor_id", MUST_HAVE)
def test_named_actors_present(by_id, actor_id):
    assert actor_id in by_id


def test_seed_forms_link_to_the_right_actor(entries):
    """Surface forms from the sample articles resolve to the intended actor (alias or metonym)."""
    alias_owner = {}
    for e in entries:
        for alias in plain_forms(e):
            alias_owner[normalise(alias)] = e["id"]
    expected = {
        "l'OTAN": "nato", "Otan": "nato", "Alliance atlantique": "nato", "NY Times": "new-york-times",
        "Kiev": "kyiv", "Kremlin": "kremlin", "Bundeswehr": "bundeswehr", "États baltes": "baltic-states",
        "pays baltes": "baltic-states", "Interfax Ukraine": "interfax-ukraine", "Zone Militaire": "opex360",
        "Opex 360": "opex360", "Force de réaction de l'OTAN": "nato-response-force", "NRF": "nato-response-force",
        "VJTF": "vjtf", "mer du Nord": "north-sea", "Méditerranée": "mediterranean-sea",
        "Transnistrie": "transnistria", "Moldavie": "moldova", "Roumanie": "romania", "Vovchansk": "vovchansk",
        "Kharkiv": "kharkiv", "Belgorod": "belgorod", "Lviv": "lviv", "Crimée": "crimea",
        "Charles Q. Brown Jr": "charles-q-brown", "Die Presse": "die-presse",
        "Hanno Pevkur": "hanno-pevkur", "Légion étrangère": "french-foreign-legion",
        "Comité militaire de l'OTAN": "nato-military-committee", "Cavo Dragone": "giuseppe-cavo-dragone",
        "Dragone": "giuseppe-cavo-dragone", "Poutine": "vladimir-putin", "Zelensky": "volodymyr-zelensky",
        "Lloyd Austin": "lloyd-austin", "Tod Wolters": "tod-wolters", "Stoltenberg": "jens-stoltenberg",
        "Financial Times": "financial-times", "Politico": "politico", "Bloomberg": "bloomberg", "RT": "rt",
        "Chypre": "cyprus", "Vilnius": "vilnius", "Lituanie": "lithuania", "Estonie": "estonia",
        "Danemark": "denmark", "République tchèque": "czech-republic", "Pentagone": "pentagon",
        "coalition de volontaires": "coalition-of-the-willing", "IRSEM": "irsem", "Breaking Defense": "breaking-defense",
    }
    wrong = {form: (alias_owner.get(normalise(form)), want) for form, want in expected.items()
             if alias_owner.get(normalise(form)) != want}
    assert not wrong, f"form -> (found, expected): {wrong}"


@pytest.mark.parametrize("actor_id", UN_MEMBERS)
def test_every_un_member_state_present_with_a_qid(by_id, actor_id):
    assert actor_id in by_id, f"UN member {actor_id} missing"
    assert by_id[actor_id]["type"] == "LOC"
    assert "wikidata" in by_id[actor_id], f"UN member {actor_id} has no QID"


def test_craft_names_are_no_alias(entries):
    """The cruiser Moskva is not Moscow: a ship's name never resolves to a place or a person."""
    forms = {normalise(a) for e in entries for a in plain_forms(e)}
    forms |= {normalise(a) for e in entries for a in e.get("context_aliases", [])}
    assert not [name for name in CRAFT_NAMES if normalise(name) in forms]


def test_un_member_list_is_complete():
    assert len(set(UN_MEMBERS)) == 193


def test_core_actors_carry_a_qid(by_id):
    missing = [a for a in QID_REQUIRED if "wikidata" not in by_id.get(a, {})]
    assert not missing, f"no QID: {missing}"


def _sources():
    with WIKIDATA_SOURCES.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_every_qid_has_a_recorded_source(entries):
    """A QID is kept only with the public source it was checked against (tests/data/wikidata_sources.tsv)."""
    # rows "craft:<id>" are the models of models/craft.yaml (tests/reduce/test_crafts.py)
    recorded = {row["actor_id"]: row["qid"] for row in _sources() if not row["actor_id"].startswith("craft:")}
    unsourced = [e["id"] for e in entries if "wikidata" in e and recorded.get(e["id"]) != e["wikidata"]]
    assert not unsourced, f"QIDs without a recorded source (or a different one): {unsourced}"
    stale = sorted(set(recorded) - {e["id"] for e in entries if "wikidata" in e})
    assert not stale, f"sources recorded for entries without that QID: {stale}"


def _holds(text: str, path: str, qid: str, name: str) -> bool:
    """Does the source file name ``name`` with ``qid`` (same JSON object, or same line)?"""
    if path.endswith((".json", ".geojson")):
        def walk(node):
            if isinstance(node, dict):
                # dr5hn: wikiDataId; Natural Earth feature properties: wikidataid beside name/name_en (NAME/NAME_EN)
                qids = (node.get("wikiDataId"), node.get("wikidata_id"), node.get("wikidataid"))
                names = (node.get("name"), node.get("name_en"), node.get("NAME"), node.get("NAME_EN"))
                if qid in qids and name in names:
                    return True
                # name-suggestion-index: {"brand": name, "brand:wikidata": qid} (also operator, subject)
                if any(k.endswith(":wikidata") and v == qid and node.get(k[: -len(":wikidata")]) == name
                       for k, v in node.items()):
                    return True
                return any(walk(v) for v in node.values())
            return isinstance(node, list) and any(walk(v) for v in node)
        return walk(json.loads(text))
    if path.endswith(".yaml"):
        # congress-legislators: the wikidata id line comes a few lines before the name block
        block = re.search(r"wikidata: " + re.escape(qid) + r"\n(?:.*\n){0,12}?.*" + re.escape(name.split()[-1]), text)
        return block is not None
    word = re.compile(r"(?<![0-9A-Za-z])" + re.escape(qid) + r"(?![0-9])")
    if path.endswith(".py"):
        # a module about one site (searxng engines): its QID anywhere, its name anywhere
        return bool(word.search(text)) and name.lower() in text.lower()
    return any(word.search(line) and name.lower() in line.lower() for line in text.splitlines())


def test_recorded_sources_confirm_the_qids():
    """Re-read each source file from a local snapshot of its repository, when one is available."""
    rows = [r for r in _sources() if r["commit"]]
    by_file = defaultdict(list)
    for row in rows:
        by_file[(row["repository"], row["path"], row["commit"])].append(row)
    checked, wrong = 0, []
    for (repo, path, commit), group in sorted(by_file.items()):
        git_dir = SOURCE_MIRROR / repo.replace("/", "+") / "repo"
        if not git_dir.is_dir():
            continue
        shown = subprocess.run(["git", "-C", str(git_dir), "show", f"{commit}:{path}"], capture_output=True)
        if shown.returncode != 0:
            continue
        text = shown.stdout.decode("utf-8")
        for row in group:
            checked += 1
            if not _holds(text, path, row["qid"], row["name_in_source"]):
                wrong.append((row["actor_id"], row["qid"], repo, path))
    if not checked:
        pytest.skip("no snapshot of the source repositories on this machine")
    assert not wrong, f"QIDs the recorded source does not confirm: {wrong}"


def test_normalise_helper():
    assert normalise("L’OTAN") == "otan"
    assert normalise("la  Maison-Blanche") == "maison-blanche"
    assert normalise("Les Échos") == "echos"
    assert normalise("Kyïv") == "kyiv"
    assert normalise("Lesotho") == "lesotho"
    assert normalise("The Hague") == "hague"
    assert normalise("Washington D. C.") == normalise("Washington D.C.")
