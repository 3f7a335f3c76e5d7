#!/usr/bin/env bash
# The one test command (npm test): installs the system tools the tests need, then runs
# type checks, lint and format checks, unit tests (vitest), both builds and the end-to-end tests (Playwright in Debian Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

bash tests/setup/ensure-system-tools.sh

echo "== PostgreSQL + PostGIS test server (private port, unprivileged user; stopped at the end)"
pg_env="$(bash tests/setup/postgis-server.sh start)"
eval "$pg_env"
export RUMIJA_PG_HOST RUMIJA_PG_PORT RUMIJA_PG_SUPERUSER RUMIJA_PG_SUPER_PASSWORD RUMIJA_PG_TLS RUMIJA_PG_CA
export RUMIJA_PG_REQUIRED=1
trap 'bash tests/setup/postgis-server.sh stop' EXIT

echo "== type check"
npm run --silent typecheck

echo "== lint (ESLint, type-aware) and format (Prettier)"
npm run --silent lint
npm run --silent format:check

echo "== unused files, exports and dependencies (knip)"
node node_modules/knip/bin/knip.js --no-progress

echo "== build (Electron app and browser renderer)"
node node_modules/electron-vite/bin/electron-vite.js build
node node_modules/vite/bin/vite.js build --config renderer/vite.config.mts --logLevel warn

echo "== unit tests (vitest)"
mkdir -p out
node node_modules/vitest/vitest.mjs run --config tests/vitest.config.ts --reporter=default --reporter=json --outputFile.json=out/vitest.json

echo "== end-to-end tests (Playwright, Chromium ${CHROMIUM_PATH:-/usr/bin/chromium})"
if [ -z "${ELECTRON_OVERRIDE_DIST_PATH:-}" ]; then
  echo "   Electron launch test will be skipped: no Electron binary (set ELECTRON_OVERRIDE_DIST_PATH to run it)."
fi
node node_modules/@playwright/test/cli.js test --config tests/playwright.config.ts

node tests/setup/print-totals.mjs out/vitest.json out/playwright.json
