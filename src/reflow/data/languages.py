"""Per-language data: one :class:`Language` record for each of the 25 languages that both
wordfreq (word frequencies) and Pyphen (hyphenation patterns) cover.

Where each field comes from (see also ``src/reflow/data/README.md``):

* ``function_words``, ``open_words``, ``conjunctions``, ``by_words``, ``caption_words``,
  ``page_words``, ``source_words``, ``quotes``, ``closed_compounds``, ``long_compounds``,
  ``closed_prefixes``, ``hyphen_min``, ``hyphenated_loans``:
  written by the reflow developers from general grammar references of each language (closed
  word classes: articles, prepositions, conjunctions, auxiliaries, pronouns; typographic
  conventions).  No third-party list was copied.  Licence: the project's (MIT).  Kept from what
  reflow shipped before, so that answers on the evaluation corpus stay the same: ``open_words``
  and ``conjunctions`` of en, de, fr, es, it, nl, pt, sv and pl word for word, and the
  ``function_words`` of en, de, fr and es (with a stray 'another".' of the English list made
  'another', and "bzw" added to German).  The ``function_words`` of it, nl, pt, sv and pl are
  new (those languages used the English list before).
* month and weekday names: the Unicode CLDR, generated into :mod:`reflow.data.cldr` by
  ``eval/make_language_data.py`` (Unicode License v3).
* the detection profiles: derived from wordfreq's word lists, see :mod:`reflow.language`.
* volume and issue words (:func:`issue_words`): the Citation Style Language locale terms,
  generated into :mod:`reflow.data.csl` by ``eval/make_issue_words.py`` (CC BY-SA 3.0), and a
  few written by the reflow developers (:data:`_ISSUE_EXTRA`, with where each came from).

Field meanings:

``function_words``
    closed-class words that a headline does not end with but a wrapped line often does, and
    that follow any word (so "X / The" across two lines is no evidence of a phrase).
``open_words``
    words after which a sentence cannot end: articles, prepositions, conjunctions, relative
    pronouns, possessives that precede their noun.  A line ending in one continues on the next
    line even across a blank line or a page break.  Postpositions (Hungarian "után") are not
    open: a sentence can end with them.
``conjunctions``
    coordinating conjunctions that follow a suspended hyphen ("pre- and post-war", "Ein- und
    Ausgang", "пред- и послевоенный"): the hyphen at a line end before one of them is kept.
``closed_compounds``
    two words joined at a line-end hyphen are more often one word cut in two than a hyphenated
    pair (German, Dutch, the Nordic languages and Hungarian write compounds closed; Spanish,
    Italian and Portuguese rarely join two words with a hyphen, measured on the evaluation
    corpus, see :mod:`reflow.hyphenation`).  False where hyphenated pairs of words are common:
    English, French, Catalan and Romanian clitics ("donar-li", "într-o"), Slavic particles
    ("кто-то", "по-русски") and compound adjectives ("северо-западный"), Indonesian
    reduplication ("anak-anak").
``long_compounds``
    long closed compounds or long inflected forms that no word list holds are the rule, so a
    pattern point in an unknown word is a line break with more confidence (German
    "Hardwarespezifika-/tionen"; Slavic and Baltic case endings).
``nouns_capitalised``
    every noun starts upper case (German), so a line in title case is not a heading sign.
``hyphen_prefixes``, ``hyphen_suffixes``
    particles that the spelling joins to a word with a hyphen (Russian "кое-что", "кто-то",
    "где-нибудь"; Ukrainian "будь-який", "хтось-таки"): at a line end, the hyphen before a
    suffix particle after a common word, or after a prefix particle before a word, is real
    even when the joined form shows up in the word list as a misspelling ("ктото", Zipf 3.0).
    Only particles that are not also common word endings ("ка" is one: "ру-/ка").
``closed_prefixes``
    prepositions and the negation as they prefix a verb, noun or adjective, always written
    closed (Czech "ne-/přejdou", "na-/závislé"; Polish "od-/ważniejszych"; Greek "απο-/βλέπουν",
    "εκ-/δικάζεται"): at a line end before a word, the hyphen is a line break even when the
    joined form is too rare for the word list.  Only in languages that do not join such a
    prefix with a hyphen (English "co-/operate", "in-/depth" do; French "sous-/marin" does).
    The particles of ``hyphen_prefixes`` (Russian "по-русски") are decided before these.  The
    same languages join no short word with a hyphen but the particles of ``hyphen_suffixes``
    and ``hyphen_prefixes``: a half of three letters or fewer that is also a word is part of
    the word ("обусловлен-/но", Bulgarian "съществува-/ние", "упражняване-/то", Slovak
    "zlo-/činmi").
``hyphen_min``
    the fewest letters before and after a break that the language's hyphenation allows: 2 and 2
    in most; Greek breaks after a single vowel ("α-/μερόληπτο", "ζω-/ή"), as Greek
    typesetting rules and TeX's Greek patterns (lefthyphenmin = righthyphenmin = 1) allow.
``hyphenated_loans``
    a compound whose first part is a name, an abbreviation or a foreign word takes a hyphen
    although the language writes its own compounds closed (Norwegian "Debian-prosjektet",
    "cd-kommandoen", "crontab-filen"; Swedish "Debian-paket", "Unix-familjen"; the Norwegian
    and Swedish language councils' rules on the hyphen in compounds).
``ending_conjunctions``
    conjunctions that are also frequent word endings (Ukrainian "та": "робо-/та", "розгляну-/
    та"): before one of them a line-end hyphen is a suspended hyphen only when the joined word
    is unseen (Zipf below 2), not merely uncommon.
``ordinal_period``
    an ordinal number is written with a period ("14. cikk", "14. člen", "1. grein", "3. März"):
    a line ending in a number and a period before a line that goes on in lower case has not
    ended a sentence ("Egyetemes Nyilatkozat, 14." / "cikk", a heading wrapped in a narrow
    column).  From the languages' orthographies (Hungarian, Czech, Slovak, Slovenian, Polish,
    German, Danish, Norwegian, Icelandic, Latvian).
``section_words``
    the words that name a numbered division of a text (article, chapter, section, part), lower
    case: a line that ends with one and its number ("Splošna deklaracija, 14. člen", "Стаття
    14", "Article 14") is shaped like a heading.  From general dictionaries of each language.
``enclitics``, ``enclitic_hosts``
    pronouns the spelling joins to a verb with a hyphen, and the endings of the verb form they
    follow (Portuguese "reinstalá-lo", "fazê-lo": the infinitive loses its "r" and takes an
    accent before "lo", "la", "los", "las"): at a line end, the hyphen between such a verb form
    and such a pronoun is real, although the verb form alone is in no word list.
``closed_endings``
    inflectional endings that are also words but never stand after a hyphen (Romanian "-lor",
    the genitive plural article, also the pronoun "lor"): after a word at a line end they end
    that word ("rituri-/lor" is "riturilor").
``morpheme_breaks``
    the language breaks words at their morphemes as well as at syllables (Indonesian
    "celoteh-/an", "meng-/onfigurasi", "di-/kompres"; syllables: "ce-lo-te-han"), and the
    Pyphen patterns know only one of the two: a break the patterns do not allow is no evidence
    of a real hyphen there.  Measured on the Indonesian pages of the evaluation corpus (TeX's
    patterns, which break at morphemes): 18 of the 20 hyphens the Pyphen patterns would not
    break were line breaks.
``linking_endings``
    endings of a first part that only a compound of the language's own words has: the linking
    "s" after the suffixes that require it (Swedish "-ings", "-tions", "-hets": "partitions-/
    verktyget", "paketerings-/verktyg"; Norwegian "-sjons", "-ings", "-hets"), from the Swedish
    and Norwegian grammars' rules on the linking morpheme (fogemorfem, fugemorfem).  Such a
    first part is no loan or name, whatever an English word list says ("partitions").
"""

