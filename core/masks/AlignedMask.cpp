#include "core/masks/AlignedMask.h"

#include "core/face/LandmarkWarp.h"
#include "core/masks/MaskOps.h"
#include "core/util/Error.h"

namespace durian {

Image warpMaskToPortrait(const Image& referenceMask, const Landmarks& referenceLandmarks,
    const Landmarks& portraitLandmarks, int width, int height, MaskWarp warp)
{
    if (referenceMask.channels != 1) {
        throw Error("The attribute mask must have 1 channel, got " + std::to_string(referenceMask.channels));
    }
    return warpByLandmarks(referenceMask, referenceLandmarks, portraitLandmarks, width, height,
        warp == MaskWarp::Similarity ? LandmarkWarpMode::Similarity : LandmarkWarpMode::PiecewiseAffine);
}

Image inferenceMask(const Image& referenceMask, const Landmarks& referenceLandmarks, const Image& portraitRegion,
    const Landmarks& portraitLandmarks, int width, int height, MaskWarp warp)
{
    Image aligned = warpMaskToPortrait(referenceMask, referenceLandmarks, portraitLandmarks, width, height, warp);
    if (portraitRegion.empty()) {
        return aligned;
    }
    return uniteMasks(aligned, portraitRegion);
}

} // namespace durian
