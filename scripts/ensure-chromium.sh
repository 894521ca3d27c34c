#!/usr/bin/env bash
# Makes sure Debian's Chromium and a CJK font are installed, for Playwright.
# Playwright never downloads a browser here: it launches /usr/bin/chromium
# (or $CHROMIUM_PATH). Installs with apt-get only what is missing; needs root
# or passwordless sudo for that.
set -euo pipefail

log() { printf '[ensure-chromium] %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    die "need root (or passwordless sudo) to run: $*"
  fi
}

chromium_path=${CHROMIUM_PATH:-/usr/bin/chromium}

has_chromium() { [ -x "$chromium_path" ]; }
has_cjk_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh family 2>/dev/null)" ]; }

apt_updated=""
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install $* yourself"
  if [ -z "$apt_updated" ]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -qq </dev/null >&2
    apt_updated=1
  fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq \
    --no-install-recommends "$@" </dev/null >&2
}

if ! has_chromium; then
  [ "$chromium_path" = /usr/bin/chromium ] || die "CHROMIUM_PATH=$chromium_path is not executable"
  apt_install chromium
  has_chromium || die "chromium installed but $chromium_path is missing"
fi

if ! has_cjk_font; then
  # fontconfig comes with chromium; Noto CJK is the nicer font, WenQuanYi the small fallback.
  apt_install fontconfig fonts-noto-cjk || apt_install fontconfig fonts-wqy-microhei
  has_cjk_font || die "no CJK font after installing one (fc-list :lang=zh is empty)"
fi

# The Debian wrapper script may print a harmless shell warning: drop stderr.
version=$("$chromium_path" --version 2>/dev/null || true)
font=$(fc-match "sans-serif:lang=zh-cn" family 2>/dev/null || true)
log "${version:-chromium at $chromium_path}; CJK font: ${font}"
