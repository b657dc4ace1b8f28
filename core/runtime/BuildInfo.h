#pragma once

#include <string>
#include <utility>
#include <vector>

namespace durian {

// Version of Durian Studio itself (the CMake project version).
std::string durianVersion();

// Name and version of each library core is built against, in display order:
// LibTorch, OpenCV, FFmpeg, dlib. Qt is added by the app, which is the part that links it.
std::vector<std::pair<std::string, std::string>> coreLibraryVersions();

} // namespace durian
