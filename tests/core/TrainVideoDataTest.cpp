// The trainer's second data source: a folder of ordinary portrait videos, through the same sample code.
#include "core/masks/MaskOps.h"
#include "core/synth/SynthPeople.h"
#include "core/synth/SynthRender.h"
#include "core/train/SelfReconstruction.h"
#include "core/train/VideoClips.h"
#include "core/util/Error.h"
#include "core/video/VideoEncoder.h"

#include <gtest/gtest.h>

#include <fstream>
#include <unistd.h>

using namespace durian;
namespace fs = std::filesystem;

namespace {

// A folder with one world person talking (an ordinary H.264 MP4, what a phone would give), a clip with no
// face, and a damaged file.
const fs::path& videoFolder()
{
    static const fs::path dir = [] {
        const auto d = fs::temp_directory_path() / ("durian-train-videos-" + std::to_string(::getpid()));
        fs::create_directories(d);
        const Person person = randomPersonWearing(31, AttributeCategory::Hair);
        SynthRenderOptions options;
        options.width = options.height = 320;
        {
            VideoEncoder encoder(d / "a-person.mp4", {});
            for (const auto& frame : renderSynthSequence(person, randomMotion(32, 10), options)) {
                encoder.write(frame.rgb);
            }
            encoder.finish();
        }
        {
            VideoEncoder encoder(d / "b-wall.mp4", {});
            for (int i = 0; i < 4; ++i) {
                encoder.write(Image(160, 120, 3, static_cast<std::uint8_t>(90 + i)));
            }
            encoder.finish();
        }
        std::ofstream(d / "c-damaged.mov") << "not a video";
        std::ofstream(d / "notes.txt") << "ignored";
        return d;
    }();
    return dir;
}

} // namespace

TEST(VideoClips, PreparesFacesAndSaysWhyOthersWereSkipped)
{
    const auto report = prepareVideoClips(videoFolder(), 128, 8);
    ASSERT_EQ(report.clips.size(), 1u);
    const auto& clip = report.clips.front();
    EXPECT_EQ(clip.source.filename(), "a-person.mp4");
    ASSERT_EQ(clip.frames.size(), 8u);
    ASSERT_EQ(clip.landmarks.size(), 8u);
    EXPECT_EQ(clip.frames[0].width, 128);
    // The crop puts the eyes where the alignment template says (0.39/0.61, 0.46 of the side), on average.
    const auto& l = clip.landmarks[0];
    EXPECT_NEAR((l[36].x + l[39].x) / 2 / 128.0, 0.39, 0.06);
    EXPECT_NEAR((l[42].y + l[45].y) / 2 / 128.0, 0.46, 0.06);
    ASSERT_EQ(report.skipped.size(), 2u);
    EXPECT_NE(report.skipped[0].find("b-wall.mp4"), std::string::npos);
    EXPECT_NE(report.skipped[1].find("c-damaged.mov"), std::string::npos);
}

TEST(VideoClips, AFolderWithoutFacesIsAClearError)
{
    const auto empty = fs::temp_directory_path() / ("durian-no-videos-" + std::to_string(::getpid()));
    fs::create_directories(empty);
    try {
        prepareVideoClips(empty, 128, 8);
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("no usable portrait video"), std::string::npos) << e.what();
    }
    EXPECT_THROW(prepareVideoClips(empty / "missing", 128, 8), Error);
    fs::remove_all(empty);
}

TEST(SelfReconstructionVideos, SamplesComeFromTheVideosWithAutomaticMasks)
{
    TrainDataConfig config;
    config.source = "videos";
    config.videos = videoFolder();
    config.clipLength = 8;
    const SelfReconstructionData data(config, 128, 5);
    EXPECT_EQ(data.videoClipCount(), 1);
    const auto s = data.sample(3, AttributeCategory::Hair, 2);
    EXPECT_EQ(s.sourceVideo.filename(), "a-person.mp4");
    ASSERT_EQ(s.targets.size(), 2u);
    ASSERT_EQ(s.keypointImages.size(), 2u);
    EXPECT_EQ(s.targets[0].width, 128);
    EXPECT_GT(maskCoverage(s.attributeMask), 0.02); // the person's hair was found
    EXPECT_GT(maskCoverage(s.portraitHole), maskCoverage(s.attributeMask) * 0.8);

    // "both" mixes the sources by the configured share.
    config.source = "both";
    config.videoFraction = 0.5;
    const SelfReconstructionData mixed(config, 128, 5);
    int fromVideos = 0;
    for (std::uint64_t i = 0; i < 12; ++i) {
        fromVideos += mixed.sample(i, AttributeCategory::Beard, 1).sourceVideo.empty() ? 0 : 1;
    }
    EXPECT_GT(fromVideos, 1);
    EXPECT_LT(fromVideos, 11);
}

TEST(TrainConfigVideos, VideoSourcesNeedAFolderAndResolveItBesideTheConfig)
{
    EXPECT_THROW(parseTrainConfig(R"({"model": "tiny", "data": {"source": "videos"}})", "x.json"), Error);
    EXPECT_THROW(parseTrainConfig(R"({"model": "tiny", "data": {"source": "webcam"}})", "x.json"), Error);
    EXPECT_THROW(parseTrainConfig(R"({"model": "tiny", "data": {"source": "both", "videos": "v", "video_fraction": 2}})", "x.json"), Error);
    const auto dir = fs::temp_directory_path() / ("durian-train-config-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "run.json") << R"({"model": "tiny", "data": {"source": "both", "videos": "clips"}})";
    const auto config = loadTrainConfig(dir / "run.json");
    EXPECT_EQ(config.data.videos, dir / "clips");
    EXPECT_DOUBLE_EQ(config.data.videoFraction, 0.5);
    fs::remove_all(dir);
}
