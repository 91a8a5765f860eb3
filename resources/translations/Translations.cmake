# Included from ui/CMakeLists.txt (so the custom commands live beside vigia_ui).
#
# Two catalogues per language: vigia_core_<lang>.ts for the strings in app/ and
# vigia_ui_<lang>.ts for ui/. The build only compiles them (lrelease); it never
# rewrites them. After changing user-visible strings, refresh the catalogues with
#   cmake --build <build> --target vigia_update_translations
# which runs, from the source root:
#   lupdate app -ts resources/translations/vigia_core_es.ts -no-obsolete -locations relative
#   lupdate ui  -ts resources/translations/vigia_ui_es.ts   -no-obsolete -locations relative
# then translate the new entries (Qt Linguist or by hand) until
#   lrelease resources/translations/*.ts   reports no unfinished message.
set(VIGIA_TS_DIR ${PROJECT_SOURCE_DIR}/resources/translations)
set(VIGIA_LANGUAGES es)

set(_vigia_ts_files)
foreach(_lang IN LISTS VIGIA_LANGUAGES)
  list(APPEND _vigia_ts_files ${VIGIA_TS_DIR}/vigia_core_${_lang}.ts ${VIGIA_TS_DIR}/vigia_ui_${_lang}.ts)
endforeach()
set_source_files_properties(${_vigia_ts_files} PROPERTIES OUTPUT_LOCATION ${CMAKE_CURRENT_BINARY_DIR}/i18n)

qt_add_lrelease(vigia_ui TS_FILES ${_vigia_ts_files} QM_FILES_OUTPUT_VARIABLE VIGIA_QM_FILES
                OPTIONS -silent NO_GLOBAL_TARGET)
qt_add_resources(vigia_ui vigia_translations
                 PREFIX /i18n
                 BASE ${CMAKE_CURRENT_BINARY_DIR}/i18n
                 FILES ${VIGIA_QM_FILES})
install(FILES ${VIGIA_QM_FILES} DESTINATION share/vigia/translations)

# On demand only: refresh the .ts files from the sources (never part of a normal build).
set(_vigia_lupdate_cmds)
foreach(_lang IN LISTS VIGIA_LANGUAGES)
  list(APPEND _vigia_lupdate_cmds
       COMMAND Qt6::lupdate -silent app -ts ${VIGIA_TS_DIR}/vigia_core_${_lang}.ts -no-obsolete -locations relative
       COMMAND Qt6::lupdate -silent ui -ts ${VIGIA_TS_DIR}/vigia_ui_${_lang}.ts -no-obsolete -locations relative)
endforeach()
add_custom_target(vigia_update_translations ${_vigia_lupdate_cmds}
                  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} VERBATIM
                  COMMENT "Updating resources/translations/*.ts from app/ and ui/")
