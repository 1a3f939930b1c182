"""A generated bilingual corpus (English and Indonesian news-style filler) that mentions a
set of entities and terms, with optional injected edits whose places are recorded.

Used by ``benchmarks/typos.py``; nothing here is part of the package. The names and
sentences are invented for the benchmark.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

ENTITIES = [
    # (canonical name, other real names that look close: declared as `others`)
    ("Budi Santoso", ["Budi Santosa"]), ("Dewi Kartika", []), ("Agus Hermawan", []),
    ("Siti Rahmawati", []), ("Bambang Sutrisno", []), ("Hendra Gunawan", []),
    ("Wahyu Prasetyo", []), ("Rina Kusumawati", []), ("Yudhistira Nugraha", []),
    ("Dmitri Volkov", ["Dmitri Volkova"]), ("Anna Sokolova", ["Anna Sokolov"]),
    ("Mikhail Kuznetsov", []), ("Yelena Smirnova", []), ("Pavel Orlov", ["Pavel Orlova"]),
    ("Maria Fernandes", ["Maria Fernandez"]), ("Lucas Moreau", []), ("Hiroshi Tanaka", []),
    ("Chen Weiming", []), ("Ahmed Rahman", ["Ahmed Rahmani"]), ("Fatima Haddad", []),
    ("Kwame Mensah", []), ("Olivia Bennett", []), ("Thomas Gallagher", []),
    ("Isabel Carvalho", []), ("Priya Raman", []), ("Erik Lindqvist", []),
    ("Sofia Marchetti", []), ("Jonas Albrecht", []), ("Nguyen Thanh", []),
    ("Igor Petrenko", []),
]

# Organisations declared by their acronym (with the name spelled out as an alias).
ACRONYMS = [("ASEAN", "Association of Southeast Asian Nations"), ("UNESCO", ""),
            ("UNICEF", ""), ("BPJS", "Badan Penyelenggara Jaminan Sosial"), ("BNPB", ""),
            ("JICA", "Japan International Cooperation Agency"), ("KPK", ""), ("BMKG", "")]

TERMS = {  # language → preferred forms
    "id": ["kesejahteraan", "perekonomian", "pembangunan", "kerja sama", "pemulihan",
           "perdagangan", "infrastruktur", "ketahanan pangan", "keberlanjutan",
           "transparansi", "Dalam Negeri", "kedaulatan", "Luar Negeri", "uji coba",
           "hak asasi manusia", "cagar budaya"],
    "en": ["sustainability", "infrastructure", "cooperation", "transparency",
           "accountability", "humanitarian"],
}

# Sentences with slots: {P} a person, {T} a term of the language, {O} another person,
# {A} an organisation declared by its acronym.
SENTENCES = {
    "en": [
        "{P} said on Monday that the talks in Jakarta had been productive.",
        "According to {P}, the delegation will return to Moscow next week.",
        "The ministers discussed {T} and regional security at the summit in Bali.",
        "In a statement, {P} welcomed the agreement on {T}.",
        "Officials from Singapore, Malaysia and Thailand attended the meeting.",
        "The report, published by the World Bank, warned that growth would slow.",
        "{P} met {O} on the sidelines of the conference in Geneva.",
        "Critics argued that the plan lacked {T} and a clear timetable.",
        "Trade between the two countries rose by a quarter last year.",
        "The pandemic forced many governments to postpone their elections.",
        "Analysts in London and New York expect interest rates to stay high.",
        "{P} told reporters that the weaver cooperatives needed better access to credit.",
        "The bakery owners in Surabaya complained about the price of flour.",
        "Vaccines were delivered to remote islands by boat and by plane.",
        "The committee, chaired by {P}, will publish its findings in October.",
        "Farmers in Java and Sumatra reported a better harvest than expected.",
        "Seventeen countries signed the declaration on {T}.",
        "The minister, {P}, stressed that {T} was a shared responsibility.",
        "Shipping costs doubled after ports in China were closed.",
        "Mentions of {O} in the press increased after the interview.",
        "The river flooded several villages, and the army sent helicopters.",
        "Researchers at the University of Indonesia studied the effects of the policy.",
        "Tanks, trucks and tractors crowded the border crossing.",
        "{P} and {O} signed a memorandum on {T} in Canberra.",
        "The orchestra performed works by Mozart, Haydn and Bach.",
        "Investors welcomed the decision, and the rupiah strengthened.",
        "Moreover, the new railway will link the capital with the eastern ports.",
        "Rahmat, a fisherman, said the weather had been unusually calm.",
        "Santos, Sokol and Voltaire were among the names on the list.",
        "Karting, surfing and diving attract tourists to the island every year.",
        "The delegation from Vietnam arrived late because of the storm.",
        "A spokesperson for {P} declined to comment on the reports.",
        "Volunteers distributed rice, oil and sugar to families in need.",
        "The conference ended with a joint statement on {T} and trade.",
        "Lindsey Graham and Tom Hanks were not at the meeting.",
        "Energy prices fell in March, but rose again in April.",
        "A report by {A} said the programme had reached most provinces.",
        "Officials of {A} and {A} met in Jakarta to discuss funding.",
    ],
    "id": [
        "{P} mengatakan bahwa pertemuan di Jakarta berjalan dengan baik.",
        "Menurut {P}, delegasi akan kembali ke Moskow pekan depan.",
        "Para menteri membahas {T} dan keamanan kawasan dalam pertemuan di Bali.",
        "Dalam keterangannya, {P} menyambut baik kesepakatan tentang {T}.",
        "Pejabat dari Singapura, Malaysia dan Thailand menghadiri pertemuan tersebut.",
        "Laporan Bank Dunia memperingatkan bahwa pertumbuhan akan melambat.",
        "{P} bertemu {O} di sela-sela konferensi di Jenewa.",
        "Para pengamat menilai rencana itu belum memperhatikan {T}.",
        "Perdagangan kedua negara meningkat seperempat pada tahun lalu.",
        "Pemilihan umum di beberapa daerah ditunda akibat pandemi.",
        "Pemilihan kepala daerah akan digelar serentak tahun depan.",
        "{P} menegaskan pentingnya {T} bagi masyarakat di daerah terpencil.",
        "Petani di Jawa dan Sumatra melaporkan panen yang lebih baik dari perkiraan.",
        "Vaksin dikirim ke pulau-pulau terpencil dengan kapal dan pesawat.",
        "Komite yang dipimpin {P} akan mengumumkan hasilnya pada bulan Oktober.",
        "Tujuh belas negara menandatangani deklarasi tentang {T}.",
        "Menteri {P} menekankan bahwa {T} adalah tanggung jawab bersama.",
        "Biaya pengiriman naik dua kali lipat setelah pelabuhan di Tiongkok ditutup.",
        "Sungai meluap dan merendam beberapa desa, sehingga tentara mengirim helikopter.",
        "Para peneliti di Universitas Indonesia mempelajari dampak kebijakan tersebut.",
        "{P} dan {O} menandatangani nota kesepahaman tentang {T} di Canberra.",
        "Investor menyambut baik keputusan itu, dan rupiah menguat.",
        "Selain itu, jalur kereta baru akan menghubungkan ibu kota dengan pelabuhan timur.",
        "Rahmat, seorang nelayan, mengatakan cuaca sangat tenang.",
        "Relawan membagikan beras, minyak dan gula kepada keluarga yang membutuhkan.",
        "Konferensi ditutup dengan pernyataan bersama tentang {T} dan perdagangan.",
        "Harga energi turun pada bulan Maret, tetapi naik lagi pada bulan April.",
        "Juru bicara {P} menolak berkomentar mengenai laporan tersebut.",
        "Kementerian Dalam Negeri menyiapkan anggaran untuk {T} di daerah.",
        "Pembangunan jalan tol di Sumatra dipercepat tahun ini.",
        "Kesejahteraan nelayan menjadi perhatian pemerintah daerah.",
        "Santoso, Sutrisno dan Gunawan adalah nama yang umum di Jawa.",
        "Warga desa bergotong royong membersihkan saluran air.",
        "Pedagang pasar mengeluhkan kenaikan harga cabai dan bawang.",
        "Sekolah-sekolah kembali dibuka setelah libur panjang.",
        "Laporan {A} menyebutkan program itu sudah menjangkau sebagian besar provinsi.",
        "Pejabat {A} dan {A} bertemu di Jakarta untuk membahas pendanaan.",
    ],
}

TITLES = {"en": ["Minister", "Ambassador", "Dr.", "President"],
          "id": ["Menteri", "Duta Besar", "Dr.", "Presiden"]}


@dataclass
class Injected:
    kind: str
    doc: str
    start: int
    end: int
    item: str  # entity or term item id
    item_kind: str  # "name" or "term"
    original: str
    edited: str
    context: bool  # names: another word of the name stands beside it
    length: int  # letters of the edited word as spelled correctly


@dataclass
class Generated:
    documents: list[tuple[str, str, str]] = field(default_factory=list)  # id, language, text
    injected: list[Injected] = field(default_factory=list)


def slug(text: str) -> str:
    return "-".join(text.lower().split())


def claims_yaml() -> str:
    import yaml

    entities = [{"name": n, **({"others": o} if o else {})} for n, o in ENTITIES]
    entities += [{"name": a, **({"aliases": [long]} if long else {})} for a, long in ACRONYMS]
    terms = [{"preferred": t, "language": lang} for lang, ts in TERMS.items() for t in ts]
    return yaml.safe_dump({"entities": entities, "terms": terms}, allow_unicode=True)


HOMOGLYPHS = dict(zip("aeopcyxi", "аеорсухі", strict=True))
ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def edit(word: str, kind: str, rng: random.Random) -> str:
    """One edit of ``kind`` at a random place of ``word``, keeping its case pattern."""
    lower = word.lower()
    n = len(lower)
    if kind == "substitution":
        i = rng.randrange(n)
        out = lower[:i] + rng.choice(ALPHABET.replace(lower[i], "")) + lower[i + 1:]
    elif kind == "insertion":
        i = rng.randrange(n + 1)
        out = lower[:i] + rng.choice(ALPHABET) + lower[i:]
    elif kind == "deletion":
        i = rng.randrange(n)
        out = lower[:i] + lower[i + 1:]
    elif kind == "transposition":
        i = rng.randrange(n - 1)
        out = lower[:i] + lower[i + 1] + lower[i] + lower[i + 2:]
    elif kind == "zero-width":
        i = rng.randrange(1, n)
        return word[:i] + "\u200b" + word[i:]
    elif kind == "soft-hyphen":
        i = rng.randrange(1, n)
        return word[:i] + "\u00ad" + word[i:]
    elif kind == "two-edit":  # two letters swapped apart, or two letters changed
        if n < 8:
            return word
        i = rng.randrange(n - 2)
        j = rng.randrange(i + 2, n)
        if rng.random() < 0.5 and lower[i] != lower[j]:
            out = lower[:i] + lower[j] + lower[i + 1:j] + lower[i] + lower[j + 1:]
        else:
            out = (lower[:i] + rng.choice(ALPHABET.replace(lower[i], "")) + lower[i + 1:j]
                   + rng.choice(ALPHABET.replace(lower[j], "")) + lower[j + 1:])
    elif kind == "acronym":  # two letters swapped, or one doubled (a stutter)
        if rng.random() < 0.5 and n >= 4:
            i = rng.randrange(n - 1)
            out = lower[:i] + lower[i + 1] + lower[i] + lower[i + 2:]
        else:
            i = rng.randrange(n)
            out = lower[:i + 1] + lower[i] + lower[i + 1:]
    elif kind == "homoglyph":
        places = [i for i, c in enumerate(word) if c in HOMOGLYPHS]
        if not places:
            return word
        i = rng.choice(places)
        return word[:i] + HOMOGLYPHS[word[i]] + word[i + 1:]
    else:
        raise ValueError(kind)
    if word.isupper():
        return out.upper()
    if word[:1].isupper():
        return out[:1].upper() + out[1:]
    return out


def generate(n_docs: int, seed: int, kind: str | None = None, per_doc: int = 1,
             sentences_per_doc: int = 40, upper_edits: bool = False,
             rate: float = 0.3) -> Generated:
    """``n_docs`` documents; with ``kind``, a share ``rate`` of the documents has up to
    ``per_doc`` name or term mentions with one edit of that kind (recorded in
    ``injected``). Typos are rare in real text: a sparse injection keeps each misspelled
    form about as rare as real typos are."""
    rng = random.Random(seed)
    known = {w.lower() for n, o in ENTITIES for form in [n, *o] for w in form.split()}
    known |= {a.lower() for a, _ in ACRONYMS}
    out = Generated()
    for d in range(n_docs):
        language = "en" if d % 2 == 0 else "id"
        doc_id = f"doc{d:04d}-{language}"
        budget = per_doc if kind and rng.random() < rate else 0
        text = _document(Text(), language, rng, out, doc_id, kind, budget, known, upper_edits,
                         sentences_per_doc)
        out.documents.append((doc_id, language, text))
    return out


class Text:
    """A document being written, and the offset of its end."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.pos = 0

    def add(self, text: str) -> None:
        self.pieces.append(text)
        self.pos += len(text)


