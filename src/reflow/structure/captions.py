"""Rules for captions, photo credits, source notes, agency credits and jump lines."""

from __future__ import annotations

import re

from reflow.model import Role
from reflow.structure.view import DocView, blank_before
from reflow.structure.words import closed

_CAPTION = re.compile(
    r"(?:Photos?|Photograph|Picture|Image|Illustration|Graphic|Chart|Map|Figure|Fig\."
    r"|Foto|Fotos|Bild|Abbildung|Abb\.|Grafik|Karte|Carte|Figura|Imagen|Gráfico|Mapa"
    r"|Ilustración|Afbeelding|Figuur|Immagine|Illustrazione|Credit|Crédit|Crédito)"
    r"(?: \d{1,3}[a-z]?)? ?[:|—–] ?\S",
    re.IGNORECASE,
)
_NUMBERED_CAPTION = re.compile(
    r"(?:Figure|Fig\.|Abbildung|Abb\.|Figura|Figuur|Afbeelding|Table|Tabelle|Tableau|Tabla"
    r"|Tabel|Tabella) \d{1,3}(?:\.\d{1,3})?[a-z]?[.:] \S"
)
_PHOTO_BY = re.compile(r"(?:Photo by|Photos by|Foto von|Photo de|Foto de|Foto:) ?\S", re.I)
_SOURCE = re.compile(r"(?:Sources?|Quellen?|Fuentes?) ?: ?\S")
_AGENCIES = (
    "Reuters|AP|AFP|dpa|DPA|EFE|Kyodo|Xinhua|ANSA|Bloomberg|UPI|Europa Press|Jiji|Yonhap|KNA"
)
_AGENCY_CREDIT = re.compile(rf"\((?:{_AGENCIES})(?: ?/ ?[A-Za-z]{{2,20}})?\)")
_PHOTO_CREDIT = re.compile(
    rf"(?:{_AGENCIES.upper()}|{_AGENCIES}|Getty Images|AP Photo) ?/ ?[^\s/][^/]{{0,40}}"
    r"|(?:©|\(c\)|Copyright) ?\S.{0,60}"
)
_JUMP = re.compile(
    r"\(?(?:Continued|Cont'd|Continues|See|Fortsetzung|Weiter|Suite|Voir|Continúa|Sigue)"
    r"\b.{0,40}\b(?:page|p\.|Seite|S\.|página|pág\.) ?[A-Z]?\d{1,3}\)?\.?",
    re.IGNORECASE,
)


#: Every caption pattern above as one alternation, tried with ``match`` first: one C-level call
#: settles the common line (no caption, credit, note or jump line starts there); a line that
#: a pattern fully matches also matches it at its start, so nothing is lost.
_ANY_CAPTION_START = re.compile(
    "|".join(
        f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})"
        for p in (
            _CAPTION,
            _NUMBERED_CAPTION,
            _PHOTO_BY,
            _SOURCE,
            _AGENCY_CREDIT,
            _PHOTO_CREDIT,
            _JUMP,
        )
    )
)


def rule_captions(doc: DocView) -> None:
    """Rules ``caption-prefix``, ``credit``, ``source-note``, ``agency-credit``, ``jump-line``.

    A line that begins like a caption ("Photo: ...", "Figure 3. ...", "Abb. 2: ...") is a
    caption; a photo credit ("REUTERS/Jane Doe", "© 2022 ...") too.  "Source: ..." and an
    agency credit alone on a line ("(Reuters)") are ``other``; so is a jump line ("Continued on
    page 7").  A caption that stands as a block of its own (blank lines or labelled lines
    around it) takes its next lines with it, up to 3 in all, when they do not start a sentence
    of the body (precision: inside running text only the first line is labelled).
    """
    texts, blank, roles = doc.lines.texts, doc.lines.blank, doc.labels.roles
    for i, text in enumerate(texts):
        if blank[i] or roles[i] is not None:
            continue
        t = text.strip()
        if "  " in t or not t.isprintable():
            t = " ".join(t.split())  # tabs, no-break or doubled spaces: one space each
        if len(t) > 300:
            continue  # a whole paragraph on one line
        if not _ANY_CAPTION_START.match(t):
            continue
        found: tuple[Role, str, str, float] | None = None
        if _CAPTION.match(t) or _NUMBERED_CAPTION.match(t) or _PHOTO_BY.match(t):
            found = (Role.CAPTION, "caption-prefix", f'begins "{t.split()[0]}"', 0.85)
        elif _PHOTO_CREDIT.fullmatch(t):
            found = (Role.CAPTION, "credit", "reads as a photo credit", 0.8)
        elif _SOURCE.match(t):
            found = (Role.OTHER, "source-note", f'begins "{t.split()[0]}"', 0.8)
        elif _AGENCY_CREDIT.fullmatch(t):
            found = (Role.OTHER, "agency-credit", "a news agency alone in brackets", 0.8)
        elif len(t) <= 80 and _JUMP.fullmatch(t):
            found = (Role.OTHER, "jump-line", "points to another page", 0.85)
        if found is None:
            continue
        role, rule, why, confidence = found
        doc.labels.label(i, role, rule, why, confidence)
        if role is Role.CAPTION and rule == "caption-prefix":
            if blank_before(doc, i):
                _extend_caption(doc, i)
            if i + 1 < len(texts) and doc.labels.roles[i + 1] is None:
                _run_on_caption(doc, i)


#: A caption block is at most this many lines (the longest caption block in our cases has 2;
#: one more for a narrow column).
MAX_CAPTION_LINES = 3


#: A caption printed without blank lines around it (pdftotext -raw) runs on to its first closed
#: line within this many lines.  Measured on the evaluation corpus: its captions (up to 150
#: characters) wrap to at most 6 lines in its narrowest columns; 8 leaves a margin.
MAX_RUNON_CAPTION_LINES = 8


def _run_on_caption(doc: DocView, i: int) -> None:
    """Rule ``caption-run-on``: the lines after a caption's first line, up to and including the
    first line that ends a sentence, when no blank line sets the caption apart.

    A caption is a sentence (or a few); its last line is closed.  Without a closed line within
    :data:`MAX_RUNON_CAPTION_LINES` lines (a caption without a period, glued to the body) only
    the first line stays labelled: precision first.
    """
    texts, blank = doc.lines.texts, doc.lines.blank
    if closed(texts[i]):
        return
    n = len(texts)
    end = None
    for j in range(i + 1, min(n, i + MAX_RUNON_CAPTION_LINES)):
        if (
            blank[j]
            or doc.labels.roles[j] is not None
            or doc.labels.pages[j] != doc.labels.pages[i]
        ):
            return
        if closed(texts[j]):
            end = j
            break
    if end is None:
        return
    for j in range(i + 1, end + 1):
        doc.labels.label(
            j, Role.CAPTION, "caption-block", f"runs on from the caption on line {i + 1}", 0.65
        )


def _extend_caption(doc: DocView, i: int) -> None:
    """Label the rest of a caption block that blank lines set apart from the body."""
    texts, blank = doc.lines.texts, doc.lines.blank
    n = len(texts)
    end = i
    while end + 1 < n and not blank[end + 1] and doc.labels.pages[end + 1] == doc.labels.pages[i]:
        end += 1
        if end - i + 1 > MAX_CAPTION_LINES:
            return  # too long for a caption block: abstain on the continuation
    if end == i or not (end + 1 >= n or blank[end + 1]):
        return
    for j in range(i + 1, end + 1):
        if doc.labels.roles[j] is None:
            doc.labels.label(
                j, Role.CAPTION, "caption-block", f"continues the caption on line {i + 1}", 0.7
            )
