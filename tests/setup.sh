#!/bin/sh
# Installs the Debian packages gen needs to build and test, if missing.
# Idempotent: does nothing when everything is there.
set -eu
pkgs="gcc make libc6-dev libxml2-dev libcsv-dev libhpdf-dev"
missing=""
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
	    missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "setup: installing$missing"
if [ "$(id -u)" -ne 0 ]; then
	echo "setup: run as root, or: apt-get install$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
