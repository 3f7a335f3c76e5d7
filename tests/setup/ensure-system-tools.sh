#!/usr/bin/env bash
# Installs, from Debian's packages, the programs the tests drive: Chromium (Playwright runs it;
# no browser download), GDAL's ogrinfo (an independent GeoJSON reader), poppler (PDF pages), Info-ZIP's unzip
# (opens the zips of notices as a user's archiver would) and
# PostgreSQL with PostGIS (the team database the sync tests run two clients against), and QGIS's
# Python (python3-qgis: reads the styles a project file writes into layer_styles, as QGIS would).
set -euo pipefail

need=()
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium)
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
command -v pdfinfo >/dev/null 2>&1 || need+=(poppler-utils)
command -v unzip >/dev/null 2>&1 || need+=(unzip)
command -v geod >/dev/null 2>&1 || need+=(proj-bin)   # PROJ geod: the geodesic oracle of e2e STA checks
command -v sqlite3 >/dev/null 2>&1 || need+=(sqlite3) # reads GDAL-written GeoPackage blobs in the WKB test
command -v exiftool >/dev/null 2>&1 || need+=(libimage-exiftool-perl) # writes the EXIF of test photos, reads it back
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 || need+=(postgresql-postgis)
/usr/bin/python3 -c 'import qgis.core' >/dev/null 2>&1 || need+=(python3-qgis)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi

echo "== installing system packages: ${need[*]}"
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "Needs root to install ${need[*]} (apt-get). Install them, or set CHROMIUM_PATH to an existing Chromium." >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${need[@]}"
