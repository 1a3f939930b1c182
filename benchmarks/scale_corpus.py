"""Generate large corpora for the scale benchmark.

    python benchmarks/scale_corpus.py OUT_DIR --documents 20000 [--relevant 0.05] [--seed 1]
        [--paragraphs 1]

Documents of a few KB in English and Indonesian, each with YAML front matter (id,
language, published). A chosen share is *relevant*: it carries the cues, values and
names of the example claims (claims/), with perturbed values and misspellings; the rest
is ordinary news-style filler with no cue (``--paragraphs N``: N relevant paragraphs in each
relevant document, for the report benchmark's dense corpora). Filler sentences are assembled
from word lists written for this benchmark, plus invented proper names, so the vocabulary
keeps growing with the corpus as it does in real archives.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

EN_WORDS = (  # noqa: SIM905 (a word list reads best as text)
    "the a of and to in for on with at by from about after before during over under "
    "government minister ministry official officials city province village market price "
    "prices farmers fishermen students teachers hospital clinic school schools road roads "
    "bridge port harbour airport train rail bus traffic weather rain flood floods drought "
    "harvest rice coffee palm oil rubber tin nickel coal energy power electricity water "
    "budget tax taxes revenue spending investment investors bank banks loan loans credit "
    "inflation growth economy jobs workers wages factory factories exports imports trade "
    "company companies startup technology phone internet data app digital online platform "
    "police court judge lawyer case cases law rules regulation policy plan plans program "
    "programme project projects report reports survey study research university scientists "
    "health disease patients doctors nurses medicine vaccine vaccines campaign election "
    "voters party parties parliament council mayor governor district regency island coast "
    "sea forest river mountain volcano earthquake tourism tourists hotel festival culture "
    "music film sport football team league match season coach players fans stadium said "
    "says told announced reported expected planned began started opened closed rose fell "
    "increased decreased remained reached needed wanted asked agreed rejected approved "
    "new old large small local national regional public private several many few more "
    "most some other first second last next early late high low strong weak better worse "
    "week month year today morning evening people residents community families children"
).split()
ID_WORDS = (  # noqa: SIM905
    "yang dan di ke dari untuk dengan pada oleh dalam tentang setelah sebelum selama atas "
    "bawah pemerintah menteri kementerian pejabat kota provinsi desa pasar harga petani "
    "nelayan siswa guru rumah sakit klinik sekolah jalan jembatan pelabuhan bandara kereta "
    "bus lalu lintas cuaca hujan banjir kemarau panen beras kopi sawit karet timah nikel "
    "batu bara energi listrik air anggaran pajak pendapatan belanja investasi investor bank "
    "pinjaman kredit inflasi pertumbuhan ekonomi lapangan kerja pekerja upah pabrik ekspor "
    "impor perdagangan perusahaan teknologi ponsel internet data aplikasi digital daring "
    "polisi pengadilan hakim pengacara kasus hukum aturan peraturan kebijakan rencana "
    "program proyek laporan survei penelitian universitas ilmuwan kesehatan penyakit pasien "
    "dokter perawat obat kampanye pemilu pemilih partai dewan wali gubernur kabupaten pulau "
    "pantai laut hutan sungai gunung gempa pariwisata wisatawan hotel festival budaya musik "
    "film olahraga sepak bola tim liga pertandingan musim pelatih pemain penggemar stadion "
    "mengatakan menyebutkan mengumumkan melaporkan diharapkan direncanakan dimulai dibuka "
    "ditutup naik turun meningkat menurun tetap mencapai membutuhkan meminta menyetujui "
    "menolak baru lama besar kecil lokal nasional daerah umum swasta beberapa banyak sedikit "
    "lebih paling lain pertama kedua terakhir berikutnya awal akhir tinggi rendah kuat lemah "
    "minggu bulan tahun hari pagi sore warga masyarakat keluarga anak"
).split()
SYLLABLES = "ka ri to na me su di wa lo ha pu ne ra ti mo ba se gi du ya".split()  # noqa: SIM905

RELEVANT_EN = [
    "Russia has been a strategic partner of ASEAN since {strategic}, officials said.",
    "Indonesia is the coordinating country for the ASEAN-Russia partnership for the period "
    "{coord}.",
    "Foreign Minister {retno} chaired the {format} ASEAN-Russia Ministerial Meeting on "
    "Tuesday, July {day}, marking {age} years of ASEAN-Russia relations.",
    "Russian Foreign Minister {lavrov} said the talks had been useful.",
    "Indonesia plans to order {doses} million doses of Sputnik V for the program.",
]
RELEVANT_ID = [
    "Rusia telah menjadi mitra strategis ASEAN sejak tahun {strategic}.",
    "Indonesia menjadi negara koordinator kemitraan ASEAN-Rusia untuk periode tahun {coord}.",
    "Menteri Luar {negeri} Indonesia {retno} memimpin Pertemuan Khusus Tingkat Menteri "
    "ASEAN-Rusia secara virtual pada {day} Juli 2021.",
    "Hubungan ASEAN dan Rusia dimulai sejak tahun {began} dan diterima sebagai Mitra Penuh "
    "ASEAN pada {full}.",
    "Menlu juga mendorong {kesetaraan} pengakuan terhadap vaksin dan {kerjasama} kesehatan.",
]


def _filler_sentence(rng: random.Random, words: list[str], names: list[str]) -> str:
    n = rng.randint(8, 22)
    chosen = [rng.choice(words) for _ in range(n)]
    if rng.random() < 0.5:
        chosen.insert(rng.randrange(len(chosen)), rng.choice(names))
    if rng.random() < 0.3:
        chosen.insert(rng.randrange(len(chosen)), str(rng.randint(2, 900)))
    text = " ".join(chosen)
    return text[0].upper() + text[1:] + "."


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _relevant(rng: random.Random, lang: str, heavy: bool = False) -> str:
    def perturb(good, bad, p=0.2):
        return bad if rng.random() < (0.6 if heavy else p) else good

    values = dict(
        strategic=perturb("2018", "1996", 0.5), coord=perturb("2018-2021", "2017-2020"),
        format=perturb("virtual", "in-person"), day=perturb("6", "7"),
        age=perturb("30", "25", 0.5), doses=perturb("20", "25"),
        retno=perturb("Retno Marsudi", "Retno Marsuid", 0.1),
        lavrov=perturb("Sergei Lavrov", "Sergey Lavrov", 0.3),
        negeri=perturb("Negeri", "Negeru", 0.1), began=perturb("1991", "1992", 0.1),
        full=perturb("1996", "1997", 0.1), kesetaraan=perturb("kesetaraan", "keseteraan", 0.1),
        kerjasama=perturb("kerja sama", "kerjasama", 0.3),
    )
    templates = RELEVANT_EN if lang == "en" else RELEVANT_ID
    k = len(templates) if heavy else 3
    return " ".join(t.format(**values) for t in rng.sample(templates, k=k))


def generate(out: Path, documents: int, relevant: float, seed: int,
             heavy: bool = False, paragraphs: int = 1) -> None:
    """``heavy``: every relevant paragraph says every fact, most of them wrong, so that
    each document has several findings (a sloppy corpus); ``paragraphs``: how many
    relevant paragraphs a relevant document has."""
    rng = random.Random(seed)
    names = [_name(rng) for _ in range(max(200, documents // 4))]
    out.mkdir(parents=True, exist_ok=True)
    for i in range(documents):
        lang = "en" if i % 2 == 0 else "id"
        words = EN_WORDS if lang == "en" else ID_WORDS
        doc_names = rng.sample(names, 8)
        body = []
        for _ in range(rng.randint(6, 11)):
            k = rng.randint(2, 5)
            body.append(" ".join(_filler_sentence(rng, words, doc_names) for _ in range(k)))
        if rng.random() < relevant:
            for _ in range(paragraphs):
                body.insert(rng.randrange(len(body) + 1), _relevant(rng, lang, heavy))
        month = rng.randint(1, 12)
        header = f"---\nid: doc{i:07d}\nlanguage: {lang}\npublished: 2021-{month:02d}-15\n---\n"
        folder = out / f"{i // 1000:04d}"
        folder.mkdir(exist_ok=True)
        (folder / f"doc{i:07d}.txt").write_text(header + "\n\n".join(body) + "\n",
                                                 encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description="Generate a corpus for the scale benchmark.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--relevant", type=float, default=0.05)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--paragraphs", type=int, default=1,
                        help="relevant paragraphs in each relevant document")
    args = parser.parse_args()
    generate(args.out, args.documents, args.relevant, args.seed, paragraphs=args.paragraphs)


if __name__ == "__main__":
    main()
