#include "core/pipeline/ClassicalPrior.h"

#include "core/face/LandmarkWarp.h"
#include "core/face/OpenCvBridge.h"
#include "core/masks/MaskOps.h"
#include "core/pipeline/Pipeline.h"
#include "core/util/Error.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace durian {

namespace {

// The region grows by this fraction of the portrait's width before it is warped (the aligned masks are
// only as good as the landmarks), and its edge is feathered over this fraction after.
constexpr double kRegionGrowth = 0.02;
constexpr double kRegionFeather = 0.012;

WarpAttribute warpAttribute(const Image& image, const Image& mask, const std::optional<Landmarks>& landmarks,
    double strength, const std::string& what)
{
    if (!landmarks) {
        throw Error(what + " has no face landmarks, which the model's classical prior needs");
    }
    Image fullMask = mask.empty() ? Image(image.width, image.height, 1, 255) : mask;
    if (fullMask.channels != 1) {
        Image grey(fullMask.width, fullMask.height, 1);
        for (std::size_t p = 0; p < grey.pixels.size(); ++p) {
            grey.pixels[p] = fullMask.pixels[p * static_cast<std::size_t>(fullMask.channels)];
        }
        fullMask = std::move(grey);
    }
    return {image, std::move(fullMask), *landmarks, strength};
}

Image resized(const Image& image, int size)
{
    if (image.empty() || (image.width == size && image.height == size)) {
        return image;
    }
    cv::Mat out;
    cv::resize(cvbridge::view(image), out, cv::Size(size, size), 0, 0,
        size < image.width ? cv::INTER_AREA : cv::INTER_LINEAR);
    return cvbridge::toImage(out);
}

// `mask` x strength (the paste's opacity), the larger value kept where `into` already has one.
void addScaled(Image& into, const Image& mask, double strength)
{
    for (std::size_t p = 0; p < into.pixels.size(); ++p) {
        const auto v = static_cast<std::uint8_t>(std::lround(mask.pixels[p] * std::clamp(strength, 0.0, 1.0)));
        into.pixels[p] = std::max(into.pixels[p], v);
    }
}

Landmarks scaled(Landmarks landmarks, double sx, double sy)
{
    for (auto& p : landmarks) {
        p.x = static_cast<float>((p.x + 0.5) * sx - 0.5);
        p.y = static_cast<float>((p.y + 0.5) * sy - 0.5);
    }
    return landmarks;
}

} // namespace

ClassicalPrior::ClassicalPrior(const GenerationRequest& request, int size)
{
    if (!request.portraitLandmarks) {
        throw Error("the portrait has no face landmarks, which the model's classical prior needs");
    }
    if (request.motion.size() != static_cast<std::size_t>(request.frames)) {
        throw Error("the request has " + std::to_string(request.motion.size()) + " frames of keypoints (landmarks) for " +
            std::to_string(request.frames) + " frames; the model's classical prior needs one per frame");
    }
    // Everything of the portrait's at the model's size; the references are warped from their own pixels.
    const Image portrait = resized(request.portrait, size);
    const double sx = static_cast<double>(size) / request.portrait.width, sy = static_cast<double>(size) / request.portrait.height;
    portrait_ = scaled(*request.portraitLandmarks, sx, sy);
    for (const auto& k : request.motion) {
        motion_.push_back(scaled(k, sx, sy));
    }
    const int w = size, h = size;

    std::vector<WarpAttribute> attributes;
    hole_ = request.portraitMask.empty() ? Image(w, h, 1, 0) : resized(request.portraitMask, size);
    Image region = hole_;
    // Each attribute's mask aligned to the portrait (empty at strength 0), joined into the region.
    const auto align = [&](const WarpAttribute& a) {
        if (a.strength <= 0.0) {
            return Image();
        }
        Image aligned = warpByLandmarks(a.mask, a.landmarks, portrait_, w, h, LandmarkWarpMode::Similarity);
        region = uniteMasks(region, aligned);
        editsAnything_ = true;
        return aligned;
    };
    const auto pasted = [&](const std::vector<WarpAttribute>& list, const std::vector<Image>& aligned) {
        Image out(w, h, 1, 0);
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (!aligned[i].empty()) {
                addScaled(out, aligned[i], list[i].strength);
            }
        }
        return out;
    };
    std::vector<Image> alignedMasks;
    for (std::size_t i = 0; i < request.attributes.size(); ++i) {
        const auto& a = request.attributes[i];
        attributes.push_back(warpAttribute(a.image, a.mask, a.landmarks, a.strength,
            "attribute " + std::to_string(i + 1) + " (" + toString(a.category) + ")"));
        alignedMasks.push_back(align(attributes.back()));
    }
    attributeMask_ = pasted(attributes, alignedMasks);
    if (request.interpolation && request.interpolation->alpha > 0.0) {
        const auto& in = *request.interpolation;
        auto withB = attributes;
        auto alignedB = alignedMasks;
        const auto slot = static_cast<std::size_t>(in.slot);
        withB.at(slot) = warpAttribute(in.image, in.mask, in.landmarks, withB[slot].strength, "the interpolation reference");
        alignedB.at(slot) = align(withB[slot]);
        withB_ = std::make_unique<WarpCompositeAnimator>(portrait, portrait_, withB);
        alpha_ = in.alpha;
        attributeMask_ = crossFade(attributeMask_, pasted(withB, alignedB), alpha_);
    }
    if (!withB_ || alpha_ < 1.0) {
        withA_ = std::make_unique<WarpCompositeAnimator>(portrait, portrait_, attributes);
    }
    bare_ = std::make_unique<WarpCompositeAnimator>(portrait, portrait_, std::vector<WarpAttribute>{});
    if (editsAnything_) {
        region_ = growMask(region, static_cast<int>(std::lround(kRegionGrowth * w)));
        feather_ = static_cast<float>(kRegionFeather * w);
    }
}

