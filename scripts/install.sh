#!/usr/bin/env bash
# Install everything sk_generator needs on a fresh Debian machine, idempotently:
# LibreOffice Writer (headless, for PDF), metric-compatible fonts, poppler (PDF checks),
# python3-uno (a warm LibreOffice for the web editor's preview) and a virtual environment
# .venv with the package. `--test` adds the test tools and Debian's chromium, which the
# browser test drives through Playwright (no browser download).
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
if [[ "${1:-}" == "--test" ]]; then
  extras="[test]"
fi

SUDO=""
if [[ "$(id -u)" != "0" ]]; then
  SUDO="sudo"
fi

packages=(libreoffice-writer-nogui fonts-liberation2 poppler-utils python3-venv python3-uno)
if [[ -n "$extras" ]]; then
  packages+=(chromium)
fi
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "Memasang paket Debian: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [[ ! -x .venv/bin/python ]]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extras}"
