#!/usr/bin/env bash
# scale.sh builds libraries of 1,000, 10,000, 100,000 and 1,000,000 real
# references and reports, per size, what the library costs: import time and
# peak memory (beside the parse-only time of the same file, in the same
# run), 'check' of a fixed article (its wall time, and its CPU time and
# peak memory, steadier on a shared machine), 'search' p50 and p95 over a fixed list
# of queries (bench/scale-queries.txt), 'export' of every reference, and the
# library's size on disk. bench/RESULTS.md holds a run and how to read it.
#
#   bench/scale.sh                              every size (the 1M import takes a while)
#   bench/scale.sh -sizes 1000,10000            some sizes
#   bench/scale.sh -sizes 100000 -shards 4      an index of 4 shards (docs/scale.md)
#   bench/scale.sh -runs 5                      timed runs of check and export (default 3)
#   bench/scale.sh -fresh-ids                   repeats get fresh DOIs too, not only fresh keys
#   bench/scale.sh -sizes 1000000 -reuse        measure a library built by an earlier run again
#
# With -reuse, a library an earlier run imported completely (same size,
# -fresh-ids and -shards) is kept: check, search, export and disk are
# measured on it again, and its row shows the earlier run's parse and
# import figures, marked "(earlier run)". Without it every library is
# imported afresh.
#
# The inputs are bench/runner's (as bench/peers.sh builds them): the real
# entries of the shared corpora, interleaved, then repeated under fresh keys
# (-r2, -r3, ... after every key and crossref) up to the size. They are
# imported with --on-duplicate keep, so that every repeat is stored and
# indexed as a reference of its own. With -fresh-ids the repeats' DOIs get
# the same suffix as their keys, so that a look-up by DOI finds one work.
#
# EVIDENT_CORPORA names the shared corpora folder (default: ../shared/corpora
# beside the repository); EVIDENT_BENCH_WORK the scratch folder (default:
# bench/.work, ignored by git). The report goes to WORK/scale.md.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
work=${EVIDENT_BENCH_WORK:-$here/.work}
corpora=${EVIDENT_CORPORA:-$repo/../shared/corpora}
sizes=1000,10000,100000,1000000
shards=""
runs=3
fresh=""
reuse=""
while [ $# -gt 0 ]; do
	case $1 in
	-sizes) sizes=$2; shift 2 ;;
	-shards) shards=$2; shift 2 ;;
	-runs) runs=$2; shift 2 ;;
	-fresh-ids) fresh=-fresh-ids; shift ;;
	-reuse) reuse=1; shift ;;
	-h | --help) sed -n '2,/^set -e/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) echo "scale.sh: unknown argument $1 (see -h)" >&2; exit 2 ;;
	esac
done
[ -x /usr/bin/time ] || { echo "scale.sh: needs GNU time (apt-get install time)" >&2; exit 2; }
article=$corpora/articles/deep-review/content/02.intro.md
[ -f "$article" ] || { echo "scale.sh: no $article (set EVIDENT_CORPORA)" >&2; exit 2; }
if [ -n "$shards" ]; then
	export EVIDENT_INDEX_SHARDS=$shards
fi

mkdir -p "$work/bin" "$work/scale"
(
	cd "$repo"
	go build -o "$work/bin/evident" ./cmd/evident
	go build -o "$work/bin/parseonly" ./bench/parseonly
	go build -o "$work/bin/runner" ./bench/runner
)
ev=$work/bin/evident
# Inputs with fresh DOIs are not bench/peers.sh's: they get a folder of
# their own.
inputs=$work
[ -z "$fresh" ] || inputs=$work/fresh-ids
"$work/bin/runner" -work "$inputs" -bin "$work/bin" -bench "$here" -corpora "$corpora" -inputs-only -sizes "$sizes" $fresh >&2

# timed CMD... runs CMD under GNU time and prints "SECONDS KB CPU" (wall
# seconds, peak resident KB, user+system seconds); its output
# goes to /dev/null. Exit status 1 (findings) counts as success, and so do
# the statuses in $ok.
timed() {
	local t=$work/scale/time.txt
	/usr/bin/time -f "%e %M %U %S" -o "$t" "$@" >/dev/null 2>"$work/scale/stderr.txt" || {
		local rc=$?
		if [ $rc -ne 1 ] && [[ " ${ok:-} " != *" $rc "* ]]; then
			echo "scale.sh: $* failed ($rc):" >&2
			tail -3 "$work/scale/stderr.txt" >&2
			exit 1
		fi
	}
	tail -1 "$t" | awk '{printf "%s %s %.2f\n", $1, $2, $3 + $4}'
}

