#pragma once

// A test's scratch folder: new and empty, under the system's temporary folder, named after the test and
// the process. Removed when the process exits normally (each GoogleTest runs in a process of its own), so
// test runs leave nothing behind; a forked child that ends with _exit leaves its parent's folders alone.

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <unistd.h>
#include <vector>

namespace testsupport {

inline std::vector<std::filesystem::path>& scratchDirectories()
{
    static std::vector<std::filesystem::path> made;
    return made;
}

inline std::filesystem::path freshDirectory(const std::string& name)
{
    const auto dir = std::filesystem::temp_directory_path() / ("durian-test-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    if (scratchDirectories().empty()) {
        std::atexit([] {
            for (const auto& made : scratchDirectories()) {
                std::error_code ignored;
                std::filesystem::remove_all(made, ignored);
            }
        });
    }
    scratchDirectories().push_back(dir);
    return dir;
}

} // namespace testsupport
