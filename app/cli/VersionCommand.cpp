#include "app/cli/CommandLine.h"
#include "app/common/Versions.h"
#include "core/runtime/ComputeRuntime.h"

#include <cstdio>

namespace durian::cli {

Command versionCommand()
{
    return {"version", "version", "Show the versions of Durian Studio and its libraries, and the thread count",
        [](const std::vector<std::string>&) {
            std::printf("durian %s\n", durianVersion().c_str());
            for (const auto& [name, version] : allLibraryVersions()) {
                std::printf("%-9s %s\n", name.c_str(), version.c_str());
            }
            std::printf("%-9s %d\n", "threads", computeThreads());
            const std::string blas = loadedBlasLibrary();
            std::printf("%-9s %s\n", "BLAS", blas.empty() ? "none found" : blas.c_str());
            return kExitOk;
        }};
}

} // namespace durian::cli
