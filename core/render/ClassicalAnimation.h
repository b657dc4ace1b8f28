#pragma once

#include "core/eval/WarpComposite.h"
#include "core/face/Alignment.h"
#include "core/io/Project.h"
#include "core/render/ProjectRequest.h"

#include <functional>
#include <memory>

namespace durian {

// A project through the classical method (warp_composite), for when no trained model is installed or it
// is asked for: the aligned portrait with every enabled reference composited over it, warped to each
// frame's keypoints. An interpolation pair is treated as the model treats it: B is not an attribute of its
// own but the other end of A's blend, so the two composites are cross-faded by alpha (0: A alone, 1: B).
class ClassicalAnimation {
public:
    // `portrait`: the project's portrait aligned at the output size. `checkCancelled` runs before each
    // reference is loaded (it throws to stop).
    ClassicalAnimation(const Project& project, ProjectFaces& faces, const AlignedFace& portrait,
        const std::function<void()>& checkCancelled = {});

    Image frame(const Landmarks& keypoints) const;

private:
    std::unique_ptr<WarpCompositeAnimator> withA_, withB_; // withA_ absent at alpha 1, withB_ without a pair
    double alpha_ = 0.0;
};

} // namespace durian
