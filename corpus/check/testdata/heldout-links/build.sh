#!/bin/sh
# Rebuilds vitamin-d.docx from vitamin-d.src.md: pandoc writes the draft,
# mkdocx adds the tracked changes, the comment and the Zotero fields.
# Run from this directory; needs pandoc and Go.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# SOURCE_DATE_EPOCH fixes the dates pandoc writes, so that the same pandoc
# gives the same file.
SOURCE_DATE_EPOCH=1771582500 pandoc -f markdown -t docx -o "$tmp/pandoc.docx" vitamin-d.src.md
go run ./mkdocx "$tmp/pandoc.docx" vitamin-d.docx
