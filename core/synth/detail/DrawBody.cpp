// Background, neck, clothes, and the head's skin with its ears.
#include "core/synth/detail/Scene.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace durian::synth {

void drawBackground(Scene& s)
{
    s.canvas.verticalGradient(s.id.backgroundTop, s.id.backgroundBottom);
}

namespace {

std::vector<V2> bodyOutline(const Scene& s)
{
    const float nw = s.id.neckWidth, sw = s.id.shoulderWidth;
    std::vector<V2> neckline;
    switch (s.id.clothing) {
    case ClothingStyle::VNeck:
        neckline = {{nw * 1.15f, 1.80f}, {nw * 0.6f, 2.08f}, {0.f, 2.34f}};
        break;
    case ClothingStyle::Collar:
        neckline = {{nw * 1.15f, 1.76f}, {nw * 0.7f, 1.88f}, {0.f, 1.97f}};
        break;
    case ClothingStyle::Crew:
        neckline = {{nw * 1.2f, 1.80f}, {nw * 0.7f, 1.94f}, {0.f, 2.0f}};
        break;
    }
    const std::vector<V2> shoulder = {{sw * 1.12f, 6.f}, {sw * 1.06f, 2.9f}, {sw * 0.95f, 2.25f}, {sw * 0.72f, 2.0f},
        {nw * 1.2f + 0.3f, 1.88f}};
    std::vector<V2> right = shoulder;
    right.insert(right.end(), neckline.begin(), neckline.end() - 1);
    std::vector<V2> all;
    for (const V2& p : right) {
        all.push_back(p);
    }
    all.push_back(neckline.back());
    for (auto it = right.rbegin(); it != right.rend(); ++it) {
        all.push_back({-it->x, it->y});
    }
    const std::vector<V2> smooth = smoothCurve(all, 5);
    std::vector<V2> out;
    for (const V2& p : smooth) {
        out.push_back(s.projector.projectBody(p));
    }
    return out;
}

} // namespace

void drawBody(Scene& s)
{
    const Identity& id = s.id;
    const float nw = id.neckWidth;
    // Neck: from under the jaw (moves with the head) to the chest (stays with the body).
    const std::vector<V2> neck = {s.project({-nw, 0.7f, -0.3f}), s.project({nw, 0.7f, -0.3f}),
        s.projector.projectBody({nw * 1.05f, 1.7f}), s.projector.projectBody({nw * 1.35f, 2.45f}),
        s.projector.projectBody({-nw * 1.35f, 2.45f}), s.projector.projectBody({-nw * 1.05f, 1.7f})};
    s.canvas.fill(neck, scaled(id.skin, 0.9f), label(SynthMask::Neck));
    // The jaw's shadow on the neck: the chin outline, dropped a little; the head covers the rest.
    std::vector<V2> shadow;
    for (const V3& p : s.face.jaw()) {
        shadow.push_back(s.project({p.x * 0.92f, p.y + 0.16f, p.z - 0.1f}));
    }
    s.canvas.fill(shadow, scaled(id.skin, 0.7f), kKeepLabel);
    const float side = id.lightSide < 0.f ? 1.f : -1.f; // shadow side of the neck
    s.canvas.blend({s.project({side * nw * 0.2f, 0.7f, -0.3f}), s.project({side * nw, 0.7f, -0.3f}),
                       s.projector.projectBody({side * nw * 1.05f, 1.7f}), s.projector.projectBody({side * nw * 0.3f, 1.8f})},
        scaled(id.skin, 0.6f), 0.35f);

    // Clothes.
    const std::vector<V2> body = bodyOutline(s);
    s.canvas.fill(body, id.clothes, label(SynthMask::Clothes));
    const float sw = id.shoulderWidth;
    auto b = [&](float x, float y) { return s.projector.projectBody({x, y}); };
    // Shadow side and folds give the cloth some volume.
    for (int k = 0; k < 5; ++k) { // a stepped gradient towards the shadow side
        const float x = (0.2f + 0.17f * k) * sw;
        s.canvas.fillClipped({b(side * x, 1.6f), b(side * 1.3f * sw, 1.6f), b(side * 1.3f * sw, 6.f), b(side * x, 6.f)}, body, {0.f, 0.f, 0.05f}, 0.045f);
    }
    s.canvas.softEllipse(b(0.f, 2.05f), {s.px(nw * 1.5f), s.px(0.12f)}, 0.f, {0.f, 0.f, 0.f}, 0.25f, s.px(0.06f));
    const SynthColor fold = scaled(id.clothes, 0.72f);
    for (float k : {-1.f, 1.f}) {
        s.canvas.line(smoothCurve({b(k * 0.78f * sw, 3.1f), b(k * 0.7f * sw, 2.75f), b(k * 0.62f * sw, 2.55f)}, 4), false, fold,
            s.px(0.025f), kKeepLabel);
    }
    if (id.clothing == ClothingStyle::Collar) {
        for (float k : {-1.f, 1.f}) {
            const std::vector<V2> flap = {b(k * nw * 1.25f, 1.72f), b(k * nw * 1.45f, 2.05f), b(k * nw * 0.15f, 2.2f), b(k * nw * 0.1f, 1.97f)};
            s.canvas.fill(flap, id.clothesAccent, label(SynthMask::Clothes));
            s.canvas.line(flap, true, scaled(id.clothesAccent, 0.7f), s.px(0.015f), kKeepLabel);
        }
    } else {
        // A ribbed neckband along the neckline.
        std::vector<V2> band;
        const std::vector<V2> smooth = bodyOutline(s);
        const V2 left = b(-nw * 1.3f, 0.f), right = b(nw * 1.3f, 0.f);
        for (const V2& p : smooth) {
            if (p.x > left.x && p.x < right.x && p.y < b(0.f, 2.4f).y) {
                band.push_back(p);
            }
        }
        s.canvas.line(band, false, mix(id.clothes, id.clothesAccent, 0.35f), s.px(0.06f), label(SynthMask::Clothes));
    }
}

