#include "core/eval/WarpComposite.h"

#include "core/face/LandmarkWarp.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cmath>

namespace durian {

WarpCompositeAnimator::WarpCompositeAnimator(
    const Image& portrait, const Landmarks& portraitLandmarks, const std::vector<WarpAttribute>& attributes)
    : composite_(portrait)
    , landmarks_(portraitLandmarks)
{
    if (portrait.empty() || portrait.channels != 3) {
        throw Error("The portrait must be an RGB image");
    }
    for (const auto& attribute : attributes) {
        if (attribute.image.channels != 3 || attribute.mask.channels != 1
            || attribute.mask.width != attribute.image.width || attribute.mask.height != attribute.image.height) {
            throw Error("An attribute needs an RGB image and a 1-channel mask of the same size");
        }
        const Image pixels = warpByLandmarks(attribute.image, attribute.landmarks, portraitLandmarks, portrait.width,
            portrait.height, LandmarkWarpMode::Similarity);
        const Image mask = warpByLandmarks(attribute.mask, attribute.landmarks, portraitLandmarks, portrait.width,
            portrait.height, LandmarkWarpMode::Similarity);
        const double strength = std::clamp(attribute.strength, 0.0, 1.0);
        for (std::size_t i = 0; i < mask.pixels.size(); ++i) {
            const double alpha = strength * mask.pixels[i] / 255.0;
            for (int c = 0; c < 3; ++c) {
                auto& out = composite_.pixels[3 * i + c];
                out = static_cast<std::uint8_t>(std::lround((1.0 - alpha) * out + alpha * pixels.pixels[3 * i + c]));
            }
        }
    }
}

Image crossFade(const Image& a, const Image& b, double alpha)
{
    Image out = a;
    for (std::size_t p = 0; p < out.pixels.size(); ++p) {
        out.pixels[p] = static_cast<std::uint8_t>(std::lround((1.0 - alpha) * a.pixels[p] + alpha * b.pixels[p]));
    }
    return out;
}

Image WarpCompositeAnimator::frame(const Landmarks& keypoints) const
{
    return warpByLandmarks(composite_, landmarks_, keypoints, composite_.width, composite_.height,
        LandmarkWarpMode::PiecewiseAffine, WarpBorder::Replicate);
}

} // namespace durian
