#pragma once

#include "core/eval/WarpComposite.h"
#include "core/io/Image.h"

#include <memory>

namespace durian {

struct GenerationRequest;

// What a model with a prior refines (ModelConfig::prior): per frame, the classical warp-and-composite
// result of the request (every attribute pasted at its strength, an interpolation pair cross-faded by
// alpha, the composite warped to the frame's keypoints) and the edit region, the only place the model may
// change it. The region is the portrait's hole united with each attribute's mask aligned to the portrait
// (references at strength 0 left out), grown a little, warped with the frame and feathered. Built from
// the request's landmarks, at `size` (the portrait, its hole and landmarks scaled to it). Plain C++: the trainer, the generator and the
// benchmark all build the prior through this one class, so training sees what inference sees.
class ClassicalPrior {
public:
    // Throws durian::Error when the request lacks the landmarks of the portrait, a reference or a frame.
    ClassicalPrior(const GenerationRequest& request, int size);
    ~ClassicalPrior();

    // False when no reference is on at a strength above 0: then every frame is the prior itself.
    bool editsAnything() const { return editsAnything_; }
    int frames() const;
    Image frame(int index) const;
    // The portrait animated with nothing pasted (the prior at strength 0): what DNet sees of the prior when
    // ModelConfig::barePriorInput.
    Image portraitFrame(int index) const;
    // 1 channel, 0 outside (where the output is the prior's pixels exactly), 255 well inside.
    Image region(int index) const;
    // What the region unites, moved with the frame (1 channel, not grown or feathered): the portrait's hole,
    // and the new attributes' mask as pasted (each aligned mask times its strength, the strongest where
    // they overlap; an interpolation pair cross-faded by alpha).
    Image hole(int index) const;
    Image attributeMask(int index) const;
    // region, then hole and attributeMask when `withParts` (ModelConfig::priorMasks): the masks DNet reads.
    std::vector<Image> masks(int index, bool withParts) const;

private:
    Image moved(const Image& mask, int index) const;

    std::unique_ptr<WarpCompositeAnimator> withA_, withB_, bare_;
    double alpha_ = 0.0;
    Image region_; // before motion, grown
    Image hole_, attributeMask_; // before motion
    Landmarks portrait_{};
    std::vector<Landmarks> motion_;
    float feather_ = 0.0f;
    bool editsAnything_ = false;
};

// Paste-back: `prior` outside `region`, `generated` inside, blended by the region's value. A pixel whose
// region value is 0 is the prior's byte for byte. All three the same size.
Image pasteInsideRegion(const Image& prior, const Image& generated, const Image& region);

} // namespace durian
