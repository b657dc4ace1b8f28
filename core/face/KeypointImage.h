#pragma once

#include "core/face/FaceTypes.h"
#include "core/io/Image.h"

namespace durian {

// THE keypoint image of the project: the pose guider's input in training and in inference, and the
// motion preview. Each facial part is a polyline in its own fixed colour on black; line width grows with
// the image (1 pixel per 128 of the shorter side). Landmarks are in the output image's pixels
// (map them with Similarity::apply first). Deterministic: same landmarks, same bytes.
Image renderKeypointImage(const Landmarks& landmarks, int width, int height);

// The RGB colour each part is drawn in, for legends and tests. part: 0 jaw, 1-2 brows, 3-4 nose,
// 5-6 eyes, 7-8 lips (outer, inner).
struct Rgb8 {
    unsigned char r, g, b;
};
Rgb8 keypointPartColour(int part);

} // namespace durian
