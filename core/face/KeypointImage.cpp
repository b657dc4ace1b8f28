#include "core/face/KeypointImage.h"

#include "core/face/OpenCvBridge.h"
#include "core/util/Error.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>

namespace durian {

namespace {

constexpr std::array<LandmarkPart, 9> kParts{kJaw, kRightBrow, kLeftBrow, kNoseBridge, kNoseBase, kRightEye, kLeftEye,
    kOuterLips, kInnerLips};

// Distinct, saturated colours so a small pose encoder can tell the parts apart.
constexpr std::array<Rgb8, 9> kColours{{{255, 255, 255}, {255, 128, 0}, {255, 200, 0}, {0, 128, 255}, {0, 220, 255},
    {0, 255, 0}, {128, 255, 64}, {255, 0, 64}, {255, 0, 255}}};

} // namespace

Rgb8 keypointPartColour(int part)
{
    if (part < 0 || part >= static_cast<int>(kColours.size())) {
        throw Error("keypointPartColour: no part " + std::to_string(part));
    }
    return kColours[static_cast<std::size_t>(part)];
}

Image renderKeypointImage(const Landmarks& landmarks, int width, int height)
{
    if (width <= 0 || height <= 0) {
        throw Error("A keypoint image needs a positive size, got " + std::to_string(width) + "x" + std::to_string(height));
    }
    Image image(width, height, 3, 0);
    cv::Mat canvas = cvbridge::view(image);
    const int thickness = std::max(1, std::min(width, height) / 128);
    // Fixed-point coordinates (4 fractional bits) keep sub-pixel motion visible in the anti-aliased lines.
    constexpr int kShift = 4;
    for (std::size_t part = 0; part < kParts.size(); ++part) {
        const LandmarkPart range = kParts[part];
        std::vector<cv::Point> points;
        for (int i = range.first; i <= range.last; ++i) {
            points.emplace_back(cvRound(landmarks[i].x * (1 << kShift)), cvRound(landmarks[i].y * (1 << kShift)));
        }
        const Rgb8 c = kColours[part];
        cv::polylines(canvas, points, range.closed, cv::Scalar(c.r, c.g, c.b), thickness, cv::LINE_AA, kShift);
    }
    return image;
}

} // namespace durian
