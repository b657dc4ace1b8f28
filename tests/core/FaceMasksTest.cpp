#include "FaceTestPhotos.h"

#include "core/face/FaceReport.h"
#include "core/masks/AutoMasks.h"
#include "core/masks/MaskOps.h"
#include "core/io/AtomicFile.h"
#include "core/util/Error.h"

#include <limits>
#include <opencv2/core.hpp>

#include <gtest/gtest.h>

namespace durian {
namespace {

using testing::fetchedPhoto;
using testing::maskAt;

const AutoMask& find(const std::vector<AutoMask>& masks, MaskKind kind)
{
    for (const auto& m : masks) {
        if (m.kind == kind) return m;
    }
    throw std::runtime_error("no mask of kind " + toString(kind));
}

// The face of facereg.jpg whose box centre lies in the given 100x100 tile.
FaceDetection faceInTile(const FaceAnalysis& analysis, int tileX, int tileY)
{
    for (const auto& face : analysis.faces) {
        const Point2f c = face.box.center();
        if (static_cast<int>(c.x) / 100 == tileX && static_cast<int>(c.y) / 100 == tileY) return face;
    }
    throw std::runtime_error("no face in tile");
}

class FaceregMasks : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (!std::filesystem::exists(fetchedPhoto("facereg.jpg"))) {
            GTEST_SKIP() << "facereg.jpg is missing from " DURIAN_TEST_PHOTOS_DIR
                            ": tests/data/fetch-deb-data.sh could not fetch opencv-doc";
        }
        photo = loadImageRgb(fetchedPhoto("facereg.jpg"));
        analysis = testing::sharedAnalyzer().analyze(photo);
        ASSERT_EQ(analysis.faces.size(), 4u);
    }
    Image photo;
    FaceAnalysis analysis;
};

// Points picked by eye on facereg.jpg (200x200: four 100x100 tiles).
TEST_F(FaceregMasks, GlassesAreFoundAndCoveredOnTheWomanWearingThem)
{
    const FaceDetection face = faceInTile(analysis, 1, 0);
    const auto masks = computeAutoMasks(photo, face.landmarks);
    const AutoMask& glasses = find(masks, MaskKind::Eyeglasses);
    EXPECT_GT(glasses.confidence, 0.6f);
    ASSERT_EQ(glasses.mask.width, 200);
    // Both lenses (over the eyes), the bridge over the nose, the outer frame corners.
    EXPECT_TRUE(maskAt(glasses.mask, 137, 37));
    EXPECT_TRUE(maskAt(glasses.mask, 160, 38));
    EXPECT_TRUE(maskAt(glasses.mask, 149, 35));
    EXPECT_TRUE(maskAt(glasses.mask, 128, 37));
    EXPECT_TRUE(maskAt(glasses.mask, 170, 38));
    // Not the cheeks, the mouth or the forehead.
    EXPECT_FALSE(maskAt(glasses.mask, 150, 63));
    EXPECT_FALSE(maskAt(glasses.mask, 150, 20));
    EXPECT_FALSE(maskAt(glasses.mask, 135, 55));
    EXPECT_LT(maskCoverage(glasses.mask), 0.05);
}

TEST_F(FaceregMasks, NoGlassesOnTheOthers)
{
    for (const auto& [x, y] : {std::pair{0, 0}, std::pair{0, 1}, std::pair{1, 1}}) {
        const auto masks = computeAutoMasks(photo, faceInTile(analysis, x, y).landmarks, {MaskKind::Eyeglasses});
        EXPECT_LT(masks.front().confidence, 0.3f) << "tile " << x << "," << y;
    }
}

TEST_F(FaceregMasks, HairIsCoveredAndTheFaceIsNot)
{
    struct Case {
        int tileX, tileY;
        std::vector<std::pair<float, float>> hair;
        std::vector<std::pair<float, float>> notHair;
    };
    const std::vector<Case> cases{
        {0, 0, {{8, 62}, {85, 75}, {80, 20}, {15, 20}}, {{45, 50}, {53, 65}, {35, 38}}},
        {1, 0, {{110, 62}, {113, 30}, {112, 45}, {185, 45}}, {{150, 50}, {150, 65}, {137, 37}, {140, 10}}},
        {0, 1, {{15, 130}, {82, 117}, {20, 105}}, {{50, 150}, {48, 165}}},
    };
    for (const auto& c : cases) {
        const auto masks = computeAutoMasks(photo, faceInTile(analysis, c.tileX, c.tileY).landmarks,
            {MaskKind::Hair, MaskKind::FaceSkin});
        const AutoMask& hair = masks[0];
        EXPECT_GT(hair.confidence, 0.6f) << "tile " << c.tileX << "," << c.tileY;
        for (const auto& [x, y] : c.hair) EXPECT_TRUE(maskAt(hair.mask, x, y)) << "hair at " << x << "," << y;
        for (const auto& [x, y] : c.notHair) EXPECT_FALSE(maskAt(hair.mask, x, y)) << "no hair at " << x << "," << y;
        // The skin mask holds the cheeks, not the hair.
        for (const auto& [x, y] : c.hair) EXPECT_FALSE(maskAt(masks[1].mask, x, y)) << "no skin at " << x << "," << y;
    }
}