from __future__ import annotations

from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _split(text: str) -> list[str]:
    return text.split()


def _cedilla(words: frozenset[str]) -> frozenset[str]:
    """The Romanian words and their spelling with the cedilla forms ş, ţ for ș, ț, which much
    Romanian text (and any PDF set in T1) has.

    >>> sorted(_cedilla(frozenset({"și", "sau"})))
    ['sau', 'şi', 'și']
    """
    return words | {w.translate(_COMMA_TO_CEDILLA) for w in words}


_COMMA_TO_CEDILLA = str.maketrans("șțȘȚ", "şţŞŢ")


def _latin_i(words: frozenset[str]) -> frozenset[str]:
    """The words and, for those with the Ukrainian "і", their spelling with the Latin "i":
    T2A, the Cyrillic font encoding of pdflatex, sets "і" as the Latin letter, and text
    extracted from such a PDF has it ("сторiнка", the conjunction "i").

    >>> sorted(_latin_i(frozenset({"і", "та"})))
    ['i', 'та', 'і']
    """
    return words | {w.replace("і", "i").replace("І", "I") for w in words}


@dataclass(frozen=True)
class Language:
    """Everything reflow knows about one language.

    >>> LANGUAGES["ru"].script, LANGUAGES["ru"].pyphen, "и" in LANGUAGES["ru"].conjunctions
    ('Cyrillic', 'ru_RU', True)
    """

    code: str
    name: str
    script: str  # "Latin", "Cyrillic" or "Greek"
    pyphen: str  # the Pyphen dictionary of its hyphenation patterns
    function_words: frozenset[str]
    open_words: frozenset[str]
    conjunctions: frozenset[str]
    by_words: frozenset[str]  # a byline's first word: "By", "Von", "Автор:"
    caption_words: tuple[str, ...]  # a caption's first word: "Photo", "Abb.", "Рис."
    table_words: tuple[str, ...]  # a numbered table's first word: "Table", "Tabelle"
    page_words: tuple[str, ...]  # "page", "Seite", "стр."
    source_words: tuple[str, ...]  # "Source", "Quelle", "Источник"
    quotes: tuple[str, str, str, str]  # primary open, close, secondary open, close
    closed_compounds: bool = False
    long_compounds: bool = False
    nouns_capitalised: bool = False
    hyphen_prefixes: frozenset[str] = frozenset()
    hyphen_suffixes: frozenset[str] = frozenset()
    closed_prefixes: frozenset[str] = frozenset()
    hyphen_min: tuple[int, int] = (2, 2)
    hyphenated_loans: bool = False
    linking_endings: tuple[str, ...] = ()
    ending_conjunctions: frozenset[str] = frozenset()
    ordinal_period: bool = False
    enclitics: frozenset[str] = frozenset()
    enclitic_hosts: tuple[str, ...] = ()
    closed_endings: frozenset[str] = frozenset()
    morpheme_breaks: bool = False
    section_words: frozenset[str] = frozenset()


_EN_FUNCTION = """a an the and or but nor of to in on at by for with from as into onto over under
    about after before between through during without within than that which who whom
    whose is are was were be been being has have had its their his her our your my this
    these those not no so if can will would could should may might must shall do does
    did very more most also such both each every any some many own other another
    """

LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language(
            "bg",
            "Bulgarian",
            "Cyrillic",
            "bg_BG",
            _words(
                """и а но или нито на в във с със за от до по при към през без между над под
                след преди около чрез като че който която което които чийто е са бях беше бяха
                съм си сме сте ще би не да ли се го му ѝ им ги тя той те то ние вие аз този
                тази това тези онзи също много всеки всички някой"""
            ),
            _words(
                """и или но а на в във с със за от до по при към през без между над под след
                преди около чрез че който която което които чийто"""
            ),
            _words("и или а"),
            _words("от текст: автор:"),
            ("снимка", "снимки", "фото", "фиг.", "фигура", "илюстрация", "графика", "карта"),
            ("таблица",),
            ("стр.", "страница"),
            ("източник", "източници"),
            ("„", "“", "‘", "’"),
            long_compounds=True,
            closed_prefixes=_words("не на от до за о об из у в с пре при пред над под раз без"),
            section_words=_words("член глава раздел част"),
        ),
        Language(
            "ca",
            "Catalan",
            "Latin",
            "ca",
            _words(
                """el la els les l' un una uns unes i o però ni de d' del dels a al als en amb
                per sense sobre entre cap des fins que qui on és són era va ha han serà aquest
                aquesta aquests aquestes seu seva seus seves no més molt també es se com si
                quan perquè"""
            ),
            _words(
                """el la els les un una uns unes i o de del dels a al als en amb per sense
                sobre entre cap des fins que seu seva seus seves"""
            ),
            _words("i o ni"),
            _words("per text:"),
            ("foto", "fotografia", "imatge", "figura", "fig.", "il·lustració", "gràfic", "mapa"),
            ("taula",),
            ("pàgina", "pàg."),
            ("font", "fonts"),
            ("«", "»", "“", "”"),
            section_words=_words("article capítol secció part"),
        ),
        Language(
            "cs",
            "Czech",
            "Latin",
            "cs_CZ",
            _words(
                """a i ani nebo ale však že aby když který která které kteří jeho její jejich v
                ve na s se z ze do od o k ke po pro při za před nad pod mezi bez u jako je
                jsou byl byla bylo byli být bude budou má mají není ne to ten ta tento tato
                toto také velmi už jen"""
            ),
            _words(
                """a i ani nebo ale že aby v ve na s se z ze do od o k ke po pro při za před
                nad pod mezi bez u který která které jeho její jejich či"""
            ),
            _words("a i nebo či"),
            _words("autor: text:"),
            ("foto", "obr.", "obrázek", "snímek", "graf", "mapa", "ilustrace"),
            ("tabulka", "tab."),
            ("strana", "str.", "s."),
            ("zdroj", "zdroje"),
            ("„", "“", "‚", "‘"),
            long_compounds=True,
            closed_prefixes=_words(
                "ne na od do po pro při před nad pod za z ze s se v ve u o ob vy roz bez"
            ),
            ordinal_period=True,
            section_words=_words("článek kapitola oddíl část"),
        ),
        Language(
            "da",
            "Danish",
            "Latin",
            "da_DK",
            _words(
                """og eller men at som der den det de en et i på af til for med om fra ved
                under over mellem mod uden efter før gennem er var har havde vil kan skal blev
                bliver ikke sig sin sit sine hans hendes deres også meget"""
            ),
            _words(
                """og eller men en et den det de af i på til for med om fra ved under over
                mellem mod uden at som hans hendes deres sin sit sine samt"""
            ),
            _words("og eller samt"),
            _words("af tekst:"),
            ("foto", "billede", "figur", "fig.", "illustration", "grafik", "kort"),
            ("tabel",),
            ("side", "s."),
            ("kilde", "kilder"),
            ("»", "«", "›", "‹"),
            closed_compounds=True,
            long_compounds=True,
            ordinal_period=True,
            section_words=_words("artikel kapitel afsnit del"),
        ),
        Language(
            "de",
            "German",
            "Latin",
            "de_DE",
            _words(
                """der die das den dem des ein eine einen einem einer eines und oder aber
                sondern von zu zum zur in im an am auf aus bei mit nach seit über unter vor für
                durch gegen ohne um als wie dass daß ist sind war waren hat haben wird werden
                kann können soll muss nicht kein keine sich sein seine ihr ihre es er sie wir
                auch noch sehr wenn ob weil da bzw"""
            ),
            _words(
                """der die das den dem des ein eine einen einem einer eines und oder aber sowie
                von zu zum zur mit für auf aus bei nach über unter vor durch gegen ohne um im am
                ins vom seine ihre ihren ihrem seinen seinem dass"""
            ),
            _words("und oder sowie bzw"),
            _words("von text:"),
            ("foto", "fotos", "bild", "abbildung", "abb.", "grafik", "karte"),
            ("tabelle", "tab."),
            ("seite", "s."),
            ("quelle", "quellen"),
            ("„", "“", "‚", "‘"),
            closed_compounds=True,
            long_compounds=True,
            nouns_capitalised=True,
            ordinal_period=True,
            section_words=_words("artikel kapitel abschnitt teil"),
        ),
        Language(
            "el",
            "Greek",
            "Greek",
            "el_GR",
            _words(
                """ο η το οι τα του της των τον την τους τις ένας μία μια ένα ενός μιας και ή
                αλλά ούτε σε στο στη στην στον στα στους στις από με για προς χωρίς κατά μετά
                πριν μέχρι ως που ότι οποίος οποία οποίο είναι ήταν θα να δεν μην δε επίσης
                πολύ"""
            ),
            _words(
                """ο η το οι τα του της των τον την τους τις ένας μία μια ένα ενός μιας και ή
                αλλά σε στο στη στην στον στα στους στις από με για προς χωρίς κατά που ότι"""
            ),
            _words("και ή"),
            # Greek bylines put the author in the genitive: "Του Γιάννη Παπαδόπουλου".
            _words("του της κείμενο:"),
            ("φωτογραφία", "φωτ.", "εικόνα", "εικ.", "σχήμα", "χάρτης", "γράφημα"),
            ("πίνακας",),
            ("σελίδα", "σελ."),
            ("πηγή", "πηγές"),
            ("«", "»", "“", "”"),
            long_compounds=True,
            closed_prefixes=_words(
                """απο δια εκ εξ εν εμ συν συμ κατα μετα παρα περι προ προσ υπο υπερ αντι ανα
                επι αμφι"""
            ),
            hyphen_min=(1, 1),
            section_words=_words("άρθρο κεφάλαιο ενότητα μέρος"),
        ),
        Language(
            "en",
            "English",
            "Latin",
            "en_US",
            _words(_EN_FUNCTION),
            _words(
                """the a an and or nor of to in for with on at by from as into onto than that
                which whose their its our your my his her between among under over about
                against during through without within upon via per"""
            ),
            _words("and or nor"),
            _words("by text:"),
            (
                "photo",
                "photos",
                "photograph",
                "picture",
                "image",
                "illustration",
                "graphic",
                "chart",
                "map",
                "figure",
                "fig.",
                "credit",
            ),
            ("table", "tab.", "scheme"),
            ("page", "p.", "pg."),
            ("source", "sources"),
            ("“", "”", "‘", "’"),
            section_words=_words("article chapter section part"),
        ),
        Language(
            "es",
            "Spanish",
            "Latin",
            "es",
            _words(
                """el la los las lo un una unos unas y e o u pero ni de del a al en con por para
                sin sobre entre hacia desde hasta que quien cuyo es son era fue ha han será este
                esta estos estas ese esa su sus no más muy también se como si cuando porque"""
            ),
            _words(
                """el la los las un una unos unas y o de del a al en por para con sin sobre
                entre hacia desde que su sus nuestro nuestra"""
            ),
            _words("y e o u ni"),
            _words("por texto:"),
            ("foto", "fotos", "imagen", "gráfico", "mapa", "ilustración", "figura", "crédito"),
            ("tabla",),
            ("página", "pág."),
            ("fuente", "fuentes"),
            ("«", "»", "“", "”"),
            closed_compounds=True,
            section_words=_words("artículo capítulo sección parte"),
        ),
        Language(
            "fr",
            "French",
            "Latin",
            "fr",
            _words(
                """le la les l' un une des du de d' et ou mais ni à au aux en dans sur sous par
                pour avec sans chez entre vers que qui dont où est sont était a ont sera ce
                cette ces son sa ses leur leurs ne pas plus très aussi se il elle ils elles
                nous vous comme si quand car"""
            ),
            _words(
                """le la les un une des du de et ou à au aux en dans par pour sur sous avec sans
                entre vers chez que qui dont leur leurs son sa ses notre votre"""
            ),
            _words("et ou"),
            _words("par texte:"),
            ("photo", "photos", "image", "illustration", "carte", "graphique", "figure", "crédit"),
            ("tableau", "tab."),
            ("page", "p."),
            ("source", "sources"),
            ("«", "»", "“", "”"),
            section_words=_words("article chapitre section partie"),
        ),
        Language(
            "hu",
            "Hungarian",
            "Latin",
            "hu_HU",
            _words(
                """a az egy és vagy de sem hogy mint is nem van volt lesz lett nincs ez azt ezt
                aki ami amely akik amelyek mert ha már még csak meg több nagyon között alatt
                felett után előtt mellett szerint miatt nélkül által"""
            ),
            _words(
                "a az egy és vagy de sem hogy mint aki ami amely akik amelyek mert ha meg illetve"
            ),
            _words("és vagy meg illetve"),
            _words("írta: szöveg:"),
            ("fotó", "fénykép", "kép", "ábra", "térkép", "grafikon", "illusztráció"),
            ("táblázat",),
            ("oldal", "old."),
            ("forrás", "források"),
            ("„", "”", "»", "«"),
            closed_compounds=True,
            long_compounds=True,
            ordinal_period=True,
            section_words=_words("cikk fejezet szakasz rész"),
        ),
        Language(
            "id",
            "Indonesian",
            "Latin",
            "id_ID",
            _words(
                """yang dan di ke dari dengan untuk pada dalam oleh atau tetapi tapi karena jika
                bahwa ini itu adalah ialah merupakan akan telah sudah tidak bukan juga sangat
                lebih para sebuah seorang sebagai antara tentang hingga sampai"""
            ),
            _words(
                """yang dan di ke dari dengan untuk pada dalam oleh atau tetapi karena jika
                bahwa para sebuah seorang sebagai antara tentang serta"""
            ),
            _words("dan atau serta"),
            _words("oleh teks:"),
            ("foto", "gambar", "ilustrasi", "grafik", "peta"),
            ("tabel",),
            ("halaman", "hlm."),
            ("sumber",),
            ("“", "”", "‘", "’"),
            section_words=_words("pasal bab bagian"),
            morpheme_breaks=True,
        ),
        Language(
            "is",
            "Icelandic",
            "Latin",
            "is",
            _words(
                """og eða en að sem er var eru voru hefur hafa mun ekki á í til frá með um við
                af fyrir eftir undir yfir milli án hann hún það þeir þær þau sig sinn sín sitt
                hans hennar þess þessi þetta einnig mjög"""
            ),
            _words(
                """og eða en að sem á í til frá með um við af fyrir undir yfir milli án hans
                hennar sinn sín sitt"""
            ),
            _words("og eða"),
            _words("eftir texti:"),
            ("mynd", "ljósmynd", "kort", "graf"),
            ("tafla",),
            ("síða", "bls."),
            ("heimild", "heimildir"),
            ("„", "“", "‚", "‘"),
            closed_compounds=True,
            long_compounds=True,
            ordinal_period=True,
            section_words=_words("grein kafli hluti"),
        ),
        Language(
            "it",
            "Italian",
            "Latin",
            "it_IT",
            _words(
                """il lo la i gli le l' un uno una e ed o od ma né di del dello della dei degli
                delle a al allo alla ai agli alle da dal dalla in nel nella con per su sul sulla
                tra fra che chi cui è sono era fu ha hanno sarà questo questa questi queste suo
                sua suoi sue non più molto anche si come se quando perché"""
            ),
            _words(
                """il lo la i gli le un uno una e o di del della dei degli delle a al alla ai
                agli alle da dal dalla in nel nella con per su sul sulla tra fra che"""
            ),
            _words("e ed o od"),
            _words("di testo:"),
            ("foto", "immagine", "illustrazione", "grafico", "mappa", "figura", "fig."),
            ("tabella",),
            ("pagina", "pag."),
            ("fonte", "fonti"),
            ("«", "»", "“", "”"),
            closed_compounds=True,
            section_words=_words("articolo capitolo sezione parte"),
        ),
        Language(
            "lt",
            "Lithuanian",
            "Latin",
            "lt",
            _words(
                """ir ar bet o nei kad jog kaip kuris kuri kurie kurios yra buvo bus būti nėra
                ne į iš su be per prie nuo iki po apie už tarp ant dėl pagal tai tas ta šis ši
                jo jos jų taip pat labai"""
            ),
            _words(
                """ir ar bet o kad jog kaip kuris kuri kurie kurios į iš su be per prie nuo iki
                po apie už tarp ant dėl pagal bei"""
            ),
            _words("ir ar bei"),
            _words("autorius: tekstas:"),
            ("nuotr.", "nuotrauka", "pav.", "paveikslas", "schema", "žemėlapis", "iliustracija"),
            ("lentelė",),
            ("puslapis", "psl."),
            ("šaltinis", "šaltiniai"),
            ("„", "“", "‚", "‘"),
            long_compounds=True,
            closed_prefixes=_words("ne nu pa per pri su at ap iš į be"),
            section_words=_words("straipsnis skyrius dalis"),
        ),
        Language(
            "lv",
            "Latvian",
            "Latin",
            "lv_LV",
            _words(
                """un vai bet jo ka kā kas kurš kura kuri kuras ir bija būs būt nav ne uz no ar
                par pie pēc līdz pa bez starp zem virs pirms caur tas tā šis šī viņa viņas viņu
                arī ļoti"""
            ),
            _words(
                """un vai bet ka kā kurš kura kuri kuras uz no ar par pie pēc līdz pa bez starp
                zem virs pirms caur"""
            ),
            _words("un vai"),
            _words("autors: teksts:"),
            ("foto", "attēls", "att.", "karte", "grafiks", "ilustrācija"),
            ("tabula",),
            ("lappuse", "lpp."),
            ("avots", "avoti"),
            ("„", "“", "«", "»"),
            long_compounds=True,
            closed_prefixes=_words("ne no pa par pie sa iz ap at aiz uz"),
            ordinal_period=True,
            section_words=_words("pants nodaļa daļa"),
        ),
        Language(
            "nb",
            "Norwegian Bokmål",
            "Latin",
            "nb_NO",
            _words(
                """og eller men at som den det de en ei et i på av til for med om fra ved under
                over mellom mot uten etter før gjennom er var har hadde vil kan skal ble blir
                ikke seg sin sitt sine hans hennes deres også meget svært"""
            ),
            _words(
                """og eller men en ei et den det de av i på til for med om fra ved under over
                mellom mot uten at som hans hennes deres sin sitt sine samt"""
            ),
            _words("og eller samt"),
            _words("av tekst:"),
            ("foto", "bilde", "figur", "fig.", "illustrasjon", "grafikk", "kart"),
            ("tabell",),
            ("side", "s."),
            ("kilde", "kilder"),
            ("«", "»", "‘", "’"),
            closed_compounds=True,
            long_compounds=True,
            hyphenated_loans=True,
            linking_endings=("sjons", "ings", "hets", "skaps", "doms", "elses", "nads", "tets"),
            ordinal_period=True,
            section_words=_words("artikkel kapittel avsnitt del"),
        ),
        Language(
            "nl",
            "Dutch",
            "Latin",
            "nl_NL",
            _words(
                """de het een en of maar noch van in op te met voor aan bij door naar om uit
                over onder tussen tegen zonder dat die wie wat is zijn was waren heeft hebben
                wordt worden werd kan zal niet geen zich haar hun ook nog zeer als wanneer
                omdat"""
            ),
            _words(
                """de het een en of van in op te met voor aan bij door naar om uit over onder
                tussen tegen zonder dat die zijn haar hun"""
            ),
            _words("en of"),
            _words("door tekst:"),
            ("foto", "afbeelding", "figuur", "illustratie", "grafiek", "kaart"),
            ("tabel",),
            ("pagina", "blz."),
            ("bron", "bronnen"),
            ("“", "”", "‘", "’"),
            closed_compounds=True,
            long_compounds=True,
            section_words=_words("artikel hoofdstuk afdeling deel"),
        ),
        Language(
            "pl",
            "Polish",
            "Latin",
            "pl_PL",
            _words(
                """i w we na z ze do od o przez dla przy po pod nad między bez że który która
                które jego jej ich nie się jest są był była było były być będzie oraz lub albo
                ale czy to ten ta te także bardzo już jak"""
            ),
            _words(
                """i oraz lub albo w we na z ze do od o przez dla przy po pod nad między bez że
                który która które jego jej ich"""
            ),
            _words("i oraz lub albo"),
            _words("tekst: autor:"),
            ("fot.", "foto", "zdjęcie", "rys.", "rysunek", "ilustracja", "wykres", "mapa"),
            ("tabela", "tab."),
            ("strona", "str.", "s."),
            ("źródło", "źródła"),
            ("„", "”", "«", "»"),
            long_compounds=True,
            closed_prefixes=_words(
                "nie na od do po prze przy przed nad pod za z ze s w we u o ob wy roz bez"
            ),
            ordinal_period=True,
            section_words=_words("artykuł rozdział część"),
        ),
        Language(
            "pt",
            "Portuguese",
            "Latin",
            "pt_PT",
            _words(
                """o a os as um uma uns umas e ou mas nem de do da dos das em no na nos nas por
                para com sem sobre entre ao aos pelo pela que quem cujo é são era foi há será
                este esta estes estas esse essa seu sua seus suas não mais muito também se como
                quando porque"""
            ),
            _words(
                """o a os as um uma uns umas e ou de do da dos das em no na nos nas por para com
                sem sobre entre ao aos pelo pela que seu sua seus suas"""
            ),
            _words("e ou"),
            _words("por texto:"),
            ("foto", "fotos", "imagem", "ilustração", "gráfico", "mapa", "figura"),
            ("tabela",),
            ("página", "pág."),
            ("fonte", "fontes"),
            ("«", "»", "“", "”"),
            closed_compounds=True,
            # Prefixes always written with a hyphen (Portuguese orthography of 1990, base XVI).
            hyphen_prefixes=_words("recém ex vice pós pré pró além aquém"),
            enclitics=_words("lo la los las"),
            enclitic_hosts=("á", "ê", "é", "ô", "í"),
            section_words=_words("artigo capítulo secção seção parte"),
        ),
        Language(
            "ro",
            "Romanian",
            "Latin",
            "ro_RO",
            _cedilla(
                _words(
                    """și sau dar ci nici că să care cine ce de la în din pe cu pentru prin fără
                despre până după sub peste între spre un o unui unei niște al ai ale este sunt
                era a au fi va nu se își lui ei lor foarte mai"""
                )
            ),
            _cedilla(
                _words(
                    """și sau dar ci nici că să care de la în din pe cu pentru prin fără despre
                până după sub peste între spre un o unui unei al ai ale ori"""
                )
            ),
            _cedilla(_words("și sau ori")),
            _words("de text:"),
            (
                "foto",
                "fotografie",
                "imagine",
                "figura",
                "fig.",
                "ilustrație",
                "ilustraţie",
                "grafic",
                "hartă",
            ),
            ("tabel", "tabelul"),
            ("pagina", "pag."),
            ("sursa", "sursă", "surse"),
            ("„", "”", "«", "»"),
            closed_endings=_words("lor"),
            section_words=_words("articolul capitolul secţiunea secțiunea partea"),
        ),
        Language(
            "ru",
            "Russian",
            "Cyrillic",
            "ru_RU",
            _words(
                """и а но или ни да в во на с со к ко по о об от до из за у для без при про
                через над под перед между после что чтобы как который которая которое которые
                это этот эта эти тот та те его её ее их он она оно они мы вы я не был была
                было были быть есть будет также очень уже еще ещё же ли бы"""
            ),
            _words(
                """и а но или в во на с со к ко по о об от до из за у для без при про через над
                под перед между что чтобы который которая которое которые"""
            ),
            _words("и или а"),
            _words("автор: текст:"),
            ("фото", "рис.", "рисунок", "иллюстрация", "график", "карта", "схема"),
            ("таблица", "табл."),
            ("стр.", "с.", "страница"),
            ("источник", "источники"),
            ("«", "»", "„", "“"),
            long_compounds=True,
            hyphen_prefixes=_words("кое кой"),
            hyphen_suffixes=_words("то либо нибудь таки"),
            closed_prefixes=_words(
                "не на от до за о об из у в с вы пере при пред над под раз рас воз без"
            ),
            section_words=_words("статья глава раздел часть"),
        ),
        Language(
            "sk",
            "Slovak",
            "Latin",
            "sk_SK",
            _words(
                """a i aj ani alebo ale však že aby keď ktorý ktorá ktoré ktorí jeho jej ich v
                vo na s so z zo do od o k ku po pre pri za pred nad pod medzi bez u ako je sú
                bol bola bolo boli byť bude budú má majú nie to ten tá tento táto toto tiež
                veľmi už len"""
            ),
            _words(
                """a i aj ani alebo ale že aby v vo na s so z zo do od o k ku po pre pri za pred
                nad pod medzi bez u ktorý ktorá ktoré jeho jej ich či"""
            ),
            _words("a i aj alebo či"),
            _words("autor: text:"),
            ("foto", "obr.", "obrázok", "snímka", "graf", "mapa", "ilustrácia"),
            ("tabuľka", "tab."),
            ("strana", "str.", "s."),
            ("zdroj", "zdroje"),
            ("„", "“", "‚", "‘"),
            long_compounds=True,
            closed_prefixes=_words(
                "ne na od do po pre pri pred nad pod za z zo s so v vo u o ob vy roz bez"
            ),
            ordinal_period=True,
            section_words=_words("článok kapitola oddiel časť"),
        ),
        Language(
            "sl",
            "Slovenian",
            "Latin",
            "sl_SI",
            _words(
                """in ali ampak pa tudi da ki ko kot če ker ne ni je so bil bila bilo bili biti
                bo bodo v na s z iz k h o po pri za pred nad pod med brez do od proti skozi ta
                to tisti njegov njena njihov zelo že še le"""
            ),
            _words(
                """in ali ampak pa da ki ko kot če ker v na s z iz k h o po pri za pred nad pod
                med brez do od proti skozi oziroma"""
            ),
            _words("in ali oziroma"),
            _words("avtor: besedilo:"),
            ("foto", "slika", "sl.", "graf", "zemljevid", "ilustracija"),
            ("tabela", "preglednica"),
            ("stran", "str."),
            ("vir", "viri"),
            ("„", "“", "‚", "‘"),
            long_compounds=True,
            closed_prefixes=_words(
                "ne na od do po pre pri pred nad pod za z s v u o ob iz raz brez"
            ),
            ordinal_period=True,
            section_words=_words("člen poglavje oddelek del"),
        ),
        Language(
            "sv",
            "Swedish",
            "Latin",
            "sv",
            _words(
                """en ett den det de och eller men utan av i på till för med om från vid under
                över mellan mot att som är var har hade blir blev kan ska skulle inte sig sin
                sitt sina hans hennes deras också mycket samt"""
            ),
            _words(
                """en ett den det de och eller av i på till för med om från vid under över
                mellan mot utan att som hans hennes deras sin sitt sina"""
            ),
            _words("och eller samt"),
            _words("av text:"),
            ("foto", "bild", "figur", "fig.", "illustration", "grafik", "karta"),
            ("tabell",),
            ("sida", "s."),
            ("källa", "källor"),
            ("”", "”", "’", "’"),
            closed_compounds=True,
            long_compounds=True,
            hyphenated_loans=True,
            linking_endings=("tions", "ings", "hets", "skaps", "doms", "elses", "nads", "tets"),
            section_words=_words("artikel kapitel avsnitt del"),
        ),
        Language(
            "uk",
            "Ukrainian",
            "Cyrillic",
            "uk_UA",
            _latin_i(
                _words(
                    """і й та а але або чи ні в у на з із зі до від по про при за для без над
                    під між через після перед що щоб як який яка яке які це цей ця ці той ті
                    його її їх він вона воно вони ми ви я не був була було були бути є буде
                    також дуже вже ще ж би"""
                )
            ),
            _latin_i(
                _words(
                    """і й та а але або чи в у на з із зі до від по про при за для без над під
                    між через після перед що щоб який яка яке які"""
                )
            ),
            _latin_i(_words("і й та або чи")),
            _words("автор: текст:"),
            (
                "фото",
                "рис.",
                "рисунок",
                "ілюстрація",
                "iлюстрацiя",
                "графік",
                "графiк",
                "карта",
                "схема",
            ),
            ("таблиця", "табл."),
            ("стор.", "с.", "сторінка", "сторiнка"),
            ("джерело", "джерела"),
            ("«", "»", "„", "“"),
            long_compounds=True,
            ending_conjunctions=_words("та"),
            hyphen_prefixes=_words("будь казна хтозна"),
            hyphen_suffixes=_words("то небудь таки"),
            closed_prefixes=_words(
                "не на від до за о об з із у в с ви пере при перед над під роз без"
            ),
            section_words=_words("стаття глава розділ частина"),
        ),
    )
}

