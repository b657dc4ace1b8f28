#include "core/train/SelfReconstruction.h"

#include "core/eval/PhotoCases.h"
#include "core/eval/TransferCases.h"
#include "core/face/FaceAnalyzer.h"
#include "core/face/KeypointImage.h"
#include "core/masks/AutoMasks.h"
#include "core/masks/MaskOps.h"
#include "core/pipeline/ClassicalPrior.h"
#include "core/pipeline/Pipeline.h"
#include "core/synth/SynthLandmarks.h"
#include "core/synth/SynthPeople.h"
#include "core/synth/SynthRender.h"
#include "core/train/VideoClips.h"
#include "core/util/Error.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <tuple>

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

// The pieces a sample is made of, before augmentation: from the world or from a video.
struct SelfReconstructionData::Frames {
    Image attributeRgb, attributeMask, portraitRgb, portraitHole;
    Landmarks attributeLandmarks{}, portraitLandmarks{};
    std::vector<Image> targets;
    std::vector<Landmarks> targetLandmarks;
};

// Real videos have no "expanded" variant of their attribute: the hole grows by this much more instead.
constexpr double kVideoHoleExpansion = 0.04;

struct SelfReconstructionData::VideoSource {
    VideoClipReport clips;
    std::mutex mutex;
    std::map<std::tuple<std::size_t, int, int>, Image> masks; // (clip, frame, category) -> automatic mask

    Image mask(std::size_t clip, int frame, AttributeCategory category)
    {
        const auto key = std::make_tuple(clip, frame, static_cast<int>(category));
        {
            const std::lock_guard lock(mutex);
            if (const auto it = masks.find(key); it != masks.end()) {
                return it->second;
            }
        }
        const auto& c = clips.clips[clip];
        Image mask = computeAutoMasks(c.frames[static_cast<std::size_t>(frame)], c.landmarks[static_cast<std::size_t>(frame)],
            {maskKindOf(category)}).front().mask;
        const std::lock_guard lock(mutex);
        return masks.emplace(key, std::move(mask)).first->second;
    }
};

struct SelfReconstructionData::PhotoSource {
    std::vector<PhotoFace> faces;
    std::map<AttributeCategory, std::vector<std::size_t>> withCategory; // indices of the faces that have it
    std::vector<std::string> skipped;
};

SelfReconstructionData::SelfReconstructionData(
    const TrainDataConfig& config, int imageSize, std::uint64_t seed, bool priors)
    : config_(config), size_(imageSize), seed_(seed), priors_(priors)
{
    if (imageSize < 16 || imageSize > 2048) {
        throw Error("training image size " + std::to_string(imageSize) + " is out of range (16..2048)");
    }
    if (config.source != "world") {
        videos_ = std::make_shared<VideoSource>();
        videos_->clips = prepareVideoClips(config.videos, imageSize, config.clipLength);
    }
    if (!config.photos.empty()) {
        auto photos = std::make_shared<PhotoSource>();
        FaceAnalyzer analyzer;
        for (const auto& path : photosIn(config.photos)) {
            auto face = preparePhoto(path, analyzer, imageSize, photos->skipped);
            if (!face) {
                continue;
            }
            if (face->masks.empty()) {
                photos->skipped.push_back(face->name + ": no attribute found");
                continue;
            }
            for (const auto& entry : face->masks) {
                photos->withCategory[entry.first].push_back(photos->faces.size());
            }
            photos->faces.push_back(std::move(*face));
        }
        if (photos->faces.empty()) {
            throw Error("data.photos '" + config.photos.string() + "': no photo there has a face with an attribute");
        }
        photos_ = std::move(photos);
    }
}

SelfReconstructionData::~SelfReconstructionData() = default;

int SelfReconstructionData::videoClipCount() const
{
    return videos_ ? static_cast<int>(videos_->clips.clips.size()) : 0;
}

std::vector<std::string> SelfReconstructionData::skippedVideos() const
{
    return videos_ ? videos_->clips.skipped : std::vector<std::string>{};
}

int SelfReconstructionData::photoCount() const
{
    return photos_ ? static_cast<int>(photos_->faces.size()) : 0;
}

