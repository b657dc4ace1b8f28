// Beards: regions between a line on the cheeks and the jaw (pushed out by fullness), with short strokes
// for texture. The moustache is drawn after the lips, the rest before them.
#include "core/synth/detail/Random.h"
#include "core/synth/detail/Scene.h"

#include <algorithm>
#include <cmath>

namespace durian::synth {

namespace {

constexpr int kBeard = label(SynthMask::Beard);

struct Region {
    std::vector<V3> upper; // left to right
    std::vector<V3> lower; // left to right, same count as upper
};

// The full-beard region: sideburn, cheek line, over the upper lip; below, the jaw grown by `fullness`.
Region fullRegion(const Scene& s, float fullness)
{
    const Identity& id = s.id;
    const FaceModel& f = s.face;
    const float sideY = id.eyeY + 0.06f;
    const std::vector<V2> half = {{f.halfWidthAt(sideY) * 0.96f, sideY},
        {0.5f * (f.halfWidthAt(id.noseY) + id.mouthWidth + 0.1f), id.noseY + 0.02f},
        {id.mouthWidth + 0.07f, id.mouthY - 0.08f}, {id.noseWidth * 0.9f, id.noseY + 0.065f}};
    // Left sideburn .. centre .. right sideburn: 9 points, 33 samples like the jaw.
    std::vector<V2> ordered(9);
    for (std::size_t i = 0; i < 4; ++i) {
        ordered[i] = {-half[i].x, half[i].y};
        ordered[8 - i] = half[i];
    }
    ordered[4] = {0.f, id.noseY + 0.055f};
    Region r;
    for (const V2& p : smoothCurve(ordered, 4)) {
        r.upper.push_back(f.onFace(p, 0.012f));
    }
    const auto& jaw = f.jaw();
    const int n = static_cast<int>(jaw.size());
    for (int i = 0; i < n; ++i) {
        const float u = std::abs((i - (n - 1) / 2.f) / ((n - 1) / 2.f));
        const float grow = fullness * 0.32f * std::pow(1.f - u, 0.8f);
        const V3& p = jaw[static_cast<std::size_t>(i)];
        r.lower.push_back({p.x * (1.f + 0.07f * fullness * (1.f - u)), p.y + grow + 0.015f * (1.f - u), p.z + 0.04f + 0.12f * fullness * (1.f - u)});
    }
    r.upper.resize(r.lower.size(), r.upper.back()); // same count (33); smoothCurve of 9 points gives 33
    return r;
}

std::vector<V2> outlineOf(const Scene& s, const Region& r)
{
    std::vector<V2> out = s.project(r.upper);
    const std::vector<V2> low = s.project(r.lower);
    out.insert(out.end(), low.rbegin(), low.rend());
    return out;
}

void strokes(Scene& s, const Region& r, int count, float length, Random& rng, std::size_t first = 0, std::size_t last = 0)
{
    const Beard& b = s.attributes.beard;
    if (last == 0) {
        last = r.upper.size() - 1;
    }
    const float width = std::max(0.6f, 0.011f * s.unit());
    for (int k = 0; k < count; ++k) {
        const float t = rng.uniform(static_cast<float>(first), static_cast<float>(last));
        const std::size_t i = std::min(static_cast<std::size_t>(t), r.upper.size() - 2);
        const float fi = t - i;
        const V3 top = mix(r.upper[i], r.upper[i + 1], fi), bottom = mix(r.lower[i], r.lower[i + 1], fi);
        const float v = rng.uniform(0.05f, 0.95f);
        const V3 p = mix(top, bottom, v);
        const V3 dir = normalized(bottom - top) * length;
        const SynthColor c = rng.chance(0.5f) ? scaled(b.color, 0.6f) : mix(b.color, {1.f, 1.f, 1.f}, 0.18f);
        s.canvas.line({s.project(p), s.project(p + dir + V3{rng.uniform(-0.01f, 0.01f), 0.f, 0.f})}, false, c, width, kBeard);
    }
}

void moustache(Scene& s)
{
    const Beard& b = s.attributes.beard;
    const Identity& id = s.id;
    const FaceModel& f = s.face;
    const float droop = 0.03f + 0.08f * std::clamp(b.fullness, 0.f, 1.5f);
    const float mw = std::abs(f.point(54).x);
    const std::vector<V2> top = {{-(mw + 0.03f), f.point(48).y + droop * 0.5f}, {-mw * 0.55f, id.noseY + 0.065f}, {0.f, id.noseY + 0.05f},
        {mw * 0.55f, id.noseY + 0.065f}, {mw + 0.03f, f.point(54).y + droop * 0.5f}};
    const std::vector<V2> bottom = {{mw + 0.045f, f.point(54).y + droop}, f.point(52) + V2{0.f, 0.015f}, f.point(51) + V2{0.f, 0.012f},
        f.point(50) + V2{0.f, 0.015f}, {-(mw + 0.045f), f.point(48).y + droop}};
    std::vector<V2> outline = s.projectFace(smoothCurve(top, 4), kMouthLift + 0.01f);
    const std::vector<V2> low = s.projectFace(smoothCurve(bottom, 4), kMouthLift + 0.01f);
    outline.insert(outline.end(), low.begin(), low.end());
    s.canvas.fill(outline, scaled(b.color, 0.95f), kBeard);
    Random rng(b.texture, "moustache");
    const float width = std::max(0.6f, 0.011f * s.unit());
    for (int k = 0; k < 40; ++k) {
        const float x = rng.uniform(-0.8f * mw, 0.8f * mw);
        const float y0 = id.noseY + 0.075f, y1 = f.point(51).y + 0.005f;
        const V2 p{x, mix(y0, y1, rng.uniform(0.f, 0.7f))};
        const V2 q = p + V2{x * 0.08f, 0.035f};
        s.canvas.line({s.projectFace(p, kMouthLift + 0.01f), s.projectFace(q, kMouthLift + 0.01f)}, false,
            rng.chance(0.5f) ? scaled(b.color, 0.6f) : mix(b.color, {1.f, 1.f, 1.f}, 0.2f), width, kBeard);
    }
}

} // namespace

void drawBeard(Scene& s, bool moustachePass)
{
    const Beard& b = s.attributes.beard;
    const float fullness = std::clamp(b.fullness, 0.f, 1.5f);
    Random rng(b.texture, "beard");
    if (moustachePass) {
        if (b.style == BeardStyle::Moustache || b.style == BeardStyle::Goatee || b.style == BeardStyle::Full) {
            moustache(s);
        }
        return;
    }
    switch (b.style) {
    case BeardStyle::None:
    case BeardStyle::Moustache:
        return;
    case BeardStyle::Stubble: {
        const Region r = fullRegion(s, 0.f);
        const std::vector<V2> outline = outlineOf(s, r);
        s.canvas.blend(outline, b.color, 0.22f + 0.25f * std::clamp(b.density, 0.f, 1.f));
        s.canvas.labelFill(outline, kBeard);
        const float dot = std::max(0.35f, 0.007f * s.unit());
        for (int k = 0; k < 260; ++k) {
            const float t = rng.uniform(0.f, static_cast<float>(r.upper.size() - 1));
            const std::size_t i = std::min(static_cast<std::size_t>(t), r.upper.size() - 2);
            const V3 p = mix(mix(r.upper[i], r.upper[i + 1], t - i), mix(r.lower[i], r.lower[i + 1], t - i), rng.uniform(0.05f, 0.95f));
            s.canvas.disc(s.project(p), dot, scaled(b.color, 0.8f), kKeepLabel);
        }
        return;
    }
    case BeardStyle::Full: {
        const Region r = fullRegion(s, fullness);
        s.canvas.fill(outlineOf(s, r), b.color, kBeard);
        strokes(s, r, 260, 0.05f, rng);
        return;
    }
    case BeardStyle::Goatee: {
        // The chin part of the full region, from below the mouth corners.
        Region full = fullRegion(s, fullness);
        Region r;
        const FaceModel& f = s.face;
        const float mw = std::abs(f.point(48).x) + 0.03f;
        const std::vector<V2> top = {f.point(48) + V2{-0.03f, 0.02f}, f.point(59) + V2{0.f, 0.02f}, f.point(58) + V2{0.f, 0.02f},
            f.point(57) + V2{0.f, 0.02f}, f.point(56) + V2{0.f, 0.02f}, f.point(55) + V2{0.f, 0.02f}, f.point(54) + V2{0.03f, 0.02f}};
        for (const V2& p : smoothCurve(top, 2)) {
            r.upper.push_back(f.onFace(p, 0.015f));
        }
        std::vector<V3> chin;
        for (const V3& p : full.lower) {
            if (std::abs(p.x) < mw) {
                chin.push_back(p);
            }
        }
        if (chin.size() < 2) {
            return;
        }
        for (std::size_t i = 0; i < r.upper.size(); ++i) { // resample the chin to the same count
            const float t = static_cast<float>(i) / (r.upper.size() - 1) * (chin.size() - 1);
            const std::size_t j = std::min(static_cast<std::size_t>(t), chin.size() - 2);
            r.lower.push_back(mix(chin[j], chin[j + 1], t - j));
        }
        s.canvas.fill(outlineOf(s, r), b.color, kBeard);
        strokes(s, r, 90, 0.04f, rng);
        return;
    }
    }
}

} // namespace durian::synth
