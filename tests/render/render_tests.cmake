# CTest registration of the rendering tests that are scripts (included from tests/CMakeLists.txt).
# Both skip (exit 77, reported as "Skipped") only when their tool is not installed.
add_test(NAME render_axe_core
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/render/axe_test.sh $<TARGET_FILE:kvs> ${CMAKE_BINARY_DIR}/tests/render/axe
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(render_axe_core PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
add_test(NAME render_libreoffice_pdf
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/render/libreoffice_test.sh $<TARGET_FILE:kvs> ${CMAKE_BINARY_DIR}/tests/render/pdf
         WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
set_tests_properties(render_libreoffice_pdf PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 600)
