// Hair: a shell over the skull above a hairline, with strands or curls on it; long hair behind the
// shoulders and in locks beside the face; a fringe over the forehead; a bun.
#include "core/synth/detail/Random.h"
#include "core/synth/detail/Scene.h"

#include <algorithm>
#include <cmath>

namespace durian::synth {

namespace {

constexpr int kHair = label(SynthMask::Hair);

struct HairShape {
    V3 centre{0.f, -0.02f, -0.02f};
    V3 radii;
    float volume = 0.f;
    float hatY = -10.f; // hair above this height is under a hat
    bool hasHat = false;
};

HairShape hairShape(const Scene& s)
{
    const Hair& h = s.attributes.hair;
    HairShape shape;
    float v = std::clamp(h.volume, 0.02f, 0.45f);
    shape.hasHat = hatBand(s, shape.hatY);
    if (shape.hasHat) {
        v = std::min(v, 0.07f); // pressed flat under the hat
    }
    if (h.style == HairStyle::Bun) {
        v = std::min(v, 0.06f);
    }
    shape.volume = v;
    shape.radii = {s.id.headWidth + v, 1.f + v, s.id.headDepth + v};
    return shape;
}

// Latitude of the hairline at longitude phi (0 = front, +-pi = back).
float hairlineTheta(const Scene& s, const HairShape& shape, float phi)
{
    const Hair& h = s.attributes.hair;
    const float front = -0.5f - 0.22f * h.hairline;
    static const float knots[] = {0.f, 0.6f, 1.05f, 1.3f, 1.42f, 1.62f, 2.2f, kPi};
    const float ys[] = {front, front + 0.06f, -0.24f, -0.1f, 0.18f, -0.04f, 0.3f, 0.55f};
    const float a = std::min(std::abs(phi), kPi);
    float y = ys[7];
    for (int i = 0; i < 7; ++i) {
        if (a <= knots[i + 1]) {
            const float t = (a - knots[i]) / (knots[i + 1] - knots[i]);
            y = mix(ys[i], ys[i + 1], t * t * (3.f - 2.f * t));
            break;
        }
    }
    return std::asin(std::clamp((y - shape.centre.y) / shape.radii.y, -0.99f, 0.99f));
}

SynthColor strandColor(const Hair& h, Random& rng)
{
    return rng.chance(0.55f) ? scaled(h.color, rng.uniform(0.55f, 0.8f)) : mix(h.color, {1.f, 0.95f, 0.85f}, rng.uniform(0.12f, 0.3f));
}

// Strands over the cap from the crown towards the hairline, drawn where they face the camera.
void capStrands(Scene& s, const HairShape& shape, Random& rng)
{
    const Hair& h = s.attributes.hair;
    const float partPhi = 0.5f * std::clamp(h.part, -1.f, 1.f);
    const float width = std::max(0.6f, 0.011f * s.unit());
    const V3 inner = shape.radii * 0.995f;
    for (int k = 0; k < 110; ++k) {
        const float phi0 = rng.uniform(-kPi, kPi);
        const float side = phi0 > partPhi ? 1.f : -1.f;
        const float sweep = side * rng.uniform(0.1f, 0.45f);
        const SynthColor color = strandColor(h, rng);
        std::vector<V2> run;
        constexpr int kSteps = 12;
        for (int i = 0; i <= kSteps; ++i) {
            const float t = static_cast<float>(i) / kSteps;
            const float phi = phi0 + sweep * t;
            const float end = hairlineTheta(s, shape, phi) - 0.03f;
            const float theta = mix(-1.45f, end, t);
            const V3 p = shellPoint(shape.centre, inner, phi, theta);
            const bool visible = s.facing({(p.x - shape.centre.x) / (inner.x * inner.x), (p.y - shape.centre.y) / (inner.y * inner.y),
                                     (p.z - shape.centre.z) / (inner.z * inner.z)})
                > 0.08f;
            if (visible && (!shape.hasHat || p.y > shape.hatY)) {
                run.push_back(s.project(p));
            } else if (!run.empty()) {
                s.canvas.line(run, false, color, width, kKeepLabel);
                run.clear();
            }
        }
        s.canvas.line(run, false, color, width, kKeepLabel);
    }
}

void curls(Scene& s, const HairShape& shape, Random& rng)
{
    const Hair& h = s.attributes.hair;
    const float r = (0.06f + 0.07f * std::clamp(h.curl, 0.f, 1.f)) * s.unit();
    const float outline = std::max(0.6f, 0.012f * s.unit());
    auto curl = [&](V3 p) {
        const V2 c = s.project(p);
        const SynthColor base = scaled(h.color, rng.uniform(0.85f, 1.12f));
        const float rr = r * rng.uniform(0.75f, 1.15f);
        s.canvas.disc(c, rr, base, kHair);
        std::vector<V2> arc;
        const float start = rng.uniform(0.f, 2.f * kPi);
        for (int i = 0; i <= 8; ++i) {
            const float t = start + 0.55f * kPi * i / 8.f * 2.f;
            const float q = rr * (0.9f - 0.35f * i / 8.f);
            arc.push_back({c.x + q * std::cos(t), c.y + q * std::sin(t)});
        }
        s.canvas.line(arc, false, scaled(h.color, 0.55f), outline, kKeepLabel);
    };
    // Curls on the surface, then round the outline so the silhouette is bumpy.
    for (int i = 0; i < 16; ++i) {
        for (int j = 0; j < 22; ++j) {
            const float phi = -kPi + 2.f * kPi * (j + rng.uniform(0.f, 1.f)) / 22.f;
            const float end = hairlineTheta(s, shape, phi);
            const float theta = mix(-1.5f, end, (i + rng.uniform(0.f, 1.f)) / 16.f);
            const V3 p = shellPoint(shape.centre, shape.radii, phi, theta);
            const V3 n{(p.x - shape.centre.x) / shape.radii.x, (p.y - shape.centre.y) / shape.radii.y, (p.z - shape.centre.z) / shape.radii.z};
            if (s.facing(n) > 0.15f && (!shape.hasHat || p.y > shape.hatY)) {
                curl(p);
            }
        }
    }
    const std::vector<V3> limb = s.projector.ellipsoidLimb(shape.centre, shape.radii, Mat3{}, 40);
    for (const V3& p : limb) {
        const V3 u{(p.x - shape.centre.x) / shape.radii.x, (p.y - shape.centre.y) / shape.radii.y, (p.z - shape.centre.z) / shape.radii.z};
        const float theta = std::asin(std::clamp(u.y, -1.f, 1.f));
        // Round the outline above the ears only: lower down, bumps would dangle beside the face.
        if (theta < hairlineTheta(s, shape, std::atan2(u.x, u.z)) && p.y < s.id.eyeY - 0.25f && (!shape.hasHat || p.y > shape.hatY)) {
            curl(p);
        }
    }
}

// A sheet of hair between two edges, filled, with strands running from the first to the last row.
void hairSheet(Scene& s, const std::vector<V3>& left, const std::vector<V3>& right, Random& rng, int strands)
{
    std::vector<V2> outline = s.project(left);
    const std::vector<V2> r = s.project(right);
    outline.insert(outline.end(), r.rbegin(), r.rend());
    const Hair& h = s.attributes.hair;
    s.canvas.fill(smoothCurve(outline, 3), h.color, kHair);
    const float width = std::max(0.6f, 0.011f * s.unit());
    for (int k = 0; k < strands; ++k) {
        const float t = rng.uniform(0.04f, 0.96f);
        std::vector<V2> strand;
        for (std::size_t i = 0; i < left.size(); ++i) {
            strand.push_back(s.project(mix(left[i], right[i], t)));
        }
        s.canvas.line(smoothCurve(strand, 3), false, strandColor(h, rng), width, kKeepLabel);
    }
}

void backCurtain(Scene& s, const HairShape& shape, float bottom, Random& rng)
{
    const float w = shape.radii.x;
    std::vector<V3> left, right;
    constexpr int kRows = 7;
    for (int i = 0; i < kRows; ++i) {
        const float t = static_cast<float>(i) / (kRows - 1);
        const float y = mix(-0.55f, bottom, t);
        const float spread = w + 0.06f + 0.28f * std::sin(std::min(1.f, t * 1.4f) * kPi * 0.5f);
        const float curve = t > 0.85f ? (t - 0.85f) / 0.15f * 0.2f : 0.f; // rounded ends
        left.push_back({-spread + curve, y + curve * 0.3f, -0.5f});
        right.push_back({spread - curve, y + curve * 0.3f, -0.5f});
    }
    hairSheet(s, left, right, rng, 40);
}

void sideLocks(Scene& s, const HairShape& shape, float bottom, Random& rng)
{
    for (float side : {-1.f, 1.f}) {
        std::vector<V3> inner, outer;
        constexpr int kRows = 7;
        for (int i = 0; i < kRows; ++i) {
            const float t = static_cast<float>(i) / (kRows - 1);
            const float y = mix(s.id.eyeY - 0.35f, bottom, t);
            const float faceW = y < s.id.chinY ? s.face.halfWidthAt(y) : s.id.neckWidth;
            const float in = std::max(faceW + 0.02f, s.id.neckWidth + 0.12f) - 0.04f * t;
            const float out = shape.radii.x + 0.1f + 0.22f * t;
            inner.push_back({side * in, y, mix(0.25f, 0.05f, t)});
            outer.push_back({side * out, y + 0.04f * t, mix(-0.05f, -0.1f, t)});
        }
        hairSheet(s, inner, outer, rng, 14);
    }
}

void fringe(Scene& s, const HairShape& shape, Random& rng)
{
    const Hair& h = s.attributes.hair;
    const float bottomY = s.id.eyeY - 0.2f + 0.12f * std::clamp(h.length - 1.f, -1.f, 1.f);
    std::vector<V3> top, bottom;
    constexpr int kCols = 15;
    for (int i = 0; i < kCols; ++i) {
        const float t = static_cast<float>(i) / (kCols - 1);
        const float phi = mix(-1.15f, 1.15f, t);
        const V3 p = shellPoint(shape.centre, shape.radii * 1.005f, phi, hairlineTheta(s, shape, phi) - 0.35f);
        top.push_back(p);
        const float scallop = (i % 2 == 0 ? 0.f : 0.035f);
        const float y = mix(-0.12f, bottomY, std::pow(std::max(0.f, std::sin(kPi * t)), 0.45f)) - scallop;
        const float x = p.x * 0.97f;
        bottom.push_back({x, y, s.face.surfaceZ(x, y) + 0.035f + 0.3f * shape.volume});
    }
    // hairSheet expects rows from top to bottom along each edge: transpose to columns.
    std::vector<V2> outline = s.project(top);
    const std::vector<V2> b = s.project(bottom);
    outline.insert(outline.end(), b.rbegin(), b.rend());
    s.canvas.fill(outline, h.color, kHair);
    const float width = std::max(0.6f, 0.011f * s.unit());
    for (int k = 0; k < 45; ++k) {
        const float t = rng.uniform(0.f, 1.f) * (kCols - 1);
        const int i = std::min(kCols - 2, static_cast<int>(t));
        const float f = t - i;
        const V3 a = mix(top[static_cast<std::size_t>(i)], top[static_cast<std::size_t>(i) + 1], f);
        const V3 z = mix(bottom[static_cast<std::size_t>(i)], bottom[static_cast<std::size_t>(i) + 1], f);
        std::vector<V2> strand;
        for (int j = 0; j <= 5; ++j) {
            const float q = j / 5.f;
            V3 p = mix(a, z, q * 0.97f);
            p.z = std::max(p.z, s.face.surfaceZ(p.x, p.y) + 0.03f);
            strand.push_back(s.project(p));
        }
        s.canvas.line(strand, false, strandColor(h, rng), width, kKeepLabel);
    }
}

void bun(Scene& s, Random& rng)
{
    const Hair& h = s.attributes.hair;
    const V3 centre{0.1f * h.part, -1.05f, -0.42f};
    const V2 c = s.project(centre);
    const float r = (0.28f + 0.08f * std::clamp(h.length, 0.f, 2.f)) * s.unit();
    s.canvas.disc(c, r, h.color, kHair);
    const float width = std::max(0.6f, 0.011f * s.unit());
    for (int k = 0; k < 14; ++k) {
        std::vector<V2> arc;
        const float q = r * rng.uniform(0.3f, 0.92f), start = rng.uniform(0.f, 2.f * kPi);
        for (int i = 0; i <= 8; ++i) {
            const float t = start + 1.6f * i / 8.f;
            arc.push_back({c.x + q * std::cos(t), c.y + q * std::sin(t) * 0.85f});
        }
        s.canvas.line(arc, false, strandColor(h, rng), width, kKeepLabel);
    }
}

} // namespace

void drawHairBehind(Scene& s)
{
    const Hair& h = s.attributes.hair;
    if (h.style != HairStyle::Long && h.style != HairStyle::Bangs) {
        return;
    }
    Random rng(h.texture, "curtain");
    const HairShape shape = hairShape(s);
    const float bottom = h.style == HairStyle::Long ? s.id.chinY + 0.5f + 0.9f * std::clamp(h.length, 0.f, 2.f)
                                                    : s.id.chinY + 0.1f * std::clamp(h.length, 0.f, 2.f);
    backCurtain(s, shape, bottom, rng);
}

void drawHairFront(Scene& s)
{
    const Hair& h = s.attributes.hair;
    if (h.style == HairStyle::Bald) {
        return;
    }
    Random rng(h.texture, "hair");
    const HairShape shape = hairShape(s);
    if (h.style == HairStyle::Bun && !shape.hasHat) {
        bun(s, rng);
    }
    if (h.style == HairStyle::Long) {
        sideLocks(s, shape, s.id.chinY + 0.4f + 0.7f * std::clamp(h.length, 0.f, 2.f), rng);
    }
    const std::vector<V2> cap = shellCapOutline(s, shape.centre, shape.radii, [&](float phi) { return hairlineTheta(s, shape, phi); });
    s.canvas.fill(cap, h.color, kHair);
    if (h.style == HairStyle::Curly) {
        curls(s, shape, rng);
    } else {
        capStrands(s, shape, rng);
    }
    if (h.style == HairStyle::Bangs) {
        fringe(s, shape, rng);
    }
}

} // namespace durian::synth
