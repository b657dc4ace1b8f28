#pragma once

#include "core/face/KeypointTrack.h"

namespace durian {

// One-Euro filter (Casiez et al. 2012): a low-pass whose cut-off rises with speed, so still landmarks
// stop jittering while fast moves are followed without lag. Units: positions are in inter-ocular
// distances (the track is normalised before filtering), time in seconds.
struct OneEuroParams {
    double minCutoff = 1.5; // Hz, cut-off when the point is still: lower = smoother
    double beta = 2.0;      // how fast the cut-off rises with speed (per inter-ocular distance per second)
    double derivativeCutoff = 1.0; // Hz, smoothing of the speed estimate
};

// One scalar One-Euro filter. filter() takes samples at a fixed rate.
class OneEuroFilter {
public:
    OneEuroFilter(double rate, OneEuroParams params);
    double filter(double value);
    // Same, but the cut-off follows `speed` (a shared speed, e.g. of the 2D point) instead of this value's.
    double filterWithSpeed(double value, double speed);
    double speed(double value) const; // raw speed estimate of `value` against the last output

private:
    double rate_;
    OneEuroParams params_;
    bool started_ = false;
    double previous_ = 0.0;
    double derivative_ = 0.0;
};

// Filters every landmark of the track in time (causal, frame by frame), x and y sharing a 2D speed.
KeypointTrack smoothTrack(const KeypointTrack& track, OneEuroParams params = {});

} // namespace durian
