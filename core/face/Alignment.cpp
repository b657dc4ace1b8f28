#include "core/face/Alignment.h"

#include "core/face/OpenCvBridge.h"
#include "core/util/Error.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace durian {

float Similarity::scale() const { return std::hypot(a, b); }
float Similarity::angle() const { return std::atan2(b, a); }

Similarity Similarity::inverse() const
{
    const float det = a * a + b * b;
    if (det <= 0.0f) {
        throw Error("Cannot invert a degenerate face alignment (zero scale)");
    }
    const float ia = a / det;
    const float ib = -b / det;
    return {ia, ib, -(ia * tx - ib * ty), -(ib * tx + ia * ty)};
}

Similarity Similarity::after(const Similarity& first) const
{
    const Point2f t = apply(Point2f{first.tx, first.ty});
    return {a * first.a - b * first.b, a * first.b + b * first.a, t.x, t.y};
}

Landmarks Similarity::apply(const Landmarks& landmarks) const
{
    Landmarks result;
    for (int i = 0; i < kLandmarkCount; ++i) {
        result[i] = apply(landmarks[i]);
    }
    return result;
}

Similarity fitSimilarity(const std::vector<Point2f>& from, const std::vector<Point2f>& to)
{
    if (from.size() != to.size() || from.size() < 2) {
        throw Error("fitSimilarity needs two equally long point lists of at least 2 points");
    }
    // Closed form (Umeyama without reflection): centre both sets, then a,b from the cross sums.
    const double n = static_cast<double>(from.size());
    double fx = 0, fy = 0, tx = 0, ty = 0;
    for (std::size_t i = 0; i < from.size(); ++i) {
        fx += from[i].x; fy += from[i].y; tx += to[i].x; ty += to[i].y;
    }
    fx /= n; fy /= n; tx /= n; ty /= n;
    double dot = 0, cross = 0, norm = 0;
    for (std::size_t i = 0; i < from.size(); ++i) {
        const double x = from[i].x - fx, y = from[i].y - fy, u = to[i].x - tx, v = to[i].y - ty;
        dot += x * u + y * v;
        cross += x * v - y * u;
        norm += x * x + y * y;
    }
    if (norm <= 1e-12) {
        throw Error("Cannot align a face whose landmarks all lie on one point");
    }
    const double a = dot / norm, b = cross / norm;
    return {static_cast<float>(a), static_cast<float>(b), static_cast<float>(tx - (a * fx - b * fy)),
        static_cast<float>(ty - (b * fx + a * fy))};
}

Similarity alignmentTransform(const Landmarks& landmarks, int size, const AlignmentTemplate& layout)
{
    const float s = static_cast<float>(size);
    const std::vector<Point2f> from{partCenter(landmarks, kRightEye), partCenter(landmarks, kLeftEye),
        partCenter(landmarks, kOuterLips)};
    const std::vector<Point2f> to{{layout.rightEye.x * s, layout.rightEye.y * s},
        {layout.leftEye.x * s, layout.leftEye.y * s}, {layout.mouth.x * s, layout.mouth.y * s}};
    return fitSimilarity(from, to);
}

namespace {
cv::Mat toAffine(const Similarity& t)
{
    return (cv::Mat_<double>(2, 3) << t.a, -t.b, t.tx, t.b, t.a, t.ty);
}
} // namespace

AlignedFace alignFace(const Image& image, const Landmarks& landmarks, int size, const AlignmentTemplate& layout)
{
    if (size < 8) {
        throw Error("The aligned face size must be at least 8 pixels, got " + std::to_string(size));
    }
    AlignedFace aligned;
    aligned.toAligned = alignmentTransform(landmarks, size, layout);
    aligned.landmarks = aligned.toAligned.apply(landmarks);
    cv::Mat source = cvbridge::rgb(image);
    Similarity warp = aligned.toAligned;
    // Shrinking by more than 2x with one linear warp aliases: shrink with area averaging first.
    const float shrink = 2.0f * warp.scale();
    if (shrink < 1.0f) {
        cv::Mat smaller;
        cv::resize(source, smaller, cv::Size(), shrink, shrink, cv::INTER_AREA);
        const float fx = static_cast<float>(smaller.cols) / source.cols;
        const float fy = static_cast<float>(smaller.rows) / source.rows;
        source = smaller;
        warp.a /= 0.5f * (fx + fy);
        warp.b /= 0.5f * (fx + fy);
    }
    cv::Mat crop;
    cv::warpAffine(source, crop, toAffine(warp), cv::Size(size, size), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    aligned.image = cvbridge::toImage(crop);
    return aligned;
}

Image warpImage(const Image& source, const Similarity& transform, int width, int height)
{
    if (width <= 0 || height <= 0) {
        throw Error("warpImage: the target size must be positive");
    }
    cv::Mat result;
    cv::warpAffine(cvbridge::view(source), result, toAffine(transform), cv::Size(width, height), cv::INTER_LINEAR,
        cv::BORDER_CONSTANT, cv::Scalar::all(0));
    return cvbridge::toImage(result);
}

} // namespace durian
