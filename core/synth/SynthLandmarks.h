#pragma once

#include "core/face/FaceTypes.h"
#include "core/synth/SynthTypes.h"

namespace durian {

// A rendered frame's true keypoints as face landmarks (the same 68-point layout).
inline Landmarks landmarksOf(const SynthFrame& frame)
{
    Landmarks landmarks;
    for (int i = 0; i < kLandmarkCount; ++i) {
        landmarks[i] = {frame.keypoints[i].x, frame.keypoints[i].y};
    }
    return landmarks;
}

} // namespace durian
