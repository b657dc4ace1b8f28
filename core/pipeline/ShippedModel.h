#pragma once

#include <filesystem>
#include <optional>

namespace durian {

// The trained default model the app ships (resources/models/default.safetensors). Looked up, in order:
// $DURIAN_MODELS_DIR, the installed share/durian-studio/models beside the executable's prefix, and the
// source tree the program was built from. std::nullopt when none has the file.
std::optional<std::filesystem::path> shippedModelWeights();

} // namespace durian
