#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keytar talks to
# a real Secret Service without touching the user's own keychain.
# Usage: scripts/with-keyring.sh <command...>
set -euo pipefail
if [ -z "${FRONT_DESK_IN_KEYRING:-}" ]; then
  export FRONT_DESK_IN_KEYRING=1
  exec dbus-run-session -- "$0" "$@"
fi
home=$(mktemp -d)
export XDG_DATA_HOME="$home/data" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# Piping a password creates and unlocks the login keyring without any prompt.
eval "$(printf 'front-desk-tests' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
eval "$(gnome-keyring-daemon --start --components=secrets 2>/dev/null)"
export GNOME_KEYRING_CONTROL
trap 'pkill -P $$ gnome-keyring-d 2>/dev/null || true; rm -rf "$home"' EXIT
"$@"
