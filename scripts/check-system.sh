#!/usr/bin/env bash
# Fails at once, with the exact install line, when a system package the tests need is missing.
set -u
missing=()
command -v dbus-run-session >/dev/null 2>&1 || missing+=(dbus)
command -v dbus-launch >/dev/null 2>&1 || missing+=(dbus-x11)
command -v gnome-keyring-daemon >/dev/null 2>&1 || missing+=(gnome-keyring)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
if ! pkg-config --exists libsecret-1 2>/dev/null && [ ! -e /usr/include/libsecret-1/libsecret/secret.h ]; then
  missing+=(libsecret-1-dev)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Missing system packages for the tests: ${missing[*]}" >&2
  echo "Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
if [ ! -e node_modules/.package-lock.json ]; then
  echo "Dependencies are not installed. Run: npm install" >&2
  exit 1
fi
