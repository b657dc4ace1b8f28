# ctest's fuzz run: FUZZER on a scratch copy of CORPUS for SECONDS; fails on any crash, leak or
# sanitizer report (libFuzzer exits non-zero and writes the input as crash-*/leak-* in WORK).
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/corpus)
file(GLOB seeds ${CORPUS}/*)
if(NOT seeds)
  message(FATAL_ERROR "no seed corpus in ${CORPUS}")
endif()
file(COPY ${seeds} DESTINATION ${WORK}/corpus)
execute_process(
  COMMAND ${FUZZER} -max_total_time=${SECONDS} -max_len=65536 -timeout=10 -rss_limit_mb=2048
          -artifact_prefix=${WORK}/ ${WORK}/corpus
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${FUZZER} found a failing input (exit ${result}); it is in ${WORK}/")
endif()
