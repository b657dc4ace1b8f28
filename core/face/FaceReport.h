#pragma once

#include "core/face/Alignment.h"
#include "core/face/FaceAnalyzer.h"

#include <filesystem>
#include <string>
#include <vector>

namespace durian {

struct MaskSummary {
    std::string kind;
    std::string file;
    float confidence = 0.0f;
};

// What `durian analyze` found in a photo, written as JSON:
// {"format": "durian-face", "version": 1, "photo", "width", "height",
//  "face": {"box": [x, y, w, h], "confidence", "landmarks": [x0, y0, ..., x67, y67]},
//  "other_faces": [{"box", "confidence"}, ...],
//  "aligned": {"size", "file", "to_aligned": [a, b, tx, ty]},   x' = a x - b y + tx, y' = b x + a y + ty
//  "masks": [{"kind", "file", "confidence"}, ...]}
struct FaceReport {
    std::string photo;
    FaceAnalysis analysis;
    int alignedSize = 0;
    std::string alignedFile;
    Similarity toAligned;
    std::vector<MaskSummary> masks;
};

void saveFaceReport(const FaceReport& report, const std::filesystem::path& path);

// Landmarks from a JSON file: a durian-face report (its chosen face), {"landmarks": [136 numbers]}, or a bare
// array of 136 numbers. Throws durian::Error naming the file and what is wrong.
Landmarks loadLandmarks(const std::filesystem::path& path);

} // namespace durian