#: The structure stage's stop words per language (see ``Language.function_words``).
FUNCTION_WORDS: dict[str, frozenset[str]] = {c: x.function_words for c, x in LANGUAGES.items()}
#: Words a sentence cannot end with (see ``Language.open_words``).
OPEN_WORDS: dict[str, frozenset[str]] = {c: x.open_words for c, x in LANGUAGES.items()}
#: Conjunctions after a suspended hyphen (see ``Language.conjunctions``).
CONJUNCTIONS: dict[str, frozenset[str]] = {c: x.conjunctions for c, x in LANGUAGES.items()}
PYPHEN_DICTS: dict[str, str] = {c: x.pyphen for c, x in LANGUAGES.items()}
#: Languages that write an ordinal number with a period (see the field).
ORDINAL_PERIOD_LANGUAGES = frozenset(c for c, x in LANGUAGES.items() if x.ordinal_period)
#: Languages where two words at a line-end hyphen are one word cut in two (see the field).
CLOSED_LANGUAGES = frozenset(c for c, x in LANGUAGES.items() if x.closed_compounds) | {"nn", "fi"}
#: Languages where long unknown words at a pattern point are line breaks (see the field).
COMPOUNDING_LANGUAGES = frozenset(c for c, x in LANGUAGES.items() if x.long_compounds) | {
    "nn",
    "fi",
}


