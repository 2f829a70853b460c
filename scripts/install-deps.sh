#!/usr/bin/env bash
# Installs the Debian 12 packages kvs needs, and only those that are missing.
#   scripts/install-deps.sh          build and run
#   scripts/install-deps.sh --test   also what the test suite needs
# Must run as root (or with sudo available) on Debian 12.
set -euo pipefail

# The build links the static archives these -dev packages ship (cmake/dependencies.cmake).
build_packages=(cmake g++ ninja-build pkg-config libboost-dev libicu-dev libcmark-dev
                libpugixml-dev libdeflate-dev libsqlite3-dev)
# libzip: the tests read every DOCX back with it, independently of kvs's own ZIP writer.
test_packages=(catch2 libzip-dev python3 clang libclang-rt-14-dev nodejs npm chromium libreoffice-writer
               poppler-utils time unzip)

packages=("${build_packages[@]}")
if [ "${1:-}" = "--test" ]; then packages+=("${test_packages[@]}"); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm and node may come from outside Debian on some machines; accept them if they work.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
read -r -a missing <<< "${missing[*]}"
if [ "${#missing[@]}" -eq 0 ]; then
  echo "kvs: alle nødvendige pakker er installeret"
  exit 0
fi
echo "kvs: installerer ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
