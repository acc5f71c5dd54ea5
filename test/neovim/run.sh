#!/usr/bin/env bash
# The Neovim test: installs Neovim from Debian when missing (test/editor/setup.sh --neovim), builds
# the server, and runs neovim.test.ts (headless Neovim and its own LSP client against dist/server.js).
set -euo pipefail
cd "$(dirname "$0")/../.."
node esbuild.js
setup_env=$(bash test/editor/setup.sh --neovim --print-env) || { echo "[neovim] setup.sh failed" >&2; exit 1; }
eval "$setup_env"
export QARINA_NVIM
exec node_modules/.bin/mocha --import=tsx 'test/neovim/**/*.test.ts'