def _document(doc: Text, language, rng, out, doc_id, kind, budget, known, upper_edits,
              sentences_per_doc) -> str:
    for s in range(sentences_per_doc):
        template = rng.choice(SENTENCES[language])
        headline = rng.random() < 0.04
        parts = template.replace("{", "\0{").replace("}", "}\0").split("\0")
        for part in parts:
            if part == "{P}":
                name, _ = rng.choice(ENTITIES)
                budget = _mention(name, language, rng, doc.add, lambda: doc.pos, out, doc_id,
                                  kind, budget, headline, known, upper_edits)
            elif part == "{O}":
                name, others = rng.choice(ENTITIES)
                doc.add(rng.choice(others) if others and rng.random() < 0.5 else name)
            elif part == "{T}":
                term = rng.choice(TERMS[language])
                budget = _term(term, language, rng, doc.add, lambda: doc.pos, out, doc_id,
                               kind, budget, headline, known)
            elif part == "{A}":
                budget = _acronym(language, rng, doc.add, lambda: doc.pos, out, doc_id, kind,
                                  budget, headline, known)
            else:
                doc.add(part.upper() if headline else part)
        doc.add("\n" if s % 5 == 4 else " ")
    return "".join(doc.pieces)


NAME_ONLY = ("two-edit", "both-words")  # kinds injected into names only
LETTER_EDITS = ("substitution", "insertion", "deletion", "transposition")


