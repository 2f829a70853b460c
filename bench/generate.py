#!/usr/bin/env python3
"""Deterministic generator of a synthetic corpus of .kvs standards for the benchmark (issue 8).

    python3 bench/generate.py --n 98  --out bench/out/corpus-98  [--kvs build-bench/kvs]
    python3 bench/generate.py --n 980 --out bench/out/corpus-980 --validate all

Every file is made from one of the four real seed standards in standards/ by editing its text
in well-understood ways (no parsing of the language beyond recognising top-level statements,
blocks and prose blocks by their lines):

* municipality: the 98 real Danish municipalities; the seed's own name (and its genitive, its
  web/e-mail slug) is replaced everywhere in the file;
* year: `år:` (Sorø gets one), the approval date, the year in prose; a municipality keeps its seed
  and layout over the years, so N = 980 is 98 municipalities x 10 years, a real time series;
* ages (`alder:` of target groups), invitation forms, meeting forms (+ `alternativ` for
  collective forms), opt-in/opt-out (`tilmelding:`);
* exclusions (dropped, grounds changed, one added), risk groups (dropped, category changed, one
  added), phone numbers;
* prose: paragraphs of a prose block shuffled, dropped, duplicated, last sentence trimmed.

Index i -> municipality i % 98, year YEARS[(i // 98) % 10], copy i // 980. Above 980 the national
corpus is repeated as copies; a copy's `kommune:` gets the suffix " (syntetisk kopi K)" so that
time series stay 10 long, and its file name "-kK". The corpus of N is a prefix of the corpus of
10 N (same files, same bytes), which makes the scaling runs comparable.

Each file starts with a header comment saying that it is synthetic. With --kvs the script checks
a sample (or all, --validate all) with `kvs check --format json` and fails if any finding is a
language error (KVS-L…, KVS-P…, KVS-S…); legal findings are expected and fine.

Only the Python standard library is used.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

SEED = 20240601
REPO = Path(__file__).resolve().parent.parent

# The 98 municipalities of Denmark (since 2007): official name, base name used in prose.
MUNICIPALITIES = [
    ("Albertslund Kommune", "Albertslund"), ("Allerød Kommune", "Allerød"), ("Assens Kommune", "Assens"),
    ("Ballerup Kommune", "Ballerup"), ("Billund Kommune", "Billund"), ("Bornholms Regionskommune", "Bornholm"),
    ("Brøndby Kommune", "Brøndby"), ("Brønderslev Kommune", "Brønderslev"), ("Dragør Kommune", "Dragør"),
    ("Egedal Kommune", "Egedal"), ("Esbjerg Kommune", "Esbjerg"), ("Fanø Kommune", "Fanø"),
    ("Favrskov Kommune", "Favrskov"), ("Faxe Kommune", "Faxe"), ("Fredensborg Kommune", "Fredensborg"),
    ("Fredericia Kommune", "Fredericia"), ("Frederiksberg Kommune", "Frederiksberg"),
    ("Frederikshavn Kommune", "Frederikshavn"), ("Frederikssund Kommune", "Frederikssund"),
    ("Furesø Kommune", "Furesø"), ("Faaborg-Midtfyn Kommune", "Faaborg-Midtfyn"), ("Gentofte Kommune", "Gentofte"),
    ("Gladsaxe Kommune", "Gladsaxe"), ("Glostrup Kommune", "Glostrup"), ("Greve Kommune", "Greve"),
    ("Gribskov Kommune", "Gribskov"), ("Guldborgsund Kommune", "Guldborgsund"), ("Haderslev Kommune", "Haderslev"),
    ("Halsnæs Kommune", "Halsnæs"), ("Hedensted Kommune", "Hedensted"), ("Helsingør Kommune", "Helsingør"),
    ("Herlev Kommune", "Herlev"), ("Herning Kommune", "Herning"), ("Hillerød Kommune", "Hillerød"),
    ("Hjørring Kommune", "Hjørring"), ("Holbæk Kommune", "Holbæk"), ("Holstebro Kommune", "Holstebro"),
    ("Horsens Kommune", "Horsens"), ("Hvidovre Kommune", "Hvidovre"), ("Høje-Taastrup Kommune", "Høje-Taastrup"),
    ("Hørsholm Kommune", "Hørsholm"), ("Ikast-Brande Kommune", "Ikast-Brande"), ("Ishøj Kommune", "Ishøj"),
    ("Jammerbugt Kommune", "Jammerbugt"), ("Kalundborg Kommune", "Kalundborg"), ("Kerteminde Kommune", "Kerteminde"),
    ("Kolding Kommune", "Kolding"), ("Københavns Kommune", "København"), ("Køge Kommune", "Køge"),
    ("Langeland Kommune", "Langeland"), ("Lejre Kommune", "Lejre"), ("Lemvig Kommune", "Lemvig"),
    ("Lolland Kommune", "Lolland"), ("Lyngby-Taarbæk Kommune", "Lyngby-Taarbæk"), ("Læsø Kommune", "Læsø"),
    ("Mariagerfjord Kommune", "Mariagerfjord"), ("Middelfart Kommune", "Middelfart"), ("Morsø Kommune", "Morsø"),
    ("Norddjurs Kommune", "Norddjurs"), ("Nordfyns Kommune", "Nordfyn"), ("Nyborg Kommune", "Nyborg"),
    ("Næstved Kommune", "Næstved"), ("Odder Kommune", "Odder"), ("Odense Kommune", "Odense"),
    ("Odsherred Kommune", "Odsherred"), ("Randers Kommune", "Randers"), ("Rebild Kommune", "Rebild"),
    ("Ringkøbing-Skjern Kommune", "Ringkøbing-Skjern"), ("Ringsted Kommune", "Ringsted"),
    ("Roskilde Kommune", "Roskilde"), ("Rudersdal Kommune", "Rudersdal"), ("Rødovre Kommune", "Rødovre"),
    ("Samsø Kommune", "Samsø"), ("Silkeborg Kommune", "Silkeborg"), ("Skanderborg Kommune", "Skanderborg"),
    ("Skive Kommune", "Skive"), ("Slagelse Kommune", "Slagelse"), ("Solrød Kommune", "Solrød"),
    ("Sorø Kommune", "Sorø"), ("Stevns Kommune", "Stevns"), ("Struer Kommune", "Struer"),
    ("Svendborg Kommune", "Svendborg"), ("Syddjurs Kommune", "Syddjurs"), ("Sønderborg Kommune", "Sønderborg"),
    ("Thisted Kommune", "Thisted"), ("Tønder Kommune", "Tønder"), ("Tårnby Kommune", "Tårnby"),
    ("Vallensbæk Kommune", "Vallensbæk"), ("Varde Kommune", "Varde"), ("Vejen Kommune", "Vejen"),
    ("Vejle Kommune", "Vejle"), ("Vesthimmerlands Kommune", "Vesthimmerland"), ("Viborg Kommune", "Viborg"),
    ("Vordingborg Kommune", "Vordingborg"), ("Ærø Kommune", "Ærø"), ("Aabenraa Kommune", "Aabenraa"),
    ("Aalborg Kommune", "Aalborg"), ("Aarhus Kommune", "Aarhus"),
]
assert len(MUNICIPALITIES) == 98 and len({m[0] for m in MUNICIPALITIES}) == 98

# The seeds: file, official name, base name, slug used in URLs and e-mail, year in the file.
SEEDS = [
    ("hjoerring-2024.kvs", "Hjørring Kommune", "Hjørring", "hjoerring", 2024),
    ("glostrup-2025.kvs", "Glostrup Kommune", "Glostrup", "glostrup", 2025),
    ("haderslev-2024.kvs", "Haderslev Kommune", "Haderslev", "haderslev", 2024),
    ("soroe.kvs", "Sorø Kommune", "Sorø", "soroe", None),
]

# Years of the serviceloven era the law data covers; the first is the one of the 98-corpus.
YEARS = [2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016, 2025]

INVITATIONS = [("datobrev", 35), ("brev-uden-dato", 30), ("telefon", 10), ("personlig-kontakt", 5),
               ("invitation-til-arrangement", 10), ("borgeren-henvender-sig", 5), ("bekymringshenvendelse", 5)]
MEETINGS = [("hjemmebesøg", 60), ("informationsmøde", 10), ("seniormesse", 8), ("samtale-på-center", 8),
            ("telefonsamtale", 5), ("fødselsdagsarrangement", 3), ("gruppeforløb", 3), ("kollektivt-arrangement", 3)]
COLLECTIVE = {"informationsmøde", "seniormesse", "fødselsdagsarrangement", "gruppeforløb", "kollektivt-arrangement"}

# Realistic alternatives for each age rule found in the seeds' target groups.
AGES = {
    "fylder 70": ["fylder 70", "fylder 70", "fylder 72"],
    "fylder 75": ["fylder 75", "fylder 75 og 78", "fylder 76"],
    "fylder 80": ["fylder 80", "fylder 80 og 85", "fylder 81"],
    "fylder 75 og 80": ["fylder 75 og 80", "fylder 75, fylder 80", "fylder 75 og 78"],
    "fylder 82": ["fylder 82", "fylder 83"],
    "fra 82": ["fylder 82 og frem", "fra 80", "fra 83"],
    "fylder 82 og frem": ["fra 82", "fra 80", "fylder 83 og frem"],
    "65-81": ["65-79", "67-81", "65-81", "60-81"],
    "fra 65": ["fra 67", "fra 70", "fra 60"],
    "fra 75": ["fra 70", "fra 80"],
}

EXCLUSIONS = {
    "plejebolig": "borgere, der bor i plejebolig",
    "institution": "borgere, der bor på institution",
    "dagcenter": "borgere, der kommer i dagcenter",
    "sygepleje": "borgere, der modtager hjemmesygepleje",
    "praktisk-hjælp": "borgere, der modtager praktisk hjælp",
    "personlig-pleje": "borgere, der modtager personlig pleje",
    "terminal-ordning": "borgere, der er tilknyttet terminal ordning",
    "demensindsats": "borgere, der er tilknyttet kommunal demensindsats",
    "personlig-pleje-og-praktisk-hjælp": "borgere, der modtager både personlig pleje og praktisk hjælp",
}

RISKS = {
    "ensomhed": ("Ensomme borgere", "Borgere, der er socialt isolerede og oplever ensomhed."),
    "pårørende": ("Pårørende til alvorligt syge", "Borgere, der er pårørende til en alvorligt syg ægtefælle eller samlever."),
    "udskrevet-fra-sygehus": ("Nyligt udskrevet fra sygehus", "Borgere, der for nylig er udskrevet fra sygehus og ikke har anden kontakt med kommunen."),
    "hyppige-indlæggelser": ("Hyppige indlæggelser", "Borgere med hyppige indlæggelser eller genindlæggelser."),
    "kronisk-sygdom": ("Kronisk sygdom", "Borgere med en eller flere kroniske sygdomme, der påvirker hverdagen."),
    "funktionstab": ("Tab af funktionsevne", "Borgere, der har oplevet fald, sansetab eller andet tab af funktioner."),
    "medicin": ("Skadeligt medicinforbrug", "Borgere med et skadeligt medicinforbrug eller risiko for fejlmedicinering."),
    "alkohol": ("Skadeligt alkoholforbrug", "Borgere med et skadeligt alkoholforbrug."),
    "psykisk-sårbar": ("Psykisk sårbare borgere", "Borgere, der er psykisk sårbare."),
    "etnisk-minoritet": ("Anden etnisk baggrund", "Borgere med anden etnisk baggrund end dansk."),
    "tilflytter": ("Nye tilflyttere", "Borgere, der for nylig er flyttet til kommunen."),
    "forladt-arbejdsmarkedet": ("Forladt arbejdsmarkedet", "Borgere, der for nylig har forladt arbejdsmarkedet."),
    "ægtefælle-i-plejebolig": ("Ægtefælle i plejebolig", "Borgere, hvis ægtefælle er flyttet i plejebolig."),
    "dårligt-helbred": ("Dårligt helbred", "Borgere, der selv vurderer deres helbred som dårligt."),
}

LANGUAGE_CODES = re.compile(r"^KVS-[LPS]\d+$")


def slug_of(base: str) -> str:
    s = base.lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), (" ", "-")):
        s = s.replace(a, b)
    return re.sub(r"[^a-z0-9-]", "", s)


def genitive(base: str) -> str:
    return base + ("'" if base[-1] in "sxz" else "s")


def weighted(rng: random.Random, table):
    words, weights = zip(*table)
    return rng.choices(words, weights=weights)[0]


# ---------------------------------------------------------------------------------------------
# Splitting a seed into top-level items: each is a list of lines (preceding comments included).

def split_items(text: str):
    """Returns (header_lines, items); an item is {'kind', 'lines'} where kind is the key of its
    first statement line ('målgruppe', 'undtagelse', 'formål', …) or '' for blank/comment runs."""
    lines = text.split("\n")
    i = 0
    header = []
    while i < len(lines) and lines[i].startswith("#"):
        header.append(lines[i])
        i += 1
    items = []
    pending = []  # comments and blank lines before the next statement
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line.startswith("#"):
            pending.append(line)
            i += 1
            continue
        m = re.match(r"([^\s:{\"]+)", line)
        kind = m.group(1) if m else ""
        body = [line]
        i += 1
        if line.rstrip().endswith("{"):
            while i < len(lines) and lines[i] != "}":
                body.append(lines[i])
                i += 1
            body.append(lines[i])
            i += 1
        elif line.rstrip().endswith('"""'):
            while i < len(lines) and lines[i].strip() != '"""':
                body.append(lines[i])
                i += 1
            body.append(lines[i])
            i += 1
        # Comments belong to the statement after them; blank lines stay blank lines.
        items.append({"kind": "", "lines": pending})
        items.append({"kind": kind, "lines": body})
        pending = []
    items.append({"kind": "", "lines": pending})
    return header, items


