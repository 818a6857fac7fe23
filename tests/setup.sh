#!/bin/sh
# Installs what gen needs, if missing; idempotent.
#   tests/setup.sh          to build and run gen (Debian packages)
#   tests/setup.sh --test   also what the test suite needs: Chromium, Java,
#                           Node.js and the npm packages of tests/web
#   tests/setup.sh --fuzz   also clang and libFuzzer for make fuzz
set -eu
cd "$(dirname "$0")/.."
pkgs="gcc make pkg-config libc6-dev libxml2-dev libcsv-dev libhpdf-dev libhyphen-dev
    libxxhash-dev libutf8proc-dev libpng-dev libjpeg62-turbo-dev libfreetype-dev
    libfribidi-dev libzip-dev libxlsxwriter-dev libharfbuzz-dev hyphen-de
    fonts-liberation2 fonts-dejavu-core fonts-wqy-microhei icc-profiles-free"
if [ "${1:-}" = "--test" ]; then
	pkgs="$pkgs chromium valgrind qpdf poppler-utils python3 python3-openpyxl
	    libpdfbox2-java libactivation-java libjaxb-api-java mandoc libxml2-utils"
	command -v java >/dev/null 2>&1 || pkgs="$pkgs default-jre-headless"
	command -v node >/dev/null 2>&1 || pkgs="$pkgs nodejs"
	command -v npm >/dev/null 2>&1 || pkgs="$pkgs npm"
fi
[ "${1:-}" = "--fuzz" ] && pkgs="$pkgs clang libclang-rt-14-dev"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
	    missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "setup: installing$missing"
	if [ "$(id -u)" -ne 0 ]; then
		echo "setup: run as root, or: apt-get install$missing" >&2
		exit 1
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
if [ "${1:-}" = "--test" ] && { [ ! -d tests/web/node_modules/playwright-core ] ||
    [ ! -d tests/web/node_modules/axe-core ] ||
    [ ! -f tests/web/node_modules/vnu-jar/build/dist/vnu.jar ]; }; then
	echo "setup: npm ci in tests/web"
	(cd tests/web && npm ci --no-audit --no-fund --loglevel=error)
fi