def _mention(name, language, rng, add, pos, out, doc_id, kind, budget, headline, known,
             upper_edits):
    first, last = name.split(" ", 1)
    style = rng.random()
    if kind in NAME_ONLY:
        style = 0.5  # both words of the name, no title
    if style < 0.15:
        title = rng.choice(TITLES[language])
        add((title.upper() if headline else title) + " ")
    words = [first, last] if style < 0.7 else [last]
    if headline or (upper_edits and kind):
        words = [w.upper() for w in words]
    targets: set[int] = set()
    if kind and kind != "acronym" and budget > 0 and rng.random() < 0.6:
        if kind == "two-edit":
            targets = {1} if len(last) >= 8 else set()
        elif kind == "both-words":
            targets = {0, 1} if min(len(first), len(last)) >= 4 else set()
        else:
            targets = {rng.randrange(len(words))}
    for k, word in enumerate(words):
        if k:
            add(rng.choice([" ", " ", " ", " ", " ", "  ", "\n"]))
        if k in targets:
            how = rng.choice(LETTER_EDITS) if kind == "both-words" else kind
            edited = _draw(word, how, rng, known)
            if edited is not None:
                start = pos()
                add(edited)
                out.injected.append(Injected(kind, doc_id, start, pos(), slug(name), "name",
                                             word, edited, len(words) > 1, len(word)))
                budget -= 1
                continue
        add(word)
    return budget


