#!/usr/bin/env bash
# Installs what the end-to-end tests need, offline (npm registry + Debian packages only):
#   - Debian packages: chromium, neovim, ripgrep, and compilers/headers for code-server's native modules;
#   - code-server 4.100.3 (VS Code 1.100.3, the last line that runs on Node 20), into a cache folder
#     outside the repository (never committed, never in package.json).
# Idempotent: a finished install leaves a marker and is not repeated (~70 s cold, ~0 s warm).
# Usage: e2e/install.sh            (SKIP_APT=1 to skip apt; CSPR_E2E_CACHE to move the cache)
set -euo pipefail
CS_VERSION=4.100.3
# Values baked into code-server 4.100.3 (lib/vscode/npm-shrinkwrap.json, @vscode/ripgrep's postinstall).
RG_PKG_VERSION=1.15.11
RG_RELEASE=v13.0.0-10
RG_TARGET=x86_64-unknown-linux-musl
CACHE="${CSPR_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/cspr-lint-e2e}"
PREFIX="$CACHE/code-server-$CS_VERSION"
log() { echo "[e2e install] $*"; }

need_apt=()
for pair in chromium:chromium nvim:neovim rg:ripgrep g++:g++ make:make python3:python3; do
  command -v "${pair%%:*}" >/dev/null 2>&1 || need_apt+=("${pair##*:}")
done
[ -f /usr/include/krb5.h ] || [ -f /usr/include/krb5/krb5.h ] || need_apt+=(libkrb5-dev)
if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "${SKIP_APT:-0}" = 1 ]; then
    log "missing Debian packages (${need_apt[*]}) and SKIP_APT=1: not installing them"
  elif [ "$(id -u)" != 0 ]; then
    log "missing Debian packages (${need_apt[*]}); run as root or install them: apt-get install -y ${need_apt[*]}"
  else
    log "apt-get install ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${need_apt[@]}" >/dev/null
  fi
fi

if [ -f "$PREFIX/.installed" ] && [ -x "$PREFIX/node_modules/.bin/code-server" ]; then
  log "code-server $CS_VERSION already in $PREFIX"
  exit 0
fi

node -e 'process.exit(process.versions.node.split(".")[0] === "20" ? 0 : 1)' \
  || { log "code-server $CS_VERSION needs Node 20; skipping it (the VS Code tests will be skipped)"; exit 0; }
NODEDIR="${NODEDIR:-/usr}"
grep -q "NODE_MAJOR_VERSION 20" "$NODEDIR/include/node/node_version.h" 2>/dev/null \
  || { log "no Node 20 headers under $NODEDIR/include/node; skipping code-server"; exit 0; }
command -v rg >/dev/null || { log "ripgrep (rg) is needed to install code-server offline; skipping it"; exit 0; }

# @vscode/ripgrep's postinstall would download rg from GitHub: seed its cache with Debian's rg.
RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-$RG_PKG_VERSION"
mkdir -p "$RG_CACHE"
RG_BIN="$(readlink -f "$(command -v rg)")"
tar czf "$RG_CACHE/ripgrep-$RG_RELEASE-$RG_TARGET.tar.gz" -C "$(dirname "$RG_BIN")" "$(basename "$RG_BIN")"

log "installing code-server $CS_VERSION into $PREFIX (about 70 s)"
rm -rf "$PREFIX"
mkdir -p "$PREFIX"
cd "$PREFIX"
echo '{"name":"cspr-lint-e2e-host","private":true}' > package.json
# unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty's postinstall runs
# `npx node-gyp`; nodedir: node-gyp builds against local headers instead of downloading them.
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir="$NODEDIR"
if ! npm install --foreground-scripts --no-audit --no-fund --no-save "code-server@$CS_VERSION" > install.log 2>&1; then
  log "npm install of code-server failed; see $PREFIX/install.log"
  tail -20 install.log
  exit 1
fi
test -x node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg
XDG_TMP="$(mktemp -d)"
XDG_CONFIG_HOME="$XDG_TMP/config" XDG_DATA_HOME="$XDG_TMP/data" node_modules/.bin/code-server --version
rm -rf "$XDG_TMP"
touch .installed
log "code-server installed in $PREFIX"
