#include "core/face/Smoothing.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace durian {

namespace {
double alpha(double cutoff, double rate)
{
    const double tau = 1.0 / (2.0 * std::numbers::pi * cutoff);
    return 1.0 / (1.0 + tau * rate);
}
} // namespace

OneEuroFilter::OneEuroFilter(double rate, OneEuroParams params)
    : rate_(rate > 0.0 ? rate : 24.0)
    , params_(params)
{
}

double OneEuroFilter::speed(double value) const { return started_ ? (value - previous_) * rate_ : 0.0; }

double OneEuroFilter::filter(double value)
{
    if (!started_) {
        return filterWithSpeed(value, 0.0);
    }
    const double a = alpha(params_.derivativeCutoff, rate_);
    return filterWithSpeed(value, std::abs(a * speed(value) + (1.0 - a) * derivative_));
}

double OneEuroFilter::filterWithSpeed(double value, double speedValue)
{
    if (!started_) {
        started_ = true;
        previous_ = value;
        derivative_ = 0.0;
        return value;
    }
    const double da = alpha(params_.derivativeCutoff, rate_);
    derivative_ = da * speed(value) + (1.0 - da) * derivative_;
    const double cutoff = params_.minCutoff + params_.beta * std::abs(speedValue);
    const double a = alpha(cutoff, rate_);
    previous_ = a * value + (1.0 - a) * previous_;
    return previous_;
}

KeypointTrack smoothTrack(const KeypointTrack& track, OneEuroParams params)
{
    KeypointTrack result = track;
    if (track.frames.empty()) {
        return result;
    }
    double interocular = 0.0;
    for (const auto& f : track.frames) {
        interocular += distance(partCenter(f, kRightEye), partCenter(f, kLeftEye));
    }
    interocular = std::max(interocular / track.size(), 1e-3);

    for (int k = 0; k < kLandmarkCount; ++k) {
        OneEuroFilter fx(track.fps, params), fy(track.fps, params);
        // Speed smoothing shared by x and y: the speed of the 2D point, low-passed.
        OneEuroFilter speedFilter(track.fps, {params.derivativeCutoff, 0.0, params.derivativeCutoff});
        for (int t = 0; t < track.size(); ++t) {
            const double x = track.frames[t][k].x / interocular;
            const double y = track.frames[t][k].y / interocular;
            const double rawSpeed = std::hypot(fx.speed(x), fy.speed(y));
            const double speed = t == 0 ? 0.0 : speedFilter.filter(rawSpeed);
            result.frames[t][k] = {static_cast<float>(fx.filterWithSpeed(x, speed) * interocular),
                static_cast<float>(fy.filterWithSpeed(y, speed) * interocular)};
        }
    }
    return result;
}

} // namespace durian
