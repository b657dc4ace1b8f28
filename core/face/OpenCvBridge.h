#pragma once

// Private to core's .cpp files: OpenCV views of durian::Image. Never include from a public header.

#include "core/face/FaceTypes.h"
#include "core/io/Image.h"
#include "core/util/Error.h"

#include <opencv2/core.hpp>

#include <vector>

namespace durian::cvbridge {

// A cv::Mat sharing the image's pixels (no copy). Channel order stays as stored (RGB).
inline cv::Mat view(const Image& image)
{
    if (image.empty() || image.pixels.size() != static_cast<std::size_t>(image.width) * image.height * image.channels) {
        throw Error("The image is empty or its pixel buffer does not match its size");
    }
    return cv::Mat(image.height, image.width, CV_8UC(image.channels), const_cast<std::uint8_t*>(image.pixels.data()));
}

// A copy of an 8-bit cv::Mat with 1, 3 or 4 channels.
inline Image toImage(const cv::Mat& mat)
{
    CV_Assert(mat.depth() == CV_8U);
    Image image(mat.cols, mat.rows, mat.channels());
    cv::Mat target(mat.rows, mat.cols, mat.type(), image.pixels.data());
    mat.copyTo(target);
    return image;
}

// Gray copy of any 1/3/4-channel RGB(A) image.
cv::Mat gray(const Image& image);
// RGB copy of any 1/3/4-channel image.
cv::Mat rgb(const Image& image);

inline cv::Point2f toCv(Point2f p) { return {p.x, p.y}; }

inline std::vector<cv::Point> polygon(const Landmarks& landmarks, LandmarkPart part)
{
    std::vector<cv::Point> points;
    for (int i = part.first; i <= part.last; ++i) {
        points.emplace_back(cvRound(landmarks[i].x), cvRound(landmarks[i].y));
    }
    return points;
}

} // namespace durian::cvbridge
