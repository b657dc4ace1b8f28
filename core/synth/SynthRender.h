#pragma once

#include "core/synth/SynthTypes.h"

#include <vector>

namespace durian {

// Renders one frame of a person in a pose: RGB, masks and the 68 keypoints. Deterministic: the same
// arguments give the same bytes. Throws durian::Error for a size or supersampling out of range, or a
// person or pose with values that are not finite or out of range.
SynthFrame renderSynthFrame(const Person& person, const Pose& pose, const SynthRenderOptions& options = {});

// Renders a whole motion.
std::vector<SynthFrame> renderSynthSequence(const Person& person, const std::vector<Pose>& motion,
    const SynthRenderOptions& options = {});

// The checks renderSynthFrame makes, for callers that want to fail before starting a long job.
void validateSynthOptions(const SynthRenderOptions& options);
void validatePerson(const Person& person);
void validatePose(const Pose& pose);

} // namespace durian
