#pragma once

#include "core/io/Image.h"
#include "core/io/Project.h" // AttributeCategory
#include "core/synth/SynthTypes.h"
#include "core/train/TrainConfig.h"
#include "core/util/Seeds.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace durian {

struct TransferCase;

// Random affine (rotation, scale, shift about the centre) applied to an image and its mask together;
// exposed borders are filled by replicating the edge (plausible background, not black).
struct ReferenceAffine {
    double angleDegrees = 0.0, scale = 1.0, shiftX = 0.0, shiftY = 0.0; // shift in pixels
};

// One training sample. Self-reconstruction: two frames of one random world clip become the references, other
// frames of the same clip are the targets, reconstructed from their keypoint images. A true swap (world
// only, TrainDataConfig::swapFraction): the portrait's person P, an attribute reference of another person
// Q, and the world's rendering of P wearing Q's attribute in a third person's motion as the targets.
struct TrainingSample {
    AttributeCategory category = AttributeCategory::Hair;
    Image attributeImage;   // RGB, augmented; the network sees attributeImage * attributeMask
    Image attributeMask;    // 1 channel, the attribute's true mask, augmented with the image
    Image portraitImage;    // RGB, augmented; the network sees portraitImage * (1 - portraitHole)
    Image portraitHole;     // 1 channel, binary: true attribute region U expanded variant's region, grown
    std::vector<Image> targets;        // RGB frames to reconstruct
    std::vector<Image> keypointImages; // their keypoint images (renderKeypointImage), same size
    // With priors (see the constructor): per target, the classical warp-and-composite frame and its edit
    // region, built from the references before augmentation, exactly as inference builds them.
    std::vector<Image> priors, editRegions;
    std::vector<Image> priorHoles, priorAttributeMasks; // what each region unites (ClassicalPrior::hole, attributeMask)
    std::vector<Image> portraitFrames; // the prior at strength 0 (ClassicalPrior::portraitFrame)
    bool trueSwap = false; // the targets are the portrait's person wearing another person's attribute
    bool priorWithoutAttribute = false; // TrainDataConfig::priorAttributeDropout chose the bare prior
    // Where it came from, so tests can re-render the world and check the masks.
    std::filesystem::path sourceVideo; // empty for a world sample
    std::string sourcePhoto;           // the photo's file name, for a photo sample
    Person person;
    std::vector<Pose> motion;
    int attributeFrame = 0, portraitFrame = 0, firstTarget = 0;
    ReferenceAffine attributeAffine, portraitAffine;
};

// Makes samples on the fly from the portrait world and/or a folder of portrait videos (prepared once, in
// the constructor: tracked, cropped; automatic masks computed when first needed), with a folder of single
// photos mixed in (prepared in the constructor: face, crop, automatic masks). Deterministic for the
// world: a sample depends only on the seed, its index, the category and the settings.
class SelfReconstructionData {
public:
    // `priors`: also build each sample's classical prior (for a model with ModelConfig::prior).
    SelfReconstructionData(const TrainDataConfig& config, int imageSize, std::uint64_t seed, bool priors = false);
    ~SelfReconstructionData();

    int videoClipCount() const;
    std::vector<std::string> skippedVideos() const; // "file: why"
    int photoCount() const;                          // photos with a face and at least one attribute
    std::vector<std::string> skippedPhotos() const;  // "file: why"

    // `frames` consecutive target frames (1 for single-frame stages).
    TrainingSample sample(std::uint64_t index, AttributeCategory category, int frames) const;

    // The category a training step uses for its whole batch (ARNet takes one role per call).
    AttributeCategory categoryForStep(std::uint64_t step) const;
    // Whether a step trains the unconditional branch (reference dropout).
    bool dropReferencesAt(std::uint64_t step) const;

private:
    struct Frames;
    struct VideoSource;
    Frames worldFrames(std::uint64_t sampleSeed, AttributeCategory category, int frames, TrainingSample& s,
        std::mt19937_64& rng) const;
    Frames videoFrames(std::uint64_t sampleSeed, AttributeCategory category, int frames, TrainingSample& s,
        std::mt19937_64& rng) const;
    Frames swapFrames(std::uint64_t sampleSeed, AttributeCategory category, int frames, TrainingSample& s) const;
    struct PhotoSource;
    static Frames framesOf(TransferCase&& c);
    Frames photoFrames(std::uint64_t sampleSeed, AttributeCategory category, int frames, TrainingSample& s) const;
    bool fromVideo(std::uint64_t sampleSeed) const;
    bool fromPhoto(std::uint64_t sampleSeed, AttributeCategory category) const;

    std::shared_ptr<VideoSource> videos_;
    std::shared_ptr<const PhotoSource> photos_;
    TrainDataConfig config_;
    int size_;
    std::uint64_t seed_;
    bool priors_ = false;
};

Image applyAffine(const Image& image, const ReferenceAffine& affine, bool isMask);

} // namespace durian
