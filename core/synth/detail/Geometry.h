#pragma once

// Internal to core/synth: small 3D maths and the head's projection onto the image.

#include "core/synth/SynthTypes.h"

#include <cmath>
#include <vector>

namespace durian::synth {

struct V2 {
    float x = 0.f, y = 0.f;
};
struct V3 {
    float x = 0.f, y = 0.f, z = 0.f;
};

inline V2 operator+(V2 a, V2 b) { return {a.x + b.x, a.y + b.y}; }
inline V2 operator-(V2 a, V2 b) { return {a.x - b.x, a.y - b.y}; }
inline V2 operator*(V2 a, float s) { return {a.x * s, a.y * s}; }
inline V3 operator+(V3 a, V3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
inline V3 operator-(V3 a, V3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
inline V3 operator*(V3 a, float s) { return {a.x * s, a.y * s, a.z * s}; }
inline float dot(V3 a, V3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
inline V3 cross(V3 a, V3 b) { return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x}; }
inline V3 normalized(V3 a)
{
    const float n = std::sqrt(dot(a, a));
    return n > 0.f ? a * (1.f / n) : V3{0.f, 0.f, 1.f};
}
inline float mix(float a, float b, float t) { return a + (b - a) * t; }
inline V2 mix(V2 a, V2 b, float t) { return a + (b - a) * t; }
inline V3 mix(V3 a, V3 b, float t) { return a + (b - a) * t; }
inline float clamp01(float v) { return v < 0.f ? 0.f : (v > 1.f ? 1.f : v); }
inline SynthColor scaled(SynthColor c, float s) { return {c.r * s, c.g * s, c.b * s}; }
inline SynthColor mix(SynthColor a, SynthColor b, float t)
{
    return {mix(a.r, b.r, t), mix(a.g, b.g, t), mix(a.b, b.b, t)};
}
inline constexpr float kPi = 3.14159265358979f;

struct Mat3 {
    float m[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    V3 operator*(V3 v) const
    {
        return {m[0][0] * v.x + m[0][1] * v.y + m[0][2] * v.z, m[1][0] * v.x + m[1][1] * v.y + m[1][2] * v.z,
            m[2][0] * v.x + m[2][1] * v.y + m[2][2] * v.z};
    }
    Mat3 operator*(const Mat3& o) const;
    Mat3 transposed() const;
};

// Yaw about y, then pitch about x, then roll about z (degrees), in the sign conventions of Pose.
Mat3 rotationFromPose(float yawDeg, float pitchDeg, float rollDeg);
Mat3 rotationAboutZ(float radians);

// Catmull-Rom curve through the points (open), `perSegment` samples per span, the points themselves included.
std::vector<V2> smoothCurve(const std::vector<V2>& points, int perSegment);

// Maps head-frame points to output pixels: rotation about the neck pivot, then weak perspective.
class Projector {
public:
    Projector(const Pose& pose, float headSize, int width, int height);

    V3 toCamera(V3 p) const { return rotation_ * (p - pivot_) + pivot_; }
    V3 rotate(V3 direction) const { return rotation_ * direction; }
    V2 project(V3 p) const
    {
        const V3 c = toCamera(p);
        return {originX_ + unit_ * c.x, originY_ + unit_ * c.y};
    }
    // 2D body frame (does not rotate with the head): head units relative to the neutral head centre.
    V2 projectBody(V2 p) const { return {originX_ + unit_ * p.x, originY_ + unit_ * (p.y - 0.2f)}; }
    float unit() const { return unit_; }                 // pixels per head unit
    V2 originPixels() const { return {originX_, originY_}; }
    const Mat3& rotation() const { return rotation_; }

    // The outline of an ellipsoid (centre, radii, orientation in the head frame) as seen by the camera:
    // `samples` points on its limb, in order.
    std::vector<V3> ellipsoidLimb(V3 centre, V3 radii, const Mat3& orientation, int samples) const;

private:
    Mat3 rotation_;
    V3 pivot_{0.f, 0.8f, -0.25f};
    float originX_ = 0.f, originY_ = 0.f, unit_ = 1.f;
};

} // namespace durian::synth