# ---------------------------------------------------------------------------------------------
# Look-ups for the structure stage.  Each takes the document's language; an unknown language or
# "und" gets the words of every language (the rules that use them need more than one word to
# fire, so a broader list only finds more).

#: Words the structure stage had before the per-language lists; kept in every language's set
#: so that documents in the first 9 languages get the answers they got before.
_LEGACY_BY_WORDS = _words("by von par por di door text: texto: tekst:")
_LEGACY_NAME_JOINERS = _words("and und et y e en & van von de da del la le der")
_LEGACY_CAPTION_WORDS = _split(
    "photo photos photograph picture image illustration graphic chart map figure fig. foto "
    "fotos bild abbildung abb. grafik karte carte figura imagen gráfico mapa ilustración "
    "afbeelding figuur immagine illustrazione credit crédit crédito"
)
_LEGACY_FIGURE_WORDS = _split("figure fig. abbildung abb. figura figuur afbeelding")
_LEGACY_TABLE_WORDS = _split("table tabelle tableau tabla tabel tabella")
_LEGACY_SOURCE_WORDS = _split("source sources quelle quellen fuente fuentes")


_LEGACY_LANGUAGES = _words("en de fr es it nl pt sv pl")


def _union(field: str) -> frozenset[str]:
    return frozenset().union(*(getattr(x, field) for x in LANGUAGES.values()))


