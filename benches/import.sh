#!/usr/bin/env bash
# How long `sitrep import` takes (issue 10: 10,000 seeds in under 2 s wall with the
# content on tmpfs): generates N seeds (seed 42) into a tmpfs folder, makes a site
# there, then imports the seeds RUNS times (the reports removed before each run, as a
# first import; the import record stays, as after an earlier import) and prints each
# run and the median wall, user and system time and peak memory.
#
#   benches/import.sh                   # N = 10000, RUNS = 5
#   N=1000 RUNS=3 benches/import.sh
#
# Needs python3 and the workplace's bench tools (SHARED, default ../shared/bench:
# gen_corpus.py). The machine should be idle: import uses every core.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared/bench}
N=${N:-10000}
RUNS=${RUNS:-5}
WORK=${WORK:-/dev/shm/sitrep-bench-import}
mkdir -p "$WORK"
cargo build --release --quiet
sitrep=$(pwd)/target/release/sitrep
seeds="$WORK/seeds-$N"
if [ ! -d "$seeds/seed" ]; then
  python3 "$SHARED/gen_corpus.py" --count "$N" --format seed --seed 42 --out "$seeds" --clean >/dev/null
fi
site="$WORK/site-$N"
[ -d "$site" ] || "$sitrep" --quiet init "$site" >/dev/null
times="$WORK/times-$N"
: > "$times"
for run in $(seq "$RUNS"); do
  rm -rf "$site/content/reports"
  /usr/bin/time -o "$times" -a -f "%e %U %S %M" "$sitrep" --quiet import "$seeds/seed" --root "$site"
  echo "run $run: $(tail -1 "$times" | awk '{printf "%.2f s wall, %.2f s user, %.2f s sys, %d KiB peak", $1, $2, $3, $4}')"
done
median() { sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
echo "$N seeds, median of $RUNS: $(cut -d' ' -f1 "$times" | median) s wall," \
  "$(cut -d' ' -f2 "$times" | median) s user, $(cut -d' ' -f3 "$times" | median) s sys," \
  "$(cut -d' ' -f4 "$times" | median) KiB peak"
