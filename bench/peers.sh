#!/usr/bin/env bash
# peers.sh times evident side by side with other BibTeX tools (biber, bibtool,
# pandoc, bibtexparser, pybtex, citation-js, @retorquere/bibtex-parser) on
# inputs of 1,000, 10,000 and 100,000 real entries, and writes a Markdown
# report. bench/RESULTS.md says what it found and how to read it.
#
#   bench/peers.sh                         everything (about an hour here)
#   bench/peers.sh -sizes 1000 -runs 3     a quick look
#   bench/peers.sh -only 'evident|biber'   some rows (ids: see runner/rows.go)
#   bench/peers.sh -h                      every flag of the runner
#
# EVIDENT_CORPORA names the shared corpora folder (default: ../shared/corpora
# beside the repository); EVIDENT_BENCH_WORK the scratch folder (default:
# bench/.work, ignored by git). The report goes to WORK/results.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
work=${EVIDENT_BENCH_WORK:-$here/.work}
corpora=${EVIDENT_CORPORA:-$repo/../shared/corpora}

# The peers from Debian. bibtexparser and pybtex are Debian's Python
# modules, so the Python is Debian's /usr/bin/python3, whatever python3 is
# first on PATH.
missing=()
for tool in biber bibtool pandoc; do
	command -v "$tool" >/dev/null || missing+=("$tool")
done
[ -x /usr/bin/time ] || missing+=(time)
[ -x /usr/bin/python3 ] || missing+=(python3)
/usr/bin/python3 -c 'import bibtexparser' 2>/dev/null || missing+=(python3-bibtexparser)
/usr/bin/python3 -c 'import pybtex' 2>/dev/null || missing+=(python3-pybtex)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
	echo "peers.sh: installing ${missing[*]}" >&2
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get update -q
	$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The JavaScript peers, at the versions package-lock.json pins.
if [ ! -d "$here/node_modules/@citation-js/core" ] || [ ! -d "$here/node_modules/@retorquere/bibtex-parser" ] ||
	[ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
	echo "peers.sh: installing the JavaScript peers into bench/node_modules" >&2
	(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

mkdir -p "$work/bin"
(
	cd "$repo"
	go build -o "$work/bin/evident" ./cmd/evident
	go build -o "$work/bin/parseonly" ./bench/parseonly
	go build -o "$work/bin/runner" ./bench/runner
)
rev=$(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown)
exec "$work/bin/runner" -work "$work" -bin "$work/bin" -bench "$here" -corpora "$corpora" -rev "$rev" "$@"
