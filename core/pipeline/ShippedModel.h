#pragma once

#include <filesystem>
#include <optional>

namespace durian {

// The trained default model the app ships (resources/models/default.safetensors). Looked up in
// $DURIAN_MODELS_DIR alone when that is set (an empty folder means "no shipped model"); otherwise in the
// installed share/durian-studio/models beside the executable's prefix, then in the source tree the
// program was built from. std::nullopt when none has the file.
std::optional<std::filesystem::path> shippedModelWeights();

} // namespace durian
