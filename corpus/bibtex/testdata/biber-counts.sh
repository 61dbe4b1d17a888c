#!/usr/bin/env bash
# biber-counts.sh — how many entries biber (tool mode) reads from each BibTeX
# file of the shared corpus, each file read alone.
#
# Usage: biber-counts.sh CORPUS_DIR > biber-counts.tsv
#
#   CORPUS_DIR  the corpora/bibtex folder; every regular file below it except
#               LICENSE* is taken as BibTeX input.
#
# Environment (optional): BIBER (default: biber), JOBS (default: 2),
# TIMEOUT (seconds per file, default: 120).
#
# Each file is copied into its own temporary directory and biber runs there as
#   biber --tool --output-file=TMP/biber-output.bib NAME
# so the corpus is never written to (biber writes NAME.blg next to its input,
# and with no --output-file a file without extension would be overwritten).
# The temporary directory, also used as TMPDIR for biber, is removed afterwards.
#
# Output: "relative/path<TAB>N", N = lines of biber's output that begin with
# "@" and are not @string, @preamble or @comment (case-insensitive);
# "failed" when biber wrote no output file; "timeout" when it ran out of time.
# Sorted by path (C collation).
set -euo pipefail

if [[ $# -ne 1 || ! -d $1 ]]; then
	echo "usage: $0 CORPUS_DIR" >&2
	exit 2
fi
corpus=$(cd "$1" && pwd)
export BIBER=${BIBER:-biber}
export TIMEOUT=${TIMEOUT:-120}
jobs=${JOBS:-2}

command -v "$BIBER" >/dev/null || { echo "$0: $BIBER not found" >&2; exit 1; }
command -v timeout >/dev/null || { echo "$0: timeout not found" >&2; exit 1; }

# count_one CORPUS RELPATH: run biber on a copy of one file, print one line.
count_one() {
	local corpus=$1 rel=$2 tmp name rc result
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/biber-counts.XXXXXX")
	# shellcheck disable=SC2064
	trap "rm -rf '$tmp'" RETURN
	name=${rel##*/}
	mkdir "$tmp/in" "$tmp/tmp"
	cp -- "$corpus/$rel" "$tmp/in/$name"
	rc=0
	(cd "$tmp/in" && TMPDIR="$tmp/tmp" timeout -k 10 "$TIMEOUT" \
		"$BIBER" --tool --output-file="$tmp/biber-output.bib" -- "$name") \
		>"$tmp/biber.log" 2>&1 || rc=$?
	if [[ $rc -eq 124 || $rc -eq 137 ]]; then
		result=timeout
	elif [[ -f $tmp/biber-output.bib ]]; then
		result=$(awk '
			/^@/ {
				t = tolower($0)
				if (t !~ /^@[ \t]*(string|preamble|comment)([^a-z0-9_]|$)/) n++
			}
			END { print n + 0 }' "$tmp/biber-output.bib")
	else
		result=failed
	fi
	printf '%s\t%s\n' "$rel" "$result"
}
export -f count_one

version=$("$BIBER" --version 2>&1 | head -n 1)

printf '# file\tentries written by biber --tool (failed: no output)\n'
printf '# %s (biber --tool, one file at a time, timeout %s s)\n' "$version" "$TIMEOUT"

(cd "$corpus" && find . -type f ! -name 'LICENSE*' -printf '%P\0') |
	xargs -0 -r -n 1 -P "$jobs" bash -c 'count_one "$1" "$2"' _ "$corpus" |
	LC_ALL=C sort
