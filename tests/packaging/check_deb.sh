#!/usr/bin/env bash
# check_deb.sh BUILD_DIR VERSION [CPACK]
# Makes the .deb with cpack into a temporary folder and checks: exactly the expected files,
# Depends (Qt, libssh2, the run-time plugins and fonts, no -dev package), the .desktop entry and
# the AppStream metainfo validate, the icons have their sizes, and the extracted binary runs.
# Prints "bench: deb_size VALUE KB".
set -euo pipefail
build=$(cd "$1" && pwd)
version=$2
cpack=${3:-cpack}

errors=0
fail() { echo "FAIL: $*" >&2; errors=$((errors + 1)); }
die() { echo "FAIL: $*" >&2; exit 1; }

for tool in "$cpack" dpkg-deb dpkg-shlibdeps dpkg desktop-file-validate appstreamcli file gzip; do
  command -v "$tool" >/dev/null || die "$tool is missing (scripts/lib.sh installs it)"
done
[ -f "$build/CPackConfig.cmake" ] || die "no CPackConfig.cmake in $build"
[ -x "$build/vigia" ] || die "$build/vigia is not built"

work=$(mktemp -d "${TMPDIR:-/tmp}/vigia-deb.XXXXXX")
trap 'rm -rf "$work"' EXIT

# -B: the package and CPack's staging tree go to $work, not into the build folder.
if ! "$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
  cat "$work/cpack.log" >&2
  die "cpack failed"
fi
arch=$(dpkg --print-architecture)
deb="$work/out/vigia_${version}_${arch}.deb"
if [ ! -f "$deb" ]; then
  cat "$work/cpack.log" >&2
  ls -la "$work/out" >&2
  die "cpack did not write vigia_${version}_${arch}.deb"
fi
echo "package: $(basename "$deb")"

# --- the file list: exactly these, plus translations when the build made any ------------------
expected=(
  ./usr/bin/vigia
  ./usr/share/applications/vigia.desktop
  ./usr/share/icons/hicolor/128x128/apps/vigia.png
  ./usr/share/icons/hicolor/256x256/apps/vigia.png
  ./usr/share/icons/hicolor/48x48/apps/vigia.png
  ./usr/share/icons/hicolor/scalable/apps/vigia.svg
  ./usr/share/man/man1/vigia.1.gz
  ./usr/share/metainfo/io.github.vigia.Vigia.metainfo.xml
)
dpkg-deb -c "$deb" >"$work/contents"
# Everything but directories (type letter 'd'); the path is the 6th field.
awk '$1 !~ /^d/ {print $6}' "$work/contents" | sort >"$work/files"
grep -v '^\./usr/share/vigia/translations/[^/]*\.qm$' "$work/files" >"$work/files-fixed" || true
printf '%s\n' "${expected[@]}" | sort >"$work/expected"
if ! diff -u "$work/expected" "$work/files-fixed" >"$work/files.diff"; then
  cat "$work/files.diff" >&2
  fail "the package's files differ from the expected list (- missing, + unexpected)"
fi
awk '{print $6}' "$work/contents" | grep -v -E '^\./(usr/?)?$' | grep -v '^\./usr/' \
  && fail "entries outside /usr"
grep -E -i '(^|/)(tests?|sandbox|bench)(/|$)|vigia-bench|vigia-sandbox|vigia-render-icon' "$work/files" \
  && fail "test, sandbox or bench files in the package"
qm_in_package=$(grep -c '\.qm$' "$work/files" || true)
qm_in_build=$(find "$build" -name '*.qm' -not -path "$build/tests/*" -not -path '*/_CPack_Packages/*' | wc -l)
echo "translations: $qm_in_build .qm in the build, $qm_in_package in the package"
if [ "$qm_in_build" -gt 0 ] && [ "$qm_in_package" -eq 0 ]; then
  fail "the build made .qm translations but none is in usr/share/vigia/translations/"
fi

# --- control fields --------------------------------------------------------------------------
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = vigia ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)'"
[ "$(field Section)" = admin ] || fail "Section is '$(field Section)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ "$(field Description | wc -l)" -ge 5 ] || fail "the Description has no long description"
depends=$(field Depends)
echo "Depends: $depends"
# One package name per line: split on ',' and '|', drop version constraints and :arch.
tr ',|' '\n\n' <<<"$depends" | sed -E 's/\(.*\)//; s/:[a-z0-9]+//; s/^ +//; s/ +$//' | grep -v '^$' \
  | sort -u >"$work/depends"
for p in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6sql6 libqt6charts6 libqt6svg6 \
         libssh2-1 libqt6sql6-sqlite qt6-qpa-plugins fonts-dejavu-core openssh-client \
         qt6-translations-l10n; do
  grep -qx "$p" "$work/depends" || fail "Depends lacks $p"
done
grep -E -- '-dev$' "$work/depends" && fail "Depends names a -dev package"

# --- the extracted files ---------------------------------------------------------------------
root="$work/root"
dpkg-deb -x "$deb" "$root"
desktop-file-validate "$root/usr/share/applications/vigia.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.vigia.Vigia.metainfo.xml" \
  || fail "appstreamcli validate"
# The tree as a whole: the metainfo's launchable names the installed .desktop, the icon exists.
appstreamcli validate-tree --no-net "$root" || fail "appstreamcli validate-tree"
for size in 48 128 256; do
  png="$root/usr/share/icons/hicolor/${size}x${size}/apps/vigia.png"
  file -b "$png" | grep -q "PNG image data, $size x $size" || fail "$png is not a ${size}x${size} PNG"
done
gzip -t "$root/usr/share/man/man1/vigia.1.gz" || fail "the man page is not a valid .gz"
for section in NAME SYNOPSIS DESCRIPTION OPTIONS ENVIRONMENT FILES "SEE ALSO"; do
  gzip -dc "$root/usr/share/man/man1/vigia.1.gz" | grep -q "^\.SH \"\?$section" || fail "man page: no $section"
done
gzip -dc "$root/usr/share/man/man1/vigia.1.gz" | grep -q "vigia $version" || fail "man page: not version $version"
file -b "$root/usr/bin/vigia" | grep -q ', stripped' || fail "usr/bin/vigia is not stripped"
out=$("$root/usr/bin/vigia" --version 2>&1) || fail "usr/bin/vigia --version exited $?"
echo "vigia --version: $out"
grep -q "$version" <<<"$out" || fail "vigia --version does not print $version"

# --- size ------------------------------------------------------------------------------------
bytes=$(stat -c %s "$deb")
kb=$(awk -v b="$bytes" 'BEGIN {printf "%.1f", b / 1024}')
echo "Installed-Size: $(field Installed-Size) KB"
[ "$bytes" -le $((5 * 1024 * 1024)) ] || fail "the package is $kb KB, over 5 MB"
echo "bench: deb_size $kb KB"

[ "$errors" -eq 0 ] || die "$errors check(s) failed"
echo "OK"
