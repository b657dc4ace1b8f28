#include "core/synth/detail/Canvas.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace durian::synth {

namespace {

constexpr int kShift = 3; // sub-pixel bits of the fixed-point coordinates OpenCV draws with
constexpr float kFixed = 1 << kShift;

cv::Scalar toScalar(SynthColor c)
{
    auto channel = [](float v) { return std::clamp(v, 0.f, 1.f) * 255.f; };
    return {channel(c.r), channel(c.g), channel(c.b)};
}

// Blends `colour` over `roi` with opacity alpha x mask (one 8-bit mask pixel per roi pixel).
void blendThroughMask(cv::Mat roi, const cv::Mat& mask, const cv::Scalar& colour, float alpha)
{
    for (int y = 0; y < roi.rows; ++y) {
        auto* px = roi.ptr<cv::Vec3b>(y);
        const auto* m = mask.ptr<std::uint8_t>(y);
        for (int x = 0; x < roi.cols; ++x) {
            if (m[x] == 0) {
                continue;
            }
            const float a = alpha * m[x] * (1.f / 255.f);
            for (int k = 0; k < 3; ++k) {
                px[x][k] = static_cast<std::uint8_t>(px[x][k] + (colour[k] - px[x][k]) * a + 0.5f);
            }
        }
    }
}

} // namespace

Canvas::Canvas(int width, int height, int supersample)
    : width_(width)
    , height_(height)
    , ss_(supersample)
    , rgb_(height * supersample, width * supersample, CV_8UC3)
    , labels_(height * supersample, width * supersample, CV_8UC1, cv::Scalar(static_cast<int>(SynthMask::Background)))
{
}

void Canvas::verticalGradient(SynthColor top, SynthColor bottom)
{
    for (int y = 0; y < rgb_.rows; ++y) {
        const float t = rgb_.rows > 1 ? static_cast<float>(y) / (rgb_.rows - 1) : 0.f;
        rgb_.row(y).setTo(toScalar(mix(top, bottom, t)));
    }
}

cv::Point Canvas::toFixed(V2 p) const
{
    return {static_cast<int>(std::lround(((p.x + 0.5f) * ss_ - 0.5f) * kFixed)),
        static_cast<int>(std::lround(((p.y + 0.5f) * ss_ - 0.5f) * kFixed))};
}

std::vector<cv::Point> Canvas::toFixed(const std::vector<V2>& polygon) const
{
    std::vector<cv::Point> fixed;
    fixed.reserve(polygon.size());
    for (const V2& p : polygon) {
        fixed.push_back(toFixed(p));
    }
    return fixed;
}

cv::Rect Canvas::boundsOf(const std::vector<cv::Point>& fixed, int margin) const
{
    if (fixed.empty()) {
        return {};
    }
    int x0 = fixed[0].x, x1 = x0, y0 = fixed[0].y, y1 = y0;
    for (const auto& p : fixed) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
    }
    const cv::Rect r((x0 >> kShift) - margin, (y0 >> kShift) - margin, ((x1 - x0) >> kShift) + 2 * margin + 2,
        ((y1 - y0) >> kShift) + 2 * margin + 2);
    return r & cv::Rect(0, 0, rgb_.cols, rgb_.rows);
}

void Canvas::fill(const std::vector<V2>& polygon, SynthColor color, int label)
{
    if (polygon.size() < 3) {
        return;
    }
    const std::vector<std::vector<cv::Point>> fixed{toFixed(polygon)};
    cv::fillPoly(rgb_, fixed, toScalar(color), cv::LINE_AA, kShift);
    if (label != kKeepLabel) {
        cv::fillPoly(labels_, fixed, cv::Scalar(label), cv::LINE_8, kShift);
    }
}

void Canvas::fillMany(const std::vector<std::vector<V2>>& polygons, SynthColor color, int label)
{
    std::vector<std::vector<cv::Point>> fixed;
    for (const auto& polygon : polygons) {
        if (polygon.size() >= 3) {
            fixed.push_back(toFixed(polygon));
        }
    }
    if (fixed.empty()) {
        return;
    }
    cv::fillPoly(rgb_, fixed, toScalar(color), cv::LINE_AA, kShift);
    if (label != kKeepLabel) {
        cv::fillPoly(labels_, fixed, cv::Scalar(label), cv::LINE_8, kShift);
    }
}

