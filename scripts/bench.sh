#!/usr/bin/env bash
# npm run bench [-- --pages N]: native tesseract is measured beside
# tesseract.js, so Debian's tesseract-ocr and its chi_sim model are installed
# here when missing (as .ci/run does for chromium), with GNU time, which
# measures the OCR route's peak RSS; then the bench is compiled and run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx chi_sim || [ ! -x /usr/bin/time ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-chi-sim time
fi
npx tsc -p tsconfig.json
node dist/src/bench/main.js "$@"