def function_words(language: str) -> frozenset[str]:
    """The closed-class words of ``language``; English for a language without a list.

    >>> "the" in function_words("en"), "и" in function_words("ru"), "of" in function_words("xx")
    (True, True, True)
    """
    known = LANGUAGES.get(language)
    return known.function_words if known else LANGUAGES["en"].function_words


def by_words(language: str) -> frozenset[str]:
    """A byline's first word in ``language`` (lower case), with the earlier list's words.

    >>> sorted(by_words("ru") - by_words("en"))
    ['автор:', 'текст:']
    """
    known = LANGUAGES.get(language)
    return _LEGACY_BY_WORDS | (known.by_words if known else _union("by_words"))


#: Words that join names in a byline ("By Anna Novák a Petr Svoboda"): every conjunction.
NAME_JOINERS = _LEGACY_NAME_JOINERS | _union("conjunctions")


def caption_words(language: str) -> tuple[list[str], list[str], list[str]]:
    """(caption prefixes, figure and table words before a number, source-note words) for
    ``language``, each with the earlier lists' words; all languages' when unknown."""
    langs = [LANGUAGES[language]] if language in LANGUAGES else list(LANGUAGES.values())
    caption = set(_LEGACY_CAPTION_WORDS)
    numbered = set(_LEGACY_FIGURE_WORDS + _LEGACY_TABLE_WORDS)
    source = set(_LEGACY_SOURCE_WORDS)
    for x in langs:
        caption |= set(x.caption_words)
        numbered |= set(x.table_words)
        if x.code not in _LEGACY_LANGUAGES:  # "Рисунок 3. ...", "Obr. 2: ..."
            numbered |= set(x.caption_words)
        source |= set(x.source_words)
    return sorted(caption), sorted(numbered), sorted(source)


