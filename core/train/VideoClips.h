#pragma once

#include "core/face/FaceTypes.h"
#include "core/io/Image.h"

#include <filesystem>
#include <string>
#include <vector>

namespace durian {

// A portrait video ready for self-reconstruction: its first frames cropped to the model's view with one
// similarity for the whole clip (from the face's mean landmarks), so the head still moves in the crop;
// the tracked landmarks are mapped into the crop.
struct PreparedClip {
    std::filesystem::path source;
    std::vector<Image> frames;        // size x size, RGB
    std::vector<Landmarks> landmarks; // per frame, in crop pixels
};

struct VideoClipReport {
    std::vector<PreparedClip> clips;
    std::vector<std::string> skipped; // "file: why", for videos without a usable face
};

// Reads, tracks (dlib, smoothed) and crops every video in a folder (.mp4 .mov .mkv .webm .avi .m4v, by
// name), at most maxFrames frames each. Throws durian::Error when the folder is missing or no video in
// it has a face in at least minFrames frames.
VideoClipReport prepareVideoClips(const std::filesystem::path& folder, int size, int maxFrames, int minFrames = 2);

} // namespace durian
