# CPack settings for the Debian package: `cpack -G DEB` in the build folder (scripts/package)
# writes vigia_<version>_amd64.deb. What goes in it is the install() rules of the top-level
# CMakeLists.txt and packaging/CMakeLists.txt, nothing else (tests/ has no install rules).
set(CPACK_PACKAGE_NAME "vigia")
set(CPACK_PACKAGE_VENDOR "Vigía")
set(CPACK_PACKAGE_CONTACT "Vigía developers <vigia@localhost>")
# Debian's synopsis: lower case, no leading article.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "native desktop console for a small K3s server over SSH")
set(CPACK_PACKAGE_DESCRIPTION
"Vigía is a Qt desktop console for a small VPS that runs K3s. Pick a server
and, over SSH only, see what is red, read pod status, tail logs, roll out,
browse the applications' SQLite data and chart memory and CPU per namespace
against the server's budget.
.
No Kubernetes API port is opened and no kubeconfig leaves the server: kubectl
runs on the server, through one SSH session. Vigía authenticates like ssh
does (agent, key files, ~/.ssh/config) and checks host keys against
~/.ssh/known_hosts.
.
Features: a live pod table with problems first, pod details, deployments,
nodes and live events; a log viewer that follows, searches and merges a
whole deployment; rollout restart, undo, scale and delete pod, confirmed and
recorded in an audit trail; consistent snapshots of the applications' SQLite
databases with a table browser; capacity history kept for 30 days; and a
read-only mode that refuses every command that would change the server.")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/vigia/vigia")
set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
# The build is RelWithDebInfo: strip, or the binary's debug info makes the package ~10x bigger.
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_FILE_NAME "DEB-DEFAULT") # vigia_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_COMPRESSION_TYPE "xz")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# dpkg-shlibdeps finds the libraries the binary links: Qt (Core, Gui, Widgets, Network, Sql,
# Concurrent, DBus, Charts), qtkeychain, libssh2, libsqlite3, libstdc++, libc.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What shlibdeps cannot see, because it is loaded at run time or run as a program:
#   libqt6sql6-sqlite      the QSQLITE driver plugin (history, audit trail, snapshots)
#   libqt6svg6             the SVG image-format and icon-engine plugins (Debian 12 ships them
#                          in the library's own package; there is no qt6-svg-plugins)
#   qt6-qpa-plugins        extra platform plugins (Debian 12 ships xcb in libqt6gui6; this one
#                          is only Recommended by libqt6gui6, so it is named here)
#   fonts-dejavu-core      the font the interface and the log viewer fall back to
#   openssh-client         ssh-keygen, which the host-key and key messages tell the user to run
#   qt6-translations-l10n  Qt's own translations (qtbase_es.qm) for the translated interface
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, libqt6svg6, qt6-qpa-plugins, fonts-dejavu-core, openssh-client, qt6-translations-l10n")
# The Wayland platform plugin; without it Qt uses xcb through Xwayland.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")
# (libqt6keychain1 itself recommends gnome-keyring | kwalletmanager for kept passphrases.)
include(CPack)
