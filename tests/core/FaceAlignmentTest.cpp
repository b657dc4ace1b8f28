#include "FaceTestPhotos.h"

#include "core/face/Alignment.h"
#include "core/face/KeypointImage.h"
#include "core/masks/MaskOps.h"
#include "core/util/Error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace durian {
namespace {

Landmarks sampleFace()
{
    // A plausible frontal face around (100, 100), inter-ocular distance 40.
    Landmarks l;
    for (int i = 0; i <= 16; ++i) {
        const float a = 3.14159f * (1.0f - i / 16.0f);
        l[i] = {100 + 60 * std::cos(a), 100 + 20 + 60 * std::sin(a) * 0.9f};
    }
    for (int i = 17; i <= 26; ++i) l[i] = {60 + (i - 17) * 9.0f, 75};
    for (int i = 27; i <= 30; ++i) l[i] = {100, 85 + (i - 27) * 8.0f};
    for (int i = 31; i <= 35; ++i) l[i] = {90 + (i - 31) * 5.0f, 112};
    for (int i = 0; i < 6; ++i) {
        const float a = 6.28318f * i / 6.0f;
        l[36 + i] = {80 + 8 * std::cos(a), 88 + 4 * std::sin(a)};
        l[42 + i] = {120 + 8 * std::cos(a), 88 + 4 * std::sin(a)};
    }
    for (int i = 0; i < 12; ++i) {
        const float a = 6.28318f * i / 12.0f;
        l[48 + i] = {100 + 18 * std::cos(a), 132 + 7 * std::sin(a)};
    }
    for (int i = 0; i < 8; ++i) {
        const float a = 6.28318f * i / 8.0f;
        l[60 + i] = {100 + 12 * std::cos(a), 132 + 3 * std::sin(a)};
    }
    return l;
}

TEST(FaceAlignment, FitSimilarityRecoversAKnownTransform)
{
    const Similarity truth{0.8f * std::cos(0.3f), 0.8f * std::sin(0.3f), 12.0f, -7.0f};
    const Landmarks from = sampleFace();
    const Landmarks to = truth.apply(from);
    const Similarity fit = fitSimilarity({from.begin(), from.end()}, {to.begin(), to.end()});
    EXPECT_NEAR(fit.scale(), 0.8f, 1e-4);
    EXPECT_NEAR(fit.angle(), 0.3f, 1e-4);
    EXPECT_NEAR(fit.tx, 12.0f, 1e-3);
    EXPECT_NEAR(fit.ty, -7.0f, 1e-3);
    const Point2f p{33, 44};
    const Point2f back = fit.inverse().apply(fit.apply(p));
    EXPECT_NEAR(back.x, 33, 1e-3);
    EXPECT_NEAR(back.y, 44, 1e-3);
    const Point2f composed = fit.after(fit.inverse()).apply(p);
    EXPECT_NEAR(composed.x, 33, 1e-3);
}

TEST(FaceAlignment, AlignedCropPutsEyesAndMouthAtTheTemplate)
{
    const Image photo = loadImageRgb(testing::committedPhoto("astronaut.png"));
    const FaceAnalysis analysis = testing::sharedAnalyzer().analyze(photo);
    ASSERT_TRUE(analysis.found());
    const AlignedFace aligned = alignFace(photo, analysis.primary().landmarks, 256);
    EXPECT_EQ(aligned.image.width, 256);
    EXPECT_EQ(aligned.image.height, 256);
    EXPECT_EQ(aligned.image.channels, 3);
    const AlignmentTemplate layout;
    const Point2f re = partCenter(aligned.landmarks, kRightEye), le = partCenter(aligned.landmarks, kLeftEye);
    const Point2f mouth = partCenter(aligned.landmarks, kOuterLips);
    // Three points, four degrees of freedom: a least-squares fit lands within a few pixels of each.
    EXPECT_NEAR(re.x, layout.rightEye.x * 256, 4);
    EXPECT_NEAR(re.y, layout.rightEye.y * 256, 4);
    EXPECT_NEAR(le.x, layout.leftEye.x * 256, 4);
    EXPECT_NEAR(mouth.y, layout.mouth.y * 256, 4);
    // The eyes in the crop are dark where the mapped landmarks say.
    EXPECT_LT(testing::pixelGray(aligned.image, re.x, re.y), testing::pixelGray(aligned.image, re.x, re.y + 40));
    // Landmarks map back exactly.
    const Point2f back = aligned.toAligned.inverse().apply(aligned.landmarks[30]);
    EXPECT_NEAR(back.x, analysis.primary().landmarks[30].x, 1e-3);
    EXPECT_NEAR(back.y, analysis.primary().landmarks[30].y, 1e-3);
}

TEST(FaceAlignment, MasksMapIntoTheCropAndBack)
{
    Image mask(400, 300, 1, 0);
    paintDab(mask, {200, 150}, {80.0f, 1.0f, 1.0f, false});
    const Similarity toCrop{0.6f, 0.2f, -40.0f, 10.0f};
    const Image crop = warpImage(mask, toCrop, 256, 256);
    const Image back = warpImage(crop, toCrop.inverse(), 400, 300);
    EXPECT_GT(maskIoU(mask, back), 0.95);
    const Point2f c = toCrop.apply(Point2f{200, 150});
    EXPECT_TRUE(testing::maskAt(crop, c.x, c.y));
}

TEST(FaceAlignment, BadSizesAreErrors)
{
    const Image photo(64, 64, 3, 100);
    EXPECT_THROW(alignFace(photo, sampleFace(), 4), Error);
    Landmarks collapsed{};
    EXPECT_THROW(alignFace(photo, collapsed, 64), Error);
}

TEST(KeypointImage, DrawsEveryPartInItsColourOnBlackDeterministically)
{
    const Landmarks face = sampleFace();
    const Image a = renderKeypointImage(face, 200, 200);
    const Image b = renderKeypointImage(face, 200, 200);
    ASSERT_EQ(a.channels, 3);
    EXPECT_EQ(a.pixels, b.pixels);
    EXPECT_EQ(a.row(0)[0], 0);
    for (int part = 0; part < 9; ++part) {
        const Rgb8 colour = keypointPartColour(part);
        int count = 0;
        // Anti-aliased lines: a pixel of the part is its colour scaled by the pixel's coverage.
        const float peak = std::max({colour.r, colour.g, colour.b});
        for (std::size_t i = 0; i < a.pixels.size(); i += 3) {
            const float k = std::max({a.pixels[i], a.pixels[i + 1], a.pixels[i + 2]}) / peak;
            count += k > 0.6f && std::abs(a.pixels[i] - k * colour.r) < 12 && std::abs(a.pixels[i + 1] - k * colour.g) < 12 &&
                std::abs(a.pixels[i + 2] - k * colour.b) < 12;
        }
        EXPECT_GT(count, 5) << "part " << part;
    }
    // Bigger images get thicker lines, so the drawing keeps its look at any size.
    auto lit = [](const Image& image) {
        int n = 0;
        for (auto v : image.pixels) n += v > 0;
        return n;
    };
    Landmarks doubled;
    for (int k = 0; k < kLandmarkCount; ++k) doubled[k] = {face[k].x * 2, face[k].y * 2};
    EXPECT_GT(lit(renderKeypointImage(doubled, 400, 400)), 3 * lit(a));
    EXPECT_THROW(renderKeypointImage(face, 0, 10), Error);
}

} // namespace
} // namespace durian
