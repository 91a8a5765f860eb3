# CPack settings. A .deb comes with its own issue; these are the basics it will build on.
set(CPACK_PACKAGE_NAME "vigia")
set(CPACK_PACKAGE_VENDOR "Vigía")
set(CPACK_PACKAGE_CONTACT "Vigía developers <vigia@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_GENERATOR "TGZ;DEB")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# shlibdeps cannot see plugins and fonts loaded at run time.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_SECTION "admin")
include(CPack)
