"""Parse a BibTeX file with one of the Python tools evident is compared with,
and print how many entries it returned.

    peer.py bibtexparser FILE
    peer.py pybtex FILE
    peer.py versions

Run it with Debian's /usr/bin/python3, which has python3-bibtexparser and
python3-pybtex; bench/peers.sh does.
"""

import sys


def parse_bibtexparser(path):
    import bibtexparser
    from bibtexparser.bparser import BibTexParser

    # Keep every entry type (biblatex's too) and the month macros, as the
    # other tools do.
    parser = BibTexParser(common_strings=True, ignore_nonstandard_types=False)
    with open(path, encoding="utf-8") as f:
        db = bibtexparser.load(f, parser=parser)
    return len(db.entries)


def parse_pybtex(path):
    import pybtex.errors
    from pybtex.database import parse_file

    # Non-strict: a bad entry or an undefined macro is a warning, as it is
    # for the other tools, not the end of the file.
    pybtex.errors.set_strict_mode(False)
    return len(parse_file(path, bib_format="bibtex").entries)


def versions():
    import bibtexparser
    import pybtex

    return "bibtexparser %s, pybtex %s" % (bibtexparser.__version__, pybtex.__version__)


def main(argv):
    if argv[1:] == ["versions"]:
        print(versions())
        return 0
    if len(argv) != 3 or argv[1] not in ("bibtexparser", "pybtex"):
        print(__doc__, file=sys.stderr)
        return 2
    parse = parse_bibtexparser if argv[1] == "bibtexparser" else parse_pybtex
    print(parse(argv[2]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
