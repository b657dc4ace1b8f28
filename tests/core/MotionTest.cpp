#include "FaceTestPhotos.h"

#include "core/face/Alignment.h"
#include "core/face/FaceReport.h"
#include "core/face/KeypointTrack.h"
#include "core/face/MotionPresets.h"
#include "core/face/Retarget.h"
#include "core/face/Smoothing.h"
#include "core/face/VideoTracker.h"
#include "core/io/AtomicFile.h"
#include "core/util/Error.h"

#include <algorithm>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <numbers>
#include <random>

namespace durian {
namespace {

// The astronaut's landmarks as `durian analyze` found them, saved so these tests need not load the model.
const Landmarks& astronautLandmarks()
{
    static const Landmarks landmarks = loadLandmarks(testing::committedPhoto("astronaut_landmarks.json"));
    return landmarks;
}

double meanPointDistance(const Landmarks& a, const Landmarks& b)
{
    double sum = 0.0;
    for (int k = 0; k < kLandmarkCount; ++k) sum += distance(a[k], b[k]);
    return sum / kLandmarkCount;
}

double jawToEyes(const Landmarks& l)
{
    return distance(l[0], l[16]) / distance(partCenter(l, kRightEye), partCenter(l, kLeftEye));
}

TEST(KeypointTrack, MissingFramesAreFilledNeverDropped)
{
    KeypointTrack track;
    Landmarks a{}, b{};
    for (int k = 0; k < kLandmarkCount; ++k) {
        a[k] = {float(k), 0};
        b[k] = {float(k) + 40, 10};
    }
    track.frames = {Landmarks{}, a, Landmarks{}, Landmarks{}, Landmarks{}, b, Landmarks{}};
    track.detected = {false, true, false, false, false, true, false};
    fillMissingFrames(track);
    ASSERT_EQ(track.size(), 7);
    EXPECT_FLOAT_EQ(track.frames[0][5].x, 5);  // copied from the first detected frame
    EXPECT_FLOAT_EQ(track.frames[3][5].x, 25); // halfway between frames 1 and 5
    EXPECT_FLOAT_EQ(track.frames[3][5].y, 5);
    EXPECT_FLOAT_EQ(track.frames[6][5].x, 45); // copied from the last
    KeypointTrack empty;
    empty.frames.resize(3);
    empty.detected.assign(3, false);
    EXPECT_THROW(fillMissingFrames(empty), Error);
}

TEST(KeypointTrack, JsonRoundTripAndErrors)
{
    const auto track = motionPreset("nod", astronautLandmarks(), 12, 25.0, 512, 512);
    const auto path = std::filesystem::temp_directory_path() / "durian_track_test.json";
    saveKeypointTrack(track, path);
    const KeypointTrack loaded = loadKeypointTrack(path);
    EXPECT_EQ(loaded.size(), 12);
    EXPECT_EQ(loaded.width, 512);
    EXPECT_DOUBLE_EQ(loaded.fps, 25.0);
    EXPECT_NEAR(loaded.frames[7][30].y, track.frames[7][30].y, 0.01);
    writeFileAtomically(path, "{\"format\": \"durian-keypoints\", \"fps\": 24, \"width\": 1, \"height\": 1, \"frames\": [[1, 2]]}");
    EXPECT_THROW(loadKeypointTrack(path), Error);
    writeFileAtomically(path, "{\"format\": \"durian-ke");
    EXPECT_THROW(loadKeypointTrack(path), Error);
    std::filesystem::remove(path);
}

TEST(Presets, EveryPresetHasAnyLengthMovesAndLoopsSmoothly)
{
    const Landmarks base = astronautLandmarks();
    for (const auto& name : motionPresetNames()) {
        for (const int frames : {1, 7, 48, 131}) {
            const KeypointTrack track = motionPreset(name, base, frames, 24.0, 512, 512);
            ASSERT_EQ(track.size(), frames) << name;
            EXPECT_LT(meanPointDistance(track.frames.front(), base), 1e-3) << name << " starts at the portrait's pose";
            if (name == "still") { // every frame the portrait's own pose, exactly
                for (const auto& frame : track.frames) {
                    EXPECT_EQ(meanPointDistance(frame, base), 0.0);
                }
                continue;
            }
            if (frames < 7) continue;
            double largestStep = 0.0, largestMove = 0.0;
            for (int t = 1; t < frames; ++t) {
                largestStep = std::max(largestStep, meanPointDistance(track.frames[t], track.frames[t - 1]));
                largestMove = std::max(largestMove, meanPointDistance(track.frames[t], base));
            }
            // The jump from the last frame back to the first is no bigger than a step inside the clip.
            EXPECT_LE(meanPointDistance(track.frames.back(), track.frames.front()), largestStep * 1.05 + 1e-6)
                << name << " " << frames;
            EXPECT_GT(largestMove, 1.0) << name << " moves the face";
            if (frames >= 48) {
                // No jumps: the biggest step is within a few times the average one (pi/2 for a sine).
                double meanStep = 0.0;
                for (int t = 1; t < frames; ++t) meanStep += meanPointDistance(track.frames[t], track.frames[t - 1]);
                meanStep /= frames - 1;
                EXPECT_LT(largestStep, 3.0 * meanStep) << name << " moves smoothly, not in jumps";
            }
        }
    }
    EXPECT_THROW(motionPreset("dance", base, 10, 24, 512, 512), Error);
    EXPECT_THROW(motionPreset("nod", base, 0, 24, 512, 512), Error);
}

TEST(Presets, TalkOpensTheMouthAndShakeTurnsTheHead)
{
    const Landmarks base = astronautLandmarks();
    const KeypointTrack talk = motionPreset("talk", base, 48, 24.0, 512, 512);
    double widest = 0.0;
    for (const auto& f : talk.frames) widest = std::max<double>(widest, distance(f[62], f[66]));
    EXPECT_GT(widest, distance(base[62], base[66]) + 5.0);
    const KeypointTrack shake = motionPreset("shake", base, 48, 24.0, 512, 512);
    double noseShift = 0.0;
    for (const auto& f : shake.frames) noseShift = std::max<double>(noseShift, std::abs(f[30].x - base[30].x));
    EXPECT_GT(noseShift, 5.0);
}

TEST(Smoothing, OneEuroRemovesJitterButFollowsFastMoves)
{
    // A still face with 1-pixel noise, then a fast move (20 px per frame for 15 frames), then still again.
    const Landmarks base = astronautLandmarks();
    KeypointTrack noisy, truth;
    noisy.fps = truth.fps = 25.0;
    std::mt19937 random(3);
    std::normal_distribution<float> noise(0.0f, 1.0f);
    for (int t = 0; t < 90; ++t) {
        const float shift = t < 40 ? 0.0f : t < 55 ? 20.0f * (t - 40) : 300.0f;
        Landmarks clean = base, jittered = base;
        for (int k = 0; k < kLandmarkCount; ++k) {
            clean[k].x += shift;
            jittered[k] = {clean[k].x + noise(random), clean[k].y + noise(random)};
        }
        truth.frames.push_back(clean);
        noisy.frames.push_back(jittered);
    }
    const KeypointTrack smooth = smoothTrack(noisy);
    OneEuroParams plain;
    plain.beta = 0.0; // the same filter without its speed adaptation: a plain low-pass
    const KeypointTrack lowPass = smoothTrack(noisy, plain);
    auto error = [&](const KeypointTrack& t, int from, int to) {
        double worst = 0.0;
        for (int i = from; i < to; ++i) worst = std::max(worst, meanPointDistance(t.frames[i], truth.frames[i]));
        return worst;
    };
    // Still part: less jitter than the input.
    KeypointTrack stillNoisy = noisy, stillSmooth = smooth;
    stillNoisy.frames.resize(40);
    stillSmooth.frames.resize(40);
    std::printf("[ figures  ] still face, 1 px noise: jitter %.4f -> %.4f\n", trackJitter(stillNoisy), trackJitter(stillSmooth));
    EXPECT_LT(trackJitter(stillSmooth), 0.5 * trackJitter(stillNoisy));
    // Fast part: the adaptive filter lags far less than the plain low-pass.
    const double lagAdaptive = error(smooth, 40, 60), lagPlain = error(lowPass, 40, 60);
    EXPECT_LT(lagAdaptive, 0.5 * lagPlain) << lagAdaptive << " vs " << lagPlain;
    EXPECT_LT(lagAdaptive, 12.0); // less than one frame of motion behind
}

TEST(Retarget, RigidDriverMovesThePortraitWithoutChangingItsShape)
{
    const Landmarks driverFace = astronautLandmarks();
    Landmarks portrait;
    for (int k = 0; k < kLandmarkCount; ++k) { // another, wider face elsewhere
        portrait[k] = {40 + (driverFace[k].x - 200) * 1.3f, 60 + (driverFace[k].y - 100) * 0.95f};
    }
    KeypointTrack driver;
    for (int t = 0; t < 20; ++t) {
        const float angle = 0.02f * t, scale = 1.0f + 0.01f * t;
        driver.frames.push_back(Similarity{scale * std::cos(angle), scale * std::sin(angle), 3.0f * t, -t * 1.0f}.apply(driverFace));
    }
    driver.detected.assign(20, true);
    const KeypointTrack moved = retargetTrack(driver, portrait, 300, 300);
    ASSERT_EQ(moved.size(), 20);
    EXPECT_LT(meanPointDistance(moved.frames[0], portrait), 1e-3);
    for (const auto& f : moved.frames) EXPECT_LT(shapeDistance(f, portrait), 1e-4);
    const Similarity last = relativeHeadMotion(portrait, moved.frames.back());
    EXPECT_NEAR(last.angle(), 0.38f, 1e-3);
    EXPECT_NEAR(last.scale(), 1.19f, 1e-3);
}

TEST(Retarget, ExpressionsTransferOntoThePortraitsOwnFaceShape)
{
    const Landmarks driverFace = astronautLandmarks();
    Landmarks portrait;
    for (int k = 0; k < kLandmarkCount; ++k) { // wider jaw, rotated, smaller
        const float x = (driverFace[k].x - 222) * (k <= 16 ? 1.25f : 1.0f), y = driverFace[k].y - 120;
        portrait[k] = {150 + 0.6f * (x * 0.96f - y * 0.28f), 150 + 0.6f * (x * 0.28f + y * 0.96f)};
    }
    const KeypointTrack driver = motionPreset("talk", driverFace, 48, 24.0, 512, 512);
    const KeypointTrack moved = retargetTrack(driver, portrait, 300, 300);
    for (int t = 0; t < moved.size(); ++t) {
        // The portrait keeps its own proportions...
        EXPECT_NEAR(jawToEyes(moved.frames[t]), jawToEyes(portrait), 0.03 * jawToEyes(portrait)) << t;
        // ... and opens its mouth as much as the driver did, relative to face size.
        const double driverOpen = distance(driver.frames[t][62], driver.frames[t][66]) / distance(driverFace[36], driverFace[45]);
        const double portraitOpen = distance(moved.frames[t][62], moved.frames[t][66]) / distance(portrait[36], portrait[45]);
        EXPECT_NEAR(portraitOpen, driverOpen, 0.03) << t;
    }
}

// A real face "video": the astronaut photo with a slow drift and small random affine jitter, encoded with
// the ffmpeg CLI. Detection noise plus the jitter are what smoothing has to remove.
TEST(Motion, VideoTrackIsCompleteAndSmoothingReducesJitter)
{
    if (std::system("ffmpeg -version > /dev/null 2>&1") != 0) {
        GTEST_SKIP() << "the ffmpeg command is not installed (package ffmpeg)";
    }
    const Image photo = loadImageRgb(testing::committedPhoto("astronaut.png"));
    const auto dir = std::filesystem::temp_directory_path() / "durian_motion_test";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    std::mt19937 random(11);
    std::normal_distribution<float> jitter(0.0f, 1.0f);
    const int frames = 40;
    for (int t = 0; t < frames; ++t) {
        const float drift = 6.0f * std::sin(2.0f * std::numbers::pi_v<float> * t / frames);
        const float angle = 0.006f * jitter(random), scale = 1.0f + 0.004f * jitter(random);
        // Crop 256x256 around the face (centre ~ (223, 127)) with the jitter.
        const Similarity toFrame = Similarity{scale * std::cos(angle), scale * std::sin(angle), 0, 0}.after(
            Similarity{1, 0, -223.0f + drift + 0.8f * jitter(random), -127.0f + 0.8f * jitter(random)});
        const Image frame = warpImage(photo, Similarity{1, 0, 128, 128}.after(toFrame), 256, 256);
        char name[32];
        std::snprintf(name, sizeof name, "f%03d.png", t);
        saveImage(frame, dir / name);
    }
    // Frame 20 blanked: a frame without a face must be filled in, not dropped.
    saveImage(Image(256, 256, 3, 0), dir / "f020.png");
    const std::string command = "ffmpeg -v error -y -framerate 25 -i '" + (dir / "f%03d.png").string() +
        "' -c:v libx264 -crf 10 -pix_fmt yuv420p '" + (dir / "jitter.mp4").string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;

    const KeypointTrack raw = trackVideo(dir / "jitter.mp4", testing::sharedAnalyzer());
    ASSERT_EQ(raw.size(), frames);
    EXPECT_FALSE(raw.detected[20]);
    EXPECT_EQ(std::count(raw.detected.begin(), raw.detected.end(), false), 1);
    EXPECT_NEAR(raw.frames[20][30].x, (raw.frames[19][30].x + raw.frames[21][30].x) / 2, 1e-3);
    EXPECT_DOUBLE_EQ(raw.fps, 25.0);
    const KeypointTrack smooth = smoothTrack(raw);
    const double before = trackJitter(raw), after = trackJitter(smooth);
    std::printf("[ figures  ] jitter (mean |acceleration| / inter-ocular): raw %.5f, smoothed %.5f\n", before, after);
    EXPECT_LT(after, 0.6 * before);
    std::filesystem::remove_all(dir);
    EXPECT_THROW(trackVideo(dir / "missing.mp4", testing::sharedAnalyzer()), Error);
}

} // namespace
} // namespace durian
