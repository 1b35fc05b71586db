"""A safe XML parser for OCR files: no DTD entities, no external anything, element tree out.

OCR XML never needs a document type definition, so any entity declaration is refused outright
(that stops "billion laughs" entity expansion), external entities and external DTDs are never
fetched (no network, no file reads), and parameter entities are not parsed: the protections
defusedxml gives, with the standard library's expat and no extra dependency.  Tags and
attribute names are reduced to their local names (ALTO and PAGE-XML come in many namespace
versions; the kind was already told by :func:`reflow.readers.detect_kind`).
"""

from __future__ import annotations

import xml.parsers.expat as expat
from xml.etree.ElementTree import Element, TreeBuilder

from reflow.readers.base import ReaderError

REFUSED = (
    "the XML declares entities in a DTD: refused (OCR XML needs none; entity expansion and "
    "external entities are never read)"
)


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def parse(data: bytes) -> Element:
    """The root element of ``data``, with local names only.

    >>> parse(b'<a xmlns="urn:x"><b c="1">t</b></a>').find("b").attrib
    {'c': '1'}
    >>> parse(b'<!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    reflow.readers.base.ReaderError: the XML declares entities in a DTD: refused ...
    """
    builder = TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")

    def start(name: str, attrs: dict[str, str]) -> None:
        builder.start(_local(name), {_local(k): v for k, v in attrs.items()})

    def refuse(*_args: object) -> None:
        raise ReaderError(REFUSED)

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda name: builder.end(_local(name))
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise ReaderError(f"not well-formed XML: {exc}") from None
    return builder.close()
