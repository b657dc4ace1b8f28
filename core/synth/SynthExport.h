#pragma once

#include "core/synth/SynthTypes.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace durian {

// Writes frame_XXXXX.png, mask_<name>_XXXXX.png (one per SynthMask) and keypoints.json into `directory`
// (created if missing), every file atomically. `description` goes into keypoints.json as is (who was
// rendered: seed, swaps). Throws durian::Error naming the file that could not be written.
void writeSynthFrames(const std::vector<SynthFrame>& frames, const std::vector<Pose>& motion,
    const std::filesystem::path& directory, const std::string& description);

// The keypoints document on its own: {"format": "durian-synth-keypoints", "version": 1, "width", "height",
// "description", "frames": [{"index", "pose": {...}, "keypoints": [[x, y] x 68]}]}.
std::string synthKeypointsJson(const std::vector<SynthFrame>& frames, const std::vector<Pose>& motion, const std::string& description);

// A grid of `count` random people (seeds firstSeed, firstSeed + 1, ...), each in a random pose from its
// own motion, `cellSize` pixels square.
Image renderContactSheet(std::uint64_t firstSeed, int count, int cellSize, int columns = 0);

} // namespace durian
