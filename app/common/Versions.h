#pragma once

#include "core/runtime/BuildInfo.h"

#ifdef DURIAN_WITH_QT
#include <QtGlobal>
#endif

#include <string>
#include <utility>
#include <vector>

namespace durian {

// Qt first (where the program has it), then the libraries core links; shown by `durian --version` and the
// About dialog alike.
inline std::vector<std::pair<std::string, std::string>> allLibraryVersions()
{
    auto versions = coreLibraryVersions();
#ifdef DURIAN_WITH_QT
    versions.insert(versions.begin(), {"Qt", qVersion()});
#endif
    return versions;
}

} // namespace durian
