// Eyeglasses: two superellipse lenses on a slightly wrapped frame in front of the eyes, a bridge, and
// temples running back to the ears on the sides that face the camera.
#include "core/synth/detail/Scene.h"

#include <algorithm>
#include <cmath>

namespace durian::synth {

namespace {

constexpr int kGlasses = label(SynthMask::Eyeglasses);

float signedPow(float v, float e) { return v < 0.f ? -std::pow(-v, e) : std::pow(v, e); }

struct LensFrame {
    float cx, cy, z, w, h, n;
    bool sunglasses;
    V3 at(float lx, float ly) const
    {
        const float outer = cx < 0.f ? -lx : lx;
        return {cx + lx, cy + ly, z - 0.3f * std::max(0.f, outer)}; // the frame wraps back at the sides
    }
    V3 rim(float t) const
    {
        float ly = h * signedPow(std::sin(t), 2.f / n);
        if (sunglasses && ly > 0.f) {
            ly *= 1.15f; // aviator-like: deeper below
        }
        return at(w * signedPow(std::cos(t), 2.f / n), ly);
    }
};

} // namespace

void drawEyeglasses(Scene& s)
{
    const Eyeglasses& g = s.attributes.eyeglasses;
    if (g.style == GlassesStyle::None) {
        return;
    }
    const Identity& id = s.id;
    const float u = s.unit();
    const float w = std::clamp(g.lensWidth, 0.08f, 0.3f), h = std::clamp(g.lensHeight, 0.05f, 0.25f);
    const float zFrame = s.face.surfaceZ(id.eyeSpacing, id.eyeY) + 0.13f;
    const bool sun = g.style == GlassesStyle::Sunglasses;
    const float thickness = std::max(0.8f, std::clamp(g.frameThickness, 0.005f, 0.08f) * u);
    std::vector<std::vector<V2>> rims;
    for (float side : {-1.f, 1.f}) {
        const LensFrame lens{side * std::max(id.eyeSpacing, w + 0.04f), id.eyeY + 0.01f, zFrame, w, h,
            std::clamp(g.roundness, 2.f, 8.f), sun};
        std::vector<V3> rim3;
        for (int i = 0; i < 40; ++i) {
            rim3.push_back(lens.rim(2.f * kPi * i / 40.f));
        }
        const std::vector<V2> rim = s.project(rim3);
        s.canvas.blend(rim, g.tint, std::clamp(g.tintOpacity, 0.f, 0.95f));
        s.canvas.labelFill(rim, kGlasses);
        // A reflection across the glass.
        const std::vector<V2> glint = s.project(std::vector<V3>{
            lens.at(-0.55f * w, -0.2f * h), lens.at(-0.3f * w, -0.6f * h), lens.at(0.1f * w, -0.6f * h), lens.at(-0.3f * w, 0.1f * h)});
        s.canvas.blend(glint, {1.f, 1.f, 1.f}, sun ? 0.18f : 0.22f);
        rims.push_back(rim);
        // Temple: from the outer edge of the frame back to the ear, if that side faces the camera.
        if (s.facing({side, 0.f, 0.3f}) > 0.f) {
            const V3 hinge = lens.at(side * w, -0.45f * h);
            const V3 ear{side * (id.headWidth + 0.02f), id.eyeY + 0.02f, -0.12f};
            s.canvas.line(s.project(std::vector<V3>{hinge, mix(hinge, ear, 0.5f) + V3{side * 0.02f, 0.f, 0.f}, ear}), false, g.frame,
                thickness * 0.9f, kGlasses);
        }
    }
    for (const auto& rim : rims) {
        s.canvas.line(rim, true, g.frame, thickness, kGlasses);
    }
    // Bridge over the nose.
    const float inner = std::max(id.eyeSpacing, w + 0.04f) - w;
    const std::vector<V3> bridge = {{-inner - 0.01f, id.eyeY - 0.3f * h, zFrame}, {0.f, id.eyeY - 0.42f * h, zFrame + 0.02f},
        {inner + 0.01f, id.eyeY - 0.3f * h, zFrame}};
    std::vector<V2> b = s.project(bridge);
    s.canvas.line(smoothCurve(b, 4), false, g.frame, thickness, kGlasses);
    if (g.frameThickness > 0.03f) { // heavy frames get a highlight along the top
        for (auto& rim : rims) {
            std::vector<V2> top(rim.begin() + 22, rim.begin() + 38);
            for (V2& p : top) {
                p.y -= 0.25f * thickness;
            }
            s.canvas.line(top, false, mix(g.frame, {1.f, 1.f, 1.f}, 0.3f), thickness * 0.25f, kKeepLabel);
        }
    }
}

} // namespace durian::synth
