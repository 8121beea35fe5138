#!/usr/bin/env bash
# Writes src/render/theme_history.rs: the SHA-256 of every earlier version of each
# default theme file, from this repository's git history. A site whose theme holds
# an unchanged copy of an earlier default (as `sitrep init` made it) gets the current
# default instead (see src/render/theme.rs). Run after changing a file under
# themes/default/ and committing; a test checks that the list is complete.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."
out=src/render/theme_history.rs
{
  echo "//! The SHA-256 of every earlier version of the default theme's files (generated"
  echo "//! by \`scripts/theme_history.sh\` from the git history; do not edit)."
  echo
  echo "/// \`(path under themes/default/, SHA-256 in hex)\` of earlier versions, sorted."
  echo "pub const EARLIER_DEFAULTS: &[(&str, &str)] = &["
  for f in $(git ls-files themes/default; git log --full-history --format= --name-only --diff-filter=D -- themes/default | sort -u); do
    current=$( [ -f "$f" ] && sha256sum "$f" | cut -d' ' -f1 || echo none)
    git log --full-history --format=%H -- "$f" | while read -r c; do
      git show "$c:$f" 2>/dev/null | sha256sum | cut -d' ' -f1 || true
    done | sort -u | while read -r h; do
      # (an empty blob: the commit that deleted the file)
      [ "$h" = "$current" ] || [ "$h" = e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 ] && continue
      echo "    (\"${f#themes/default/}\", \"$h\"),"
    done
  done | LC_ALL=C sort -u
  echo "];"
} > "$out"
rustfmt --edition 2024 "$out"
echo "wrote $out ($(grep -cE '"[0-9a-f]{64}"' "$out") earlier versions)"