# ---------------------------------------------------------------------------------------------
# Prose: paragraphs of a """ block.

def vary_prose(lines, rng: random.Random):
    """lines: the whole statement; every triple-quoted prose block in it is varied."""
    out = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        if not line.rstrip().endswith('"""') or line.strip() == '"""':
            continue
        body = []
        while i < len(lines) and lines[i].strip() != '"""':
            body.append(lines[i])
            i += 1
        paras, cur = [], []
        for b in body:
            if b.strip():
                cur.append(b)
            elif cur:
                paras.append(cur)
                cur = []
        if cur:
            paras.append(cur)
        if paras:
            r = rng.random()
            if len(paras) >= 2 and r < 0.15:
                rng.shuffle(paras)
            elif len(paras) >= 2 and r < 0.30:
                del paras[rng.randrange(len(paras))]
            elif r < 0.45 and (len(paras) >= 2 or len(" ".join(paras[0])) > 200):
                k = rng.randrange(len(paras))
                paras.insert(k + 1, list(paras[k]))
            elif r < 0.55:
                k = rng.randrange(len(paras))
                last = paras[k][-1]
                cut = last.rstrip().rfind(". ")
                if cut > len(last) - len(last.lstrip()) + 20:
                    paras[k] = paras[k][:-1] + [last[: cut + 1]]
        body = []
        for n, p in enumerate(paras):
            if n:
                body.append("")
            body.extend(p)
        out.extend(body)
        # the closing """ line is appended by the loop
    return out


