#!/usr/bin/env bash
# Runs the whole test suite, browser tests included, on a fresh Debian machine with the .NET 10 SDK.
# Installs Debian's Chromium when it is missing and stops loudly when it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium not found: installing Debian's chromium package ..."
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null; }; then
    echo "ERROR: could not install chromium with apt-get; the browser tests need /usr/bin/chromium." >&2
    exit 1
  fi
fi
/usr/bin/chromium --version

results="$(pwd)/TestResults"
rm -rf "$results"
status=0
dotnet test MYK10.Participation.sln -c Release --logger "trx" --results-directory "$results" || status=$?

# One closing line over all test projects.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p')
  f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  t=$(echo "$counters" | sed -n 's/.* total="\([0-9]*\)".*/\1/p')
  e=$(echo "$counters" | sed -n 's/.* executed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then
  echo "ERROR: no test ran." >&2
  exit 1
fi
exit "$status"
