#!/usr/bin/env bash
# countries.sh regenerates search/data/countries.yaml, the names of the
# world's countries in German, English and Chinese, from Debian's iso-codes
# package (LGPL-2.1+; see search/data/COUNTRIES-LICENSE.md and
# cmd/gencountries for what it takes). The version is pinned: the same
# package gives the same file, byte for byte. Needs apt-get (with package
# lists: run apt-get update once), dpkg-deb and go. Run it from anywhere in
# the repository:
#
#   scripts/countries.sh
set -euo pipefail

ISO_CODES_VERSION=4.15.0-1
ISO_CODES_SHA256=b1beb869303229c38288d4ddacfd582c91f594759b5767c9cecebd87f16ff70e

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(
	cd "$work"
	if ! apt-get -q -o APT::Sandbox::User=root download "iso-codes=$ISO_CODES_VERSION" >&2; then
		echo "countries.sh: apt-get download failed; run apt-get update first" >&2
		exit 1
	fi
	echo "$ISO_CODES_SHA256  iso-codes_${ISO_CODES_VERSION}_all.deb" | sha256sum --quiet -c -
	dpkg-deb -x "iso-codes_${ISO_CODES_VERSION}_all.deb" pkg
)
cd "$root"
go run ./cmd/gencountries -iso "$work/pkg" -version "$ISO_CODES_VERSION" -out search/data/countries.yaml
