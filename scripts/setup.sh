#!/usr/bin/env bash
# Sets up a fresh machine: Node dependencies from the lock file, and the Debian packages the
# tests need (installed by the project, never by hand). Safe to run twice.
#   - libreoffice-calc-nogui, poppler-utils: the templates are converted to PDF and checked (A4, orientation)
#   - libreoffice-writer-nogui: the drafted documents (.docx: II.7.A, II.7.B…) are converted to PDF the same way
#   - chromium: end-to-end test of the standalone page (playwright-core drives Debian's Chromium)
#   - fonts-liberation2: Liberation Serif 2.x is metric-compatible with Times New Roman, the forms'
#     font, and has the Vietnamese letters ("ế", "ữ"…), so LibreOffice lays pages out in tests as Word
#     and Excel print them. fonts-liberation (1.07) lacks those letters: every accented letter fell
#     back to DejaVu Serif. The print tests fail on any font other than Liberation Serif (pdffonts).
#   - fonts-crosextra-carlito: Carlito is metric-compatible with Calibri, the workbooks' default font,
#     whose digit width is the unit of column widths: without it LibreOffice measures columns in
#     DejaVu Sans, about 12% wider than Excel does, and fit-to-width shrinks the sheets under 9 pt.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-calc-nogui)
[ -e /usr/lib/libreoffice/program/libswlo.so ] || need+=(libreoffice-writer-nogui)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -e /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf ] || need+=(fonts-liberation2)
[ -e /usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf ] || need+=(fonts-crosextra-carlito)
if [ "${#need[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

npm ci --no-audit --no-fund
