// The result lives in the photo: exports are at the portrait photo's size, and a still changes no pixel
// outside its edit region. Through the real renderer (classical method: the paste-back does not depend on it).
#include "core/face/Alignment.h"
#include "core/io/Image.h"
#include "core/pipeline/ClassicalPrior.h"
#include "core/render/PhotoComposite.h"
#include "core/render/ProjectRender.h"
#include "core/render/ProjectRequest.h"

#include "tests/common/ScratchDirectory.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

using namespace durian;
namespace fs = std::filesystem;

namespace {

Project astronautWithDemoHair(const std::string& preset, int frames)
{
    const fs::path demo = fs::path(DURIAN_SOURCE_DIR) / "resources/demo";
    Project project;
    project.portraitImage = fs::path(DURIAN_SOURCE_DIR) / "tests/data/photos/astronaut.png";
    project.attributes.push_back({AttributeCategory::Hair, demo / "hair-reference.png", demo / "hair-mask.png", 1.0, true});
    project.motion.preset = preset;
    project.motion.frames = frames;
    return project;
}

using testsupport::freshDirectory;

ExportOptions classical()
{
    ExportOptions options;
    options.classical = true;
    return options;
}

} // namespace

TEST(PhotoComposite, AStillChangesNoPixelOutsideItsEditRegion)
{
    const auto dir = freshDirectory("still");
    const Project project = astronautWithDemoHair("still", 1);
    const auto result = renderProjectVideo(project, dir / "frames", classical());
    const Image photo = loadImageRgb(project.portraitImage);
    const Image frame = loadImageRgb(dir / "frames" / "frame_00001.png");
    ASSERT_EQ(frame.width, photo.width); // the photo, not the 256-pixel crop
    ASSERT_EQ(frame.height, photo.height);
    EXPECT_EQ(result.width, photo.width);

    // The region the renderer pastes, back in the photo's pixels.
    ProjectFaces faces;
    const int size = project.render.resolution;
    ProjectRequest still = projectRequest(project, faces, size);
    still.request.motion = {still.portraitLandmarks};
    const Image region = ClassicalPrior(still.request, size).region(0);
    const AlignedFace aligned = alignFace(photo, faces.landmarks(project.portraitImage, "portrait"), size);
    const Image alpha = warpImage(region, aligned.toAligned.inverse(), photo.width, photo.height);
    long outside = 0, changedInside = 0;
    for (std::size_t p = 0; p < alpha.pixels.size(); ++p) {
        for (std::size_t c = 0; c < 3; ++c) {
            if (alpha.pixels[p] == 0) {
                ++outside;
                ASSERT_EQ(frame.pixels[p * 3 + c], photo.pixels[p * 3 + c]) << "pixel " << p << " outside the region";
            } else if (frame.pixels[p * 3 + c] != photo.pixels[p * 3 + c]) {
                ++changedInside;
            }
        }
    }
    EXPECT_GT(outside, static_cast<long>(photo.pixels.size() / 2)); // most of the photo is untouched
    EXPECT_GT(changedInside, 1000);                                 // and the hair did change
    fs::remove_all(dir);
}

TEST(PhotoComposite, AnAnimationMovesTheHeadOverThePhotosOwnBodyAndBackground)
{
    const auto dir = freshDirectory("nod");
    const Project project = astronautWithDemoHair("nod", 3);
    renderProjectVideo(project, dir / "frames", classical());
    const Image photo = loadImageRgb(project.portraitImage);
    const Image frame = loadImageRgb(dir / "frames" / "frame_00002.png");
    ASSERT_EQ(frame.width, photo.width);
    // Outside the crop's footprint the photo is as it was; the corners are far from the face.
    for (const auto& [x, y] : {std::pair{0, 0}, std::pair{photo.width - 1, 0}, std::pair{0, photo.height - 1}}) {
        for (int c = 0; c < 3; ++c) {
            EXPECT_EQ(frame.row(y)[x * 3 + c], photo.row(y)[x * 3 + c]) << x << "," << y;
        }
    }
    fs::remove_all(dir);
}

TEST(PhotoComposite, TheFootprintFeathersOnlyTheCropsEdge)
{
    const PhotoComposite composite(Image(64, 48, 3, 10), Similarity{}, 32);
    const Image footprint = composite.cropFootprint();
    EXPECT_EQ(footprint.row(16)[16], 255);
    EXPECT_LT(footprint.row(0)[16], 128);
    // Identity alignment: a white crop pasted by its footprint is white in the middle, the photo outside.
    const Image out = composite.paste(Image(32, 32, 3, 250), footprint);
    EXPECT_EQ(out.row(16)[16 * 3], 250);
    EXPECT_EQ(out.row(40)[50 * 3], 10);
}