def _acronym(language, rng, add, pos, out, doc_id, kind, budget, headline, known):
    name, _ = rng.choice(ACRONYMS)
    if kind == "acronym" and budget > 0 and rng.random() < 0.6:
        edited = _draw(name, kind, rng, known)
        if edited is not None:
            start = pos()
            add(edited)
            out.injected.append(Injected(kind, doc_id, start, pos(), slug(name), "name", name,
                                         edited, False, len(name)))
            return budget - 1
    add(name)
    return budget


def _term(term, language, rng, add, pos, out, doc_id, kind, budget, headline, known):
    words = term.split()
    target = None
    if kind and kind not in (*NAME_ONLY, "acronym") and budget > 0 and rng.random() < 0.6:
        target = rng.randrange(len(words))
    for k, word in enumerate(words):
        if k:
            add(" ")
        shown = word.upper() if headline else word
        if k == target:
            edited = _draw(shown, kind, rng, known)
            if edited is not None:
                start = pos()
                add(edited)
                out.injected.append(Injected(kind, doc_id, start, pos(), slug(term), "term",
                                             word, edited, len(words) > 1, len(word)))
                budget -= 1
                continue
        add(shown)
    return budget


def _draw(word: str, kind: str, rng: random.Random, known: set[str]) -> str | None:
    """An edit of ``word`` that changes it and does not make another known name."""
    for _ in range(20):
        edited = edit(word, kind, rng)
        if edited.lower() != word.lower() and edited.lower() not in known:
            return edited
    return None
