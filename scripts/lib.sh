# Shared by scripts/demo and scripts/test: install only what is missing, then
# configure and build. Sourced, not run.
set -euo pipefail

VIGIA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VIGIA_BUILD="${VIGIA_BUILD:-$VIGIA_ROOT/build}"
# Lets ccache reuse objects across clones in different folders (CI clones afresh).
export CCACHE_BASEDIR="$VIGIA_ROOT" CCACHE_NOHASHDIR=true

# Debian 12 packages the build, the tests and the demo need.
VIGIA_PACKAGES=(
  g++ cmake ninja-build pkg-config ccache git
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6sql6-sqlite libgl-dev
  libqt6opengl6-dev qt6-l10n-tools qt6-tools-dev qt6-translations-l10n
  libssh2-1-dev libsqlite3-dev sqlite3 qtkeychain-qt6-dev
  openssh-client python3 procps fonts-dejavu-core
  xvfb xauth dbus
  dpkg-dev fakeroot file desktop-file-utils appstream
)

vigia_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

vigia_sudo() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

vigia_install_deps() {
  local missing=()
  for p in "${VIGIA_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # Any kubectl will do (the project only needs a real one); Debian's is kubernetes-client.
  command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
  if [ ${#missing[@]} -gt 0 ]; then
    vigia_log "Installing missing packages: ${missing[*]}"
    vigia_sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive vigia_sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

vigia_build() {
  local werror="${VIGIA_WERROR:-ON}"
  vigia_log "Configuring in $VIGIA_BUILD"
  cmake -S "$VIGIA_ROOT" -B "$VIGIA_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DVIGIA_WERROR="$werror" >/dev/null
  vigia_log "Building"
  cmake --build "$VIGIA_BUILD" -j"$(nproc)"
}

# Compares what the last build used (CMake files, headers, libraries) and the programs the tests
# and the demo run with what VIGIA_PACKAGES installs. The checker lives beside the project
# (../shared/tools); without it there is nothing to compare with, which is said, not hidden.
vigia_check_install_list() {
  local checker="$VIGIA_ROOT/../shared/tools/check-install-list"
  if [ ! -e "$checker" ]; then
    vigia_log "No install-list checker at $checker: skipped"
    return 0
  fi
  vigia_log "Checking the install list against what the build used"
  python3 "$checker" "$VIGIA_BUILD" --from-script "$VIGIA_ROOT/scripts/lib.sh" \
    --binary python3 --binary sqlite3 --binary Xvfb --binary dbus-daemon --binary ssh
}
