#include "core/synth/detail/Scene.h"

#include <algorithm>
#include <cmath>

namespace durian::synth {

std::vector<V2> Scene::projectFace(const std::vector<V2>& pts, float lift) const
{
    std::vector<V2> out;
    out.reserve(pts.size());
    for (const V2& p : pts) {
        out.push_back(projectFace(p, lift));
    }
    return out;
}

std::vector<V2> Scene::project(const std::vector<V3>& pts) const
{
    std::vector<V2> out;
    out.reserve(pts.size());
    for (const V3& p : pts) {
        out.push_back(project(p));
    }
    return out;
}

float Scene::shade(V3 normal) const
{
    const V3 n = projector.rotate(normalized(normal));
    return 0.78f + 0.3f * std::max(0.f, dot(n, light));
}

V3 shellPoint(V3 c, V3 r, float phi, float theta)
{
    const float ct = std::cos(theta);
    return {c.x + r.x * ct * std::sin(phi), c.y + r.y * std::sin(theta), c.z + r.z * ct * std::cos(phi)};
}

namespace {

// The longest circular run of `true` in flags: [start, start + length).
void longestRun(const std::vector<bool>& flags, int& start, int& length)
{
    const int n = static_cast<int>(flags.size());
    start = 0;
    length = 0;
    if (std::all_of(flags.begin(), flags.end(), [](bool f) { return f; })) {
        length = n;
        return;
    }
    for (int i = 0; i < n; ++i) {
        if (!flags[static_cast<std::size_t>(i)] || flags[static_cast<std::size_t>((i + n - 1) % n)]) {
            continue; // not the start of a run
        }
        int len = 0;
        while (len < n && flags[static_cast<std::size_t>((i + len) % n)]) {
            ++len;
        }
        if (len > length) {
            start = i;
            length = len;
        }
    }
}

} // namespace

std::vector<V2> shellCapOutline(const Scene& s, V3 c, V3 r, const std::function<float(float)>& boundary)
{
    constexpr int kN = 96;
    auto normalAt = [&](float phi, float theta) {
        const V3 p = shellPoint({0, 0, 0}, r, phi, theta);
        return V3{p.x / (r.x * r.x), p.y / (r.y * r.y), p.z / (r.z * r.z)};
    };
    // 1. The boundary line where it faces the camera.
    std::vector<float> phis(kN), facing(kN);
    std::vector<bool> front(kN);
    for (int i = 0; i < kN; ++i) {
        phis[static_cast<std::size_t>(i)] = -kPi + 2.f * kPi * i / kN;
        facing[static_cast<std::size_t>(i)] = s.facing(normalAt(phis[static_cast<std::size_t>(i)], boundary(phis[static_cast<std::size_t>(i)])));
        front[static_cast<std::size_t>(i)] = facing[static_cast<std::size_t>(i)] > 0.f;
    }
    int start = 0, length = 0;
    longestRun(front, start, length);
    std::vector<V2> outline;
    if (length == kN) { // seen from above or below: the whole boundary is visible
        for (int i = 0; i < kN; ++i) {
            outline.push_back(s.project(shellPoint(c, r, phis[static_cast<std::size_t>(i)], boundary(phis[static_cast<std::size_t>(i)]))));
        }
        return outline;
    }
    auto crossing = [&](int inside, int outside) { // phi where facing crosses zero
        const float fa = facing[static_cast<std::size_t>(inside)], fb = facing[static_cast<std::size_t>(outside)];
        float pa = phis[static_cast<std::size_t>(inside)], pb = phis[static_cast<std::size_t>(outside)];
        if (std::abs(pb - pa) > kPi) {
            pb += pb < pa ? 2.f * kPi : -2.f * kPi;
        }
        return mix(pa, pb, fa / std::max(1e-6f, fa - fb));
    };
    if (length > 0) {
        const float phiA = crossing(start, (start + kN - 1) % kN);
        const float phiB = crossing((start + length - 1) % kN, (start + length) % kN);
        outline.push_back(s.project(shellPoint(c, r, phiA, boundary(phiA))));
        for (int k = 0; k < length; ++k) {
            const float phi = phis[static_cast<std::size_t>((start + k) % kN)];
            outline.push_back(s.project(shellPoint(c, r, phi, boundary(phi))));
        }
        outline.push_back(s.project(shellPoint(c, r, phiB, boundary(phiB))));
    }
    // 2. The limb where the shell is covered, joined to the boundary's ends.
    const std::vector<V3> limb = s.projector.ellipsoidLimb(c, r, Mat3{}, kN);
    std::vector<bool> covered(kN);
    for (int i = 0; i < kN; ++i) {
        const V3 u{(limb[static_cast<std::size_t>(i)].x - c.x) / r.x, (limb[static_cast<std::size_t>(i)].y - c.y) / r.y,
            (limb[static_cast<std::size_t>(i)].z - c.z) / r.z};
        const float theta = std::asin(std::clamp(u.y, -1.f, 1.f));
        const float phi = std::atan2(u.x, u.z);
        covered[static_cast<std::size_t>(i)] = theta < boundary(phi);
    }
    int ls = 0, ll = 0;
    longestRun(covered, ls, ll);
    if (ll == 0) {
        return outline;
    }
    std::vector<V2> arc;
    for (int k = 0; k < ll; ++k) {
        arc.push_back(s.project(limb[static_cast<std::size_t>((ls + k) % kN)]));
    }
    if (!outline.empty()) {
        auto dist2 = [](V2 a, V2 b) { return (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y); };
        if (dist2(arc.front(), outline.back()) > dist2(arc.back(), outline.back())) {
            std::reverse(arc.begin(), arc.end());
        }
    }
    outline.insert(outline.end(), arc.begin(), arc.end());
    return outline;
}

} // namespace durian::synth
