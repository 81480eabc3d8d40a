# ctest packaging_desktop_matches_metainfo: the metainfo's launchable names the .desktop file we
# install, and both use the same reverse-DNS id and icon (hotspot's drifted apart unchecked).
file(READ "${DESKTOP}" desktop)
file(READ "${METAINFO}" metainfo)
foreach(needle "<id>${APP_ID}</id>" "<launchable type=\"desktop-id\">${APP_ID}.desktop</launchable>")
  string(FIND "${metainfo}" "${needle}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "metainfo lacks ${needle}")
  endif()
endforeach()
string(FIND "${desktop}" "\nIcon=${APP_ID}\n" at)
if(at EQUAL -1)
  message(FATAL_ERROR "desktop file's Icon= is not ${APP_ID}")
endif()
