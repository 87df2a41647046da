#!/usr/bin/env bash
# Fuzz one reader with atheris (pip install atheris), seeded from the fixtures (docs/fuzzing.md).
#   fuzz/run.sh FORMAT [SECONDS] [libFuzzer options…]     FORMAT: txt docx html pdf structured
# The corpus grows in fuzz/.work/corpus/FORMAT, crashes land in fuzz/.work/crashes/ (both ignored by git).
set -euo pipefail
cd "$(dirname "$0")"
format="${1:?usage: fuzz/run.sh txt|docx|html|pdf|structured [SECONDS] [libFuzzer options]}"
seconds="${2:-60}"
shift $(( $# < 2 ? $# : 2 ))
corpus=".work/corpus/$format"
mkdir -p "$corpus" .work/crashes
fixtures=../tests/fixtures
case "$format" in
  txt) seeds=("$fixtures"/*.txt "$fixtures"/variants/*.txt) ;;
  docx) seeds=("$fixtures"/*.docx "$fixtures"/variants/*.docx) ;;
  html) seeds=("$fixtures"/*.html "$fixtures"/variants/*.html) ;;
  pdf) seeds=("$fixtures"/*.pdf "$fixtures"/variants/*.pdf) ;;
  structured) seeds=(../tests/read/data/report.yaml) ;;
  *) echo "fuzz/run.sh: unknown format $format" >&2; exit 2 ;;
esac
cp -n "${seeds[@]}" "$corpus"/   # copies: libFuzzer writes into the corpus folder, never into tests/
exec python3 "fuzz_$format.py" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=30 \
  -artifact_prefix=.work/crashes/"$format"- "$@"
