"""Per-language word tables, written by the reflow developers from general knowledge of each
language's grammar (no third-party list was copied).  Licence: the project's (MIT).

``FUNCTION_WORDS``: very frequent short words, used to recognise the language of a document.
Words shared by several languages (e.g. "de", "a", "en") are fine: scoring counts all of them and
the distinctive ones decide.

``OPEN_WORDS``: words after which a sentence cannot end: articles, prepositions, conjunctions,
possessives.  A line that ends in one of them continues on the next line even when a blank line or
a page break stands in between.

``CONJUNCTIONS``: per language, coordinating conjunctions that follow a suspended hyphen
("pre- and post-war", "Ein- und Ausgang"); the hyphen at a line end before one of them is kept,
with a space.

``PYPHEN_DICTS``: the Pyphen dictionary used for each language's hyphenation patterns.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        """
        the of and to in is that for it was on with as are be by this have from or at which not
        but an they were has had their its been would who will more also there can
        """
    ),
    "de": _words(
        """
        der die das und ist nicht zu den von mit es ein auf für im sich eine dem auch als wird
        werden nach bei einer aus wie über oder sind noch nur vor hat zur durch
        """
    ),
    "fr": _words(
        """
        le la les et des est pas une dans que pour qui sur du au avec il elle sont ce plus par
        ont aux mais cette été ou nous vous leur être comme
        """
    ),
    "es": _words(
        """
        el la los las y que del en es por con para una se al su sus como pero más este esta fue
        son ha también entre desde sobre muy hay
        """
    ),
    "it": _words(
        """
        il la che di e per non una sono della del con gli le è anche nel alla dei delle come più
        ma questo questa essere stato nella degli
        """
    ),
    "nl": _words(
        """
        de het een en van is dat op te zijn met voor niet aan er ook als bij door maar om naar
        dan wordt worden werd nog deze dit zich
        """
    ),
    "pt": _words(
        """
        o a os as e que do da dos das em no na um uma para com não por mais se como mas foi ao
        pelo pela são também entre está
        """
    ),
    "sv": _words(
        """
        och att det som en på är av för med till den har de inte om ett var men sig från vid kan
        eller också efter när detta skulle
        """
    ),
    "pl": _words(
        """
        i w nie na się z że do to jest jak po o od ale przez dla tak są oraz jego jej który
        która które przy być już także tym
        """
    ),
}

OPEN_WORDS: dict[str, frozenset[str]] = {
    "en": _words(
        """
        the a an and or nor of to in for with on at by from as into onto than that which whose
        their its our your my his her between among under over about against during through
        without within upon via per
        """
    ),
    "de": _words(
        """
        der die das den dem des ein eine einen einem einer eines und oder aber sowie von zu zum
        zur mit für auf aus bei nach über unter vor durch gegen ohne um im am ins vom seine ihre
        ihren ihrem seinen seinem dass
        """
    ),
    "fr": _words(
        """
        le la les un une des du de et ou à au aux en dans par pour sur sous avec sans entre vers
        chez que qui dont leur leurs son sa ses notre votre
        """
    ),
    "es": _words(
        """
        el la los las un una unos unas y o de del a al en por para con sin sobre entre hacia
        desde que su sus nuestro nuestra
        """
    ),
    "it": _words(
        """
        il lo la i gli le un uno una e o di del della dei degli delle a al alla ai agli alle da
        dal dalla in nel nella con per su sul sulla tra fra che
        """
    ),
    "nl": _words(
        """
        de het een en of van in op te met voor aan bij door naar om uit over onder tussen tegen
        zonder dat die zijn haar hun
        """
    ),
    "pt": _words(
        """
        o a os as um uma uns umas e ou de do da dos das em no na nos nas por para com sem sobre
        entre ao aos pelo pela que seu sua seus suas
        """
    ),
    "sv": _words(
        """
        en ett den det de och eller av i på till för med om från vid under över mellan mot utan
        att som hans hennes deras sin sitt sina
        """
    ),
    "pl": _words(
        """
        i oraz lub albo w we na z ze do od o przez dla przy po pod nad między bez że który która
        które jego jej ich
        """
    ),
}

CONJUNCTIONS: dict[str, frozenset[str]] = {
    "en": _words("and or nor"),
    "de": _words("und oder sowie bzw"),
    "fr": _words("et ou"),
    "es": _words("y e o u ni"),
    "it": _words("e ed o od"),
    "nl": _words("en of"),
    "pt": _words("e ou"),
    "sv": _words("och eller"),
    "pl": _words("i oraz lub albo"),
}

PYPHEN_DICTS: dict[str, str] = {
    "en": "en_US",
    "de": "de_DE",
    "fr": "fr",
    "es": "es",
    "it": "it_IT",
    "nl": "nl_NL",
    "pt": "pt_PT",
    "sv": "sv",
    "pl": "pl_PL",
    "da": "da_DK",
    "cs": "cs_CZ",
    "hu": "hu_HU",
    "ro": "ro_RO",
    "sk": "sk_SK",
    "sl": "sl_SI",
    "nb": "nb_NO",
    "ca": "ca",
}