# ---------------------------------------------------------------------------------------------
# One standard.

def field_index(lines, key):
    for n, l in enumerate(lines):
        if re.match(r"\s+" + re.escape(key) + r":", l):
            return n
    return None


def vary_group(lines, rng: random.Random):
    lines = list(lines)
    indent = "  "
    n = field_index(lines, "alder")
    if n is not None and rng.random() < 0.2:
        value = lines[n].split(":", 1)[1].strip()
        if value in AGES:
            lines[n] = f"{indent}alder: {rng.choice(AGES[value])}"
    n = field_index(lines, "invitation")
    if n is not None and rng.random() < 0.3:
        forms = [weighted(rng, INVITATIONS)]
        if rng.random() < 0.25:
            second = weighted(rng, INVITATIONS)
            if second not in forms:
                forms.append(second)
        lines[n] = f"{indent}invitation: " + ", ".join(forms)
    n = field_index(lines, "mødeform")
    if n is not None and rng.random() < 0.3:
        form = weighted(rng, MEETINGS)
        lines[n] = f"{indent}mødeform: {form}"
        alt = field_index(lines, "alternativ")
        if form in COLLECTIVE:
            if alt is None and rng.random() < 0.6:
                lines.insert(n + 1, f"{indent}alternativ: hjemmebesøg")
        elif alt is not None:
            del lines[alt]
    n = field_index(lines, "tilmelding")
    if n is not None and rng.random() < 0.3:
        lines[n] = f"{indent}tilmelding: " + rng.choice(["framelding", "tilmelding"])
    return lines


