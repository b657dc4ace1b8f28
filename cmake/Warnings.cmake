# Warnings for our own code. Third-party headers come in through imported targets, which CMake
# treats as system includes, so their warnings stay out of the build log.
add_library(durian_warnings INTERFACE)
target_compile_options(durian_warnings INTERFACE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