std::vector<std::string> SelfReconstructionData::skippedPhotos() const
{
    return photos_ ? photos_->skipped : std::vector<std::string>{};
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

SelfReconstructionData::Frames SelfReconstructionData::worldFrames(std::uint64_t sampleSeed, AttributeCategory category,
    int frames, TrainingSample& s, std::mt19937_64& rng) const
{
    const int clip = std::max(config_.clipLength, std::max(frames, 2));
    s.person = randomPersonWearing(mixSeed(sampleSeed, 1), category);
    s.motion = randomMotion(mixSeed(sampleSeed, 2), clip);
    s.attributeFrame = uniformInt(rng, 0, clip - 1);
    s.portraitFrame = uniformInt(rng, 0, clip - 1);
    s.firstTarget = uniformInt(rng, 0, clip - frames);
    SynthRenderOptions options;
    options.width = options.height = size_;
    options.supersample = config_.supersample;
    const SynthMask which = synthMaskOf(category);

    Frames out;
    const SynthFrame attributeFrame = renderSynthFrame(s.person, s.motion[s.attributeFrame], options);
    const SynthFrame portraitFrame = renderSynthFrame(s.person, s.motion[s.portraitFrame], options);
    // The hole covers where the attribute is and where a larger one could be, so the portrait stream
    // cannot learn the attribute's shape from the hole's outline.
    Person expanded = s.person;
    expanded.attributes = expandedAttributes(s.person.attributes, category);
    const SynthFrame expandedFrame = renderSynthFrame(expanded, s.motion[s.portraitFrame], options);
    out.portraitHole = binarize(uniteMasks(portraitFrame.mask(which), expandedFrame.mask(which)));
    out.attributeRgb = attributeFrame.rgb;
    out.attributeMask = attributeFrame.mask(which);
    out.attributeLandmarks = landmarksOf(attributeFrame);
    out.portraitRgb = portraitFrame.rgb;
    out.portraitLandmarks = landmarksOf(portraitFrame);
    for (int f = 0; f < frames; ++f) {
        SynthFrame target = renderSynthFrame(s.person, s.motion[s.firstTarget + f], options);
        out.targetLandmarks.push_back(landmarksOf(target));
        out.targets.push_back(std::move(target.rgb));
    }
    return out;
}

SelfReconstructionData::Frames SelfReconstructionData::videoFrames(std::uint64_t sampleSeed, AttributeCategory category,
    int frames, TrainingSample& s, std::mt19937_64& rng) const
{
    auto& source = *videos_;
    const std::size_t clipIndex = mixSeed(sampleSeed, 5) % source.clips.clips.size();
    const PreparedClip& clip = source.clips.clips[clipIndex];
    const int length = static_cast<int>(clip.frames.size());
    frames = std::min(frames, length);
    s.sourceVideo = clip.source;
    s.attributeFrame = uniformInt(rng, 0, length - 1);
    s.portraitFrame = uniformInt(rng, 0, length - 1);
    s.firstTarget = uniformInt(rng, 0, length - frames);

    Frames out;
    out.attributeRgb = clip.frames[static_cast<std::size_t>(s.attributeFrame)];
    out.attributeMask = source.mask(clipIndex, s.attributeFrame, category);
    out.attributeLandmarks = clip.landmarks[static_cast<std::size_t>(s.attributeFrame)];
    out.portraitRgb = clip.frames[static_cast<std::size_t>(s.portraitFrame)];
    out.portraitLandmarks = clip.landmarks[static_cast<std::size_t>(s.portraitFrame)];
    out.portraitHole = growMask(binarize(source.mask(clipIndex, s.portraitFrame, category)),
        static_cast<int>(std::lround(kVideoHoleExpansion * size_)));
    for (int f = 0; f < frames; ++f) {
        out.targets.push_back(clip.frames[static_cast<std::size_t>(s.firstTarget + f)]);
        out.targetLandmarks.push_back(clip.landmarks[static_cast<std::size_t>(s.firstTarget + f)]);
    }
    return out;
}

SelfReconstructionData::Frames SelfReconstructionData::swapFrames(
    std::uint64_t sampleSeed, AttributeCategory category, int frames, TrainingSample& s) const
{
    // The benchmark's construction on the training stream (its seeds never meet the benchmark's).
    TransferCase c = makeTransferCase({category}, mixSeed(sampleSeed, 7), frames, size_);
    s.trueSwap = true;
    return framesOf(std::move(c));
}

SelfReconstructionData::Frames SelfReconstructionData::framesOf(TransferCase&& c)
{
    Frames out;
    auto& reference = c.references.front();
    out.attributeRgb = std::move(reference.image);
    out.attributeMask = std::move(reference.mask);
    out.attributeLandmarks = reference.landmarks;
    out.portraitRgb = std::move(c.portrait);
    out.portraitLandmarks = c.portraitLandmarks;
    out.portraitHole = std::move(c.portraitHole);
    out.targets = std::move(c.truth);
    out.targetLandmarks = std::move(c.keypoints);
    return out;
}

SelfReconstructionData::Frames SelfReconstructionData::photoFrames(
    std::uint64_t sampleSeed, AttributeCategory category, int frames, TrainingSample& s) const
{
    const auto& candidates = photos_->withCategory.at(category);
    std::mt19937_64 rng(mixSeed(sampleSeed, 10));
    const PhotoFace& face = photos_->faces[candidates[rng() % candidates.size()]];
    s.sourcePhoto = face.name;
    // The reference framed at random about the crop's centre (the benchmark uses one fixed framing), and
    // brightened or darkened: the pseudo pair the Durian paper makes of a single image.
    AlignmentTemplate layout;
    const double scale = 1.0 + uniform(rng, -0.08, 0.08), angle = uniform(rng, -5.0, 5.0) * M_PI / 180.0;
    const double dx = uniform(rng, -0.04, 0.04), dy = uniform(rng, -0.04, 0.04);
    for (Point2f* p : {&layout.rightEye, &layout.leftEye, &layout.mouth}) {
        const double x = p->x - 0.5, y = p->y - 0.5;
        p->x = static_cast<float>(0.5 + dx + scale * (std::cos(angle) * x - std::sin(angle) * y));
        p->y = static_cast<float>(0.5 + dy + scale * (std::sin(angle) * x + std::cos(angle) * y));
    }
    const int brightness = uniformInt(rng, 90, 112);
    TransferCase c = photoSelfTransferCase(face, category, size_, layout, brightness);
    // A photo has one pose: a clip of it stands still.
    const Image still = c.truth.front();
    const Landmarks pose = c.keypoints.front();
    c.truth.assign(static_cast<std::size_t>(frames), still);
    c.keypoints.assign(static_cast<std::size_t>(frames), pose);
    return framesOf(std::move(c));
}

bool SelfReconstructionData::fromPhoto(std::uint64_t sampleSeed, AttributeCategory category) const
{
    if (!photos_ || !photos_->withCategory.count(category)) {
        return false;
    }
    std::mt19937_64 rng(mixSeed(sampleSeed, 11));
    return uniform(rng, 0.0, 1.0) < config_.photoFraction;
}

bool SelfReconstructionData::fromVideo(std::uint64_t sampleSeed) const
{
    if (!videos_) {
        return false;
    }
    if (config_.source == "videos") {
        return true;
    }
    std::mt19937_64 rng(mixSeed(sampleSeed, 6));
    return uniform(rng, 0.0, 1.0) < config_.videoFraction;
}

TrainingSample SelfReconstructionData::sample(std::uint64_t index, AttributeCategory category, int frames) const
{
    const std::uint64_t sampleSeed = mixSeed(mixSeed(seed_, 0x5a3), index);
    std::mt19937_64 rng(sampleSeed);
    TrainingSample s;
    s.category = category;
    const bool video = fromVideo(sampleSeed);
    std::mt19937_64 swapRng(mixSeed(sampleSeed, 8));
    Frames raw = fromPhoto(sampleSeed, category) ? photoFrames(sampleSeed, category, frames, s)
        : video ? videoFrames(sampleSeed, category, frames, s, rng)
        : uniform(swapRng, 0.0, 1.0) < config_.swapFraction ? swapFrames(sampleSeed, category, frames, s)
                                                             : worldFrames(sampleSeed, category, frames, s, rng);
    const int growth = static_cast<int>(std::lround(uniform(rng, 0.0, config_.maxGrowth) * size_));
    if (growth > 0) {
        raw.portraitHole = growMask(raw.portraitHole, growth);
    }
    if (priors_) {
        // From the references as they are (inference has no augmentation to undo): the prior's own
        // misalignment is what the model must learn to correct.
        GenerationRequest request;
        request.portrait = raw.portraitRgb;
        request.portraitMask = raw.portraitHole;
        request.portraitLandmarks = raw.portraitLandmarks;
        request.attributes.push_back({category, raw.attributeRgb, raw.attributeMask, 1.0, raw.attributeLandmarks});
        request.motion = raw.targetLandmarks;
        request.frames = static_cast<int>(raw.targets.size());
        const ClassicalPrior prior(request, size_);
        // Without the attribute: the same region, the frame as if its strength were 0.
        std::mt19937_64 dropRng(mixSeed(sampleSeed, 9));
        std::optional<ClassicalPrior> bare;
        if (uniform(dropRng, 0.0, 1.0) < config_.priorAttributeDropout) {
            request.attributes.front().strength = 0.0;
            bare.emplace(request, size_);
            s.priorWithoutAttribute = true;
        }
        for (int f = 0; f < prior.frames(); ++f) {
            s.priors.push_back((bare ? *bare : prior).frame(f));
            s.editRegions.push_back(prior.region(f));
            // Where the attribute goes, also when the bare prior does not show it.
            s.priorHoles.push_back(prior.hole(f));
            s.priorAttributeMasks.push_back(prior.attributeMask(f));
            s.portraitFrames.push_back(prior.portraitFrame(f));
        }
    }
    const bool augment = !s.trueSwap || config_.augmentSwaps;
    s.attributeAffine = augment ? randomAffine(rng, config_, size_) : ReferenceAffine{};
    s.portraitAffine = augment ? randomAffine(rng, config_, size_) : ReferenceAffine{};
    s.attributeImage = applyAffine(raw.attributeRgb, s.attributeAffine, false);
    s.attributeMask = applyAffine(raw.attributeMask, s.attributeAffine, false);
    s.portraitImage = applyAffine(raw.portraitRgb, s.portraitAffine, false);
    s.portraitHole = applyAffine(raw.portraitHole, s.portraitAffine, true);
    if (augment) {
        jitterColours(s.attributeImage, rng, config_.colourJitter);
        jitterColours(s.portraitImage, rng, config_.colourJitter);
    }
    for (std::size_t f = 0; f < raw.targets.size(); ++f) {
        s.keypointImages.push_back(renderKeypointImage(raw.targetLandmarks[f], size_, size_));
    }
    s.targets = std::move(raw.targets);
    return s;
}

} // namespace durian
