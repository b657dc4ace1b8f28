#include "core/synth/detail/FaceModel.h"

#include <algorithm>
#include <cmath>

namespace durian::synth {

namespace {

float signedPow(float v, float e) { return v < 0.f ? -std::pow(-v, e) : std::pow(v, e); }

} // namespace

FaceModel::FaceModel(const Identity& identity, const Pose& expression)
    : id_(identity)
{
    const float gap = 0.17f * clamp01(expression.mouthOpen);
    buildJaw(0.7f * gap);
    buildEyesAndBrows(expression);
    buildNose();
    buildMouth(expression);
}

float FaceModel::surfaceZ(float x, float y) const
{
    // An ellipsoid whose lower half is stretched so the mouth and chin come forward as on a real face.
    const float ny = y < 0.f ? y : y / 1.5f;
    const float nx = x / id_.headWidth;
    return id_.headDepth * std::sqrt(std::max(0.06f, 1.f - nx * nx - ny * ny));
}

void FaceModel::buildJaw(float chinDrop)
{
    // A superellipse from ear height round the chin: squareness sets the jaw's corners.
    const float topY = id_.eyeY + 0.03f;
    const float topW = id_.headWidth * 0.97f;
    const float e = 2.f / std::max(1.5f, id_.jawSquareness);
    constexpr int kSamples = 33; // every second one is a keypoint 0..16
    jaw_.clear();
    for (int i = 0; i < kSamples; ++i) {
        const float u = (i - (kSamples - 1) / 2.f) / ((kSamples - 1) / 2.f);
        const float th = u * kPi / 2.f;
        const float sx = signedPow(std::sin(th), e);
        const float cy = std::pow(std::abs(std::cos(th)), e);
        const float x = sx * topW * mix(1.f, id_.jawWidth, cy);
        const float y = topY + (id_.chinY - topY) * cy + chinDrop * cy * cy;
        const float z = surfaceZ(x * 0.92f, y - chinDrop * cy * cy) * 0.9f;
        jaw_.push_back({x, y, z});
        if (i % 2 == 0) {
            points_[static_cast<std::size_t>(i / 2)] = {x, y};
            lift_[static_cast<std::size_t>(i / 2)] = z - surfaceZ(x, y);
        }
    }
}

float FaceModel::halfWidthAt(float y) const
{
    float best = jaw_.front().x;
    for (std::size_t i = 0; i + 1 < jaw_.size() / 2 + 1; ++i) {
        if (jaw_[i].y <= y) {
            best = jaw_[i].x;
        }
    }
    return std::abs(best);
}

void FaceModel::buildEyesAndBrows(const Pose& ex)
{
    const float blink = clamp01(ex.blink), smile = clamp01(ex.smile);
    for (int e = 0; e < 2; ++e) {
        const float outer = e == 0 ? -1.f : 1.f; // outer corner direction in x
        const float cx = outer * id_.eyeSpacing;
        const float w = id_.eyeWidth, h = w * id_.eyeOpenness;
        const V2 outerCorner{cx + outer * w, id_.eyeY - id_.eyeTilt * w};
        const V2 innerCorner{cx - outer * w * 0.95f, id_.eyeY + 0.15f * id_.eyeTilt * w + 0.01f};
        const float closed = id_.eyeY + 0.3f * h;
        const float upper = mix(id_.eyeY - h, closed, blink);
        const float lower = mix(id_.eyeY + 0.55f * h - smile * 0.18f * h, closed, blink);
        const V2 left = e == 0 ? outerCorner : innerCorner;
        const V2 right = e == 0 ? innerCorner : outerCorner;
        // Upper lid peaks a little towards the inner corner, as real lids do.
        const float skew = -outer * 0.08f * w;
        const int base = e == 0 ? 36 : 42;
        const V2 pts[6] = {left, {cx - w / 3.f + skew, upper}, {cx + w / 3.f + skew, upper}, right,
            {cx + w / 3.f, lower}, {cx - w / 3.f, lower}};
        for (int k = 0; k < 6; ++k) {
            points_[static_cast<std::size_t>(base + k)] = pts[k];
            lift_[static_cast<std::size_t>(base + k)] = kEyeLift;
        }
        // Brows: five points from image-left to image-right (outer->inner for the first brow).
        const int browBase = e == 0 ? 17 : 22;
        const float xOuter = cx + outer * w * 1.25f, xInner = cx - outer * w * 0.95f;
        for (int k = 0; k < 5; ++k) {
            const float t = k / 4.f; // along the brow from image-left to image-right
            const float x = e == 0 ? mix(xOuter, xInner, t) : mix(xInner, xOuter, t);
            const float fromInner = e == 0 ? 1.f - t : t;
            const float arch = id_.browArch * std::sin(kPi * std::min(1.f, fromInner * 1.25f) * 0.85f);
            const float y = id_.eyeY - h * 0.6f - id_.browGap - arch + 0.03f * fromInner * fromInner - 0.012f * smile;
            points_[static_cast<std::size_t>(browBase + k)] = {x, y};
            lift_[static_cast<std::size_t>(browBase + k)] = kBrowLift;
        }
    }
}

void FaceModel::buildNose()
{
    const float top = id_.eyeY - 0.04f, tip = id_.noseY - 0.05f;
    for (int k = 0; k < 4; ++k) {
        const float t = k / 3.f;
        points_[static_cast<std::size_t>(27 + k)] = {0.f, mix(top, tip, t)};
        lift_[static_cast<std::size_t>(27 + k)] = id_.noseProjection * std::pow(t, 0.8f) * 0.9f + 0.02f;
    }
    const float nw = id_.noseWidth, y = id_.noseY;
    const V2 base[5] = {{-nw, y - 0.025f}, {-0.5f * nw, y + 0.008f}, {0.f, y + 0.018f}, {0.5f * nw, y + 0.008f}, {nw, y - 0.025f}};
    const float lifts[5] = {0.02f, 0.05f, 0.07f, 0.05f, 0.02f};
    for (int k = 0; k < 5; ++k) {
        points_[static_cast<std::size_t>(31 + k)] = base[k];
        lift_[static_cast<std::size_t>(31 + k)] = lifts[k] * id_.noseProjection / 0.16f;
    }
}

void FaceModel::buildMouth(const Pose& ex)
{
    const float smile = clamp01(ex.smile), gap = 0.17f * clamp01(ex.mouthOpen);
    const float my = id_.mouthY, mw = id_.mouthWidth * (1.f + 0.12f * smile);
    const float cornerY = my - 0.045f * smile + 0.3f * gap;
    const float up = id_.upperLip, lo = id_.lowerLip;
    const V2 outer[12] = {
        {-mw, cornerY},
        {-0.62f * mw, my - 0.75f * up},
        {-0.24f * mw, my - up},
        {0.f, my - 0.82f * up},
        {0.24f * mw, my - up},
        {0.62f * mw, my - 0.75f * up},
        {mw, cornerY},
        {0.62f * mw, my + 0.8f * lo + gap - 0.02f * smile},
        {0.3f * mw, my + lo + gap - 0.01f * smile},
        {0.f, my + lo + gap},
        {-0.3f * mw, my + lo + gap - 0.01f * smile},
        {-0.62f * mw, my + 0.8f * lo + gap - 0.02f * smile},
    };
    const float innerTop = my - 0.004f - 0.12f * gap, innerBottom = my + gap;
    const V2 inner[8] = {
        {-0.9f * mw, cornerY + 0.004f},
        {-0.35f * mw, innerTop - 0.004f * smile},
        {0.f, innerTop},
        {0.35f * mw, innerTop - 0.004f * smile},
        {0.9f * mw, cornerY + 0.004f},
        {0.35f * mw, innerBottom - 0.006f * smile},
        {0.f, innerBottom},
        {-0.35f * mw, innerBottom - 0.006f * smile},
    };
    for (int k = 0; k < 12; ++k) {
        points_[static_cast<std::size_t>(48 + k)] = outer[k];
        lift_[static_cast<std::size_t>(48 + k)] = kMouthLift;
    }
    for (int k = 0; k < 8; ++k) {
        points_[static_cast<std::size_t>(60 + k)] = inner[k];
        lift_[static_cast<std::size_t>(60 + k)] = kMouthLift;
    }
}

std::vector<V2> FaceModel::range(int first, int last) const
{
    std::vector<V2> out;
    for (int i = first; i <= last; ++i) {
        out.push_back(points_[static_cast<std::size_t>(i)]);
    }
    return out;
}

} // namespace durian::synth