TEST_F(FaceregMasks, NoBeardsNoHats)
{
    for (const auto& face : analysis.faces) {
        const auto masks = computeAutoMasks(photo, face.landmarks, {MaskKind::Beard, MaskKind::Hat});
        EXPECT_LT(masks[0].confidence, 0.3f) << "beard at " << face.box.center().x << "," << face.box.center().y;
        EXPECT_LT(masks[1].confidence, 0.5f) << "hat at " << face.box.center().x << "," << face.box.center().y;
    }
}

TEST(FaceMasks, BeardOnTheBeardedMan)
{
    DURIAN_REQUIRE_FETCHED_PHOTO("face_swapped.jpg");
    const Image photo = loadImageRgb(fetchedPhoto("face_swapped.jpg"));
    const FaceAnalysis analysis = testing::sharedAnalyzer().analyze(photo);
    ASSERT_TRUE(analysis.found());
    const auto masks = computeAutoMasks(photo, analysis.primary().landmarks);
    const AutoMask& beard = find(masks, MaskKind::Beard);
    EXPECT_GT(beard.confidence, 0.7f);
    // Chin, moustache, not the cheekbones or the eyes (points picked by eye on the 320x320 photo).
    EXPECT_TRUE(maskAt(beard.mask, 155, 195));
    EXPECT_TRUE(maskAt(beard.mask, 135, 158)); // moustache, both sides
    EXPECT_TRUE(maskAt(beard.mask, 170, 160));
    EXPECT_FALSE(maskAt(beard.mask, 128, 121));
    EXPECT_FALSE(maskAt(beard.mask, 150, 240));
    EXPECT_GT(find(masks, MaskKind::Hair).confidence, 0.6f);
    EXPECT_TRUE(maskAt(find(masks, MaskKind::Hair).mask, 170, 40));
    EXPECT_LT(find(masks, MaskKind::Eyeglasses).confidence, 0.3f);
}

TEST(FaceMasks, AstronautHasHairNoBeardNoGlasses)
{
    const Image photo = loadImageRgb(testing::committedPhoto("astronaut.png"));
    const FaceAnalysis analysis = testing::sharedAnalyzer().analyze(photo);
    ASSERT_TRUE(analysis.found());
    const auto masks = computeAutoMasks(photo, analysis.primary().landmarks);
    ASSERT_EQ(masks.size(), allMaskKinds().size());
    EXPECT_GT(find(masks, MaskKind::Hair).confidence, 0.6f);
    EXPECT_TRUE(maskAt(find(masks, MaskKind::Hair).mask, 225, 40));  // top of her hair
    EXPECT_TRUE(maskAt(find(masks, MaskKind::Hair).mask, 175, 110)); // beside her right temple
    EXPECT_FALSE(maskAt(find(masks, MaskKind::Hair).mask, 225, 125));
    EXPECT_LT(find(masks, MaskKind::Beard).confidence, 0.3f);
    EXPECT_LT(find(masks, MaskKind::Eyeglasses).confidence, 0.3f);
    EXPECT_LT(find(masks, MaskKind::Hat).confidence, 0.5f);
    const AutoMask& skin = find(masks, MaskKind::FaceSkin);
    EXPECT_GT(skin.confidence, 0.5f);
    EXPECT_TRUE(maskAt(skin.mask, 210, 125));
    const Image overlay = maskOverlay(photo, masks);
    EXPECT_EQ(overlay.width, photo.width);
    EXPECT_NE(overlay.pixels, photo.pixels);
}

