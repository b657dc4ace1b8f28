#include "core/render/PhotoComposite.h"

#include "core/masks/MaskOps.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cmath>

namespace durian {

namespace {

// The crop's edge blends into the photo over this fraction of the crop's side.
constexpr double kCropFeather = 0.06;

} // namespace

PhotoComposite::PhotoComposite(Image photo, const Similarity& toAligned, int cropSize)
    : photo_(std::move(photo)), toPhoto_(toAligned.inverse()), cropSize_(cropSize)
{
    if (photo_.empty() || photo_.channels != 3 || cropSize_ < 16) {
        throw Error("paste-back needs an RGB photo and a crop of at least 16 pixels");
    }
}

Image PhotoComposite::cropFootprint() const
{
    // 255 inside, falling linearly to 0 at the crop's border over the feather width.
    const double ramp = std::max(1.0, kCropFeather * cropSize_);
    Image mask(cropSize_, cropSize_, 1);
    for (int y = 0; y < cropSize_; ++y) {
        for (int x = 0; x < cropSize_; ++x) {
            const double edge = std::min({x + 0.5, y + 0.5, cropSize_ - x - 0.5, cropSize_ - y - 0.5});
            mask.row(y)[x] = static_cast<std::uint8_t>(std::lround(255.0 * std::clamp(edge / ramp, 0.0, 1.0)));
        }
    }
    return mask;
}

Image PhotoComposite::paste(const Image& crop, const Image& region) const
{
    if (crop.width != cropSize_ || crop.height != cropSize_ || crop.channels != 3 || region.width != cropSize_
        || region.height != cropSize_ || region.channels != 1) {
        throw Error("paste-back got a crop or region of the wrong size");
    }
    // Only the crop's footprint in the photo is touched (a huge photo, a small face): its bounding box.
    double minX = photo_.width, minY = photo_.height, maxX = -1.0, maxY = -1.0;
    for (const auto corner : {Point2f{-1.0f, -1.0f}, Point2f{static_cast<float>(cropSize_), -1.0f},
             Point2f{-1.0f, static_cast<float>(cropSize_)}, Point2f{static_cast<float>(cropSize_), static_cast<float>(cropSize_)}}) {
        const Point2f p = toPhoto_.apply(corner);
        minX = std::min<double>(minX, p.x);
        minY = std::min<double>(minY, p.y);
        maxX = std::max<double>(maxX, p.x);
        maxY = std::max<double>(maxY, p.y);
    }
    const int x0 = std::max(0, static_cast<int>(std::floor(minX))), y0 = std::max(0, static_cast<int>(std::floor(minY)));
    const int x1 = std::min(photo_.width - 1, static_cast<int>(std::ceil(maxX)));
    const int y1 = std::min(photo_.height - 1, static_cast<int>(std::ceil(maxY)));
    Image out = photo_;
    if (x1 < x0 || y1 < y0) {
        return out;
    }
    Similarity toBox = toPhoto_; // the same map, with the box's corner at 0,0
    toBox.tx -= static_cast<float>(x0);
    toBox.ty -= static_cast<float>(y0);
    const Image alpha = warpImage(region, toBox, x1 - x0 + 1, y1 - y0 + 1); // 0 outside the crop
    const Image pixels = warpImage(crop, toBox, x1 - x0 + 1, y1 - y0 + 1);
    for (int y = y0; y <= y1; ++y) {
        const auto* a = alpha.row(y - y0);
        const auto* p = pixels.row(y - y0);
        auto* o = out.row(y);
        for (int x = x0; x <= x1; ++x) {
            const int w = a[x - x0];
            if (w == 0) {
                continue;
            }
            for (int c = 0; c < 3; ++c) {
                auto& value = o[x * 3 + c];
                value = static_cast<std::uint8_t>((value * (255 - w) + p[(x - x0) * 3 + c] * w + 127) / 255);
            }
        }
    }
    return out;
}

} // namespace durian
