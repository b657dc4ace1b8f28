#include "core/masks/MaskParts.h"

#include "core/face/OpenCvBridge.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <numbers>

namespace durian::masks {

namespace {

constexpr int kRays = 32;

struct Lens {
    cv::Point2f centre;
    std::vector<float> radius;   // per ray, pixels: where the frame edge was found
    float lowerEdgeStrength = 0; // mean best radial gradient on the lower rays, in units of the skin gradient
};

// Searches each ray from the eye outwards for the strongest radial edge between 0.6 and 1.5 times the
// nominal lens ellipse: that is where a frame (or a lens rim) is.
Lens traceLens(const cv::Mat& gx, const cv::Mat& gy, cv::Point2f centre, float a, float b, float skinGradient)
{
    Lens lens;
    lens.centre = centre;
    float lowerSum = 0.0f;
    int lowerCount = 0;
    for (int i = 0; i < kRays; ++i) {
        const float angle = 2.0f * std::numbers::pi_v<float> * static_cast<float>(i) / kRays;
        const float dx = std::cos(angle), dy = std::sin(angle);
        const float nominal = a * b / std::hypot(b * dx, a * dy); // ellipse radius along this ray
        std::vector<std::pair<float, float>> profile; // (radius, radial edge strength)
        float best = 0.0f, bestRadius = nominal;
        for (float t = 0.6f; t <= 1.5f; t += 0.05f) {
            const int x = cvRound(centre.x + dx * nominal * t), y = cvRound(centre.y + dy * nominal * t);
            if (x < 0 || y < 0 || x >= gx.cols || y >= gx.rows) {
                break;
            }
            const float radial = std::abs(gx.at<float>(y, x) * dx + gy.at<float>(y, x) * dy);
            profile.emplace_back(nominal * t, radial);
            best = std::max(best, radial);
        }
        // The lens ends at the frame's outer edge: the farthest strong edge, not the strongest one (that is
        // often the eye itself, inside the lens).
        for (const auto& [radius, strength] : profile) {
            if (strength >= 0.6f * best) {
                bestRadius = radius;
            }
        }
        lens.radius.push_back(bestRadius);
        if (dy > 0.5f) { // the lower rim crosses the cheek, which is smooth without glasses
            lowerSum += best;
            ++lowerCount;
        }
    }
    lens.lowerEdgeStrength = lowerCount > 0 ? lowerSum / lowerCount / std::max(1.0f, skinGradient) : 0.0f;
    // Median over neighbouring rays: one stray edge (an eyelash, a brow hair) does not dent the lens.
    std::vector<float> smoothed(kRays);
    for (int i = 0; i < kRays; ++i) {
        std::array<float, 5> window{};
        for (int j = -2; j <= 2; ++j) {
            window[static_cast<std::size_t>(j + 2)] = lens.radius[static_cast<std::size_t>((i + j + kRays) % kRays)];
        }
        std::nth_element(window.begin(), window.begin() + 2, window.end());
        smoothed[static_cast<std::size_t>(i)] = window[2];
    }
    lens.radius = smoothed;
    return lens;
}

std::vector<cv::Point> lensPolygon(const Lens& lens)
{
    std::vector<cv::Point> points;
    for (int i = 0; i < kRays; ++i) {
        const float angle = 2.0f * std::numbers::pi_v<float> * static_cast<float>(i) / kRays;
        const float r = lens.radius[static_cast<std::size_t>(i)];
        points.emplace_back(cvRound(lens.centre.x + r * std::cos(angle)), cvRound(lens.centre.y + r * std::sin(angle)));
    }
    return points;
}

int cascadeEyes(const FaceCrop& crop, const std::filesystem::path& path)
{
    std::error_code error;
    if (path.empty() || !std::filesystem::is_regular_file(path, error)) {
        return -1;
    }
    static thread_local cv::CascadeClassifier cascade;
    static thread_local std::string loaded;
    if (loaded != path.string()) {
        if (!cascade.load(path.string())) {
            return -1;
        }
        loaded = path.string();
    }
    const float u = crop.u;
    const cv::Rect band(cvRound(crop.eyes.x - 1.2f * u), cvRound(crop.eyes.y - 0.6f * u), cvRound(2.4f * u), cvRound(1.2f * u));
    const cv::Rect inside = band & cv::Rect(0, 0, crop.size, crop.size);
    std::vector<cv::Rect> eyes;
    cascade.detectMultiScale(crop.gray(inside), eyes, 1.1, 3, 0, cv::Size(cvRound(0.3f * u), cvRound(0.3f * u)));
    int near = 0;
    for (int side = 0; side < 2; ++side) {
        const Point2f eye = partCenter(crop.lm, side == 0 ? kRightEye : kLeftEye);
        for (const auto& e : eyes) {
            const float ex = inside.x + e.x + e.width / 2.0f, ey = inside.y + e.y + e.height / 2.0f;
            if (std::hypot(ex - eye.x, ey - eye.y) < 0.3f * u) {
                ++near;
                break;
            }
        }
    }
    return near;
}

// Where glasses can be, from the face mesh: from a little above the brows to a lens' depth below the eyes,
// across the face to its oval's sides at eye level (the arms go no further than the temples).
cv::Mat glassesBound(const FaceCrop& crop)
{
    const float u = crop.u;
    std::vector<cv::Point> points;
    for (const auto* part : {&kMeshRightBrow, &kMeshLeftBrow}) {
        for (const int i : *part) {
            const cv::Point2f p = crop.mesh[static_cast<std::size_t>(i)];
            points.emplace_back(cvRound(p.x), cvRound(p.y - 0.12f * u));
        }
    }
    for (const auto* part : {&kMeshRightEye, &kMeshLeftEye}) {
        for (const int i : *part) {
            const cv::Point2f p = crop.mesh[static_cast<std::size_t>(i)];
            points.emplace_back(cvRound(p.x), cvRound(p.y + 0.45f * u));
        }
    }
    for (const int i : {234, 454, 127, 356}) { // the oval's sides at eye level
        const cv::Point2f p = crop.mesh[static_cast<std::size_t>(i)];
        points.emplace_back(cvRound(p.x), cvRound(p.y));
    }
    std::vector<cv::Point> hull;
    cv::convexHull(points, hull);
    cv::Mat bound = cv::Mat::zeros(crop.size, crop.size, CV_8U);
    cv::fillConvexPoly(bound, hull, cv::Scalar(255));
    return bound;
}

} // namespace

PartMask glassesMask(const FaceCrop& crop, const std::filesystem::path& cascadePath)
{
    const float u = crop.u;
    cv::Mat smooth, gx, gy, magnitude;
    cv::GaussianBlur(crop.gray, smooth, cv::Size(), std::max(0.6, 0.03 * u));
    cv::Sobel(smooth, gx, CV_32F, 1, 0);
    cv::Sobel(smooth, gy, CV_32F, 0, 1);
    cv::magnitude(gx, gy, magnitude);

    // Reference gradient of plain skin: the median over skin-like pixels of the lower face.
    cv::Mat skinArea = skinLike(crop, 2.5f) & crop.facePolygon;
    cv::rectangle(skinArea, cv::Point(0, 0), cv::Point(crop.size, cvRound(crop.eyes.y + 0.5f * u)), cv::Scalar(0), cv::FILLED);
    const float skinGradient = static_cast<float>(cv::mean(magnitude, skinArea)[0]) + 4.0f;

    const float a = 0.44f * u, b = 0.33f * u;
    std::array<Lens, 2> lenses;
    for (int side = 0; side < 2; ++side) {
        const Point2f eye = partCenter(crop.lm, side == 0 ? kRightEye : kLeftEye);
        const float outward = side == 0 ? -0.03f : 0.03f;
        lenses[static_cast<std::size_t>(side)] = traceLens(gx, gy, {eye.x + outward * u, eye.y + 0.06f * u}, a, b, skinGradient);
    }

    // The bridge: a frame crossing the nose between the eyes is a horizontal bar, i.e. a row of strong
    // vertical gradient spanning the gap. Measured as the best row's mean |gy|.
    const int x0 = cvRound(crop.lm[39].x + 0.08f * u), x1 = cvRound(crop.lm[42].x - 0.08f * u);
    const int y0 = cvRound(crop.eyes.y - 0.35f * u), y1 = cvRound(crop.eyes.y + 0.1f * u);
    float bridge = 0.0f;
    int bridgeRow = cvRound(crop.eyes.y - 0.1f * u);
    if (x1 > x0 && y0 >= 0 && y1 < crop.size) {
        for (int y = y0; y <= y1; ++y) {
            const float rowMean = static_cast<float>(cv::mean(cv::abs(gy(cv::Rect(x0, y, x1 - x0, 1))))[0]);
            if (rowMean > bridge) {
                bridge = rowMean;
                bridgeRow = y;
            }
        }
    }
    bridge /= skinGradient;
    const float rim = 0.5f * (lenses[0].lowerEdgeStrength + lenses[1].lowerEdgeStrength);
    const int eyesSeen = cascadeEyes(crop, cascadePath);

    const float score = 0.5f * clamp01((rim - 1.6f) / 2.0f) + 0.5f * clamp01((bridge - 1.2f) / 2.0f);
    PartMask result;
    // Eyes the glasses cascade finds are eyes the lenses do not hide: a small bonus for a consistent scene.
    result.confidence = clamp01(score + (eyesSeen == 2 ? 0.05f : 0.0f));
    if (std::getenv("DURIAN_DEBUG_MASKS")) {
        std::fprintf(stderr, "glasses: rim %.2f bridge %.2f cascade %d skinGradient %.1f -> %.2f\n", rim, bridge,
            eyesSeen, skinGradient, result.confidence);
    }

    result.mask = cv::Mat::zeros(crop.size, crop.size, CV_8U);
    for (const auto& lens : lenses) {
        cv::fillPoly(result.mask, std::vector<std::vector<cv::Point>>{lensPolygon(lens)}, cv::Scalar(255));
    }
    // The traced edge is the frame's outer edge at best; grow by a frame's width so the rims are inside.
    cv::dilate(result.mask, result.mask, cv::getStructuringElement(cv::MORPH_ELLIPSE,
        cv::Size(2 * cvRound(0.05f * u) + 1, 2 * cvRound(0.05f * u) + 1)));
    const int frame = std::max(1, cvRound(0.12f * u));
    // Bridge across the nose and the temple arms to the side of the face, at the lenses' upper third.
    const auto rightInner = lensPolygon(lenses[0])[0];
    const auto leftInner = lensPolygon(lenses[1])[kRays / 2];
    cv::line(result.mask, {rightInner.x, bridgeRow}, {leftInner.x, bridgeRow}, cv::Scalar(255), frame);
    const auto rightOuter = lensPolygon(lenses[0])[kRays / 2];
    const auto leftOuter = lensPolygon(lenses[1])[0];
    const int armY = cvRound(crop.eyes.y - 0.1f * u);
    cv::line(result.mask, {rightOuter.x, armY}, {std::min(rightOuter.x, cvRound(crop.lm[0].x)), armY}, cv::Scalar(255), frame);
    cv::line(result.mask, {leftOuter.x, armY}, {std::max(leftOuter.x, cvRound(crop.lm[16].x)), armY}, cv::Scalar(255), frame);
    result.mask &= crop.valid;
    if (!crop.mesh.empty()) {
        result.mask &= glassesBound(crop);
    }
    return result;
}

} // namespace durian::masks
