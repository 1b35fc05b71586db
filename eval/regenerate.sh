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
  hyphen-it hyphen-nl
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -e '.[test]' -r eval/requirements.txt
nice .venv/bin/python eval/generate.py --typesetter pdflatex "$@"
nice .venv/bin/python eval/generate.py --typesetter libreoffice "$@"