def generate_one(index: int, total: int) -> tuple[str, str]:
    m = index % 98
    k = index // 98
    year = YEARS[k % len(YEARS)]
    copy = k // len(YEARS)
    official, base = MUNICIPALITIES[m]
    slug = slug_of(base)
    # A municipality keeps its seed (layout, structure) over the years.
    seed_rng = random.Random(f"{SEED}/kommune/{m}")
    seed_file, s_official, s_base, s_slug, s_year = SEEDS[seed_rng.randrange(len(SEEDS))]
    rng = random.Random(f"{SEED}/standard/{index}")

    text = (REPO / "standards" / seed_file).read_text(encoding="utf-8")
    # Names first (official, genitive, base, slug), then the year in prose.
    text = text.replace(s_official, official)
    text = re.sub(re.escape(s_base) + r"s\b", genitive(base), text)
    text = text.replace(s_base, base)
    text = text.replace(s_slug, slug)
    if s_year is not None:
        text = re.sub(r"(?<![\d./-])" + str(s_year) + r"(?![\d-])", str(year), text)

    header, items = split_items(text)
    out_items = []
    kinds_seen = set()
    last_exclusion = last_risk = None
    present_grounds, present_risks = set(), set()
    for item in items:
        kind, lines = item["kind"], list(item["lines"])
        if kind == "kommune" and copy:
            lines = [f'kommune: "{official} (syntetisk kopi {copy + 1})"']
        elif kind == "ydelse" and s_year is None and rng.random() < 0.95:
            lines = lines + [f"år: {year}"]
        elif kind == "godkendt" and re.search(r"\d{4}-\d\d-\d\d", lines[0]):
            if rng.random() < 0.5:
                date = f"{year - 1}-{rng.choice([11, 12]):02d}-{rng.randint(1, 28):02d}"
            else:
                date = f"{year}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
            lines = [re.sub(r"\d{4}-\d\d-\d\d", date, lines[0])]
        elif kind == "målgruppe":
            lines = vary_group(lines, rng)
        elif kind == "undtagelse":
            r = rng.random()
            if r < 0.15:
                continue
            n = field_index(lines, "grund")
            if r < 0.25 and n is not None and field_index(lines, "indsnævring") is None:
                lines[n] = "  grund: " + rng.choice(sorted(EXCLUSIONS))
            n = field_index(lines, "grund")
            present_grounds.update(g.strip() for g in lines[n].split(":", 1)[1].split(","))
        elif kind == "risikogruppe":
            r = rng.random()
            if r < 0.2:
                continue
            n = field_index(lines, "kategori")
            if r < 0.3 and field_index(lines, "målgruppe") is None:
                lines[n] = "  kategori: " + rng.choice(sorted(RISKS))
            n = field_index(lines, "kategori")
            present_risks.add(lines[n].split(":", 1)[1].strip())
        elif kind == "kontakt":
            lines = [re.sub(r'telefon: "\d{8}"', lambda _: f'telefon: "{rng.randint(20000000, 99999999)}"', l)
                     for l in lines]
        lines = vary_prose(lines, rng)
        out_items.append(lines)
        if kind == "undtagelse":
            last_exclusion = len(out_items)
        if kind == "risikogruppe":
            last_risk = len(out_items)
        kinds_seen.add(kind)

    # One more exclusion / risk group after the last of its kind (inserted back to front).
    inserts = []
    if last_exclusion is not None and rng.random() < 0.15:
        ground = rng.choice(sorted(set(EXCLUSIONS) - present_grounds))
        inserts.append((last_exclusion, ["", "undtagelse {", f"  grund: {ground}", '  tekst: """',
                                         f"    {EXCLUSIONS[ground]}", '    """', "}"]))
    if last_risk is not None and rng.random() < 0.25:
        free = sorted(set(RISKS) - present_risks)
        if free:
            cat = rng.choice(free)
            title, prose = RISKS[cat]
            inserts.append((last_risk, ["", f'risikogruppe "{title}" {{', f"  kategori: {cat}", '  tekst: """',
                                        f"    {prose}", '    """', "}"]))
    for pos, block in sorted(inserts, key=lambda x: -x[0]):
        out_items.insert(pos, block)

    name = f"{slug}-{year}" + (f"-k{copy + 1}" if copy else "") + ".kvs"
    head = [
        "# SYNTETISK STANDARD - ikke en rigtig kommunes kvalitetsstandard. Kun til ydelsesmåling af kvs.",
        f"# Dannet af bench/generate.py (frø {SEED}, nr. {index + 1}) ud fra standards/{seed_file};",
        "# kommune, år, aldre, invitations- og mødeformer, undtagelser, risikogrupper og prosa er varieret maskinelt.",
    ]
    body = "\n".join(l for item in out_items for l in item)
    return name, "\n".join(head) + "\n" + body.lstrip("\n").rstrip("\n") + "\n"


