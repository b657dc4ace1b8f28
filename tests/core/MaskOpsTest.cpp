#include "core/masks/AlignedMask.h"
#include "core/masks/MaskOps.h"
#include "core/face/Alignment.h"
#include "core/util/Error.h"

#include <gtest/gtest.h>

#include <cmath>

namespace durian {
namespace {

int value(const Image& m, int x, int y) { return m.row(y)[x]; }
int countSet(const Image& m)
{
    int n = 0;
    for (auto v : m.pixels) n += v >= 128;
    return n;
}

TEST(MaskOps, HardBrushPaintsADiscOfItsDiameter)
{
    Image mask(100, 100, 1, 0);
    paintDab(mask, {50, 50}, {40.0f, 1.0f, 1.0f, false});
    EXPECT_EQ(value(mask, 50, 50), 255);
    EXPECT_EQ(value(mask, 50 + 18, 50), 255);
    EXPECT_EQ(value(mask, 50 + 21, 50), 0);
    EXPECT_NEAR(countSet(mask), 3.14159 * 20 * 20, 40);
}

TEST(MaskOps, SoftBrushFallsOffAndOpacityCaps)
{
    Image mask(100, 100, 1, 0);
    paintDab(mask, {50, 50}, {40.0f, 0.0f, 1.0f, false});
    EXPECT_GE(value(mask, 50, 50), 250);
    EXPECT_GT(value(mask, 60, 50), value(mask, 65, 50));
    EXPECT_GT(value(mask, 65, 50), 0);
    Image faint(100, 100, 1, 0);
    paintDab(faint, {50, 50}, {40.0f, 1.0f, 0.5f, false});
    EXPECT_NEAR(value(faint, 50, 50), 128, 1);
    paintDab(faint, {50, 50}, {40.0f, 1.0f, 0.5f, false});
    EXPECT_NEAR(value(faint, 50, 50), 128, 1) << "dabs combine by maximum: no build-up";
}

TEST(MaskOps, EraseAndStrokes)
{
    Image mask(200, 100, 1, 255);
    paintStroke(mask, {20, 50}, {180, 50}, {10.0f, 1.0f, 1.0f, true});
    for (int x = 20; x <= 180; x += 7) {
        EXPECT_EQ(value(mask, x, 50), 0) << "a stroke has no gaps, x " << x;
    }
    EXPECT_EQ(value(mask, 100, 60), 255);
    Image painted(200, 100, 1, 0);
    paintStroke(painted, {20, 50}, {180, 50}, {10.0f, 1.0f, 1.0f, false});
    EXPECT_NEAR(countSet(painted), 160 * 10 + 3.14159 * 25, 80);
}

TEST(MaskOps, GrowAndShrinkByExactDistances)
{
    Image mask(200, 200, 1, 0);
    paintDab(mask, {100, 100}, {40.0f, 1.0f, 1.0f, false});
    const Image grown = growMask(mask, 10);
    EXPECT_EQ(value(grown, 100 + 29, 100), 255);
    EXPECT_EQ(value(grown, 100 + 32, 100), 0);
    EXPECT_NEAR(countSet(grown), 3.14159 * 30 * 30, 150);
    const Image shrunk = growMask(mask, -10);
    EXPECT_EQ(value(shrunk, 100 + 8, 100), 255);
    EXPECT_EQ(value(shrunk, 100 + 12, 100), 0);
    // Shrinking a mask that fills the image keeps it full: the border is not an edge of the region.
    EXPECT_EQ(countSet(growMask(Image(50, 50, 1, 255), -5)), 2500);
}

TEST(MaskOps, FeatherSoftensTheEdgeOnly)
{
    Image mask(100, 100, 1, 0);
    for (int y = 0; y < 100; ++y)
        for (int x = 50; x < 100; ++x) mask.row(y)[x] = 255;
    const Image soft = featherMask(mask, 8.0f);
    EXPECT_EQ(value(soft, 10, 50), 0);
    EXPECT_EQ(value(soft, 90, 50), 255);
    EXPECT_GT(value(soft, 50, 50), 50);
    EXPECT_LT(value(soft, 50, 50), 205);
}

TEST(MaskOps, FillHolesAndKeepLargestRegion)
{
    Image mask(100, 100, 1, 0);
    paintDab(mask, {40, 40}, {50.0f, 1.0f, 1.0f, false});
    paintDab(mask, {40, 40}, {10.0f, 1.0f, 1.0f, true}); // a hole
    paintDab(mask, {90, 90}, {8.0f, 1.0f, 1.0f, false}); // a speck
    EXPECT_EQ(value(mask, 40, 40), 0);
    const Image filled = fillHoles(mask);
    EXPECT_EQ(value(filled, 40, 40), 255);
    EXPECT_EQ(value(filled, 5, 5), 0);
    const Image largest = keepLargestRegion(filled);
    EXPECT_EQ(value(largest, 90, 90), 0);
    EXPECT_EQ(value(largest, 40, 40), 255);
    EXPECT_EQ(countSet(keepLargestRegion(Image(10, 10, 1, 0))), 0);
}

TEST(MaskOps, UnionIntersectionAndIoU)
{
    Image a(10, 10, 1, 0), b(10, 10, 1, 0);
    for (int x = 0; x < 6; ++x) a.row(0)[x] = 255;
    for (int x = 3; x < 9; ++x) b.row(0)[x] = 255;
    EXPECT_EQ(countSet(uniteMasks(a, b)), 9);
    EXPECT_EQ(countSet(intersectMasks(a, b)), 3);
    EXPECT_NEAR(maskIoU(a, b), 3.0 / 9.0, 1e-9);
    EXPECT_DOUBLE_EQ(maskIoU(Image(4, 4, 1, 0), Image(4, 4, 1, 0)), 1.0);
    EXPECT_NEAR(maskCoverage(a), 0.06, 1e-9);
    EXPECT_THROW(uniteMasks(a, Image(5, 5, 1, 0)), Error);
    EXPECT_THROW(growMask(Image(5, 5, 3, 0), 1), Error);
}

Landmarks gridFace(float cx, float cy, float size)
{
    // Any 68 distinct points spread like a face will do for warping: a jittered grid over the face box.
    Landmarks l;
    for (int k = 0; k < kLandmarkCount; ++k) {
        const int gx = k % 9, gy = k / 9;
        l[k] = {cx - size / 2 + gx * size / 8 + (gy % 2) * 2.0f, cy - size / 2 + gy * size / 7.5f + (gx % 3) * 1.5f};
    }
    // Eyes where eyes are (the similarity fit does not need it, alignment code does).
    return l;
}

TEST(AlignedMask, SimilarityWarpFollowsTheFace)
{
    const Landmarks reference = gridFace(100, 100, 80);
    const Similarity move{0.7f * std::cos(0.2f), 0.7f * std::sin(0.2f), 60.0f, 20.0f};
    const Landmarks portrait = move.apply(reference);
    Image hair(240, 240, 1, 0);
    paintDab(hair, {100, 50}, {70.0f, 1.0f, 1.0f, false}); // above the face
    for (const MaskWarp warp : {MaskWarp::Similarity, MaskWarp::PiecewiseAffine}) {
        const Image warped = warpMaskToPortrait(hair, reference, portrait, 300, 260, warp);
        EXPECT_EQ(warped.width, 300);
        EXPECT_EQ(warped.height, 260);
        Image expected(300, 260, 1, 0);
        paintDab(expected, move.apply(Point2f{100, 50}), {70.0f * 0.7f, 1.0f, 1.0f, false});
        EXPECT_GT(maskIoU(warped, expected), 0.9) << static_cast<int>(warp);
    }
}

TEST(AlignedMask, PiecewiseAffineFollowsAWiderFaceInside)
{
    const Landmarks reference = gridFace(100, 100, 80);
    Landmarks wide = reference;
    for (auto& p : wide) p.x = 100 + (p.x - 100) * 1.3f; // the portrait's face is 30% wider
    Image beard(200, 200, 1, 0);
    paintDab(beard, {100, 120}, {40.0f, 1.0f, 1.0f, false});
    const Image similarity = warpMaskToPortrait(beard, reference, wide, 200, 200, MaskWarp::Similarity);
    const Image piecewise = warpMaskToPortrait(beard, reference, wide, 200, 200, MaskWarp::PiecewiseAffine);
    // The piecewise warp stretches the beard with the face; the similarity keeps it round.
    int widthSimilarity = 0, widthPiecewise = 0;
    for (int x = 0; x < 200; ++x) {
        widthSimilarity += similarity.row(120)[x] >= 128;
        widthPiecewise += piecewise.row(120)[x] >= 128;
    }
    EXPECT_NEAR(widthPiecewise, 52, 4);
    EXPECT_LT(widthSimilarity, widthPiecewise - 3);
}

TEST(AlignedMask, InferenceMaskUnitesWithThePortraitsOwnRegion)
{
    const Landmarks face = gridFace(100, 100, 80);
    Image reference(200, 200, 1, 0), own(200, 200, 1, 0);
    paintDab(reference, {100, 40}, {40.0f, 1.0f, 1.0f, false});
    paintDab(own, {100, 160}, {30.0f, 1.0f, 1.0f, false});
    const Image hole = inferenceMask(reference, face, own, face, 200, 200);
    EXPECT_TRUE(hole.row(40)[100] >= 128);
    EXPECT_TRUE(hole.row(160)[100] >= 128);
    EXPECT_FALSE(hole.row(100)[100] >= 128);
    const Image onlyReference = inferenceMask(reference, face, Image(), face, 200, 200);
    EXPECT_FALSE(onlyReference.row(160)[100] >= 128);
    EXPECT_THROW(inferenceMask(Image(200, 200, 3, 0), face, own, face, 200, 200), Error);
}

} // namespace
} // namespace durian
