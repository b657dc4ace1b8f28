#include "core/render/ExportOptions.h"

#include "core/util/Error.h"

#include <array>

namespace durian {
namespace {
constexpr std::array<const char*, 3> kQualityNames = {"high", "medium", "low"};
}

std::string toString(ExportOptions::Quality quality)
{
    return kQualityNames.at(static_cast<std::size_t>(quality));
}

std::optional<ExportOptions::Quality> parseExportQuality(const std::string& text)
{
    for (std::size_t i = 0; i < kQualityNames.size(); ++i) {
        if (text == kQualityNames[i]) {
            return static_cast<ExportOptions::Quality>(i);
        }
    }
    return std::nullopt;
}

void validateExportOptions(const ExportOptions& options)
{
    if (options.fps != 0 && !(options.fps >= 1 && options.fps <= 240)) {
        throw Error("Export frame rate " + std::to_string(options.fps) + " is outside 1 to 240 fps");
    }
    if (options.size != 0 && (options.size < 16 || options.size > 4096)) {
        throw Error("Export size " + std::to_string(options.size) + " is outside 16 to 4096 pixels");
    }
}

} // namespace durian
