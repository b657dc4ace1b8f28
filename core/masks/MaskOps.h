#pragma once

#include "core/face/FaceTypes.h"
#include "core/io/Image.h"

namespace durian {

// Masks are 1-channel durian::Image: 0 = outside, 255 = inside, values between = soft edge.
// Every operation checks that it got a 1-channel image and throws durian::Error otherwise.

struct Brush {
    float diameter = 20.0f; // pixels
    float hardness = 0.8f;  // 0: soft all the way from the centre, 1: a hard disc
    float opacity = 1.0f;   // 0..1
    bool erase = false;
};

// One dab of a round brush at `centre`.
void paintDab(Image& mask, Point2f centre, const Brush& brush);
// A straight stroke from `from` to `to`: dabs close enough that it has no beads, and since dabs combine by
// maximum (paint) or minimum (erase), a stroke is as strong as one dab, whatever its spacing.
void paintStroke(Image& mask, Point2f from, Point2f to, const Brush& brush);

// Softens the edge over about `radius` pixels (Gaussian).
Image featherMask(const Image& mask, float radius);
// Grows (pixels > 0) or shrinks (pixels < 0) the region (mask >= 128) by a round structuring element of
// that many pixels, exactly (distance transform); the result is binary.
Image growMask(const Image& mask, int pixels);
// Fills background areas that do not touch the image border; binary result.
Image fillHoles(const Image& mask);
// Keeps the largest 8-connected region of mask >= 128; binary result (all 0 when empty).
Image keepLargestRegion(const Image& mask);
// Pixel-wise maximum (union) and minimum (intersection) of two masks of the same size.
Image uniteMasks(const Image& a, const Image& b);
Image intersectMasks(const Image& a, const Image& b);
// Fraction of pixels >= 128.
double maskCoverage(const Image& mask);
// Intersection over union of mask >= 128; 1.0 when both are empty.
double maskIoU(const Image& a, const Image& b);

} // namespace durian