def validate(kvs: str, files: list[Path]) -> int:
    """Runs kvs check on the files; returns the number of language errors (and prints them)."""
    bad = 0
    for start in range(0, len(files), 500):
        chunk = [str(f) for f in files[start:start + 500]]
        proc = subprocess.run([kvs, "check", "--format", "json", "--dato", "2024-06-01", *chunk],
                              capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            print(proc.stderr, file=sys.stderr)
            return len(chunk)
        for d in json.loads(proc.stdout)["diagnostics"]:
            if LANGUAGE_CODES.match(d["code"]):
                bad += 1
                line = (d.get("range") or {}).get("start", {}).get("line")
                print(f"{d['file']}:{line}: {d['code']} {d['message']}", file=sys.stderr)
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, required=True, help="number of standards (98, 980, 9800, …)")
    ap.add_argument("--out", required=True, help="folder; its .kvs files are replaced")
    ap.add_argument("--kvs", help="kvs binary; when given, generated files are checked")
    ap.add_argument("--validate", default="sample", help="'sample' (default: 100 files spread over the "
                    "corpus, every seed), 'all', or 'none'")
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.kvs"):
        old.unlink()
    paths = []
    total_bytes = 0
    for i in range(a.n):
        name, text = generate_one(i, a.n)
        p = out / name
        assert not p.exists(), f"duplicate name {name}"
        data = text.encode("utf-8")
        p.write_bytes(data)
        total_bytes += len(data)
        paths.append(p)
    print(f"{a.n} syntetiske standarder, {total_bytes / 1e6:.1f} MB, i {out}")
    if a.kvs and a.validate != "none":
        if a.validate == "all":
            sample = paths
        else:
            step = max(1, len(paths) // 100)
            sample = paths[::step]
        bad = validate(a.kvs, sample)
        print(f"kvs check på {len(sample)} filer: {bad} sprogfejl (KVS-L/P/S)")
        if bad:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
