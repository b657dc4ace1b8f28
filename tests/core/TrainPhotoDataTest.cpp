// The trainer's photo source: single real photos as self-transfer pairs (the paper's pseudo pairs), through
// the same sample code as the world and the videos.
#include "FaceTestPhotos.h"
#include "core/io/AtomicFile.h"
#include "core/masks/MaskOps.h"
#include "core/train/SelfReconstruction.h"
#include "core/train/TrainConfig.h"
#include "core/train/Trainer.h"
#include "core/util/Error.h"

#include <gtest/gtest.h>

#include <cmath>
#include <unistd.h>

using namespace durian;
namespace fs = std::filesystem;

namespace {

// The astronaut, a grey picture without a face, and a damaged file.
const fs::path& photoFolder()
{
    static const fs::path dir = [] {
        const auto d = fs::temp_directory_path() / ("durian-train-photos-" + std::to_string(::getpid()));
        fs::create_directories(d);
        fs::copy_file(durian::testing::committedPhoto("astronaut.png"), d / "astronaut.png", fs::copy_options::overwrite_existing);
        saveImage(Image(200, 150, 3, 128), d / "grey.png");
        writeFileAtomically(d / "broken.jpg", "not a jpeg");
        return d;
    }();
    return dir;
}

} // namespace

TEST(SelfReconstructionPhotos, APhotoBecomesItsOwnSelfTransferAndThePriorKeepsItOutsideTheRegion)
{
    TrainDataConfig config;
    config.photos = photoFolder();
    config.photoFraction = 1.0;
    const int size = 128;
    const SelfReconstructionData data(config, size, 5, true);
    EXPECT_EQ(data.photoCount(), 1);
    ASSERT_EQ(data.skippedPhotos().size(), 2u); // named, with why
    EXPECT_NE(data.skippedPhotos()[0].find("broken.jpg"), std::string::npos);
    EXPECT_NE(data.skippedPhotos()[1].find("grey.png: no face found"), std::string::npos);

    const auto s = data.sample(7, AttributeCategory::Hair, 1);
    EXPECT_EQ(s.sourcePhoto, "astronaut.png");
    ASSERT_EQ(s.targets.size(), 1u);
    ASSERT_EQ(s.priors.size(), 1u);
    EXPECT_EQ(s.targets[0].width, size);
    EXPECT_GT(maskCoverage(s.attributeMask), 0.02); // her hair, found by the automatic mask
    // Outside the edit region the prior is the photo (the portrait is the photo there, in its own pose);
    // inside, the reference's paste is framed and lit differently, so it is not the answer.
    const Image& prior = s.priors[0];
    const Image& region = s.editRegions[0];
    const Image& truth = s.targets[0];
    double outside = 0.0, inside = 0.0;
    int nOutside = 0, nInside = 0;
    for (std::size_t p = 0; p < region.pixels.size(); ++p) {
        double d = 0.0;
        for (int ch = 0; ch < 3; ++ch) {
            d += std::abs(prior.pixels[p * 3 + ch] - truth.pixels[p * 3 + ch]);
        }
        if (region.pixels[p] == 0) {
            outside += d, ++nOutside;
        } else if (region.pixels[p] == 255) {
            inside += d, ++nInside;
        }
    }
    ASSERT_GT(nOutside, 0);
    ASSERT_GT(nInside, 0);
    EXPECT_LT(outside / nOutside, 3.0);
    EXPECT_GT(inside / nInside, 3 * outside / nOutside + 3.0);

    // Two samples of the same photo are framed differently (random pseudo pairs, not the benchmark's one).
    const auto other = data.sample(8, AttributeCategory::Hair, 1);
    EXPECT_EQ(other.sourcePhoto, "astronaut.png");
    EXPECT_NE(other.priors[0].pixels, prior.pixels);

    // A category no photo has comes from the world.
    EXPECT_TRUE(data.sample(9, AttributeCategory::Hat, 1).sourcePhoto.empty());
}

TEST(SelfReconstructionPhotos, PhotosAreMixedInByTheirShare)
{
    TrainDataConfig config;
    config.photos = photoFolder();
    config.photoFraction = 0.5;
    const SelfReconstructionData data(config, 128, 5);
    int fromPhotos = 0;
    for (std::uint64_t i = 0; i < 12; ++i) {
        fromPhotos += data.sample(i, AttributeCategory::Hair, 1).sourcePhoto.empty() ? 0 : 1;
    }
    EXPECT_GT(fromPhotos, 1);
    EXPECT_LT(fromPhotos, 11);
}

TEST(SelfReconstructionPhotos, AFolderWithoutAFaceIsAClearErrorAndTheConfigResolvesIt)
{
    const auto dir = fs::temp_directory_path() / ("durian-train-nofaces-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    saveImage(Image(64, 64, 3, 30), dir / "dark.png");
    TrainDataConfig config;
    config.photos = dir;
    try {
        SelfReconstructionData data(config, 128, 1);
        FAIL() << "a folder without a face was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find(dir.string()), std::string::npos) << e.what();
    }
    fs::remove_all(dir);

    const auto configDir = fs::temp_directory_path() / ("durian-train-photo-config-" + std::to_string(::getpid()));
    fs::create_directories(configDir);
    writeFileAtomically(configDir / "train.json", R"({"stage": 1, "model": "tiny", "data": {"photos": "people", "photo_fraction": 0.3}})");
    const auto loaded = loadTrainConfig(configDir / "train.json");
    EXPECT_EQ(loaded.data.photos, configDir / "people");
    EXPECT_DOUBLE_EQ(loaded.data.photoFraction, 0.3);
    EXPECT_THROW(parseTrainConfig(R"({"data": {"photo_fraction": 1.5}})", "x.json"), Error);
    fs::remove_all(configDir);
}

// photo_loss reaches the photo samples' loss and no other: a world-only run is the same under it, and a run
// of photos differs on the first step whose category a photo has (the astronaut's hair).
TEST(SelfReconstructionPhotos, PhotoLossWeighsOnlyThePhotoSamples)
{
    auto firstLosses = [](double photoFraction, std::uint64_t seed) {
        TrainConfig c;
        c.stage = TrainStage::Spatial;
        c.model = "tiny";
        c.batch = 2;
        c.seed = seed;
        c.data.clipLength = 8;
        c.data.photos = photoFolder();
        c.data.photoFraction = photoFraction;
        Trainer same(c, {});
        c.photoLoss = "l1";
        Trainer photoL1(c, {});
        return std::pair{same.trainStep(), photoL1.trainStep()};
    };
    const auto [world, worldPhotoL1] = firstLosses(0.0, 1);
    EXPECT_EQ(world, worldPhotoL1);
    bool differed = false, matched = false; // steps of other categories come from the world
    for (std::uint64_t seed = 1; seed <= 12 && !(differed && matched); ++seed) {
        const auto [photo, photoL1] = firstLosses(1.0, seed);
        (photo != photoL1 ? differed : matched) = true;
    }
    EXPECT_TRUE(differed);
    EXPECT_TRUE(matched);
}