ClassicalPrior::~ClassicalPrior() = default;

int ClassicalPrior::frames() const { return static_cast<int>(motion_.size()); }

Image ClassicalPrior::frame(int index) const
{
    const Landmarks& keypoints = motion_.at(static_cast<std::size_t>(index));
    if (!withB_) {
        return withA_->frame(keypoints);
    }
    return withA_ ? crossFade(withA_->frame(keypoints), withB_->frame(keypoints), alpha_) : withB_->frame(keypoints);
}

Image ClassicalPrior::portraitFrame(int index) const
{
    return bare_->frame(motion_.at(static_cast<std::size_t>(index)));
}

Image ClassicalPrior::moved(const Image& mask, int index) const
{
    const Landmarks& keypoints = motion_.at(static_cast<std::size_t>(index));
    return warpByLandmarks(mask, portrait_, keypoints, mask.width, mask.height, LandmarkWarpMode::PiecewiseAffine,
        WarpBorder::Zero);
}

Image ClassicalPrior::region(int index) const
{
    if (!editsAnything_) {
        return Image(hole_.width, hole_.height, 1, 0);
    }
    return featherMask(moved(region_, index), feather_);
}

Image ClassicalPrior::hole(int index) const { return moved(hole_, index); }

Image ClassicalPrior::attributeMask(int index) const { return moved(attributeMask_, index); }

std::vector<Image> ClassicalPrior::masks(int index, bool withParts) const
{
    if (!withParts) {
        return {region(index)};
    }
    return {region(index), hole(index), attributeMask(index)};
}

Image pasteInsideRegion(const Image& prior, const Image& generated, const Image& region)
{
    if (prior.width != generated.width || prior.height != generated.height || prior.channels != generated.channels
        || region.width != prior.width || region.height != prior.height || region.channels != 1) {
        throw Error("paste-back needs the prior, the generated frame and the region at one size");
    }
    Image out = prior;
    const auto channels = static_cast<std::size_t>(prior.channels);
    for (std::size_t p = 0; p < region.pixels.size(); ++p) {
        const int a = region.pixels[p];
        if (a == 0) {
            continue;
        }
        for (std::size_t c = 0; c < channels; ++c) {
            const auto i = p * channels + c;
            out.pixels[i] = static_cast<std::uint8_t>((prior.pixels[i] * (255 - a) + generated.pixels[i] * a + 127) / 255);
        }
    }
    return out;
}

} // namespace durian
