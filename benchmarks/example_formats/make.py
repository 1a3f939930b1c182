"""Write the HTML and PDF copies of one example document (corpus/004_…txt) that show a
corpus mixing formats. Run from the repository root; the files are committed, so this
only needs running again if the text changes:

    python benchmarks/example_formats/make.py
"""

from __future__ import annotations

import html
from pathlib import Path

SOURCE = Path("corpus/004_93d7bc0ceaf79ec4.txt")
TITLE = "Pertemuan ASEAN-Russia Senior Officials' Meeting (ARSOM) ke-17"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # Debian's fonts-dejavu-core


def paragraphs() -> list[str]:
    text = SOURCE.read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def write_html(out: Path) -> None:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs())
    out.write_text(
        "<!doctype html>\n<html lang=\"id\"><head><meta charset=\"utf-8\">\n"
        f"<title>{html.escape(TITLE)}</title>\n"
        "<meta property=\"article:published_time\" content=\"2021-01-27\">\n"
        "</head><body>\n<nav><a href=\"/\">Beranda</a> <a href=\"/berita\">Berita</a></nav>\n"
        f"<article><h1>{html.escape(TITLE)}</h1>\n{body}\n</article>\n"
        "<footer>Halaman contoh untuk factaudit</footer>\n</body></html>\n",
        encoding="utf-8")


def write_pdf(out: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("DejaVu", fname=FONT)
    pdf.set_font("DejaVu", size=11)
    pdf.set_title(TITLE)
    pdf.set_creation_date(__import__("datetime").datetime(2021, 1, 27))
    pdf.add_page()
    pdf.multi_cell(0, 6, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for paragraph in paragraphs():
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    out.write_bytes(bytes(pdf.output()))


if __name__ == "__main__":
    write_html(Path("corpus/004_arsom_17.html"))
    write_pdf(Path("corpus/004_arsom_17.pdf"))
