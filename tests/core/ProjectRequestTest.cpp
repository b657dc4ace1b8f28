// A project's generation request: what the preview and the render ask the model for.
#include "FaceTestPhotos.h"
#include "core/masks/MaskOps.h"
#include "core/render/ProjectRequest.h"
#include "core/util/Error.h"

#include <gtest/gtest.h>

#include <unistd.h>

using namespace durian;
namespace fs = std::filesystem;

namespace {

struct Photos {
    fs::path portrait, hair, glasses, wall;
};

// The demo project's photos (world people, faces dlib finds) and a photo without a face.
const Photos& photos()
{
    static const Photos p = [] {
        const fs::path demo = fs::path(DURIAN_SOURCE_DIR) / "resources/demo";
        Photos out{demo / "portrait.png", demo / "hair-reference.png", demo / "eyeglasses-reference.png", {}};
        out.wall = fs::temp_directory_path() / ("durian-wall-" + std::to_string(::getpid()) + ".png");
        saveImage(Image(200, 200, 3, 120), out.wall);
        return out;
    }();
    return p;
}

} // namespace

TEST(ProjectRequest, AlignsThePortraitAndTheEnabledReferencesWithAHoleOverTheirRegions)
{
    Project project;
    project.portraitImage = photos().portrait;
    project.attributes.push_back({AttributeCategory::Hair, photos().hair,
        fs::path(DURIAN_SOURCE_DIR) / "resources/demo/hair-mask.png", 0.7, true});
    project.attributes.push_back({AttributeCategory::Eyeglasses, photos().glasses, {}, 1.0, false}); // switched off
    ProjectFaces faces;
    const auto r = projectRequest(project, faces, 128);
    EXPECT_EQ(r.request.portrait.width, 128);
    ASSERT_EQ(r.request.attributes.size(), 1u);
    EXPECT_EQ(r.request.attributes[0].category, AttributeCategory::Hair);
    EXPECT_DOUBLE_EQ(r.request.attributes[0].strength, 0.7);
    EXPECT_EQ(r.request.attributes[0].mask.width, 128);
    EXPECT_GT(maskCoverage(r.request.attributes[0].mask), 0.05);
    // The hole covers the portrait's own hair (its automatic mask) and more.
    const Image& own = faces.autoMask(photos().portrait, AttributeCategory::Hair, 128);
    EXPECT_GT(maskCoverage(own), 0.02); // short hair, head and shoulders framing: about 3.5% of the crop
    EXPECT_GT(maskCoverage(intersectMasks(own, r.request.portraitMask)), 0.95 * maskCoverage(own));
    EXPECT_EQ(r.request.seed, project.render.seed);
    EXPECT_NO_THROW(validateRequest(r.request, resolveModelConfig("tiny")));

    // Without references nothing is repainted.
    project.attributes.clear();
    EXPECT_DOUBLE_EQ(maskCoverage(projectRequest(project, faces, 128).request.portraitMask), 0.0);
}

TEST(ProjectRequest, APhotoWithoutAFaceIsNamedInTheError)
{
    Project project;
    project.portraitImage = photos().portrait;
    project.attributes.push_back({AttributeCategory::Hair, photos().wall, {}, 1.0, true});
    ProjectFaces faces;
    try {
        projectRequest(project, faces, 128);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("No face found in the hair reference"), std::string::npos) << what;
        EXPECT_NE(what.find("durian-wall-"), std::string::npos) << what;
    }
    EXPECT_THROW(projectRequest(Project{}, faces, 128), Error);
}

TEST(ProjectRequest, AMaskOfTheWrongSizeIsRefusedByName)
{
    const auto small = fs::temp_directory_path() / ("durian-small-mask-" + std::to_string(::getpid()) + ".png");
    saveImage(Image(1, 1, 1, 255), small);
    Project project;
    project.portraitImage = photos().portrait;
    project.attributes.push_back({AttributeCategory::Hair, photos().hair, small, 1.0, true});
    ProjectFaces faces;
    try {
        projectRequest(project, faces, 128);
        FAIL() << "a 1x1 mask was accepted for a full-size photo";
    } catch (const Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("is 1x1 but the hair reference is"), std::string::npos) << what;
        EXPECT_NE(what.find("durian-small-mask-"), std::string::npos) << what;
    }
    fs::remove(small);
}

// A reference photo with several faces: the chosen face's landmarks place the attribute and its
// automatic mask (facereg.jpg: four faces).
TEST(ProjectRequest, AReferenceUsesItsChosenFace)
{
    DURIAN_REQUIRE_FETCHED_PHOTO("facereg.jpg");
    Project project;
    project.portraitImage = photos().portrait;
    project.attributes.push_back({AttributeCategory::Eyeglasses, durian::testing::fetchedPhoto("facereg.jpg"), {}, 1.0, true});
    ProjectFaces faces;
    const auto first = projectRequest(project, faces, 128).request.attributes.at(0);
    project.attributes[0].face = 2;
    const auto third = projectRequest(project, faces, 128).request.attributes.at(0);
    ASSERT_TRUE(first.landmarks && third.landmarks);
    EXPECT_NE(first.image.pixels, third.image.pixels) << "another face, another aligned crop";
    const auto& chosen = faces.landmarks(durian::testing::fetchedPhoto("facereg.jpg"), "eyeglasses reference", 2);
    EXPECT_NE(faces.autoMask(durian::testing::fetchedPhoto("facereg.jpg"), AttributeCategory::Eyeglasses, 0, 2).pixels,
        faces.autoMask(durian::testing::fetchedPhoto("facereg.jpg"), AttributeCategory::Eyeglasses, 0, 0).pixels);
    EXPECT_GT(chosen.size(), 0u);

    project.attributes[0].face = 7;
    try {
        projectRequest(project, faces, 128);
        FAIL() << "a face the photo does not have";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("face 8 was chosen"), std::string::npos) << e.what();
    }
}
