#include "core/eval/ImageMetrics.h"

#include "core/util/Error.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace durian {

namespace {

void checkSameShape(const Image& a, const Image& b, const char* what)
{
    if (a.width != b.width || a.height != b.height || a.channels != b.channels || a.empty()) {
        throw Error(std::string(what) + ": the images differ in size or channels (" + std::to_string(a.width) + "x" +
            std::to_string(a.height) + "x" + std::to_string(a.channels) + " vs " + std::to_string(b.width) + "x" +
            std::to_string(b.height) + "x" + std::to_string(b.channels) + ")");
    }
}

cv::Mat asFloat(const Image& image)
{
    const cv::Mat wrapped(image.height, image.width, CV_8UC(image.channels), const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat out;
    wrapped.convertTo(out, CV_32F);
    return out;
}

} // namespace

double psnr(const Image& a, const Image& b)
{
    checkSameShape(a, b, "PSNR");
    double sum = 0.0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i) {
        const double d = static_cast<double>(a.pixels[i]) - b.pixels[i];
        sum += d * d;
    }
    const double mse = sum / static_cast<double>(a.pixels.size());
    return mse <= 0.0 ? 100.0 : 10.0 * std::log10(255.0 * 255.0 / mse);
}

double ssim(const Image& a, const Image& b)
{
    checkSameShape(a, b, "SSIM");
    constexpr double c1 = (0.01 * 255) * (0.01 * 255), c2 = (0.03 * 255) * (0.03 * 255);
    std::vector<cv::Mat> xs, ys;
    cv::split(asFloat(a), xs);
    cv::split(asFloat(b), ys);
    auto blur = [](const cv::Mat& m) {
        cv::Mat out;
        cv::GaussianBlur(m, out, cv::Size(11, 11), 1.5, 1.5, cv::BORDER_REFLECT);
        return out;
    };
    double sum = 0.0;
    for (std::size_t c = 0; c < xs.size(); ++c) { // one channel at a time: MatExpr is defined for those
        const cv::Mat& x = xs[c];
        const cv::Mat& y = ys[c];
        const cv::Mat mx = blur(x), my = blur(y);
        const cv::Mat mx2 = mx.mul(mx), my2 = my.mul(my), mxy = mx.mul(my);
        const cv::Mat sx2 = blur(x.mul(x)) - mx2, sy2 = blur(y.mul(y)) - my2, sxy = blur(x.mul(y)) - mxy;
        const cv::Mat numerator = (2 * mxy + c1).mul(2 * sxy + c2);
        const cv::Mat denominator = (mx2 + my2 + c1).mul(sx2 + sy2 + c2);
        cv::Mat map;
        cv::divide(numerator, denominator, map);
        sum += cv::mean(map)[0];
    }
    return sum / static_cast<double>(xs.size());
}

double maskedL1(const Image& a, const Image& b, const Image& mask, bool inside)
{
    checkSameShape(a, b, "L1");
    if (mask.channels != 1 || mask.width != a.width || mask.height != a.height) {
        throw Error("L1: the mask must be one channel of the images' size");
    }
    double sum = 0.0;
    long long count = 0;
    const int channels = a.channels;
    for (std::size_t p = 0; p < mask.pixels.size(); ++p) {
        if ((mask.pixels[p] >= 128) != inside) {
            continue;
        }
        for (int c = 0; c < channels; ++c) {
            const std::size_t i = p * static_cast<std::size_t>(channels) + static_cast<std::size_t>(c);
            sum += std::abs(static_cast<int>(a.pixels[i]) - static_cast<int>(b.pixels[i]));
        }
        count += channels;
    }
    return count == 0 ? -1.0 : sum / (255.0 * static_cast<double>(count));
}

double meanAbsDifference(const Image& a, const Image& b)
{
    checkSameShape(a, b, "frame difference");
    long long sum = 0;
    for (std::size_t i = 0; i < a.pixels.size(); ++i) {
        sum += std::abs(static_cast<int>(a.pixels[i]) - static_cast<int>(b.pixels[i]));
    }
    return static_cast<double>(sum) / (255.0 * static_cast<double>(a.pixels.size()));
}

} // namespace durian