void Canvas::line(const std::vector<V2>& polyline, bool closed, SynthColor color, float thickness, int label)
{
    if (polyline.size() < 2) {
        return;
    }
    const std::vector<std::vector<cv::Point>> fixed{toFixed(polyline)};
    const int t = std::max(1, static_cast<int>(std::lround(thickness * ss_)));
    cv::polylines(rgb_, fixed, closed, toScalar(color), t, cv::LINE_AA, kShift);
    if (label != kKeepLabel) {
        cv::polylines(labels_, fixed, closed, cv::Scalar(label), t, cv::LINE_8, kShift);
    }
}

void Canvas::disc(V2 centre, float radius, SynthColor color, int label)
{
    const int r = static_cast<int>(std::lround(radius * ss_ * kFixed));
    if (r <= 0) {
        return;
    }
    cv::circle(rgb_, toFixed(centre), r, toScalar(color), cv::FILLED, cv::LINE_AA, kShift);
    if (label != kKeepLabel) {
        cv::circle(labels_, toFixed(centre), r, cv::Scalar(label), cv::FILLED, cv::LINE_8, kShift);
    }
}

void Canvas::ellipse(V2 centre, V2 axes, float angleDeg, SynthColor color, int label)
{
    const cv::Size a(static_cast<int>(std::lround(axes.x * ss_ * kFixed)), static_cast<int>(std::lround(axes.y * ss_ * kFixed)));
    if (a.width <= 0 || a.height <= 0) {
        return;
    }
    cv::ellipse(rgb_, toFixed(centre), a, angleDeg, 0, 360, toScalar(color), cv::FILLED, cv::LINE_AA, kShift);
    if (label != kKeepLabel) {
        cv::ellipse(labels_, toFixed(centre), a, angleDeg, 0, 360, cv::Scalar(label), cv::FILLED, cv::LINE_8, kShift);
    }
}

void Canvas::labelFill(const std::vector<V2>& polygon, int label)
{
    if (polygon.size() >= 3) {
        const std::vector<std::vector<cv::Point>> fixed{toFixed(polygon)};
        cv::fillPoly(labels_, fixed, cv::Scalar(label), cv::LINE_8, kShift);
    }
}

void Canvas::blend(const std::vector<V2>& polygon, SynthColor color, float alpha)
{
    if (polygon.size() < 3 || alpha <= 0.f) {
        return;
    }
    const std::vector<std::vector<cv::Point>> fixed{toFixed(polygon)};
    const cv::Rect box = boundsOf(fixed[0], 2);
    if (box.empty()) {
        return;
    }
    cv::Mat mask(box.size(), CV_8UC1, cv::Scalar(0));
    const cv::Point offset(-box.x * static_cast<int>(kFixed), -box.y * static_cast<int>(kFixed));
    cv::fillPoly(mask, fixed, cv::Scalar(255), cv::LINE_AA, kShift, offset);
    blendThroughMask(rgb_(box), mask, toScalar(color), alpha);
}

void Canvas::softEllipse(V2 centre, V2 axes, float angleDeg, SynthColor color, float alpha, float blur)
{
    const float reach = (std::max(axes.x, axes.y) + 2.f * blur) * ss_;
    const V2 c{(centre.x + 0.5f) * ss_ - 0.5f, (centre.y + 0.5f) * ss_ - 0.5f};
    const cv::Rect box = cv::Rect(static_cast<int>(c.x - reach), static_cast<int>(c.y - reach),
                             static_cast<int>(2 * reach) + 2, static_cast<int>(2 * reach) + 2)
        & cv::Rect(0, 0, rgb_.cols, rgb_.rows);
    if (box.empty() || axes.x <= 0.f || axes.y <= 0.f) {
        return;
    }
    cv::Mat mask(box.size(), CV_8UC1, cv::Scalar(0));
    cv::ellipse(mask, cv::RotatedRect(cv::Point2f(c.x - box.x, c.y - box.y), cv::Size2f(2 * axes.x * ss_, 2 * axes.y * ss_), angleDeg),
        cv::Scalar(255), cv::FILLED, cv::LINE_AA);
    if (blur > 0.f) {
        cv::GaussianBlur(mask, mask, cv::Size(), blur * ss_);
    }
    blendThroughMask(rgb_(box), mask, toScalar(color), alpha);
}

