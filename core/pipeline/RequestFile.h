#pragma once

#include "core/pipeline/Pipeline.h"

#include <filesystem>
#include <string>

namespace durian {

// A generation request as a JSON file (what `durian generate` reads). Paths are relative to the file.
//
// {
//   "model": "tiny",                       preset or config .json (default "default")
//   "weights": "model.safetensors",        optional
//   "portrait": "portrait.png", "portrait_mask": "hole.png",
//   "attributes": [{"category": "hair", "image": "a.png", "mask": "a_mask.png", "strength": 0.8}],
//   "interpolation": {"slot": 0, "image": "b.png", "mask": "b_mask.png", "alpha": 0.5},
//   "keypoints": ["k000.png", "k001.png"],  one per frame (sets "frames" when that is absent)
//   "frames": 2, "steps": 20, "guidance": 1.0, "seed": 1, "resolution": 0, "sampler": "ddim" | "dpmpp2m"
// }
struct RequestFile {
    GenerationRequest request;
    std::string model = "default";
    std::filesystem::path weights;
};

// Throws durian::Error naming the file and the field (or the image file) at fault.
RequestFile loadRequestFile(const std::filesystem::path& path);
// The same from the file's text; `path` names it in errors and anchors its relative paths.
RequestFile parseRequestFile(const std::string& text, const std::filesystem::path& path);

} // namespace durian
