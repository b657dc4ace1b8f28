#pragma once

// Internal to core/synth: the face of one identity with one expression, as points on the head surface.
// Face-space points (x, y) sit on the face surface; their 3D position is onFace(). The 68 keypoints are
// the same control points the drawing code draws its curves through, so they are exact by construction.

#include "core/synth/SynthTypes.h"
#include "core/synth/detail/Geometry.h"

#include <array>
#include <vector>

namespace durian::synth {

// Height of each feature over the face surface: curves drawn through the keypoints use the same lift.
inline constexpr float kEyeLift = -0.015f;
inline constexpr float kBrowLift = 0.01f;
inline constexpr float kMouthLift = 0.02f;

class FaceModel {
public:
    FaceModel(const Identity& identity, const Pose& expression);

    // Depth of the face surface at (x, y).
    float surfaceZ(float x, float y) const;
    V3 onFace(V2 p, float lift = 0.f) const { return {p.x, p.y, surfaceZ(p.x, p.y) + lift}; }

    const std::array<V2, kSynthKeypointCount>& points() const { return points_; }
    V2 point(int i) const { return points_[static_cast<std::size_t>(i)]; }
    V3 keypoint3d(int i) const { return onFace(points_[static_cast<std::size_t>(i)], lift_[static_cast<std::size_t>(i)]); }
    float lift(int i) const { return lift_[static_cast<std::size_t>(i)]; }

    // The jaw outline, dense (from the image-left end to the image-right end), with its depths.
    const std::vector<V3>& jaw() const { return jaw_; }
    // Half-width of the face at height y (for placing beards and locks).
    float halfWidthAt(float y) const;

    // Points i..j (inclusive) of the 68.
    std::vector<V2> range(int first, int last) const;
    float cranium(int axis) const { return axis == 0 ? id_.headWidth : (axis == 1 ? 1.f : id_.headDepth); }

private:
    void buildJaw(float chinDrop);
    void buildEyesAndBrows(const Pose& expression);
    void buildNose();
    void buildMouth(const Pose& expression);

    const Identity& id_;
    std::array<V2, kSynthKeypointCount> points_{};
    std::array<float, kSynthKeypointCount> lift_{};
    std::vector<V3> jaw_;
};

} // namespace durian::synth