void Canvas::fillClipped(const std::vector<V2>& polygon, const std::vector<V2>& clip, SynthColor color, float alpha)
{
    if (polygon.size() < 3 || clip.size() < 3) {
        return;
    }
    const std::vector<std::vector<cv::Point>> clipFixed{toFixed(clip)};
    const cv::Rect box = boundsOf(clipFixed[0], 1);
    if (box.empty()) {
        return;
    }
    const cv::Point offset(-box.x * static_cast<int>(kFixed), -box.y * static_cast<int>(kFixed));
    cv::Mat clipMask(box.size(), CV_8UC1, cv::Scalar(0));
    cv::fillPoly(clipMask, clipFixed, cv::Scalar(255), cv::LINE_AA, kShift, offset);
    cv::Mat shapeMask(box.size(), CV_8UC1, cv::Scalar(0));
    const std::vector<std::vector<cv::Point>> shape{toFixed(polygon)};
    cv::fillPoly(shapeMask, shape, cv::Scalar(255), cv::LINE_AA, kShift, offset);
    cv::Mat roi = rgb_(box);
    const cv::Scalar col = toScalar(color);
    for (int y = 0; y < roi.rows; ++y) {
        auto* px = roi.ptr<cv::Vec3b>(y);
        const auto* a = clipMask.ptr<std::uint8_t>(y);
        const auto* b = shapeMask.ptr<std::uint8_t>(y);
        for (int x = 0; x < roi.cols; ++x) {
            const int w = a[x] * b[x];
            if (w == 0) {
                continue;
            }
            const float t = alpha * w * (1.f / (255.f * 255.f));
            for (int k = 0; k < 3; ++k) {
                px[x][k] = static_cast<std::uint8_t>(px[x][k] + (col[k] - px[x][k]) * t + 0.5f);
            }
        }
    }
}

void Canvas::discClipped(V2 centre, float radius, const std::vector<V2>& clip, SynthColor color)
{
    std::vector<V2> circle;
    const int n = std::clamp(static_cast<int>(radius * ss_), 12, 48);
    for (int i = 0; i < n; ++i) {
        const float t = 2.f * kPi * i / n;
        circle.push_back({centre.x + radius * std::cos(t), centre.y + radius * std::sin(t)});
    }
    fillClipped(circle, clip, color);
}

void Canvas::resolve(SynthFrame& frame) const
{
    frame.rgb = Image(width_, height_, 3);
    cv::Mat out(height_, width_, CV_8UC3, frame.rgb.pixels.data());
    if (ss_ == 1) {
        rgb_.copyTo(out);
    } else {
        cv::resize(rgb_, out, out.size(), 0, 0, cv::INTER_AREA);
    }
    // Masks: the share of each label among the ss x ss samples of a pixel.
    std::array<std::uint8_t*, kSynthMaskCount> dst{};
    for (int m = 0; m < kSynthMaskCount; ++m) {
        frame.masks[m] = Image(width_, height_, 1);
        dst[m] = frame.masks[m].pixels.data();
    }
    const int samples = ss_ * ss_;
    std::array<std::uint8_t, 17> toByte{};
    for (int c = 0; c <= samples; ++c) {
        toByte[c] = static_cast<std::uint8_t>((255 * c + samples / 2) / samples);
    }
    for (int y = 0; y < height_; ++y) {
        for (int x = 0; x < width_; ++x) {
            std::array<std::uint8_t, kSynthMaskCount> count{};
            for (int dy = 0; dy < ss_; ++dy) {
                const auto* row = labels_.ptr<std::uint8_t>(y * ss_ + dy) + x * ss_;
                for (int dx = 0; dx < ss_; ++dx) {
                    ++count[row[dx]];
                }
            }
            const std::size_t i = static_cast<std::size_t>(y) * width_ + x;
            for (int m = 0; m < kSynthMaskCount; ++m) {
                dst[m][i] = toByte[count[m]];
            }
        }
    }
}

} // namespace durian::synth
