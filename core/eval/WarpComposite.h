#pragma once

#include "core/face/FaceTypes.h"
#include "core/io/Image.h"

#include <vector>

namespace durian {

// One attribute for the classical baseline: a photo, the attribute's mask in it, its face landmarks and
// the strength (the mask's opacity).
struct WarpAttribute {
    Image image;
    Image mask; // 1 channel, the image's size
    Landmarks landmarks;
    double strength = 1.0;
};

// The classical baseline of the Durian benchmark ("warp_composite"): each attribute's pixels are aligned
// to the portrait's face by the landmark similarity (so the attribute keeps its shape) and blended over the
// portrait by mask x strength; each frame then warps that composite piecewise-affinely from the portrait's
// landmarks to the frame's keypoints. Without attributes it is the "no_transfer" baseline.
class WarpCompositeAnimator {
public:
    WarpCompositeAnimator(const Image& portrait, const Landmarks& portraitLandmarks,
        const std::vector<WarpAttribute>& attributes);

    // The portrait with the attributes pasted on, before any motion.
    const Image& composite() const { return composite_; }

    // The composite moved so that the portrait's landmarks land on `keypoints`.
    Image frame(const Landmarks& keypoints) const;

private:
    Image composite_;
    Landmarks landmarks_;
};

// (1-alpha) a + alpha b per channel value: the two ends of an interpolation pair, composited classically.
Image crossFade(const Image& a, const Image& b, double alpha);

} // namespace durian
