#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace durian {

// How a rendered clip is written, chosen in the Export dialog or on `durian render`'s command line.
// The same options give the same file from both. Defaults keep the project's own settings.
struct ExportOptions {
    // Output frame rate; 0 keeps the project's (motion.fps). Another rate keeps the clip's duration:
    // output frame j shows the animation at time j / fps (nearest rendered frame).
    double fps = 0;
    // Encoder quality. MP4 (x264 CRF): high 18, medium 23, low 28; WebM (VP9 CRF): high 32, medium 38,
    // low 44. GIF and PNG frames are not affected (GIF uses one palette; PNG is lossless).
    enum class Quality { High, Medium, Low } quality = Quality::High;
    // Output width and height in pixels (frames are square); 0 keeps the project's render resolution.
    // Frames are rendered at the project's resolution and scaled.
    int size = 0;
    // Carry the driving video's sound into MP4/WebM when the motion has a driving video with audio.
    bool audio = true;
    // Which method makes the frames: the Durian model with these weights (empty: the shipped default
    // model), or the classical warp-and-composite method when `classical` is set or no trained weights
    // are installed.
    std::filesystem::path modelWeights;
    bool classical = false;
};

std::string toString(ExportOptions::Quality quality);
// "high", "medium", "low"; std::nullopt for anything else.
std::optional<ExportOptions::Quality> parseExportQuality(const std::string& text);

// Throws durian::Error naming the bad option (fps outside 1..240, size outside 16..4096).
void validateExportOptions(const ExportOptions& options);

} // namespace durian
