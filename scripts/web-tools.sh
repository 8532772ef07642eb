#!/usr/bin/env bash
# Checks what the web app and its browser tests need: Node.js 20+ with npm, and Debian's chromium for headless tests.
# Installs chromium with apt-get when it is missing and we are root (CI and the project's machines); otherwise says
# how to install it. Sourced by ./hnsw.

hnsw_need_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "需要 Node.js 20+ 与 npm / Node.js 20+ with npm is required to build the web app (apt-get install nodejs npm)." >&2
    return 1
  fi
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    echo "需要 Node.js 20+ / Node.js 20+ is required; found $(node -v)." >&2
    return 1
  fi
}

hnsw_need_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "[hnsw] installing Debian's chromium for the browser tests" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >&2 || return 1
    return 0
  fi
  echo "需要 chromium / the browser tests need Debian's chromium at /usr/bin/chromium (sudo apt-get install chromium)." >&2
  return 1
}