#: Words before a page number ("Seite 3", "стр. 5"), every language's.
PAGE_WORDS = _words("page p. pg. seite s. página pág. pagina pag.") | _union("page_words")

#: Words before a periodical's volume or issue number that the citation-style terms of
#: :mod:`reflow.data.csl` do not give, written by the reflow developers: German "Jahrgang" /
#: "Jahrg." (the year of a periodical: "7. Jahrgang") and "Heft" (an issue: "Zoologica. Heft
#: 64"), French "année" (a periodical's year: "Année 12") and "n°", the usual typed form of
#: CSL's "nᵒ" (Duden and Larousse give each word with that sense).  "Jahrgang", "Jahrg.", "n°"
#: and "année" are the words the masthead rule read before (tuned on hkb-newspaper); "Heft"
#: was added from impact-bhl (the volume line at the foot of "Zoologica" pages).
_ISSUE_EXTRA = {"de": ("jahrgang", "jahrg.", "heft"), "fr": ("année", "n°")}
#: Of those, the words printed after an ordinal number ("7. Jahrgang"): the masthead rule read
#: this form before (hkb-newspaper).
ISSUE_AFTER_ORDINAL = frozenset({"jahrgang"})


def issue_words(language: str) -> frozenset[str]:
    """Words before a volume or issue number in ``language`` (lower case; CSL locale terms and
    :data:`_ISSUE_EXTRA`), every language's for an unknown code.

    >>> sorted(issue_words("de"))
    ['band', 'bd.', 'heft', 'jahrg.', 'jahrgang', 'nr.', 'nummer']
    >>> "том" in issue_words("ru"), "том" in issue_words("xx")
    (True, True)
    """
    from reflow.data.csl import ISSUE_TERMS

    codes = [language] if language in ISSUE_TERMS else list(ISSUE_TERMS)
    return frozenset(w for c in codes for w in (*ISSUE_TERMS[c], *_ISSUE_EXTRA.get(c, ())))


