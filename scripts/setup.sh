#!/usr/bin/env bash
# Installs everything mkdocs-polax needs to build, serve and test, on a fresh Debian/Ubuntu machine:
# Debian's Chromium and a Java runtime (browser and HTML-checker tests), a virtualenv in .venv with the
# package and its test tools, and the npm packages axe-core and vnu-jar. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
# nginx: tests check the nginx redirect map with `nginx -t` and serve a built site with it.
{ command -v nginx || [ -x /usr/sbin/nginx ]; } >/dev/null 2>&1 || need_apt+=(nginx-light)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  echo "setup: installing ${need_apt[*]} with apt-get"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'

if [ -f package.json ]; then
  npm install --no-audit --no-fund --silent
fi
echo "setup: done (.venv ready)"
