#pragma once

// Private to core/masks: one function per automatic mask, all working in the analysis crop.

#include "core/masks/FaceCrop.h"

#include <filesystem>

namespace durian::masks {

struct PartMask {
    cv::Mat mask; // CV_8U, crop size, 255 inside
    float confidence = 0.0f;
};

PartMask faceSkinMask(const FaceCrop& crop);
PartMask beardMask(const FaceCrop& crop);
PartMask glassesMask(const FaceCrop& crop, const std::filesystem::path& cascade);

struct HeadTop {
    PartMask hair;
    PartMask hat;
};
HeadTop hairAndHatMasks(const FaceCrop& crop);

// Morphology helpers sized in pixels.
cv::Mat opened(const cv::Mat& mask, int radius);
cv::Mat closed(const cv::Mat& mask, int radius);
cv::Mat largestRegion(const cv::Mat& mask);
cv::Mat filledHoles(const cv::Mat& mask);
float clamp01(float v);

} // namespace durian::masks
