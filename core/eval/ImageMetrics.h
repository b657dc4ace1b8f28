#pragma once

#include "core/io/Image.h"

namespace durian {

// Frame metrics of the transfer benchmark. Images must have the same size and channel count.

// Peak signal-to-noise ratio over all channels, in dB (identical images: 100).
double psnr(const Image& a, const Image& b);

// Structural similarity (Wang et al. 2004: 11x11 Gaussian window, sigma 1.5, K1 0.01, K2 0.03),
// averaged over channels and pixels.
double ssim(const Image& a, const Image& b);

// Mean absolute difference in [0,1] over the pixels where `mask` (1 channel) is at least 128 (inside) or
// below 128 (outside); -1 when there are no such pixels.
double maskedL1(const Image& a, const Image& b, const Image& mask, bool inside);

// Mean absolute difference in [0,1] over all pixels: how much a frame changes from the previous one.
double meanAbsDifference(const Image& a, const Image& b);

} // namespace durian
