#include "core/face/LandmarkWarp.h"

#include "core/face/Alignment.h"
#include "core/face/OpenCvBridge.h"
#include "core/util/Error.h"

#include <opencv2/imgproc.hpp>

#include <array>
#include <cmath>
#include <numbers>

namespace durian {

namespace {

Similarity landmarkSimilarity(const Landmarks& from, const Landmarks& to)
{
    return fitSimilarity(std::vector<Point2f>(from.begin(), from.end()), std::vector<Point2f>(to.begin(), to.end()));
}

// Inverse maps (portrait pixel -> reference pixel) for a piecewise affine warp: a Delaunay mesh over the
// portrait's landmarks plus a ring of points three face-sizes out, where the warp equals the similarity so
// the two join without a seam.
void piecewiseMaps(const Landmarks& ref, const Landmarks& port, const Similarity& refToPort, int width, int height,
    cv::Mat& mapX, cv::Mat& mapY)
{
    std::vector<cv::Point2f> portPoints, refPoints;
    for (int k = 0; k < kLandmarkCount; ++k) {
        portPoints.push_back(cvbridge::toCv(port[k]));
        refPoints.push_back(cvbridge::toCv(ref[k]));
    }
    const Point2f centre = partCenter(ref, kNoseBridge);
    const float radius = 3.0f * distance(ref[0], ref[16]) + 1.0f;
    const Similarity portToRef = refToPort.inverse();
    constexpr int kRing = 16;
    for (int i = 0; i < kRing; ++i) {
        const float angle = 2.0f * std::numbers::pi_v<float> * static_cast<float>(i) / kRing;
        const Point2f r{centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle)};
        refPoints.push_back(cvbridge::toCv(r));
        portPoints.push_back(cvbridge::toCv(refToPort.apply(r)));
    }
    // Similarity everywhere first; triangles overwrite inside the mesh.
    mapX.create(height, width, CV_32F);
    mapY.create(height, width, CV_32F);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const Point2f p = portToRef.apply(Point2f{static_cast<float>(x), static_cast<float>(y)});
            mapX.at<float>(y, x) = p.x;
            mapY.at<float>(y, x) = p.y;
        }
    }
    float minX = portPoints[0].x, minY = portPoints[0].y, maxX = minX, maxY = minY;
    for (const auto& p : portPoints) {
        minX = std::min(minX, p.x); minY = std::min(minY, p.y);
        maxX = std::max(maxX, p.x); maxY = std::max(maxY, p.y);
    }
    cv::Subdiv2D subdiv(cv::Rect2f(minX - 2, minY - 2, maxX - minX + 4, maxY - minY + 4));
    std::vector<int> vertexToPoint;
    for (std::size_t i = 0; i < portPoints.size(); ++i) {
        const int vertex = subdiv.insert(portPoints[i]);
        if (vertex >= static_cast<int>(vertexToPoint.size())) {
            vertexToPoint.resize(static_cast<std::size_t>(vertex) + 1, -1);
        }
        vertexToPoint[static_cast<std::size_t>(vertex)] = static_cast<int>(i);
    }
    std::vector<cv::Vec6f> triangles;
    subdiv.getTriangleList(triangles);
    cv::Mat label(height, width, CV_32S, cv::Scalar(-1));
    std::vector<cv::Mat> affines;
    for (const auto& t : triangles) {
        std::array<int, 3> idx{};
        bool ok = true;
        for (int j = 0; j < 3 && ok; ++j) {
            int edge = 0, vertex = 0;
            const int located = subdiv.locate(cv::Point2f(t[2 * j], t[2 * j + 1]), edge, vertex);
            ok = located == cv::Subdiv2D::PTLOC_VERTEX && vertex < static_cast<int>(vertexToPoint.size()) &&
                vertexToPoint[static_cast<std::size_t>(vertex)] >= 0;
            if (ok) {
                idx[static_cast<std::size_t>(j)] = vertexToPoint[static_cast<std::size_t>(vertex)];
            }
        }
        if (!ok) {
            continue; // a triangle touching Subdiv2D's outer virtual vertices
        }
        const cv::Point2f from[3] = {portPoints[idx[0]], portPoints[idx[1]], portPoints[idx[2]]};
        const cv::Point2f to[3] = {refPoints[idx[0]], refPoints[idx[1]], refPoints[idx[2]]};
        const double area = (from[1] - from[0]).cross(from[2] - from[0]);
        if (std::abs(area) < 1e-3) {
            continue;
        }
        affines.push_back(cv::getAffineTransform(from, to));
        const std::vector<cv::Point> polygon{from[0], from[1], from[2]};
        cv::fillConvexPoly(label, polygon, cv::Scalar(static_cast<int>(affines.size()) - 1));
    }
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const int l = label.at<int>(y, x);
            if (l < 0) {
                continue;
            }
            const cv::Mat& a = affines[static_cast<std::size_t>(l)];
            mapX.at<float>(y, x) = static_cast<float>(a.at<double>(0, 0) * x + a.at<double>(0, 1) * y + a.at<double>(0, 2));
            mapY.at<float>(y, x) = static_cast<float>(a.at<double>(1, 0) * x + a.at<double>(1, 1) * y + a.at<double>(1, 2));
        }
    }
}

} // namespace

Image warpByLandmarks(const Image& source, const Landmarks& from, const Landmarks& to, int width, int height,
    LandmarkWarpMode mode, WarpBorder border)
{
    if (source.empty() || width <= 0 || height <= 0) {
        throw Error("Cannot warp an empty image");
    }
    const Similarity similarity = landmarkSimilarity(from, to);
    const int borderMode = border == WarpBorder::Replicate ? cv::BORDER_REPLICATE : cv::BORDER_CONSTANT;
    cv::Mat result;
    if (mode == LandmarkWarpMode::Similarity) {
        const cv::Matx23f matrix(similarity.a, -similarity.b, similarity.tx, similarity.b, similarity.a, similarity.ty);
        cv::warpAffine(cvbridge::view(source), result, matrix, cv::Size(width, height), cv::INTER_LINEAR, borderMode,
            cv::Scalar::all(0));
    } else {
        cv::Mat mapX, mapY;
        piecewiseMaps(from, to, similarity, width, height, mapX, mapY);
        cv::remap(cvbridge::view(source), result, mapX, mapY, cv::INTER_LINEAR, borderMode, cv::Scalar::all(0));
    }
    return cvbridge::toImage(result);
}

} // namespace durian