# median of numbers on standard input; pct P of them (nearest rank).
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
pct() { sort -g | awk -v p="$1" '{a[NR]=$1} END {i=int((p*NR+99)/100); if (i<1) i=1; print a[i]}'; }
mb() { awk '{printf "%.0f", $1/1024}'; }

report=$work/scale.md
rev=$(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown)
{
	echo "evident $rev; $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $(go version | awk '{print $3}'); shards: ${shards:-default}; ${fresh:-keys fresh, DOIs repeated}; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo
	echo "| references | parse-only | import | import / parse | import peak | check (median) | search p50 | search p95 | export (median) | library on disk | check CPU (median) | check peak |"
	echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$report"

IFS=, read -r -a ns <<<"$sizes"
for n in "${ns[@]}"; do
	label=$n
	[ "$n" -ge 1000 ] && label=$((n / 1000))k
	in=$inputs/inputs/real-$label.bib
	lib=$work/scale/lib-$label$fresh
	# what a complete import of lib was: "parse import KB shards", written
	# once the import finished, so that -reuse never measures half a
	# library.
	made=$lib.import
	note=""
	if [ -n "$reuse" ] && [ -d "$lib" ] && [ -f "$made" ] && [ "$(cut -d' ' -f4 "$made")" = "${shards:-default}" ]; then
		echo "scale.sh: $n references: reusing $lib" >&2
		read -r parse imp impKB _ <"$made"
		note=" (earlier run)"
	else
		rm -rf "$lib" "$made"
		echo "scale.sh: $n references: parse, import" >&2
		read -r parse _ < <(timed "$work/bin/parseonly" "$in")
		# The real entries hold a few that are broken (bench/RESULTS.md):
		# they are rejected, and the exit status is 2.
		read -r imp impKB _ < <(ok=2 timed "$ev" --library "$lib" import -q --on-duplicate keep "$in")
		[ -n "$impKB" ] || { echo "scale.sh: the import of $n references failed" >&2; exit 1; }
		echo "$parse $imp $impKB ${shards:-default}" >"$made"
		echo "scale.sh: $n references: parse-only ${parse} s, import ${imp} s, import peak $(echo "$impKB" | mb) MB" >&2
	fi
	echo "scale.sh: $n references: check, search, export" >&2
	checks=$(for _ in $(seq "$runs"); do timed "$ev" --library "$lib" check "$article"; done)
	check=$(echo "$checks" | cut -d' ' -f1 | median)
	checkCPU=$(echo "$checks" | cut -d' ' -f3 | median)
	checkKB=$(echo "$checks" | cut -d' ' -f2 | median)
	# Each figure is said as it is measured: a run stopped part-way
	# leaves what it measured.
	echo "scale.sh: $n references: check ${check} s (CPU ${checkCPU} s, peak $(echo "$checkKB" | mb) MB)" >&2
	searches=$work/scale/search-$label.txt
	: >"$searches"
	while IFS= read -r q; do
		[ -n "$q" ] || continue
		timed "$ev" --library "$lib" search --limit 20 "$q" | cut -d' ' -f1 >>"$searches"
	done <"$here/scale-queries.txt"
	p50=$(pct 50 <"$searches")
	p95=$(pct 95 <"$searches")
	echo "scale.sh: $n references: search p50 ${p50} s, p95 ${p95} s" >&2
	exp=$(for _ in $(seq "$runs"); do timed "$ev" --library "$lib" export --format bibtex | cut -d' ' -f1; done | median)
	disk=$(du -sk "$lib" | cut -f1 | mb)
	ratio=$(awk -v a="$imp" -v b="$parse" 'BEGIN {printf "%.1f×", a/b}')
	printf '| %s | %s s%s | %s s%s | %s | %s MB | %s s | %s s | %s s | %s s | %s MB | %s s | %s MB |\n' \
		"$n" "$parse" "$note" "$imp" "$note" "$ratio" "$(echo "$impKB" | mb)" "$check" "$p50" "$p95" "$exp" "$disk" \
		"$checkCPU" "$(echo "$checkKB" | mb)" >>"$report"
	tail -1 "$report" >&2
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$report"
cat "$report"
