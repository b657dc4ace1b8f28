#pragma once

#include "core/face/FaceTypes.h"
#include "core/io/Image.h"

namespace durian {

enum class LandmarkWarpMode {
    Similarity,     // one rotation+scale+shift fitted on all 68 landmarks: keeps the source's shape
    PiecewiseAffine // follows the target's face shape inside the face, joins the similarity further out
};

enum class WarpBorder {
    Zero,     // outside the source is 0 (masks, pasted attributes)
    Replicate // edge pixels continue (a whole portrait that moves inside its frame)
};

// Warps `source` (1, 3 or 4 channels) so that its landmarks `from` land on `to`, into width x height.
// The piecewise-affine mode triangulates the target's landmarks plus a ring of points three face-sizes
// out, where the warp equals the similarity, so the two join without a seam.
Image warpByLandmarks(const Image& source, const Landmarks& from, const Landmarks& to, int width, int height,
    LandmarkWarpMode mode, WarpBorder border = WarpBorder::Zero);

} // namespace durian
