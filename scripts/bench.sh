#!/usr/bin/env bash
# make bench: run every bench/bench_*.py against its own database and print the figures.
set -euo pipefail
source "$(dirname "$0")/env.sh"
DB="${BENCH_DB:-quality_bench}"; PORT="${BENCH_PORT:-8269}"
write_conf "$DB" "$PORT"
shopt -s nullglob
benches=("$ROOT"/bench/bench_*.py)
[ ${#benches[@]} -gt 0 ] || { echo "[bench] no benchmark in bench/ yet"; exit 0; }
for b in "${benches[@]}"; do
    echo "[bench] $(basename "$b")"
    "$PY" "$b" --config "$CONF" --db "$DB"
done
