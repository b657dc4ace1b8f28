#include "core/face/Retarget.h"

#include <cmath>

namespace durian {

namespace {

// Points that move with the skull, not with the expression: nose bridge and base, eye corners and lids.
std::vector<Point2f> stablePoints(const Landmarks& l)
{
    std::vector<Point2f> points;
    for (int i = 27; i <= 47; ++i) {
        points.push_back(l[i]);
    }
    return points;
}

} // namespace

Similarity relativeHeadMotion(const Landmarks& first, const Landmarks& current)
{
    return fitSimilarity(stablePoints(first), stablePoints(current));
}

KeypointTrack retargetTrack(const KeypointTrack& driver, const Landmarks& portrait, int width, int height)
{
    KeypointTrack result;
    result.fps = driver.fps;
    result.width = width;
    result.height = height;
    if (driver.frames.empty()) {
        return result;
    }
    const Landmarks& first = driver.frames.front();
    const Similarity toPortrait = fitSimilarity(stablePoints(first), stablePoints(portrait));
    const Similarity fromPortrait = toPortrait.inverse();
    const Similarity linear{toPortrait.a, toPortrait.b, 0.0f, 0.0f};
    for (const auto& frame : driver.frames) {
        const Similarity head = relativeHeadMotion(first, frame);
        const Similarity headInPortrait = toPortrait.after(head.after(fromPortrait));
        const Similarity undoHead = head.inverse();
        Landmarks moved;
        for (int k = 0; k < kLandmarkCount; ++k) {
            const Point2f canonical = undoHead.apply(frame[k]);
            const Point2f change = linear.apply(Point2f{canonical.x - first[k].x, canonical.y - first[k].y});
            moved[k] = headInPortrait.apply(Point2f{portrait[k].x + change.x, portrait[k].y + change.y});
        }
        result.frames.push_back(moved);
    }
    result.detected = driver.detected;
    result.detected.resize(result.frames.size(), true);
    return result;
}

double shapeDistance(const Landmarks& a, const Landmarks& b)
{
    const std::vector<Point2f> from(a.begin(), a.end()), to(b.begin(), b.end());
    const Similarity fit = fitSimilarity(from, to);
    double sum = 0.0;
    for (int k = 0; k < kLandmarkCount; ++k) {
        const Point2f p = fit.apply(a[k]);
        sum += (p.x - b[k].x) * (p.x - b[k].x) + (p.y - b[k].y) * (p.y - b[k].y);
    }
    const double interocular = std::max(1e-6f, distance(partCenter(b, kRightEye), partCenter(b, kLeftEye)));
    return std::sqrt(sum / kLandmarkCount) / interocular;
}

} // namespace durian
