// Hats: a beanie (shell with a cuff and a pom-pom), a cap (shell with a visor), a brimmed hat (crown on
// a brim, drawn in the order the camera sees them), a beret (a tilted flattened ellipsoid).
#include "core/synth/detail/Scene.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace durian::synth {

namespace {

constexpr int kHat = label(SynthMask::Hat);

float bandYAt(const Hat& hat, float phi)
{
    // Lower at the back than at the front, over the tops of the ears at the sides.
    const float a = std::abs(phi) / kPi;
    const float front = hat.style == HatStyle::Beanie ? -0.38f : -0.42f;
    return mix(front, hat.style == HatStyle::Beanie ? 0.12f : -0.05f, a * a * (3.f - 2.f * a));
}

V3 shellRadii(const Scene& s, float extra)
{
    const float k = std::clamp(s.attributes.hat.size, 0.7f, 1.5f);
    return V3{s.id.headWidth * 1.1f, 1.1f, s.id.headDepth * 1.1f} * (k + extra);
}

// The visible part of the band between two latitude lines of a shell (front-facing samples).
std::vector<V2> shellBand(const Scene& s, V3 c, V3 r, const std::function<float(float)>& lower, float height)
{
    std::vector<V2> bottom, top;
    for (int i = 0; i <= 64; ++i) {
        const float phi = -kPi + 2.f * kPi * i / 64.f;
        const float th = lower(phi);
        const V3 p = shellPoint({0, 0, 0}, r, phi, th);
        if (s.facing({p.x / (r.x * r.x), p.y / (r.y * r.y), p.z / (r.z * r.z)}) <= 0.f) {
            continue;
        }
        bottom.push_back(s.project(shellPoint(c, r, phi, th)));
        top.push_back(s.project(shellPoint(c, r, phi, th - height)));
    }
    bottom.insert(bottom.end(), top.rbegin(), top.rend());
    return bottom;
}

void seams(Scene& s, V3 c, V3 r, const std::function<float(float)>& lower, int count, SynthColor color)
{
    for (int k = 0; k < count; ++k) {
        const float phi = -kPi + 2.f * kPi * (k + 0.5f) / count;
        std::vector<V2> run;
        for (int i = 0; i <= 10; ++i) {
            const float th = mix(-kPi / 2.f + 0.02f, lower(phi), i / 10.f);
            const V3 p = shellPoint({0, 0, 0}, r, phi, th);
            if (s.facing({p.x / (r.x * r.x), p.y / (r.y * r.y), p.z / (r.z * r.z)}) > 0.05f) {
                run.push_back(s.project(shellPoint(c, r, phi, th)));
            }
        }
        s.canvas.line(run, false, color, std::max(0.6f, 0.012f * s.unit()), kKeepLabel);
    }
}

void beanie(Scene& s)
{
    const Hat& hat = s.attributes.hat;
    const V3 c{0.f, -0.06f, -0.02f};
    V3 r = shellRadii(s, 0.f);
    r.y *= 1.08f;
    auto lower = [&](float phi) { return std::asin(std::clamp((bandYAt(hat, phi) - c.y) / r.y, -0.99f, 0.99f)); };
    s.canvas.fill(shellCapOutline(s, c, r, lower), hat.color, kHat);
    seams(s, c, r, lower, 18, scaled(hat.color, 0.8f));
    // Folded cuff, a little proud of the crown.
    const V3 rc = r * 1.03f;
    auto cuffLower = [&](float phi) { return std::asin(std::clamp((bandYAt(hat, phi) + 0.02f - c.y) / rc.y, -0.99f, 0.99f)); };
    const std::vector<V2> cuff = shellBand(s, c, rc, cuffLower, 0.22f);
    s.canvas.fill(cuff, scaled(hat.color, 0.88f), kHat);
    for (int i = 0; i < 40; ++i) {
        const float phi = -kPi + 2.f * kPi * (i + 0.5f) / 40.f;
        const float th = cuffLower(phi);
        const V3 p = shellPoint({0, 0, 0}, rc, phi, th);
        if (s.facing({p.x / (rc.x * rc.x), p.y / (rc.y * rc.y), p.z / (rc.z * rc.z)}) > 0.1f) {
            s.canvas.line({s.project(shellPoint(c, rc, phi, th - 0.02f)), s.project(shellPoint(c, rc, phi, th - 0.2f))}, false,
                scaled(hat.color, 0.7f), std::max(0.6f, 0.012f * s.unit()), kKeepLabel);
        }
    }
    if (hat.brim > 0.9f) { // pom-pom
        const V2 top = s.project(c + V3{0.f, -r.y - 0.1f, 0.f});
        s.canvas.disc(top, 0.17f * s.unit() * std::clamp(hat.size, 0.7f, 1.5f), hat.accent, kHat);
    }
}

void cap(Scene& s)
{
    const Hat& hat = s.attributes.hat;
    const V3 c{0.f, -0.05f, 0.f};
    const V3 r = shellRadii(s, -0.02f);
    auto lower = [&](float phi) { return std::asin(std::clamp((bandYAt(hat, phi) - c.y) / r.y, -0.99f, 0.99f)); };
    s.canvas.fill(shellCapOutline(s, c, r, lower), hat.color, kHat);
    seams(s, c, r, lower, 6, scaled(hat.color, 0.75f));
    s.canvas.disc(s.project(c + V3{0.f, -r.y, 0.f}), 0.05f * s.unit(), scaled(hat.color, 0.8f), kHat);
    // Visor: from the front of the band, forward and a little down.
    const float len = 0.55f * std::clamp(hat.brim, 0.4f, 2.f);
    std::vector<V3> visor;
    std::vector<V3> rim;
    for (int i = 0; i <= 12; ++i) {
        const float phi = mix(-1.15f, 1.15f, i / 12.f);
        const V3 p = shellPoint(c, r, phi, lower(phi));
        visor.push_back(p);
        const float reach = len * std::cos(phi * 0.8f);
        rim.push_back(p + V3{std::sin(phi) * 0.12f, 0.14f, 1.f} * reach);
    }
    const V3 normal = cross(visor.back() - visor.front(), rim[6] - visor[6]);
    const bool underside = s.facing(normal) < 0.f;
    std::vector<V2> outline = s.project(visor);
    const std::vector<V2> r2 = s.project(rim);
    outline.insert(outline.end(), r2.rbegin(), r2.rend());
    s.canvas.fill(smoothCurve(outline, 2), scaled(hat.color, underside ? 0.6f : 0.92f), kHat);
    s.canvas.line(smoothCurve(r2, 3), false, scaled(hat.color, 0.7f), std::max(0.6f, 0.015f * s.unit()), kHat);
}

void brimmed(Scene& s)
{
    const Hat& hat = s.attributes.hat;
    const float k = std::clamp(hat.size, 0.7f, 1.5f);
    const float bandY = -0.5f;
    const float tilt = -10.f * kPi / 180.f; // worn tipped forward: the camera sees the brim's top
    auto place = [&](V3 p) { // hat frame -> head frame: rotate about the band centre
        const float y = p.y * std::cos(tilt) - p.z * std::sin(tilt);
        const float z = p.y * std::sin(tilt) + p.z * std::cos(tilt);
        return V3{p.x, y + bandY, z - 0.04f};
    };
    const float rx = s.id.headWidth * 1.08f * k, rz = s.id.headDepth * 1.08f * k;
    const float brimR = std::clamp(hat.brim, 0.4f, 2.f);
    const float h = std::clamp(hat.crownHeight, 0.2f, 1.2f) + 0.5f;
    std::vector<V3> brim, base, top;
    for (int i = 0; i < 48; ++i) {
        const float t = 2.f * kPi * i / 48.f - kPi / 2.f; // front in the middle of the ring
        brim.push_back(place({(rx + 0.55f * brimR) * std::cos(t), 0.f, (rz + 0.55f * brimR) * std::sin(t)}));
        base.push_back(place({rx * std::cos(t), 0.f, rz * std::sin(t)}));
        top.push_back(place({rx * 0.88f * std::cos(t), -h, rz * 0.88f * std::sin(t)}));
    }
    std::vector<cv::Point2f> hullIn;
    for (const auto* ring : {&base, &top}) {
        for (const V3& p : *ring) {
            const V2 q = s.project(p);
            hullIn.emplace_back(q.x, q.y);
        }
    }
    std::vector<cv::Point2f> hull;
    cv::convexHull(hullIn, hull);
    std::vector<V2> crown;
    for (const auto& p : hull) {
        crown.push_back({p.x, p.y});
    }
    // The ribbon: the front-facing part of the crown's lowest band.
    std::vector<V2> ribbonLow, ribbonHigh;
    for (int i = 0; i < 48; ++i) {
        const float t = 2.f * kPi * i / 48.f - kPi / 2.f; // front in the middle of the ring
        const V3 n = place({std::cos(t) / rx, 0.f, std::sin(t) / rz}) - place({0.f, 0.f, 0.f});
        if (s.facing(n) > 0.f) {
            ribbonLow.push_back(s.project(base[static_cast<std::size_t>(i)]));
            ribbonHigh.push_back(s.project(mix(base[static_cast<std::size_t>(i)], top[static_cast<std::size_t>(i)], 0.22f)));
        }
    }
    std::vector<V2> ribbon = ribbonLow;
    ribbon.insert(ribbon.end(), ribbonHigh.rbegin(), ribbonHigh.rend());
    const V3 up = place({0.f, -1.f, 0.f}) - place({0.f, 0.f, 0.f});
    const bool seeTop = s.facing(up) > 0.f;
    auto drawBrim = [&] {
        s.canvas.fill(s.project(brim), scaled(hat.color, seeTop ? 0.95f : 0.62f), kHat);
        s.canvas.line(s.project(brim), true, scaled(hat.color, 0.7f), std::max(0.6f, 0.015f * s.unit()), kHat);
    };
    auto drawCrown = [&] {
        s.canvas.fill(crown, hat.color, kHat);
        if (ribbonLow.size() > 2 && ribbonLow.size() < 48) {
            s.canvas.fill(ribbon, hat.accent, kHat);
        }
        if (seeTop) {
            s.canvas.blend(s.project(top), {1.f, 1.f, 1.f}, 0.12f);
        }
    };
    if (seeTop) {
        drawBrim();
        drawCrown();
    } else {
        drawCrown();
        drawBrim();
    }
}

void beret(Scene& s)
{
    const Hat& hat = s.attributes.hat;
    const float k = std::clamp(hat.size, 0.7f, 1.5f);
    const float tilt = std::clamp(hat.tilt, -1.f, 1.f);
    const Mat3 orient = rotationAboutZ(tilt * 0.3f) * rotationFromPose(0.f, -12.f, 0.f);
    const V3 c{0.16f * tilt, -0.8f, -0.08f};
    const V3 r{s.id.headWidth * 1.38f * k, 0.3f * k, s.id.headDepth * 1.25f * k};
    const std::vector<V2> outline = s.project(s.projector.ellipsoidLimb(c, r, orient, 56));
    s.canvas.fill(outline, hat.color, kHat);
    const std::vector<V2> upper = s.project(s.projector.ellipsoidLimb(c + orient * V3{0.f, -0.08f, 0.f}, r * 0.75f, orient, 40));
    s.canvas.blend(upper, {1.f, 1.f, 1.f}, 0.1f);
    const V3 top = c + orient * V3{0.f, -r.y, 0.f};
    s.canvas.line(s.project(std::vector<V3>{top, top + orient * V3{0.02f, -0.09f, 0.f}}), false, scaled(hat.color, 0.7f),
        std::max(1.f, 0.035f * s.unit()), kHat);
}

} // namespace

bool hatBand(const Scene& s, float& bandY)
{
    switch (s.attributes.hat.style) {
    case HatStyle::None:
        return false;
    case HatStyle::Beanie:
    case HatStyle::Cap:
        bandY = bandYAt(s.attributes.hat, 0.f);
        return true;
    case HatStyle::Brimmed:
        bandY = -0.5f;
        return true;
    case HatStyle::Beret:
        bandY = -0.6f;
        return true;
    }
    return false;
}

void drawHat(Scene& s)
{
    switch (s.attributes.hat.style) {
    case HatStyle::None:
        return;
    case HatStyle::Beanie:
        beanie(s);
        return;
    case HatStyle::Cap:
        cap(s);
        return;
    case HatStyle::Brimmed:
        brimmed(s);
        return;
    case HatStyle::Beret:
        beret(s);
        return;
    }
}

} // namespace durian::synth
