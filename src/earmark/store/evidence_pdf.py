"""The evidence page as PDF (fpdf2): the blocks of :func:`earmark.store.evidence.page_blocks`,
the same content as the HTML page, laid out on A4.

Names from the lists and from users are in any script, so the text is set in a Unicode
TrueType font found on the machine: DejaVu Sans (Latin, Cyrillic, Greek, Arabic letters), with
WenQuanYi Micro Hei (Debian ``fonts-wqy-microhei``) or Noto Sans CJK as the fallback for
Chinese, Japanese and Korean; the fonts used are embedded (subset). Without any of them the
page is set in the PDF's core Helvetica, characters outside Latin-1 are shown as ``?``, and
the page says so at the top. Arabic is set letter by letter, left to right (fpdf2 shapes it
only with the optional uharfbuzz).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from earmark.store.evidence import Block, Cell, Span, page_blocks

FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
# Each face: the file names to look for, in order of preference.
SANS = ("DejaVuSans.ttf",)
SANS_BOLD = ("DejaVuSans-Bold.ttf",)
MONO = ("DejaVuSansMono.ttf",)
CJK = ("wqy-microhei.ttc", "NotoSansCJK-Regular.ttc", "wqy-zenhei.ttc", "NotoSansSC-Regular.otf")

# Relative column widths of the page's tables, by their headings (else equal).
COLUMN_WEIGHTS: dict[tuple[str, ...], tuple[float, ...]] = {
    ("name", "value"): (1, 2),
    ("id", "entry", "status", "reason", "reviewer", "when"): (1, 6, 2, 3, 3, 4),
    ("seq", "at", "actor", "action", "hash"): (1, 4, 3, 3, 7),
}

NO_FONT_NOTE = (
    "No Unicode font was found on this machine (DejaVu Sans, WenQuanYi Micro Hei): characters "
    "outside Latin-1 are shown as '?'. See evidence.json for the exact text."
)
NO_CJK_NOTE = (
    "No CJK font was found on this machine (WenQuanYi Micro Hei, Noto Sans CJK): Chinese, "
    "Japanese and Korean characters may be missing. See evidence.json for the exact text."
)

log = logging.getLogger("earmark.evidence")


@dataclass(frozen=True)
class Fonts:
    """The font files found (None: not on this machine)."""

    sans: Path | None
    bold: Path | None
    mono: Path | None
    cjk: Path | None

    @property
    def unicode(self) -> bool:
        return self.sans is not None or self.cjk is not None

    def note(self) -> str | None:
        """What the reader of the page must know about the fonts, if anything."""
        if not self.unicode:
            return NO_FONT_NOTE
        if self.cjk is None:
            return NO_CJK_NOTE
        return None


def _find(names: Sequence[str], dirs: Sequence[Path]) -> Path | None:
    for name in names:
        for folder in dirs:
            if not folder.is_dir():
                continue
            direct = folder / name
            if direct.is_file():
                return direct
            found = next(folder.rglob(name), None)
            if found is not None:
                return found
    return None


def find_fonts(dirs: Sequence[Path] = FONT_DIRS) -> Fonts:
    return Fonts(_find(SANS, dirs), _find(SANS_BOLD, dirs), _find(MONO, dirs), _find(CJK, dirs))


def render_pdf(pack: dict[str, Any], fonts: Fonts | None = None) -> bytes:
    """The evidence page of ``pack`` as a PDF document."""
    return _Page(fonts if fonts is not None else find_fonts()).render(page_blocks(pack))


class _Page:
    def __init__(self, fonts: Fonts) -> None:
        from fpdf import FPDF

        self.fonts = fonts
        pdf = FPDF(format="A4", unit="mm")
        pdf.set_auto_page_break(auto=True, margin=15)
        pdf.set_margins(15, 15, 15)
        pdf.set_creator("earmark")
        pdf.set_creation_date(datetime.now(UTC))
        self.sans, self.bold_style, self.mono = "helvetica", "B", "courier"
        if fonts.unicode:
            main = fonts.sans or fonts.cjk
            pdf.add_font("body", "", str(main))
            pdf.add_font("body", "B", str(fonts.bold or main))
            self.sans = "body"
            if fonts.mono is not None:
                pdf.add_font("mono", "", str(fonts.mono))
                self.mono = "mono"
            else:
                self.mono = "body"
            if fonts.cjk is not None and fonts.sans is not None:
                pdf.add_font("cjk", "", str(fonts.cjk))  # bold CJK is set in the regular face
                pdf.set_fallback_fonts(["cjk"], exact_match=False)
        else:
            log.warning("evidence PDF: %s", NO_FONT_NOTE)
        self.pdf = pdf

    # -- text --------------------------------------------------------------------------------

    def _text(self, text: str) -> str:
        """Text the font can set: as is with a Unicode font, else Latin-1 with '?' for the rest."""
        text = text.replace("\t", "    ")
        if self.fonts.unicode:
            return text
        return text.encode("latin-1", "replace").decode("latin-1")

    def _style(self, style: str, size: float) -> None:
        if style == "code":
            self.pdf.set_font(self.mono, "", size - 1)
        else:
            self.pdf.set_font(self.sans, self.bold_style if style == "b" else "", size)

    def _spans(self, spans: list[Span], size: float = 10, height: float = 5) -> None:
        for style, text in spans:
            self._style(style, size)
            self.pdf.write(height, self._text(text))
        self.pdf.ln(height)

    def _cell(self, row: Any, value: Cell) -> None:
        if isinstance(value, tuple) and value[0] == "code":
            from fpdf.fonts import FontFace

            row.cell(self._text(value[1]), style=FontFace(family=self.mono, size_pt=7.5))
        else:
            row.cell(self._text(value[1] if isinstance(value, tuple) else value))

    # -- blocks ------------------------------------------------------------------------------

    def render(self, blocks: list[Block]) -> bytes:
        pdf = self.pdf
        pdf.add_page()
        note = self.fonts.note()
        for block in blocks:
            kind = block[0]
            if kind == "title":
                pdf.set_title(self._text(block[1]))
            elif kind == "h1":
                self._heading(block[1], 16)
                if note:
                    pdf.set_text_color(160, 0, 0)
                    self._spans([("b", note)], 9, 4.5)
                    pdf.set_text_color(0, 0, 0)
            elif kind == "h2":
                self._heading(block[1], 13)
            elif kind == "p":
                self._spans(block[1])
                pdf.ln(1)
            elif kind == "pre":
                self._style("code", 8.5)
                pdf.multi_cell(0, 3.8, self._text(block[1]), new_x="LMARGIN", new_y="NEXT")
            elif kind in ("ol", "ul"):
                for i, item in enumerate(block[1], 1):
                    marker = f"{i}. " if kind == "ol" else "- "
                    self._spans([("", marker), *item], 9.5, 4.8)
            elif kind == "fields":
                self._table(["name", "value"], [[k, v] for k, v in block[1]], head=False)
            elif kind == "table":
                self._table(block[1], block[2])
        return bytes(pdf.output())

    def _heading(self, text: str, size: float) -> None:
        self.pdf.ln(2)
        self._style("b", size)
        self.pdf.multi_cell(0, size * 0.5, self._text(text), new_x="LMARGIN", new_y="NEXT")
        self.pdf.ln(1)

    def _table(self, heading: Sequence[str], rows: list[list[Cell]], head: bool = True) -> None:
        pdf = self.pdf
        if not rows:
            self._spans([("", "(none)")], 9, 4.5)
            return
        self._style("", 8.5)
        with pdf.table(
            first_row_as_headings=head,
            line_height=4.2,
            text_align="LEFT",
            width=pdf.epw,
            col_widths=COLUMN_WEIGHTS.get(tuple(heading)),
            repeat_headings=1 if head else 0,
        ) as table:
            if head:
                top = table.row()
                for h in heading:
                    top.cell(self._text(h))
            for row in rows:
                line = table.row()
                for value in row:
                    self._cell(line, value)
        pdf.ln(2)
