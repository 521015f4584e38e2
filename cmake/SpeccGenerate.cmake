# specc_generate(TARGET name SPECS a.yaml [b.yaml ...] [OUTPUT_DIR dir] [TEST])
#
# Generates C bindings for the specs at build time and makes a static
# library TARGET of them (with the specc runtime), linked to jansson, with the
# output directory on its include path: `#include "API.h"`.
#
# Each spec gets its own build rule (specc generate --no-runtime), and the
# runtime one more (specc runtime), so that editing a spec regenerates and
# recompiles only that spec's files. Rules depend on the spec, the templates
# and specc itself; specc rewrites a file only when its bytes change, so an
# edit that changes no output (a comment) recompiles nothing.
#
# TEST registers one ctest per spec, `specc-examples/<api>`, that runs
# `specc test` on it: every example file the spec lists is decoded,
# validated and round-tripped as the generated code would (call
# enable_testing() or include(CTest) in the project).
#
# Works with an installed specc (find_package(specc)) and with specc added by
# add_subdirectory().

function(specc_generate)
  cmake_parse_arguments(ARG "TEST" "TARGET;OUTPUT_DIR" "SPECS" ${ARGN})
  if(NOT ARG_TARGET OR NOT ARG_SPECS)
    message(FATAL_ERROR "specc_generate: usage: specc_generate(TARGET name SPECS a.yaml ... [OUTPUT_DIR dir] [TEST])")
  endif()
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "specc_generate: unexpected arguments: ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_OUTPUT_DIR)
    set(ARG_OUTPUT_DIR ${CMAKE_CURRENT_BINARY_DIR}/${ARG_TARGET})
  endif()
  get_filename_component(out "${ARG_OUTPUT_DIR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")

  # The specc to run and the templates it renders.
  if(TARGET specc)
    set(specc_cmd $<TARGET_FILE:specc>)
    set(specc_dep specc)
  elseif(TARGET specc::specc)
    set(specc_cmd $<TARGET_FILE:specc::specc>)
    set(specc_dep specc::specc)
  else()
    message(FATAL_ERROR "specc_generate: no specc: use find_package(specc) or add_subdirectory(specc)")
  endif()
  get_property(templates GLOBAL PROPERTY SPECC_TEMPLATES_DIR)
  file(GLOB api_templates ${templates}/api.*.tmpl)
  file(GLOB runtime_templates ${templates}/runtime/*)

  set(sources)
  foreach(spec IN LISTS ARG_SPECS)
    get_filename_component(spec "${spec}" ABSOLUTE)
    # The api name is the output's file stem: read it from the spec.
    file(STRINGS "${spec}" api_line REGEX "^api:" LIMIT_COUNT 1)
    string(REGEX REPLACE "^api:[ \t]*[\"']?([a-z][a-z0-9_]*).*" "\\1" api "${api_line}")
    if(NOT api MATCHES "^[a-z][a-z0-9_]*$")
      message(FATAL_ERROR "specc_generate: ${spec} has no 'api: name' line at the top level")
    endif()
    add_custom_command(
      OUTPUT ${out}/${api}.h ${out}/${api}.c
      COMMAND ${specc_cmd} generate --no-runtime --templates ${templates} -o ${out} ${spec}
      DEPENDS ${spec} ${specc_dep} ${api_templates}
      COMMENT "specc: ${api}.h, ${api}.c from ${spec}"
      VERBATIM)
    list(APPEND sources ${out}/${api}.c ${out}/${api}.h)
    if(ARG_TEST)
      add_test(NAME specc-examples/${api} COMMAND ${specc_cmd} test ${spec})
    endif()
  endforeach()

  set(runtime)
  foreach(t IN LISTS runtime_templates)
    get_filename_component(name ${t} NAME)
    list(APPEND runtime ${out}/${name})
  endforeach()
  add_custom_command(
    OUTPUT ${runtime}
    COMMAND ${specc_cmd} runtime --templates ${templates} -o ${out}
    DEPENDS ${specc_dep} ${runtime_templates}
    COMMENT "specc: runtime into ${out}"
    VERBATIM)

  add_library(${ARG_TARGET} STATIC ${sources} ${runtime})
  target_include_directories(${ARG_TARGET} PUBLIC ${out})
  set_target_properties(${ARG_TARGET} PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON)
  target_link_libraries(${ARG_TARGET} PUBLIC specc::jansson)
  if(UNIX)
    target_link_libraries(${ARG_TARGET} PUBLIC m)
  endif()
endfunction()
