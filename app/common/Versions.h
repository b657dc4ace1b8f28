#pragma once

#include "core/runtime/BuildInfo.h"

#include <QtGlobal>

#include <string>
#include <utility>
#include <vector>

namespace durian {

// Qt first, then the libraries core links; shown by `durian --version` and the About dialog alike.
inline std::vector<std::pair<std::string, std::string>> allLibraryVersions()
{
    auto versions = coreLibraryVersions();
    versions.insert(versions.begin(), {"Qt", qVersion()});
    return versions;
}

} // namespace durian
