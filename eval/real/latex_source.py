"""The structure of a LaTeX document from its source: paragraphs, headings, notes, the rest.

Used by eval/real/build_pdf.py to give real born-digital PDFs their gold.  This is not a LaTeX
interpreter: it reads the source the way LaTeX delimits text, which is all the gold needs.

- A **paragraph** ends where LaTeX ends one: a blank line, ``\\par``, a sectioning command, an
  ``\\item``, or the start or end of a list or display environment.  A display (``\\[``,
  ``equation``, ...) inside a paragraph does not end it: the text after it continues the same
  paragraph, as LaTeX typesets it.
- **Headings** are the sectioning commands' titles (``\\part`` to ``\\subparagraph``).
- **Notes** are ``\\footnote`` texts; **captions** are ``\\caption`` texts; **other** is
  everything else that prints text but is not running prose: verbatim and code, tables,
  pictures, formulas, the title block, bibliographies.

Macros are dropped and their brace groups kept as text (``\\emph{word}`` gives ``word``), except
the macros whose arguments never print (labels, references, lengths, definitions...).  Text a
document's own macros print (``\\TL`` for "TeX Live") is missing from the source stream; the
alignment with the PDF tolerates that, since only the words both sides have are used.

The streams come out in two parts: the **main** stream in source order (paragraphs, headings,
other), and the **aside** stream (notes, captions, floats), which the PDF prints somewhere else
(the foot of the page, the top of a page), so that it is aligned on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SECTIONS = {
    "part",
    "chapter",
    "section",
    "subsection",
    "subsubsection",
    "paragraph",
    "subparagraph",
    "addsec",
    "minisec",
}
#: Sectioning commands that LaTeX sets run-in (the title opens the paragraph's first line).
RUN_IN = {"paragraph", "subparagraph"}
VERBATIM = {
    "verbatim",
    "verbatim*",
    "Verbatim",
    "BVerbatim",
    "LVerbatim",
    "lstlisting",
    "alltt",
    "minted",
    "comment",
    "filecontents",
    "filecontents*",
    "lstcode",
    "sverbatim",
    "example",
    "examplecode",
    "code",
    "sidebyside",
    "LTXexample",
    "latexcode",
}
#: Environments whose text is not running prose (their text is ``other``).
OTHER = {
    "tabular",
    "tabular*",
    "tabularx",
    "tabulary",
    "longtable",
    "deluxetable",
    "deluxetable*",
    "array",
    "equation",
    "equation*",
    "align",
    "align*",
    "alignat",
    "alignat*",
    "gather",
    "gather*",
    "multline",
    "multline*",
    "eqnarray",
    "eqnarray*",
    "displaymath",
    "math",
    "tikzpicture",
    "picture",
    "pspicture",
    "thebibliography",
    "titlepage",
    "tabbing",
    "verse",
    "flushright",
    "flushleft",
    "center",
    "tcolorbox",
    "framed",
    "boxedminipage",
    "minipage",
}
#: Floats: printed where they fit, so their text goes to the aside stream.
FLOATS = {"figure", "figure*", "table", "table*", "marginfigure", "margintable", "wrapfigure"}
#: Environments that start and end paragraphs; their text is prose.
BREAKING = {
    "itemize",
    "enumerate",
    "description",
    "list",
    "quote",
    "quotation",
    "abstract",
    "compactitem",
    "compactenum",
    "compactdesc",
    "enumerate*",
    "itemize*",
    "description*",
    "trivlist",
    "dinglist",
    "multicols",
    "multicols*",
    "note",
    "remark",
    "theorem",
    "lemma",
    "definition",
}
#: Macros whose arguments never print (and are consumed with the macro).
SILENT = {
    "label",
    "ref",
    "pageref",
    "eqref",
    "autoref",
    "nameref",
    "vref",
    "cref",
    "Cref",
    "cite",
    "citep",
    "citet",
    "nocite",
    "index",
    "glossary",
    "vspace",
    "vspace*",
    "hspace",
    "hspace*",
    "includegraphics",
    "setlength",
    "addtolength",
    "settowidth",
    "newcommand",
    "renewcommand",
    "providecommand",
    "DeclareRobustCommand",
    "newenvironment",
    "renewenvironment",
    "newlength",
    "newcounter",
    "input",
    "include",
    "pagestyle",
    "thispagestyle",
    "setcounter",
    "addtocounter",
    "hyphenation",
    "bibliographystyle",
    "bibliography",
    "addcontentsline",
    "markboth",
    "markright",
    "color",
    "pagecolor",
    "hypersetup",
    "usepackage",
    "RequirePackage",
    "documentclass",
    "htmlanchor",
    "hypertarget",
    "phantomsection",
    "linespread",
    "fontsize",
    "selectfont",
    "rule",
    "raisebox",
    "kern",
    "vskip",
    "hskip",
    "enlargethispage",
    "newpage",
    "clearpage",
    "pagebreak",
    "nopagebreak",
    "newline",
    "linebreak",
    "label*",
    "graphicspath",
    "definecolor",
    "colorlet",
    "lstset",
    "fvset",
    "tableofcontents",
    "listoffigures",
    "listoftables",
    "maketitle",
    "printindex",
    "makeindex",
    "title",
    "author",
    "date",
    "thanks",
    "address",
    "email",
    "ifhtml",
    "ifpdf",
    "begingroup",
    "endgroup",
    "makeatletter",
    "makeatother",
    "selectlanguage",
    "foreignlanguage",
    "url",
    "path",
    "href",
}
#: Of the silent macros, those that print their argument(s) after all (``\\href{url}{text}``:
#: the last group; ``\\foreignlanguage{lang}{text}``: the last group; ``\\url``: the URL).
LAST_GROUP_PRINTS = {"href", "foreignlanguage", "textcolor", "colorbox"}
URL_PRINTS = {"url", "path"}
#: Titles of the title block: printed, but not prose.
TITLE_BLOCK = {"title", "author", "date", "thanks", "address", "email"}


#: Logos and names that the TeX Live documents' own macros print (from the macros' definitions
#: in LaTeX and in the documents' style files, texlive-en/tex-live.sty); the PDF prints them,
#: so the source stream spells them too (``L A TeX`` as the extractors read the raised A).
LOGOS = {
    "TeX": "TeX",
    "LaTeX": "L A TeX",
    "LaTeXe": "L A TeX2ε",
    "XeTeX": "XeTeX",
    "XeLaTeX": "XeLaTeX",
    "LuaTeX": "LuaTeX",
    "LuaLaTeX": "LuaLaTeX",
    "pdfTeX": "pdfTeX",
    "pdfLaTeX": "pdfLaTeX",
    "ConTeXt": "ConTeXt",
    "BibTeX": "BibTeX",
    "AmS": "AMS",
    "AMS": "AMS",
    "AllTeX": "L A TeX",
    "MF": "METAFONT",
    "MP": "MetaPost",
    "TL": "TeX Live",
    "TK": "TeX Collection",
    "TeXLive": "TeX Live",
    "DVD": "DVD",
    "CD": "CD",
    "GNU": "GNU",
    "MacOSX": "Mac OS X",
    "teTeX": "teTeX",
    "ProTeXt": "proTeXt",
    "MacTeX": "MacTeX",
    "TDS": "TDS",
    "CTAN": "CTAN",
    "eTeX": "e-TeX",
    "OMEGA": "Omega",
    "ldots": "...",
    "dots": "...",
}


@dataclass
class Stream:
    """Text pieces, each with the id of the block it belongs to."""

    pieces: list[tuple[int, str]] = field(default_factory=list)

    def add(self, block: int, text: str) -> None:
        if text:
            self.pieces.append((block, text))


@dataclass
class Source:
    """What the source says: blocks (id -> kind) and the two streams."""

    kinds: dict[int, str] = field(default_factory=dict)
    main: Stream = field(default_factory=Stream)
    aside: Stream = field(default_factory=Stream)
    run_in: set[int] = field(default_factory=set)


def _skip_space(s: str, i: int) -> int:
    while i < len(s) and s[i] in " \t\n":
        i += 1
    return i


def _group(s: str, i: int, open_: str = "{", close: str = "}") -> int:
    """Index after the balanced group starting at ``s[i] == open_`` (or len(s))."""
    depth = 0
    while i < len(s):
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return len(s)


def _verbatim_arg(s: str, k: int) -> tuple[str, int]:
    """The verbatim argument opening at ``s[k]`` (a brace or any delimiter), and the index after
    it: it ends at the first closing brace or repeated delimiter, backslashes and all."""
    close = "}" if s[k] == "{" else s[k]
    e = s.find(close, k + 1)
    e = len(s) if e < 0 else e
    return s[k + 1 : e], e + 1


def _args(s: str, i: int, max_groups: int = 9) -> tuple[list[str], int]:
    """The optional ``[...]`` and brace groups right after a macro: (group texts, end index).

    Optional groups are returned with a leading ``[`` so that callers can tell them apart.
    """
    out: list[str] = []
    j = i
    while len(out) < max_groups:
        k = _skip_space(s, j)
        # A blank line ends the argument list (it is a paragraph break, not a space).
        if "\n\n" in s[j:k].replace(" ", "").replace("\t", ""):
            break
        if k < len(s) and s[k] == "[":
            e = _group(s, k, "[", "]")
            out.append("[" + s[k + 1 : e - 1])
            j = e
        elif k < len(s) and s[k] == "{":
            e = _group(s, k)
            out.append(s[k + 1 : e - 1])
            j = e
        else:
            break
    return out, j


def _verb_spans(line: str, short_verb: str) -> list[tuple[int, int]]:
    """Where ``\\verb|...|`` and short-verbatim ``|...|`` run on one line (a ``%`` there is
    text, not a comment)."""
    spans = []
    i = 0
    while i < len(line):
        if line.startswith("\\verb", i) and i + 5 < len(line):
            j = i + 5 + (line[i + 5] == "*")
            if j < len(line) and not line[j].isalpha():
                e = line.find(line[j], j + 1)
                e = len(line) if e < 0 else e
                spans.append((i, e))
                i = e + 1
                continue
        if line[i] in short_verb and (i == 0 or line[i - 1] != "\\"):
            e = line.find(line[i], i + 1)
            if e > 0:
                spans.append((i, e))
                i = e + 1
                continue
        if line[i] == "\\":
            i += 2
            continue
        i += 1
    return spans


def strip_comments(tex: str, short_verb: str = "") -> str:
    out = []
    for line in tex.split("\n"):
        spans = _verb_spans(line, short_verb) if "%" in line else []
        i = 0
        while True:
            i = line.find("%", i)
            if i < 0:
                break
            if any(a < i <= b for a, b in spans):
                i += 1
                continue
            # An escaped percent sign: an odd number of backslashes before it.
            b = 0
            while i - b - 1 >= 0 and line[i - b - 1] == "\\":
                b += 1
            if b % 2 == 0:
                line = line[:i]
                # A comment eats the line end too (no space, no paragraph break).
                line += "\x00"
                break
            i += 1
        out.append(line)
    text = "\n".join(out)
    return text.replace("\x00\n", "").replace("\x00", "")


class Parser:
    """Walks the source once and fills a :class:`Source`."""

    def __init__(self, short_verb: str = "") -> None:
        self.short_verb = short_verb  # characters that open and close inline verbatim
        self.src = Source()
        self.next_id = 0
        self.para: int | None = None  # the open paragraph
        self.mode: list[str] = ["prose"]  # prose | other | float

    def new_block(self, kind: str) -> int:
        b = self.next_id
        self.next_id += 1
        self.src.kinds[b] = kind
        return b

    def flush(self) -> None:
        self.para = None

    def emit(self, text: str) -> None:
        if not text.strip():
            if "\n" in text or " " in text:
                self.emit_space()
            return
        mode = self.mode[-1]
        if mode == "prose":
            if self.para is None:
                self.para = self.new_block("paragraph")
            self.src.main.add(self.para, text)
        else:
            if self.para is None:
                self.para = self.new_block("other")
            (self.src.aside if mode == "float" else self.src.main).add(self.para, text)

    def emit_space(self) -> None:
        if self.para is not None:
            stream = self.src.aside if self.mode[-1] == "float" else self.src.main
            stream.add(self.para, " ")

    def block(self, kind: str, text: str, aside: bool) -> int:
        b = self.new_block(kind)
        (self.src.aside if aside else self.src.main).add(b, text)
        return b

    def inline_text(self, s: str) -> str:
        """The printed text of a short piece (a title, a note) without structure."""
        sub = Parser(self.short_verb)
        sub.mode = ["prose"]
        sub.walk(s)
        return " ".join(t for _, t in sub.src.main.pieces + sub.src.aside.pieces)

    def walk(self, s: str) -> None:
        i, n = 0, len(s)
        buf: list[str] = []

        def out() -> None:
            if buf:
                self.emit("".join(buf))
                buf.clear()

        while i < n:
            c = s[i]
            if c == "\n":
                j = i + 1
                while j < n and s[j] in " \t":
                    j += 1
                if j < n and s[j] == "\n":  # a blank line: the paragraph ends
                    out()
                    if self.mode[-1] == "prose":
                        self.flush()
                    else:
                        self.emit_space()
                    while j < n and s[j] in " \t\n":
                        j += 1
                    i = j
                    continue
                buf.append(" ")
                i += 1
                continue
            if c in "{}":
                i += 1
                continue
            if c == "~":
                buf.append(" ")
                i += 1
                continue
            if c in self.short_verb:
                e = s.find(c, i + 1)
                nl = s.find("\n", i + 1)
                if e > 0 and (nl < 0 or e < nl):
                    buf.append(s[i + 1 : e])
                    i = e + 1
                    continue
            if c == "$":
                # Inline or display math: the PDF prints symbols the source does not spell.
                out()
                if s.startswith("$$", i):
                    e = s.find("$$", i + 2)
                    e = n if e < 0 else e + 2
                else:
                    e = s.find("$", i + 1)
                    e = n if e < 0 else e + 1
                self.emit_space()
                i = e
                continue
            if c != "\\":
                buf.append(c)
                i += 1
                continue
            # A macro.
            if i + 1 >= n:
                break
            d = s[i + 1]
            if not d.isalpha() and d != "@":
                if d == "\\":  # a forced line break: a space in the text
                    buf.append(" ")
                    _, i = _args(s, i + 2, 1) if s[i + 2 : i + 3] == "[" else ([], i + 2)
                    if s[i : i + 1] == "*":
                        i += 1
                    continue
                if d in "[(":
                    close = "\\]" if d == "[" else "\\)"
                    e = s.find(close, i + 2)
                    e = n if e < 0 else e + 2
                    out()
                    if d == "[":
                        self.block("other", "", aside=False)
                    self.emit_space()
                    i = e
                    continue
                if d in "%&_#${}":
                    buf.append(d)
                elif d in " ,;:!/-":
                    buf.append(" " if d in " ,;:" else "")
                i += 2
                continue
            j = i + 1
            while j < n and (s[j].isalpha() or s[j] == "@"):
                j += 1
            name = s[i + 1 : j]
            if j < n and s[j] == "*":
                j += 1
            i = j
            if name == "verb" or name == "lstinline" or name == "mintinline":
                if name != "verb":
                    _, i = _args(s, i, 1) if s[i : i + 1] == "[" else ([], i)
                if i < n:
                    arg, i = _verbatim_arg(s, i)
                    buf.append(arg)
                continue
            if name == "begin":
                args, i = _args(s, i, 1)
                env = args[0] if args else ""
                out()
                i = self.environment(s, i, env)
                continue
            if name == "end":
                _, i = _args(s, i, 1)
                continue
            if name in SECTIONS:
                args, i = _args(s, i, 3)
                title = next((a for a in reversed(args) if not a.startswith("[")), "")
                out()
                self.flush()
                if self.mode[-1] == "prose":
                    b = self.block("heading", self.inline_text(title), aside=False)
                    if name in RUN_IN:
                        self.src.run_in.add(b)
                continue
            if name in ("footnote", "footnotetext", "marginpar", "sidenote"):
                args, i = _args(s, i, 2)
                body = next((a for a in reversed(args) if not a.startswith("[")), "")
                self.block("note", self.inline_text(body), aside=True)
                continue
            if name == "caption":
                args, i = _args(s, i, 2)
                body = next((a for a in reversed(args) if not a.startswith("[")), "")
                self.block("caption", self.inline_text(body), aside=True)
                continue
            if name == "item":
                k = _skip_space(s, i)
                args, i = _args(s, i, 1) if s[k : k + 1] == "[" else ([], i)
                out()
                if self.mode[-1] == "prose":
                    self.flush()
                if args:
                    buf.append(self.inline_text(args[0][1:]) + " ")
                continue
            if name == "par":
                out()
                if self.mode[-1] == "prose":
                    self.flush()
                continue
            if name in TITLE_BLOCK:
                args, i = _args(s, i, 2)
                body = next((a for a in reversed(args) if not a.startswith("[")), "")
                out()
                self.block("other", self.inline_text(body), aside=True)
                continue
            if name in URL_PRINTS:
                # The argument is verbatim: it ends at the first closing brace (or at the
                # repeated delimiter), whatever backslashes it holds (``\\path{C:\\tex\\}``).
                k = _skip_space(s, i)
                if k < n:
                    arg, i = _verbatim_arg(s, k)
                    buf.append(arg)
                continue
            if name in LAST_GROUP_PRINTS:
                args, i = _args(s, i, 3)
                groups = [a for a in args if not a.startswith("[")]
                if groups:
                    buf.append(self.inline_text(groups[-1]))
                continue
            if name in ("def", "gdef", "edef", "xdef"):
                # \def\name<parameter text>{body}: skip to the body and past it.
                k = s.find("{", i)
                i = n if k < 0 else _group(s, k)
                continue
            if name in ("let", "newif"):
                k = s.find("\n", i)
                i = n if k < 0 else k
                continue
            if name in SILENT:
                _, i = _args(s, i)
                continue
            if name in LOGOS:
                buf.append(LOGOS[name])
                continue
            # Any other macro: dropped, its groups stay text.  A space after a word macro is
            # eaten by TeX; keep one so that words do not run together.
            buf.append(" ")
        out()

    def environment(self, s: str, i: int, env: str) -> int:
        """Handle ``\\begin{env}`` whose body starts at ``i``; return the index after its end."""
        end_tag = f"\\end{{{env}}}"
        if env in VERBATIM or "verbatim" in env.lower():
            e = s.find(end_tag, i)
            e = len(s) if e < 0 else e
            if self.mode[-1] == "prose":
                # A verbatim display is a list environment to LaTeX: it does not end the
                # paragraph around it.  Text after it without a blank line goes on in the same
                # paragraph, unindented (``\\@endparenv``); a blank line before or after it
                # ends the paragraph as anywhere else.
                self.block("other", s[i:e], aside=False)
            else:
                self.emit(s[i:e])
            return e + len(end_tag)
        # The matching end, nested environments of the same name counted.
        depth, k = 1, i
        begin_tag = f"\\begin{{{env}}}"
        while depth:
            e = s.find(end_tag, k)
            if e < 0:
                e = len(s)
                break
            depth += s.count(begin_tag, k, e) - 1
            k = e + len(end_tag)
        body = s[i:e]
        after = min(len(s), e + len(end_tag))
        if env in FLOATS:
            self.flush()
            self.mode.append("float")
            self.walk(body)
            self.mode.pop()
            self.flush()
            return after
        if env in OTHER:
            display = env.startswith(("equation", "align", "gather", "multline", "eqnarray"))
            keep = self.para
            if not display:
                self.flush()
            self.mode.append("other" if self.mode[-1] != "float" else "float")
            self.para = None
            self.walk(body)
            self.mode.pop()
            # A display inside a paragraph: the text after it continues the paragraph.
            self.para = keep if display else None
            return after
        if env in BREAKING or self.mode[-1] != "prose":
            self.flush()
            self.walk(body)
            self.flush()
            return after
        # Unknown environments: their text is prose of the surrounding flow.
        self.walk(body)
        return after


def parse(tex: str, short_verb: str = "") -> Source:
    """The blocks and streams of a LaTeX document (the part between begin and end document).

    >>> src = parse("\\\\begin{document}\\n\\\\section{Intro}\\nOne \\\\emph{two}.\\n\\nThree"
    ...             "\\\\footnote{Four.}\\n\\\\end{document}")
    >>> sorted(src.kinds.values())
    ['heading', 'note', 'paragraph', 'paragraph']
    >>> "".join(t for b, t in src.main.pieces if b == 1).split()
    ['One', 'two.']
    """
    start = tex.find("\\begin{document}")
    end = tex.rfind("\\end{document}")
    body = tex[start + len("\\begin{document}") if start >= 0 else 0 : end if end >= 0 else None]
    # \\MakeShortVerb{\\|} in the preamble (or in a class the caller knows of) makes |...|
    # inline verbatim.
    found = re.findall(r"\\(?:MakeShortVerb|DefineShortVerb)\*?\{?\\(.)", tex)
    p = Parser(short_verb + "".join(found))
    p.walk(strip_comments(body, p.short_verb))
    return p.src
