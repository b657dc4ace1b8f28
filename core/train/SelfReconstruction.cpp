#include "core/train/SelfReconstruction.h"

#include "core/face/KeypointImage.h"
#include "core/masks/MaskOps.h"
#include "core/synth/SynthLandmarks.h"
#include "core/synth/SynthPeople.h"
#include "core/synth/SynthRender.h"
#include "core/util/Error.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <random>

namespace durian {

namespace {

// Uniform in [lo, hi) from our own arithmetic (std::uniform_real_distribution differs between libraries).
double uniform(std::mt19937_64& rng, double lo, double hi)
{
    return lo + (hi - lo) * (static_cast<double>(rng() >> 11) * (1.0 / 9007199254740992.0));
}
int uniformInt(std::mt19937_64& rng, int lo, int hiInclusive)
{
    return lo + static_cast<int>(rng() % static_cast<std::uint64_t>(hiInclusive - lo + 1));
}

Image binarize(const Image& mask)
{
    Image out = mask;
    for (auto& p : out.pixels) {
        p = p > 0 ? 255 : 0;
    }
    return out;
}

ReferenceAffine randomAffine(std::mt19937_64& rng, const TrainDataConfig& c, int size)
{
    ReferenceAffine a;
    a.angleDegrees = uniform(rng, -c.maxRotation, c.maxRotation);
    a.scale = 1.0 + uniform(rng, -c.maxScale, c.maxScale);
    a.shiftX = uniform(rng, -c.maxShift, c.maxShift) * size;
    a.shiftY = uniform(rng, -c.maxShift, c.maxShift) * size;
    return a;
}

// Brightness, contrast and saturation, each drawn in +-amplitude.
void jitterColours(Image& image, std::mt19937_64& rng, double amplitude)
{
    const double brightness = uniform(rng, -amplitude, amplitude) * 255.0;
    const double contrast = 1.0 + uniform(rng, -amplitude, amplitude);
    const double saturation = 1.0 + uniform(rng, -amplitude, amplitude) * 2.0;
    if (amplitude <= 0.0) {
        return;
    }
    for (std::size_t i = 0; i + 2 < image.pixels.size(); i += 3) {
        const double r = image.pixels[i], g = image.pixels[i + 1], b = image.pixels[i + 2];
        const double grey = 0.299 * r + 0.587 * g + 0.114 * b;
        for (int k = 0; k < 3; ++k) {
            const double v = grey + (image.pixels[i + k] - grey) * saturation;
            const double out = (v - 128.0) * contrast + 128.0 + brightness;
            image.pixels[i + k] = static_cast<std::uint8_t>(std::clamp(std::lround(out), 0L, 255L));
        }
    }
}

} // namespace

Image applyAffine(const Image& image, const ReferenceAffine& a, bool isMask)
{
    if (a.angleDegrees == 0.0 && a.scale == 1.0 && a.shiftX == 0.0 && a.shiftY == 0.0) {
        return image;
    }
    const int type = image.channels == 1 ? CV_8UC1 : (image.channels == 3 ? CV_8UC3 : CV_8UC4);
    const cv::Mat src(image.height, image.width, type, const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat m = cv::getRotationMatrix2D(cv::Point2f((image.width - 1) * 0.5f, (image.height - 1) * 0.5f),
        a.angleDegrees, a.scale);
    m.at<double>(0, 2) += a.shiftX;
    m.at<double>(1, 2) += a.shiftY;
    Image out(image.width, image.height, image.channels);
    cv::Mat dst(out.height, out.width, type, out.pixels.data());
    cv::warpAffine(src, dst, m, src.size(), isMask ? cv::INTER_NEAREST : cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return out;
}

SelfReconstructionData::SelfReconstructionData(const TrainDataConfig& config, int imageSize, std::uint64_t seed)
    : config_(config), size_(imageSize), seed_(seed)
{
    if (imageSize < 16 || imageSize > 2048) {
        throw Error("training image size " + std::to_string(imageSize) + " is out of range (16..2048)");
    }
}

AttributeCategory SelfReconstructionData::categoryForStep(std::uint64_t step) const
{
    return static_cast<AttributeCategory>(mixSeed(mixSeed(seed_, 0xca7), step) % 4);
}

bool SelfReconstructionData::dropReferencesAt(std::uint64_t step) const
{
    std::mt19937_64 rng(mixSeed(mixSeed(seed_, 0xd50), step));
    return uniform(rng, 0.0, 1.0) < config_.referenceDropout;
}

TrainingSample SelfReconstructionData::sample(std::uint64_t index, AttributeCategory category, int frames) const
{
    const std::uint64_t sampleSeed = mixSeed(mixSeed(seed_, 0x5a3), index);
    std::mt19937_64 rng(sampleSeed);
    const int clip = std::max(config_.clipLength, std::max(frames, 2));
    TrainingSample s;
    s.category = category;
    s.person = randomPersonWearing(mixSeed(sampleSeed, 1), category);
    s.motion = randomMotion(mixSeed(sampleSeed, 2), clip);
    s.attributeFrame = uniformInt(rng, 0, clip - 1);
    s.portraitFrame = uniformInt(rng, 0, clip - 1);
    s.firstTarget = uniformInt(rng, 0, clip - frames);
    SynthRenderOptions options;
    options.width = options.height = size_;
    options.supersample = config_.supersample;
    const SynthMask which = synthMaskOf(category);

    const SynthFrame attributeFrame = renderSynthFrame(s.person, s.motion[s.attributeFrame], options);
    const SynthFrame portraitFrame = renderSynthFrame(s.person, s.motion[s.portraitFrame], options);
    // The hole covers where the attribute is and where a larger one could be, so the portrait stream
    // cannot learn the attribute's shape from the hole's outline.
    Person expanded = s.person;
    expanded.attributes = expandedAttributes(s.person.attributes, category);
    const SynthFrame expandedFrame = renderSynthFrame(expanded, s.motion[s.portraitFrame], options);
    Image hole = binarize(uniteMasks(portraitFrame.mask(which), expandedFrame.mask(which)));
    const int growth = static_cast<int>(std::lround(uniform(rng, 0.0, config_.maxGrowth) * size_));
    if (growth > 0) {
        hole = growMask(hole, growth);
    }

    s.attributeAffine = randomAffine(rng, config_, size_);
    s.portraitAffine = randomAffine(rng, config_, size_);
    s.attributeImage = applyAffine(attributeFrame.rgb, s.attributeAffine, false);
    s.attributeMask = applyAffine(attributeFrame.mask(which), s.attributeAffine, false);
    s.portraitImage = applyAffine(portraitFrame.rgb, s.portraitAffine, false);
    s.portraitHole = applyAffine(hole, s.portraitAffine, true);
    jitterColours(s.attributeImage, rng, config_.colourJitter);
    jitterColours(s.portraitImage, rng, config_.colourJitter);

    for (int f = 0; f < frames; ++f) {
        SynthFrame target = renderSynthFrame(s.person, s.motion[s.firstTarget + f], options);
        s.keypointImages.push_back(renderKeypointImage(landmarksOf(target), size_, size_));
        s.targets.push_back(std::move(target.rgb));
    }
    return s;
}

} // namespace durian
