"""The one configuration object.  Every option of reflow lives here, documented."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Literal


@dataclass(frozen=True, slots=True)
class Config:
    """How reflow treats a document.  Immutable; make variants with :meth:`with_`.

    Fields:

    ``language``
        ``"auto"`` (default) detects the language per document (and per paragraph in a document
        of several) from word profiles of 25 languages, offline (:mod:`reflow.language`).
        Otherwise an ISO 639-1 code (``"en"``, ``"de"``...).  Languages without a lexicon still get
        their lines joined; their hyphens are only decided by the document's own evidence.
    ``dehyphenate``
        Decide line-end hyphens (default ``True``).  With ``False`` every hyphen is kept and
        joined without a space.
    ``detect_structure``
        Label page furniture, headings and captions, and heal paragraphs across them (default
        ``True``).  With ``False`` every non-blank line is body text.
    ``expand_ligatures``
        Replace presentation-form ligatures (U+FB00..U+FB06, "ﬁ" -> "fi") in the output; each
        replacement is recorded (default ``True``).
    ``min_hyphen_confidence``
        A hyphen is removed or kept only when the evidence reaches this confidence; below it
        reflow abstains: keeps the hyphen and marks the decision uncertain.  0.6 is the lowest
        value at which the constructed abstain cases in ``tests/cases`` stay abstentions.
    ``decode_errors``
        Input that is not valid text: ``"strict"`` (default) raises :class:`reflow.InputError`
        naming the offset, for ``bytes`` that are not UTF-8 (or UTF-16 with a byte-order mark) or
        look binary, and for a ``str`` with a lone surrogate (from a JSON ``\\ud800`` escape or
        ``surrogateescape``); ``"replace"`` puts U+FFFD in place of each bad sequence or
        surrogate and records a warning.  The CLI's ``--replace-invalid`` sets ``"replace"``.
    ``max_heading_words``
        A line with more words is never taken for a heading (default 14: the longest headline
        in the constructed English cases has 11 words).
    """

    language: str = "auto"
    dehyphenate: bool = True
    detect_structure: bool = True
    expand_ligatures: bool = True
    min_hyphen_confidence: float = 0.6
    decode_errors: Literal["strict", "replace"] = "strict"
    max_heading_words: int = 14

    def __post_init__(self) -> None:
        if self.decode_errors not in ("strict", "replace"):
            raise ValueError(
                f"decode_errors must be 'strict' or 'replace', not {self.decode_errors!r}"
            )
        if not 0.0 <= self.min_hyphen_confidence <= 1.0:
            raise ValueError("min_hyphen_confidence must be between 0 and 1")
        if not isinstance(self.language, str) or not self.language:
            raise ValueError("language must be 'auto' or a language code such as 'en'")

    def with_(self, **changes: Any) -> Config:
        """A copy with some fields changed.

        >>> Config().with_(language="de").language
        'de'
        """
        return replace(self, **changes)

    @classmethod
    def from_kwargs(cls, base: Config | None = None, **kwargs: Any) -> Config:
        """``base`` (or the defaults) with ``kwargs`` applied; unknown names raise TypeError."""
        names = {f.name for f in fields(cls)}
        unknown = sorted(set(kwargs) - names)
        if unknown:
            raise TypeError(f"unknown reflow option(s): {', '.join(unknown)}")
        base = base or cls()
        return replace(base, **kwargs) if kwargs else base


DEFAULT_CONFIG = Config()
