// A project file (.durian), and the problems check the editor and `render` run on what it parsed.
#include "FuzzInput.h"

#include "core/io/Project.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return durian::fuzz::expectCleanError([&] {
        const auto project = durian::parseProject(durian::fuzz::text(data, size), "/nonexistent/fuzz.durian");
        (void)durian::findProjectProblems(project);
    });
}
