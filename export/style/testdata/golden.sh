#!/bin/sh
# golden.sh regenerates the reference-list golden files in golden/ from
# rich.bib with pandoc's citeproc (pandoc 2.17 or later) and the official CSL
# styles of the shared corpora. Run it from this directory:
#
#	sh golden.sh [CORPORA]
#
# CORPORA is the shared corpora folder; by default the one beside the module
# checkout. Each style is run on an empty document whose metadata cites every
# entry (nocite: "@*"), with pandoc's default locale (en-US), and written as
# plain text (golden/<id>.txt: one entry per paragraph, lines unwrapped; the
# file TestGolden compares with) and as pandoc Markdown (golden/<id>.md:
# citations rendered, "-citations", so italics and links can be read; each
# entry is a ::: csl-entry div).
set -eu

corpora=${1:-../../../../shared/corpora}
csl=$corpora/csl
if [ ! -d "$csl" ]; then
	echo "golden.sh: no CSL styles in $csl (give the corpora folder as the argument)" >&2
	exit 2
fi
command -v pandoc >/dev/null 2>&1 || {
	echo "golden.sh: pandoc is not installed" >&2
	exit 2
}

mkdir -p golden
# id:file pairs: our style id and the CSL file that defines it.
for pair in \
	apa:apa \
	vancouver:vancouver \
	ama:american-medical-association \
	ieee:ieee \
	chicago:chicago-author-date \
	harvard:harvard-cite-them-right \
	mla:modern-language-association; do
	id=${pair%%:*}
	file=${pair#*:}
	for fmt in plain:txt markdown-citations:md; do
		to=${fmt%%:*}
		ext=${fmt#*:}
		printf -- '---\nnocite: "@*"\n---\n' |
			pandoc -f markdown --citeproc --csl "$csl/$file.csl" \
				--bibliography rich.bib -t "$to" --wrap=none \
				>"golden/$id.$ext"
	done
	echo "golden/$id.txt: $(grep -c . "golden/$id.txt") entries"
done
