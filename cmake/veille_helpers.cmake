# veille_stage(NAME DEPS ...): the static library of one pipeline stage, built from every
# .cc file in src/NAME except main.cc. Public headers live in include/veille/, private ones
# beside the sources.
function(veille_stage name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${name}/*.cc)
  list(FILTER sources EXCLUDE REGEX "/main\\.cc$")
  add_library(veille_${name} STATIC ${sources})
  target_include_directories(veille_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include
                             PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(veille_${name} PUBLIC ${ARG_DEPS} PRIVATE veille_warnings)
endfunction()

# veille_test(NAME SOURCES ... DEPS ... LABELS ...): one GoogleTest binary registered with CTest.
function(veille_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main veille_warnings)
  target_compile_definitions(${name} PRIVATE VEILLE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
                             VEILLE_BINARY="$<TARGET_FILE:veille>")
  if(NOT ARG_LABELS)
    set(ARG_LABELS unit)
  endif()
  gtest_discover_tests(${name} PROPERTIES LABELS "${ARG_LABELS}"
                       WORKING_DIRECTORY ${PROJECT_BINARY_DIR} DISCOVERY_TIMEOUT 60)
endfunction()
