#pragma once

#include "core/face/FaceTypes.h"

#include <filesystem>
#include <vector>

namespace durian {

// 68 landmarks per frame, one entry for every frame of the source (never fewer).
struct KeypointTrack {
    double fps = 24.0;
    int width = 0;  // the pixel space the landmarks live in
    int height = 0;
    std::vector<Landmarks> frames;
    std::vector<bool> detected; // false: the frame had no face and its landmarks were filled in

    int size() const { return static_cast<int>(frames.size()); }
};

// Fills every frame whose `detected` flag is false from its neighbours: linear between the nearest
// detected frames before and after, a copy of the nearest one at the ends. Throws durian::Error when
// no frame was detected at all.
void fillMissingFrames(KeypointTrack& track);

// Mean over frames and points of |p[t+1] - 2 p[t] + p[t-1]| (pixels / frame^2), divided by the mean
// inter-ocular distance so that it compares across image sizes. Landmark jitter shows up here.
double trackJitter(const KeypointTrack& track);

// JSON: {"format": "durian-keypoints", "version": 1, "fps", "width", "height",
//        "frames": [[x0, y0, ..., x67, y67], ...], "detected": [true, ...]}
void saveKeypointTrack(const KeypointTrack& track, const std::filesystem::path& path);
KeypointTrack loadKeypointTrack(const std::filesystem::path& path);
// The same from the file's text; `path` names it in errors.
KeypointTrack parseKeypointTrack(const std::string& text, const std::filesystem::path& path);

} // namespace durian
