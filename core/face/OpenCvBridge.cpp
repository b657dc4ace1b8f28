#include "core/face/OpenCvBridge.h"

#include <opencv2/imgproc.hpp>

namespace durian::cvbridge {

cv::Mat gray(const Image& image)
{
    const cv::Mat source = view(image);
    cv::Mat result;
    switch (image.channels) {
    case 1: result = source.clone(); break;
    case 3: cv::cvtColor(source, result, cv::COLOR_RGB2GRAY); break;
    case 4: cv::cvtColor(source, result, cv::COLOR_RGBA2GRAY); break;
    default: throw Error("Unsupported image with " + std::to_string(image.channels) + " channels");
    }
    return result;
}

cv::Mat rgb(const Image& image)
{
    const cv::Mat source = view(image);
    cv::Mat result;
    switch (image.channels) {
    case 1: cv::cvtColor(source, result, cv::COLOR_GRAY2RGB); break;
    case 3: result = source.clone(); break;
    case 4: cv::cvtColor(source, result, cv::COLOR_RGBA2RGB); break;
    default: throw Error("Unsupported image with " + std::to_string(image.channels) + " channels");
    }
    return result;
}

} // namespace durian::cvbridge
