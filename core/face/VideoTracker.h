#pragma once

#include "core/face/FaceAnalyzer.h"
#include "core/face/KeypointTrack.h"

#include <filesystem>

namespace durian {

// The face's landmarks in every frame of a video (read with OpenCV until the FFmpeg decoder lands).
// With several faces, the one nearest the previous frame's face is followed. Frames without a face are
// filled from their neighbours (see fillMissingFrames), never dropped. maxFrames <= 0: all frames.
// Throws durian::Error when the video cannot be opened or no frame has a face.
KeypointTrack trackVideo(const std::filesystem::path& video, FaceAnalyzer& analyzer, int maxFrames = 0);

} // namespace durian
