#include "core/eval/WarpComposite.h"
#include "core/face/LandmarkWarp.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

using namespace durian;

namespace {

// A smooth, structured test image (gradients and rings), so a shift is measurable everywhere.
Image testImage(int size, int seed)
{
    Image image(size, size, 3);
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            auto* p = image.row(y) + 3 * x;
            p[0] = static_cast<std::uint8_t>((x * 255) / size);
            p[1] = static_cast<std::uint8_t>((y * 255) / size);
            p[2] = static_cast<std::uint8_t>(127 + 120 * std::sin((std::hypot(x - size / 2, y - size / 2) + seed) / 6.0));
        }
    }
    return image;
}

// 68 well-spread points in a face-sized region (jittered grid), enough for a non-degenerate mesh.
Landmarks testLandmarks(float offsetX = 0, float offsetY = 0)
{
    Landmarks landmarks;
    for (int i = 0; i < kLandmarkCount; ++i) {
        const float x = 70.0f + 15.0f * static_cast<float>(i % 9) + 3.0f * static_cast<float>((i * 7) % 5);
        const float y = 60.0f + 17.0f * static_cast<float>(i / 9) + 2.0f * static_cast<float>((i * 3) % 4);
        landmarks[static_cast<std::size_t>(i)] = {x + offsetX, y + offsetY};
    }
    return landmarks;
}

double meanAbsDifference(const Image& a, const Image& b, int x0, int y0, int x1, int y1)
{
    double sum = 0;
    int count = 0;
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) {
            for (int c = 0; c < a.channels; ++c) {
                sum += std::abs(a.row(y)[a.channels * x + c] - b.row(y)[b.channels * x + c]);
                ++count;
            }
        }
    }
    return sum / count;
}

} // namespace

TEST(LandmarkWarp, SameLandmarksLeaveTheImageAsItIs)
{
    const Image image = testImage(256, 0);
    for (auto mode : {LandmarkWarpMode::Similarity, LandmarkWarpMode::PiecewiseAffine}) {
        const Image warped = warpByLandmarks(image, testLandmarks(), testLandmarks(), 256, 256, mode, WarpBorder::Replicate);
        EXPECT_LT(meanAbsDifference(image, warped, 0, 0, 256, 256), 0.6);
    }
}

TEST(LandmarkWarp, MovedLandmarksMoveTheImage)
{
    const Image image = testImage(256, 0);
    const Image warped = warpByLandmarks(image, testLandmarks(), testLandmarks(12, -8), 256, 256,
        LandmarkWarpMode::PiecewiseAffine, WarpBorder::Replicate);
    // warped(x, y) == image(x - 12, y + 8) away from the borders.
    double sum = 0;
    int count = 0;
    for (int y = 40; y < 200; ++y) {
        for (int x = 40; x < 200; ++x) {
            for (int c = 0; c < 3; ++c) {
                sum += std::abs(warped.row(y)[3 * x + c] - image.row(y + 8)[3 * (x - 12) + c]);
                ++count;
            }
        }
    }
    EXPECT_LT(sum / count, 1.0);
    EXPECT_GT(meanAbsDifference(image, warped, 40, 40, 200, 200), 5.0) << "the image did move";
}

TEST(WarpComposite, StrengthZeroIsThePortraitAndFullStrengthIsTheReferenceInsideItsMask)
{
    const Image portrait = testImage(256, 0);
    WarpAttribute attribute{testImage(256, 40), Image(256, 256, 1, 0), testLandmarks(), 0.0};
    for (int y = 50; y < 100; ++y) {
        for (int x = 60; x < 200; ++x) {
            attribute.mask.row(y)[x] = 255;
        }
    }
    const WarpCompositeAnimator none(portrait, testLandmarks(), {attribute});
    EXPECT_EQ(none.composite().pixels, portrait.pixels);

    attribute.strength = 1.0;
    const WarpCompositeAnimator full(portrait, testLandmarks(), {attribute});
    EXPECT_LT(meanAbsDifference(full.composite(), attribute.image, 62, 52, 198, 98), 0.6) << "inside: the reference";
    EXPECT_LT(meanAbsDifference(full.composite(), portrait, 0, 110, 256, 256), 0.01) << "outside: the portrait";
    EXPECT_GT(meanAbsDifference(full.composite(), portrait, 62, 52, 198, 98), 5.0);

    attribute.strength = 0.5;
    const WarpCompositeAnimator half(portrait, testLandmarks(), {attribute});
    const int i = 3 * (75 * 256 + 100);
    EXPECT_NEAR(half.composite().pixels[i + 2], (portrait.pixels[i + 2] + attribute.image.pixels[i + 2]) / 2.0, 1.0);
}

TEST(WarpComposite, AFrameFollowsItsKeypoints)
{
    const Image portrait = testImage(256, 0);
    const WarpCompositeAnimator animator(portrait, testLandmarks(), {});
    EXPECT_LT(meanAbsDifference(animator.frame(testLandmarks()), portrait, 0, 0, 256, 256), 0.6);
    const Image moved = animator.frame(testLandmarks(0, 10)); // every keypoint 10 px lower
    double difference = 0;
    for (int x = 60; x < 200; ++x) {
        for (int c = 0; c < 3; ++c) {
            difference += std::abs(moved.row(120)[3 * x + c] - portrait.row(110)[3 * x + c]);
        }
    }
    EXPECT_LT(difference / (140 * 3), 1.0);
}
