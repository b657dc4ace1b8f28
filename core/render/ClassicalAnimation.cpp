#include "core/render/ClassicalAnimation.h"

#include "core/util/Error.h"

#include <cmath>

namespace durian {

namespace {

WarpAttribute loadAttribute(ProjectFaces& faces, const AttributeReference& reference)
{
    const std::string what = toString(reference.category) + " reference";
    WarpAttribute attribute;
    attribute.image = faces.photo(reference.image, what).image;
    attribute.landmarks = faces.landmarks(reference.image, what, reference.face);
    attribute.strength = reference.strength;
    attribute.mask = reference.mask.empty() ? faces.autoMask(reference.image, reference.category, 0, reference.face)
                                            : loadMaskOf(reference.mask, attribute.image, what);
    return attribute;
}

} // namespace

ClassicalAnimation::ClassicalAnimation(const Project& project, ProjectFaces& faces, const AlignedFace& portrait,
    const std::function<void()>& checkCancelled)
{
    const auto& pairing = project.interpolation;
    std::vector<WarpAttribute> attributes;
    int pairedSlot = -1;
    for (std::size_t i = 0; i < project.attributes.size(); ++i) {
        const auto& reference = project.attributes[i];
        if (!reference.enabled || (pairing && pairing->with == static_cast<int>(i))) {
            continue; // switched off in the editor (rendered as if absent), or the pair's B
        }
        if (checkCancelled) {
            checkCancelled();
        }
        if (pairing && pairing->slot == static_cast<int>(i)) {
            pairedSlot = static_cast<int>(attributes.size());
        }
        attributes.push_back(loadAttribute(faces, reference));
    }
    alpha_ = pairing ? pairing->alpha : 0.0;
    if (pairedSlot >= 0 && alpha_ > 0.0 && project.attributes.at(static_cast<std::size_t>(pairing->with)).enabled) {
        auto withB = attributes;
        withB[static_cast<std::size_t>(pairedSlot)] =
            loadAttribute(faces, project.attributes[static_cast<std::size_t>(pairing->with)]);
        withB_ = std::make_unique<WarpCompositeAnimator>(portrait.image, portrait.landmarks, withB);
    }
    if (!withB_ || alpha_ < 1.0) {
        withA_ = std::make_unique<WarpCompositeAnimator>(portrait.image, portrait.landmarks, attributes);
    }
}

Image ClassicalAnimation::frame(const Landmarks& keypoints) const
{
    if (!withB_) {
        return withA_->frame(keypoints);
    }
    return withA_ ? crossFade(withA_->frame(keypoints), withB_->frame(keypoints), alpha_) : withB_->frame(keypoints);
}

} // namespace durian
