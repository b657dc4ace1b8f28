// Eyes, brows, nose and mouth: curves through the 68 keypoints, so the keypoints lie on what is drawn.
#include "core/synth/detail/Scene.h"

#include <algorithm>
#include <cmath>

namespace durian::synth {

namespace {

std::vector<V2> join(std::vector<V2> a, const std::vector<V2>& b)
{
    a.insert(a.end(), b.begin() + 1, b.end() - 1);
    return a;
}

std::vector<V2> shiftedY(std::vector<V2> pts, float dy)
{
    for (V2& p : pts) {
        p.y += dy;
    }
    return pts;
}

// A circle of radius r around `centre` on the plane facing `normal` (head frame), projected.
std::vector<V2> projectedCircle(const Scene& s, V3 centre, V3 normal, float r, int n)
{
    const V3 e1 = normalized(cross(normal, std::abs(normal.y) < 0.9f ? V3{0.f, 1.f, 0.f} : V3{1.f, 0.f, 0.f}));
    const V3 e2 = cross(normal, e1);
    std::vector<V2> out;
    for (int i = 0; i < n; ++i) {
        const float t = 2.f * kPi * i / n;
        out.push_back(s.project(centre + e1 * (r * std::cos(t)) + e2 * (r * std::sin(t))));
    }
    return out;
}

void drawEye(Scene& s, int base, float outer)
{
    const Identity& id = s.id;
    const FaceModel& f = s.face;
    const std::vector<V2> upperFace = smoothCurve({f.point(base), f.point(base + 1), f.point(base + 2), f.point(base + 3)}, 6);
    const std::vector<V2> lowerFace = smoothCurve({f.point(base + 3), f.point(base + 4), f.point(base + 5), f.point(base)}, 6);
    const std::vector<V2> upper = s.projectFace(upperFace, kEyeLift);
    const std::vector<V2> lower = s.projectFace(lowerFace, kEyeLift);
    const float w = id.eyeWidth, h = w * id.eyeOpenness;
    const float openness = (f.point(base + 5).y - f.point(base + 1).y) / std::max(1e-3f, 1.55f * h);
    const SynthColor lash = mix(id.brow, {0.05f, 0.04f, 0.04f}, 0.6f);
    const float u = s.unit();
    if (openness > 0.12f) {
        const std::vector<V2> opening = join(upper, lower);
        s.canvas.fill(opening, mix(SynthColor{0.96f, 0.95f, 0.93f}, id.skin, 0.12f), label(SynthMask::Features));
        // The iris sits on the eyeball and looks mostly at the camera.
        const float cx = outer * id.eyeSpacing;
        const float radius = w * 1.05f;
        const V3 ball = f.onFace({cx, id.eyeY}, kEyeLift) - V3{0.f, 0.f, radius};
        const V3 toCamera = s.projector.rotation().transposed() * V3{0.f, 0.f, 1.f};
        const V3 gaze = normalized(mix(V3{0.f, 0.f, 1.f}, toCamera, 0.7f));
        const V3 irisCentre = ball + gaze * radius;
        const float r = id.irisSize * w;
        s.canvas.fillClipped(projectedCircle(s, irisCentre, gaze, r, 28), opening, scaled(id.iris, 0.55f));
        s.canvas.fillClipped(projectedCircle(s, irisCentre + gaze * 0.002f, gaze, r * 0.84f, 28), opening, id.iris);
        s.canvas.fillClipped(projectedCircle(s, irisCentre + gaze * 0.004f, gaze, r * 0.42f, 20), opening, {0.04f, 0.03f, 0.03f});
        const V2 glint = s.project(irisCentre + V3{0.3f * r * (id.lightSide < 0.f ? -1.f : 1.f), -0.35f * r, 0.01f});
        s.canvas.discClipped(glint, std::max(0.6f, 0.14f * r * u), opening, {1.f, 1.f, 1.f});
        // Shadow cast by the upper lid.
        s.canvas.fillClipped(join(upper, shiftedY(std::vector<V2>(upper.rbegin(), upper.rend()), 0.12f * h * u)), opening,
            scaled(id.skin, 0.55f));
    }
    // Lids, crease and lashes.
    s.canvas.line(upper, false, lash, std::max(0.9f, 0.032f * u), label(SynthMask::Features));
    s.canvas.line(lower, false, scaled(id.skin, 0.72f), std::max(0.6f, 0.014f * u), kKeepLabel);
    std::vector<V2> crease;
    for (std::size_t i = 2; i + 2 < upperFace.size(); ++i) {
        crease.push_back(upperFace[i] + V2{0.f, -0.5f * h - 0.02f});
    }
    s.canvas.line(s.projectFace(crease, kEyeLift), false, scaled(id.skin, 0.76f), std::max(0.6f, 0.014f * u), kKeepLabel);
    const V2 corner = f.point(base + (outer < 0.f ? 0 : 3));
    const float down = openness > 0.12f ? -1.f : 1.f; // lashes point down when the eye is shut
    for (int k = 0; k < 3; ++k) {
        const float t = 0.1f + 0.12f * k;
        const std::size_t i = outer < 0.f ? static_cast<std::size_t>(t * upperFace.size())
                                          : static_cast<std::size_t>((1.f - t) * upperFace.size());
        const V2 root = upperFace[std::min(i, upperFace.size() - 1)];
        const V2 tip = root + V2{outer * 0.035f, down * 0.03f} + (root - corner) * 0.05f;
        s.canvas.line({s.projectFace(root, kEyeLift), s.projectFace(tip, kEyeLift)}, false, lash, std::max(0.7f, 0.018f * u),
            label(SynthMask::Features));
    }
}

} // namespace

void drawEyes(Scene& s)
{
    drawEye(s, 36, -1.f);
    drawEye(s, 42, 1.f);
}

void drawBrowsAndNose(Scene& s)
{
    const Identity& id = s.id;
    const FaceModel& f = s.face;
    const float u = s.unit();
    for (int base : {17, 22}) {
        const std::vector<V2> centre = smoothCurve(f.range(base, base + 4), 4);
        const bool innerAtEnd = base == 17;
        std::vector<V2> top, bottom;
        for (std::size_t i = 0; i < centre.size(); ++i) {
            const float t = static_cast<float>(i) / (centre.size() - 1);
            const float fromInner = innerAtEnd ? 1.f - t : t;
            const float th = id.browThickness * (1.f - 0.6f * fromInner * fromInner);
            top.push_back(centre[i] + V2{0.f, -0.55f * th});
            bottom.push_back(centre[i] + V2{0.f, 0.45f * th});
        }
        std::vector<V2> outline = s.projectFace(top, kBrowLift);
        const std::vector<V2> low = s.projectFace(bottom, kBrowLift);
        outline.insert(outline.end(), low.rbegin(), low.rend());
        s.canvas.fill(outline, id.brow, label(SynthMask::Features));
        s.canvas.line(s.projectFace(centre, kBrowLift), false, scaled(id.brow, 0.75f), std::max(0.5f, 0.01f * u), kKeepLabel);
    }
    // Nose: no outline, only the shading an illustrator would put there.
    const float nw = id.noseWidth, ny = id.noseY;
    const float shadowSide = id.lightSide < 0.f ? 1.f : -1.f;
    const float tipLift = f.lift(30);
    s.canvas.softEllipse(s.projectFace({shadowSide * 0.07f, (id.eyeY + ny) * 0.5f}, tipLift * 0.5f), {0.035f * u, 0.17f * u}, 0.f,
        scaled(id.skin, 0.7f), 0.3f, 0.03f * u);
    s.canvas.softEllipse(s.projectFace({0.f, ny + 0.01f}, tipLift * 0.6f), {nw * 0.9f * u, 0.045f * u}, 0.f, scaled(id.skin, 0.7f),
        0.35f, 0.02f * u);
    s.canvas.softEllipse(s.projectFace({0.f, ny - 0.06f}, tipLift), {0.035f * u, 0.025f * u}, 0.f, {1.f, 0.97f, 0.95f}, 0.35f,
        0.015f * u);
    for (float k : {-1.f, 1.f}) {
        s.canvas.ellipse(s.projectFace({k * 0.45f * nw, ny - 0.002f}, tipLift * 0.5f), {0.028f * u, 0.014f * u},
            k * 12.f, scaled(id.skin, 0.42f), kKeepLabel);
        const std::vector<V2> wing = smoothCurve({{k * nw * 0.95f, ny - 0.08f}, {k * nw * 1.12f, ny - 0.025f}, {k * nw * 0.75f, ny + 0.012f}}, 5);
        s.canvas.line(s.projectFace(wing, tipLift * 0.3f), false, scaled(id.skin, 0.68f), std::max(0.6f, 0.016f * u), kKeepLabel);
    }
}

void drawMouth(Scene& s)
{
    const Identity& id = s.id;
    const FaceModel& f = s.face;
    const float u = s.unit();
    const std::vector<V2> outerTop = smoothCurve(f.range(48, 54), 4);
    std::vector<V2> outerBottom = smoothCurve({f.point(54), f.point(55), f.point(56), f.point(57), f.point(58), f.point(59), f.point(48)}, 4);
    const std::vector<V2> innerTop = smoothCurve(f.range(60, 64), 4);
    const std::vector<V2> innerBottomRtl = smoothCurve({f.point(64), f.point(65), f.point(66), f.point(67), f.point(60)}, 4);
    const std::vector<V2> innerBottom(innerBottomRtl.rbegin(), innerBottomRtl.rend());
    const float gap = f.point(66).y - f.point(62).y;
    s.canvas.softEllipse(s.projectFace({0.f, f.point(57).y + 0.045f}, kMouthLift), {0.11f * u, 0.03f * u}, 0.f,
        scaled(id.skin, 0.7f), 0.3f, 0.025f * u);
    if (gap > 0.01f) {
        std::vector<V2> hole = innerTop;
        hole.insert(hole.end(), innerBottomRtl.begin() + 1, innerBottomRtl.end() - 1);
        s.canvas.fill(s.projectFace(hole, kMouthLift), {0.32f, 0.09f, 0.1f}, label(SynthMask::Features));
        std::vector<V2> teeth = innerTop;
        for (std::size_t i = innerTop.size(); i-- > 0;) {
            teeth.push_back({innerTop[i].x, std::min(innerTop[i].y + 0.05f, innerBottom[std::min(i, innerBottom.size() - 1)].y)});
        }
        s.canvas.fill(s.projectFace(teeth, kMouthLift), {0.95f, 0.93f, 0.88f}, label(SynthMask::Features));
    }
    std::vector<V2> upperLip = outerTop;
    upperLip.insert(upperLip.end(), innerTop.rbegin() + 1, innerTop.rend() - 1);
    std::vector<V2> lowerLip = outerBottom;
    lowerLip.insert(lowerLip.end(), innerBottom.begin() + 1, innerBottom.end() - 1);
    s.canvas.fill(s.projectFace(lowerLip, kMouthLift), id.lips, label(SynthMask::Features));
    s.canvas.fill(s.projectFace(upperLip, kMouthLift), scaled(id.lips, 0.86f), label(SynthMask::Features));
    s.canvas.softEllipse(s.projectFace({0.f, (f.point(66).y + f.point(57).y) * 0.5f}, kMouthLift), {0.07f * u, 0.018f * u}, 0.f,
        {1.f, 1.f, 1.f}, 0.25f, 0.015f * u);
    s.canvas.line(s.projectFace(innerTop, kMouthLift), false, scaled(id.lips, 0.45f), std::max(0.7f, 0.018f * u),
        label(SynthMask::Features));
}

} // namespace durian::synth