TEST(FaceMasks, APaintedHatIsFoundAndTheHairBesideTheFaceStaysHair)
{
    // No photo with a hat ships in Debian: paint a blue cap with a brim on the astronaut.
    Image photo = loadImageRgb(testing::committedPhoto("astronaut.png"));
    for (int y = 0; y < photo.height; ++y) {
        for (int x = 0; x < photo.width; ++x) {
            const float dx = (x - 224) / 62.0f, dy = (y - 55) / 45.0f;
            const bool dome = y <= 55 && dx * dx + dy * dy <= 1.0f;
            const bool brim = y >= 52 && y <= 70 && x >= 150 && x <= 298;
            if (dome || brim) {
                auto* p = photo.row(y) + 3 * x;
                p[0] = 30; p[1] = 60; p[2] = 170;
            }
        }
    }
    const Landmarks landmarks = loadLandmarks(testing::committedPhoto("astronaut_landmarks.json"));
    const auto masks = computeAutoMasks(photo, landmarks, {MaskKind::Hat, MaskKind::Hair});
    EXPECT_GT(masks[0].confidence, 0.5f);
    EXPECT_TRUE(maskAt(masks[0].mask, 224, 30));  // crown
    EXPECT_TRUE(maskAt(masks[0].mask, 224, 62));  // brim
    EXPECT_FALSE(maskAt(masks[0].mask, 224, 120)); // face
    EXPECT_GT(masks[1].confidence, 0.5f);
    EXPECT_TRUE(maskAt(masks[1].mask, 175, 110)); // hair beside her right temple
    EXPECT_FALSE(maskAt(masks[1].mask, 224, 30));
}

TEST(FaceMasks, GivenLandmarksAreUsedAsTheyAre)
{
    // The mask API takes landmarks from anywhere (e.g. the procedural world's true keypoints): moving them
    // moves the classical masks. (The face mesh looks at the image itself and would pull the glasses back
    // to the eyes it sees.)
    const Image photo = loadImageRgb(testing::committedPhoto("astronaut.png"));
    const Landmarks found = testing::sharedAnalyzer().analyze(photo).primary().landmarks;
    Landmarks shifted = found;
    for (auto& p : shifted) p.x += 30;
    AutoMaskOptions classical;
    classical.classicalOnly = true;
    const auto a = computeAutoMasks(photo, found, {MaskKind::Eyeglasses}, classical);
    const auto b = computeAutoMasks(photo, shifted, {MaskKind::Eyeglasses}, classical);
    EXPECT_LT(maskIoU(a[0].mask, b[0].mask), 0.5);
    Landmarks broken = found;
    broken[3].x = std::numeric_limits<float>::quiet_NaN();
    EXPECT_THROW(computeAutoMasks(photo, broken), Error);
}

TEST(FaceMasks, FaceAtTheImageBorderAndTinyImagesDoNotCrash)
{
    const Image photo = loadImageRgb(testing::committedPhoto("astronaut.png"));
    Landmarks l = testing::sharedAnalyzer().analyze(photo).primary().landmarks;
    for (auto& p : l) { p.x -= 200; p.y -= 90; } // half the face beyond the top-left corner
    const auto masks = computeAutoMasks(photo, l);
    EXPECT_EQ(masks.size(), 5u);
    Landmarks small;
    for (int k = 0; k < kLandmarkCount; ++k) small[k] = {4.0f + (k % 9), 4.0f + (k / 9)};
    EXPECT_NO_THROW(computeAutoMasks(Image(16, 16, 3, 90), small));
}

// The hair mask's GrabCut draws on OpenCV's thread-wide RNG: whatever ran before must not change the mask
// (the editor's preview and the export of one project computed it after different work and disagreed).
TEST(FaceMasks, HairMaskDoesNotDependOnWhatRanBefore)
{
    const Image photo = loadImageRgb(testing::committedPhoto("astronaut.png"));
    const FaceAnalysis analysis = testing::sharedAnalyzer().analyze(photo);
    ASSERT_TRUE(analysis.found());
    const auto first = computeAutoMasks(photo, analysis.primary().landmarks, {MaskKind::Hair}).front().mask;
    for (int i = 0; i < 1000; ++i) {
        cv::theRNG().next(); // someone else's use of the RNG in between
    }
    const auto second = computeAutoMasks(photo, analysis.primary().landmarks, {MaskKind::Hair}).front().mask;
    EXPECT_EQ(first.pixels, second.pixels);
    const auto state = cv::theRNG().state;
    computeAutoMasks(photo, analysis.primary().landmarks, {MaskKind::Hair});
    EXPECT_EQ(cv::theRNG().state, state) << "the caller's RNG state is put back";
}

} // namespace
} // namespace durian
