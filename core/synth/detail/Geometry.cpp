#include "core/synth/detail/Geometry.h"

#include <algorithm>

namespace durian::synth {

Mat3 Mat3::operator*(const Mat3& o) const
{
    Mat3 r;
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            r.m[i][j] = m[i][0] * o.m[0][j] + m[i][1] * o.m[1][j] + m[i][2] * o.m[2][j];
        }
    }
    return r;
}

Mat3 Mat3::transposed() const
{
    Mat3 r;
    for (int i = 0; i < 3; ++i) {
        for (int j = 0; j < 3; ++j) {
            r.m[i][j] = m[j][i];
        }
    }
    return r;
}

Mat3 rotationAboutZ(float a)
{
    Mat3 r;
    r.m[0][0] = std::cos(a);
    r.m[0][1] = -std::sin(a);
    r.m[1][0] = std::sin(a);
    r.m[1][1] = std::cos(a);
    return r;
}

Mat3 rotationFromPose(float yawDeg, float pitchDeg, float rollDeg)
{
    const float y = yawDeg * kPi / 180.f, p = pitchDeg * kPi / 180.f;
    Mat3 yaw; // a point in front (0,0,1) moves to +x for positive yaw
    yaw.m[0][0] = std::cos(y);
    yaw.m[0][2] = std::sin(y);
    yaw.m[2][0] = -std::sin(y);
    yaw.m[2][2] = std::cos(y);
    Mat3 pitch; // (0,0,1) moves to +y (down) for positive pitch
    pitch.m[1][1] = std::cos(p);
    pitch.m[1][2] = std::sin(p);
    pitch.m[2][1] = -std::sin(p);
    pitch.m[2][2] = std::cos(p);
    return rotationAboutZ(rollDeg * kPi / 180.f) * pitch * yaw;
}

std::vector<V2> smoothCurve(const std::vector<V2>& pts, int perSegment)
{
    if (pts.size() < 3 || perSegment <= 1) {
        return pts;
    }
    std::vector<V2> out;
    out.reserve((pts.size() - 1) * perSegment + 1);
    const std::size_t n = pts.size();
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const V2 p0 = i == 0 ? pts[0] * 2.f - pts[1] : pts[i - 1];
        const V2 p1 = pts[i];
        const V2 p2 = pts[i + 1];
        const V2 p3 = i + 2 < n ? pts[i + 2] : pts[n - 1] * 2.f - pts[n - 2];
        for (int s = 0; s < perSegment; ++s) {
            const float t = static_cast<float>(s) / perSegment, t2 = t * t, t3 = t2 * t;
            out.push_back((p1 * 2.f + (p2 - p0) * t + (p0 * 2.f - p1 * 5.f + p2 * 4.f - p3) * t2
                              + (p1 * 3.f - p0 - p2 * 3.f + p3) * t3)
                * 0.5f);
        }
    }
    out.push_back(pts.back());
    return out;
}

Projector::Projector(const Pose& pose, float headSize, int width, int height)
    : rotation_(rotationFromPose(pose.yaw, pose.pitch, pose.roll))
{
    const float shortSide = static_cast<float>(std::min(width, height));
    unit_ = 0.2f * shortSide * pose.scale * headSize;
    originX_ = 0.5f * width + pose.tx * shortSide - 0.5f;
    originY_ = 0.40f * height + pose.ty * shortSide - 0.5f;
}

std::vector<V3> Projector::ellipsoidLimb(V3 centre, V3 radii, const Mat3& orientation, int samples) const
{
    // Limb points have normals perpendicular to the view direction. With p = centre + O*M*u (|u| = 1),
    // the normal is O*M^-1*u, so the limb is the great circle u . (M^-1 O^T v) = 0.
    const V3 view = rotation_.transposed() * V3{0.f, 0.f, 1.f};
    const V3 local = orientation.transposed() * view;
    const V3 w = normalized({local.x / radii.x, local.y / radii.y, local.z / radii.z});
    const V3 helper = std::abs(w.y) < 0.9f ? V3{0.f, 1.f, 0.f} : V3{1.f, 0.f, 0.f};
    const V3 e1 = normalized(cross(w, helper));
    const V3 e2 = cross(w, e1);
    std::vector<V3> limb;
    limb.reserve(samples);
    for (int i = 0; i < samples; ++i) {
        const float t = 2.f * kPi * i / samples;
        const V3 u = e1 * std::cos(t) + e2 * std::sin(t);
        limb.push_back(centre + orientation * V3{u.x * radii.x, u.y * radii.y, u.z * radii.z});
    }
    return limb;
}

} // namespace durian::synth
