#pragma once

#include "core/face/Alignment.h"
#include "core/face/KeypointTrack.h"

namespace durian {

// Head pose of each driving frame relative to the first: the similarity that best maps frame 0's stable
// points (eyes, nose) onto frame t's.
Similarity relativeHeadMotion(const Landmarks& first, const Landmarks& current);

// Relative motion transfer. For every driving frame t:
//   S_t  = relativeHeadMotion(d_0, d_t)         head moves (shift, turn in plane, zoom)
//   r_t  = S_t^-1(d_t) - d_0                    expression and out-of-plane change, in frame-0 coordinates
//   N    = similarity from d_0 onto the portrait (scale and rotation normalisation)
//   p_t  = (N S_t N^-1)(p + N.linear(r_t))
// So the portrait keeps its own face shape and position, and moves as the driver moved from its first frame.
// The result lives in the portrait's pixels (width/height taken from the arguments).
KeypointTrack retargetTrack(const KeypointTrack& driver, const Landmarks& portrait, int width, int height);

// Procrustes distance between two landmark sets: RMS point distance after the best similarity, divided
// by the inter-ocular distance of `b`. 0 = same shape.
double shapeDistance(const Landmarks& a, const Landmarks& b);

} // namespace durian
