# CPack: the Debian package. Run `cpack -G DEB` in a configured and built build directory.
# Dependencies come from dpkg-shlibdeps (Debian dpkg-dev) on the installed binary.
set(CPACK_PACKAGE_NAME dbtriage)
set(CPACK_PACKAGE_VENDOR "The dbtriage developers")
set(CPACK_PACKAGE_CONTACT "The dbtriage developers <dbtriage@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Query and lock diagnostics for PostgreSQL, MySQL and MariaDB")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/dbtriage/dbtriage")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE") # MIT, as in the metainfo
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION database)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/dbtriage/dbtriage")  # as in the metainfo
# The Qt platform plugins for X11/Wayland are loaded at run time, so dpkg-shlibdeps cannot
# see them; the German and French Qt dialogs come from Qt's translations.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, bash-completion")
# CPack puts the summary first and indents these lines as the extended description.
set(CPACK_PACKAGE_DESCRIPTION
"dbtriage connects read-only to a PostgreSQL, MySQL or MariaDB server, samples
it every few seconds and says in plain sentences what is wrong and what to do
next: connection saturation by state and application, the root blocker of a
lock pile-up and what it holds, the longest transactions, and the statements
that cost most now.

It runs as a desktop application (Qt 6) and headless on a bastion host
(dbtriage collect), writing evidence bundles for a ticket.")

include(CPack)
