#include "core/masks/MaskOps.h"

#include "core/face/OpenCvBridge.h"
#include "core/util/Error.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace durian {

namespace {

cv::Mat maskView(const Image& mask, const char* operation)
{
    if (mask.channels != 1) {
        throw Error(std::string(operation) + ": a mask must have 1 channel, got " + std::to_string(mask.channels));
    }
    return cvbridge::view(mask);
}

cv::Mat binary(const Image& mask, const char* operation)
{
    cv::Mat result;
    cv::threshold(maskView(mask, operation), result, 127, 255, cv::THRESH_BINARY);
    return result;
}

void checkSameSize(const Image& a, const Image& b, const char* operation)
{
    if (a.width != b.width || a.height != b.height) {
        throw Error(std::string(operation) + ": the masks differ in size (" + std::to_string(a.width) + "x" +
            std::to_string(a.height) + " and " + std::to_string(b.width) + "x" + std::to_string(b.height) + ")");
    }
}

} // namespace

void paintDab(Image& mask, Point2f centre, const Brush& brush)
{
    cv::Mat m = maskView(mask, "paintDab");
    const float radius = std::max(0.5f, brush.diameter / 2.0f);
    const float hardness = std::clamp(brush.hardness, 0.0f, 1.0f);
    const float opacity = std::clamp(brush.opacity, 0.0f, 1.0f);
    const int x0 = std::max(0, static_cast<int>(std::floor(centre.x - radius)));
    const int x1 = std::min(mask.width - 1, static_cast<int>(std::ceil(centre.x + radius)));
    const int y0 = std::max(0, static_cast<int>(std::floor(centre.y - radius)));
    const int y1 = std::min(mask.height - 1, static_cast<int>(std::ceil(centre.y + radius)));
    for (int y = y0; y <= y1; ++y) {
        auto* row = m.ptr<std::uint8_t>(y);
        for (int x = x0; x <= x1; ++x) {
            // Pixel centres at +0.5 so a dab is symmetric around its centre.
            const float r = std::hypot(x + 0.5f - centre.x, y + 0.5f - centre.y) / radius;
            if (r >= 1.0f) {
                continue;
            }
            float v = 1.0f;
            if (r > hardness) {
                const float t = (r - hardness) / std::max(1e-6f, 1.0f - hardness); // 0..1 across the soft rim
                v = 1.0f - t * t * (3.0f - 2.0f * t);                            // smoothstep fall-off
            }
            v *= opacity;
            const float current = row[x] / 255.0f;
            const float next = brush.erase ? std::min(current, 1.0f - v) : std::max(current, v);
            row[x] = static_cast<std::uint8_t>(std::lround(next * 255.0f));
        }
    }
}

void paintStroke(Image& mask, Point2f from, Point2f to, const Brush& brush)
{
    const float length = distance(from, to);
    const float spacing = std::max(0.5f, brush.diameter * 0.1f);
    const int steps = std::max(1, static_cast<int>(std::ceil(length / spacing)));
    for (int i = 0; i <= steps; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(steps);
        paintDab(mask, {from.x + t * (to.x - from.x), from.y + t * (to.y - from.y)}, brush);
    }
}

Image featherMask(const Image& mask, float radius)
{
    cv::Mat m = maskView(mask, "featherMask").clone();
    if (radius > 0.0f) {
        cv::GaussianBlur(m, m, cv::Size(), std::max(0.3, radius / 2.0));
    }
    return cvbridge::toImage(m);
}

Image growMask(const Image& mask, int pixels)
{
    const cv::Mat region = binary(mask, "growMask");
    if (pixels == 0) {
        return cvbridge::toImage(region);
    }
    cv::Mat distances;
    cv::Mat result;
    if (pixels > 0) {
        // Distance of every outside pixel to the region; grow takes those within `pixels`.
        cv::distanceTransform(255 - region, distances, cv::DIST_L2, cv::DIST_MASK_PRECISE);
        result = distances <= static_cast<float>(pixels);
    } else {
        cv::Mat padded;
        // Outside the image counts as inside, so shrinking does not eat the region from the image border.
        cv::copyMakeBorder(region, padded, 1, 1, 1, 1, cv::BORDER_REPLICATE);
        cv::distanceTransform(padded, distances, cv::DIST_L2, cv::DIST_MASK_PRECISE);
        result = distances(cv::Rect(1, 1, region.cols, region.rows)) > static_cast<float>(-pixels);
    }
    return cvbridge::toImage(result);
}

Image fillHoles(const Image& mask)
{
    const cv::Mat region = binary(mask, "fillHoles");
    cv::Mat outside;
    cv::copyMakeBorder(region, outside, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(0));
    cv::floodFill(outside, cv::Point(0, 0), cv::Scalar(128));
    cv::Mat reached = outside(cv::Rect(1, 1, region.cols, region.rows)) == 128;
    return cvbridge::toImage(255 - reached);
}

Image keepLargestRegion(const Image& mask)
{
    const cv::Mat region = binary(mask, "keepLargestRegion");
    cv::Mat labels, stats, centroids;
    const int count = cv::connectedComponentsWithStats(region, labels, stats, centroids, 8, CV_32S);
    int best = 0;
    int bestArea = 0;
    for (int i = 1; i < count; ++i) {
        if (stats.at<int>(i, cv::CC_STAT_AREA) > bestArea) {
            bestArea = stats.at<int>(i, cv::CC_STAT_AREA);
            best = i;
        }
    }
    cv::Mat result = best > 0 ? cv::Mat(labels == best) : cv::Mat::zeros(region.size(), CV_8U);
    return cvbridge::toImage(result);
}

Image uniteMasks(const Image& a, const Image& b)
{
    checkSameSize(a, b, "uniteMasks");
    cv::Mat result;
    cv::max(maskView(a, "uniteMasks"), maskView(b, "uniteMasks"), result);
    return cvbridge::toImage(result);
}

Image intersectMasks(const Image& a, const Image& b)
{
    checkSameSize(a, b, "intersectMasks");
    cv::Mat result;
    cv::min(maskView(a, "intersectMasks"), maskView(b, "intersectMasks"), result);
    return cvbridge::toImage(result);
}

double maskCoverage(const Image& mask)
{
    const cv::Mat region = binary(mask, "maskCoverage");
    return static_cast<double>(cv::countNonZero(region)) / static_cast<double>(region.total());
}

double maskIoU(const Image& a, const Image& b)
{
    checkSameSize(a, b, "maskIoU");
    const cv::Mat ra = binary(a, "maskIoU"), rb = binary(b, "maskIoU");
    const int intersection = cv::countNonZero(ra & rb);
    const int unionArea = cv::countNonZero(ra | rb);
    return unionArea == 0 ? 1.0 : static_cast<double>(intersection) / unionArea;
}

} // namespace durian
