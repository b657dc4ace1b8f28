#pragma once

#include "core/face/FaceTypes.h"
#include "core/io/Image.h"

namespace durian {

enum class MaskWarp {
    Similarity,     // one rotation+scale+shift fitted on all 68 landmarks: keeps the attribute's shape
    PiecewiseAffine // follows the portrait's face shape inside the face, blends to the similarity far out
};

// Warps an attribute reference's mask (in the reference photo's pixels, with that photo's landmarks)
// onto the portrait (width x height, portrait landmarks).
Image warpMaskToPortrait(const Image& referenceMask, const Landmarks& referenceLandmarks,
    const Landmarks& portraitLandmarks, int width, int height, MaskWarp warp = MaskWarp::Similarity);

// The region the model repaints for one attribute: the reference's mask aligned to the portrait's face,
// united with the portrait's own region of that category (portraitRegion; empty Image = none).
Image inferenceMask(const Image& referenceMask, const Landmarks& referenceLandmarks, const Image& portraitRegion,
    const Landmarks& portraitLandmarks, int width, int height, MaskWarp warp = MaskWarp::Similarity);

} // namespace durian