namespace {

// Ear outline, in the plane that leaves the side of the head backwards and outwards.
std::vector<V3> earOutline(const Scene& s, float side, const std::vector<V2>& local)
{
    const float size = s.id.earSize;
    const V3 centre{side * s.id.headWidth * 0.96f, s.id.eyeY + 0.14f, -0.08f};
    const V3 out = normalized({side * 0.62f, 0.f, -0.78f});
    std::vector<V3> pts;
    for (const V2& p : local) {
        pts.push_back(centre + out * (p.x * size) + V3{0.f, p.y * size, 0.f});
    }
    return pts;
}

void drawEar(Scene& s, float side)
{
    static const std::vector<V2> shape = {{-0.02f, -0.15f}, {0.07f, -0.21f}, {0.15f, -0.14f}, {0.17f, -0.01f},
        {0.12f, 0.12f}, {0.05f, 0.21f}, {-0.02f, 0.17f}};
    static const std::vector<V2> helix = {{0.03f, -0.12f}, {0.1f, -0.12f}, {0.12f, -0.01f}, {0.08f, 0.1f}};
    const std::vector<V2> outline = s.project(earOutline(s, side, smoothCurve(shape, 4)));
    const SynthColor skin = s.id.skin;
    s.canvas.fill(outline, scaled(skin, 0.95f), label(SynthMask::Skin));
    s.canvas.line(s.project(earOutline(s, side, smoothCurve(helix, 4))), false, scaled(skin, 0.72f), s.px(0.025f), kKeepLabel);
}

} // namespace

void drawHead(Scene& s)
{
    const float a = s.id.headWidth, c = s.id.headDepth;
    // Ears face sideways: one turned away from the camera hides behind the head.
    const float farLeft = s.facing({-1.f, 0.f, 0.25f}), farRight = s.facing({1.f, 0.f, 0.25f});
    if (farLeft < 0.f) {
        drawEar(s, -1.f);
    }
    if (farRight < 0.f) {
        drawEar(s, 1.f);
    }
    // The head is convex: its outline is the hull of the cranium's limb and the jaw.
    std::vector<cv::Point2f> pts;
    for (const V3& p : s.projector.ellipsoidLimb({0.f, 0.f, 0.f}, {a, 1.f, c}, Mat3{}, 64)) {
        const V2 q = s.project(p);
        pts.emplace_back(q.x, q.y);
    }
    for (const V3& p : s.face.jaw()) {
        for (float depth : {1.f, 0.3f, -0.4f}) {
            const V2 q = s.project({p.x * (depth < 0.f ? 0.95f : 1.f), p.y, p.z * depth});
            pts.emplace_back(q.x, q.y);
        }
    }
    std::vector<cv::Point2f> hull;
    cv::convexHull(pts, hull);
    std::vector<V2> outline;
    for (const auto& p : hull) {
        outline.push_back({p.x, p.y});
    }
    s.canvas.fill(outline, s.id.skin, label(SynthMask::Skin));
    if (farLeft >= 0.f) {
        drawEar(s, -1.f);
    }
    if (farRight >= 0.f) {
        drawEar(s, 1.f);
    }
    // Soft colour on the face: cheeks, eye sockets.
    const Identity& id = s.id;
    const float u = s.unit();
    for (float k : {-1.f, 1.f}) {
        s.canvas.softEllipse(s.projectFace({k * (id.eyeSpacing + 0.06f), id.eyeY + 0.3f}), {0.12f * u, 0.07f * u}, 0.f,
            {0.92f, 0.42f, 0.42f}, 0.2f * (id.skin.r + id.skin.g) * 0.5f, 0.05f * u);
        s.canvas.softEllipse(s.projectFace({k * id.eyeSpacing, id.eyeY - 0.07f}), {0.15f * u, 0.07f * u}, 0.f,
            scaled(id.skin, 0.65f), 0.2f, 0.04f * u);
    }
}

} // namespace durian::synth
