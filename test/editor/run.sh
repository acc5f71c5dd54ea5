#!/usr/bin/env bash
# The real-editor tests: installs (or reuses) code-server, Node 24 and Chromium, then runs the
# extension's mocha suite inside the real VS Code workbench and the UI smoke test.
#   QARINA_EDITOR=electron   use @vscode/test-electron instead (needs a machine that can download VS Code)
#   QARINA_EDITOR_KEEP=1     keep the temp workspace, profile and logs
#   QARINA_EDITOR_SKIP_UI=1  run only the extension suite
# Logs: test-output/editor/ ; screenshots: test-output/ui/
set -euo pipefail
cd "$(dirname "$0")/../.."
start=$(date +%s)

# Always rebuild (a few seconds): a stale dist/ would test old code.
node esbuild.js

if [ "${QARINA_EDITOR:-code-server}" = "electron" ]; then
  exec node_modules/.bin/tsx test/editor/runElectron.ts
fi

# (An assignment, so that a failing setup stops the script under set -e; eval "$(…)" would not.)
setup_env=$(bash test/editor/setup.sh --print-env) || { echo "[editor] setup.sh failed" >&2; exit 1; }
eval "$setup_env"
export QARINA_NODE24 QARINA_CODE_SERVER QARINA_CHROMIUM
status=0
node_modules/.bin/tsx test/editor/runCodeServer.ts || status=$?
echo "[editor] run.sh finished in $(( $(date +%s) - start )) s with status $status"
exit $status
