# Runs `CMD check ARG` and fails unless its exit code is EXPECT.
execute_process(COMMAND ${CMD} check ${ARG} RESULT_VARIABLE code OUTPUT_QUIET ERROR_QUIET)
if(NOT code EQUAL EXPECT)
  message(FATAL_ERROR "reckon check ${ARG}: exit code ${code}, expected ${EXPECT}")
endif()