#: Volume and issue words of every language (:func:`issue_words`): a masthead or a volume line
#: is read before the language of a short text is sure.
ISSUE_WORDS = issue_words("")

#: Quotation marks that open and that close a quotation in any supported language (some are
#: both: "»" opens in Danish and closes in French; "“" opens in English and closes in German).
OPENING_QUOTES = "".join(sorted({q for x in LANGUAGES.values() for q in x.quotes[0::2]}))
CLOSING_QUOTES = "".join(sorted({q for x in LANGUAGES.values() for q in x.quotes[1::2]}))


#: Weekday and month names the date-line rule read before the CLDR lists (two spellings CLDR
#: does not give: German "Sonnabend", Spanish "setiembre").
_LEGACY_DATE_WORDS = ("sonnabend", "setiembre")


def _variants(names: frozenset[str]) -> frozenset[str]:
    names = _cedilla(_latin_i(names))
    return names | {n.replace("ʼ", q) for n in names if "ʼ" in n for q in "’'"}


def date_words(language: str) -> tuple[frozenset[str], frozenset[str]]:
    """(weekdays, months) of ``language`` and English, lower case, from the CLDR (all languages'
    for an unknown one), with the spellings the date-line rule read before.

    >>> "ноября" in date_words("ru")[1], "november" in date_words("ru")[1]
    (True, True)
    """
    from reflow.data.cldr import MONTHS, WEEKDAYS

    codes = [language, "en"] if language in LANGUAGES else list(LANGUAGES)
    # With the Latin-i spellings of the Ukrainian names ("недiля", see _latin_i), the Romanian
    # ones with the cedilla ("marţi", see _cedilla), and CLDR's apostrophe U+02BC also as the
    # typographic and the straight one ("пʼятниця" is printed "п’ятниця").
    days = _variants(frozenset(d for c in codes for d in WEEKDAYS[c]))
    months = _variants(frozenset(m for c in codes for m in MONTHS[c]))
    return days | {"sonnabend"}, months | {"setiembre"}
