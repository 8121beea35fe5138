#!/usr/bin/env bash
# What one search costs a reader, and what the index costs the build: builds N
# generated reports with sitrep, then counts in headless Chromium the bytes each query
# downloads from the search page (script, index parts, result data), and times the
# build with and without the search index's share (`--verbose` phases).
#
#   benches/search.sh                      # N = 10000, queries: gaza ceasefire, drone, kachin, 停火
#   NS="10000 100000" benches/search.sh "gaza ceasefire" drone
#
# Needs: node and Chromium with playwright-core as `../shared/tools/check-site --install`
# sets them up (~/.cache/check-site), python3, and the workplace's bench tools (SHARED,
# default ../shared/bench: gen_corpus.py, search_payload.cjs). Optionally Pagefind
# (PAGEFIND=1: `pip install pagefind-bin` into target/bench-pagefind-venv) for the time
# it takes to index the same built site.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared/bench}
NS=${NS:-10000}
WORK=${WORK:-/dev/shm/sitrep-bench}
mkdir -p "$WORK"
[ $# -gt 0 ] || set -- "gaza ceasefire" drone kachin 停火
cargo build --release --quiet
sitrep=$(pwd)/target/release/sitrep
for n in $NS; do
  # The default configuration (paginated index pages), as a new user has it.
  site="$WORK/default-$n"
  if [ ! -d "$site/content/reports" ]; then
    python3 "$SHARED/gen_corpus.py" --count "$n" --format markdown --seed 42 --out "$WORK/md-$n" --clean >/dev/null
    mkdir -p "$site/content" && cp -r "$WORK/md-$n/reports" "$site/content/"
    printf 'title: Bench\nbase_url: https://example.org/\n' > "$site/config.yaml"
  fi
  out="$WORK/search-out-$n"
  rm -rf "$out"
  /usr/bin/time -f "build: %e s wall, %U s user, %M KiB peak" "$sitrep" --verbose build --root "$site" --output "$out"
  echo "search index: $(find "$out/search" -type f | wc -l) files, $(du -sb "$out/search" | cut -f1) bytes"
  echo "search.js: $(stat -c %s "$out/search.js") bytes (loaded with the search page)"
  node "$SHARED/search_payload.cjs" "$out" "$@"
  if [ "${PAGEFIND:-0}" = 1 ]; then
    venv=target/bench-pagefind-venv
    [ -x "$venv/bin/python" ] || { python3 -m venv "$venv"; "$venv/bin/pip" install --quiet pagefind-bin; }
    pf=$(ls "$venv"/lib/python3*/site-packages/pagefind_bin/pagefind* | head -1)
    /usr/bin/time -f "pagefind: %e s wall, %M KiB peak" "$pf" --site "$out" --output-subdir _pagefind >/dev/null
  fi
done
