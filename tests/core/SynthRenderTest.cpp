#include "SynthTestUtil.h"

#include "core/util/Error.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace durian;
using namespace synthtest;

TEST(SynthRender, SameSeedAndPoseGiveIdenticalBytes)
{
    const Pose pose = randomMotion(11, 30)[17];
    const SynthFrame a = renderSynthFrame(randomPerson(11), pose, size(128, 128));
    const SynthFrame b = renderSynthFrame(randomPerson(11), pose, size(128, 128));
    EXPECT_EQ(a.rgb.pixels, b.rgb.pixels);
    for (int m = 0; m < kSynthMaskCount; ++m) {
        EXPECT_EQ(a.masks[static_cast<std::size_t>(m)].pixels, b.masks[static_cast<std::size_t>(m)].pixels);
    }
    for (int k = 0; k < kSynthKeypointCount; ++k) {
        EXPECT_EQ(a.keypoints[static_cast<std::size_t>(k)].x, b.keypoints[static_cast<std::size_t>(k)].x);
        EXPECT_EQ(a.keypoints[static_cast<std::size_t>(k)].y, b.keypoints[static_cast<std::size_t>(k)].y);
    }
    const SynthFrame other = renderSynthFrame(randomPerson(12), pose, size(128, 128));
    EXPECT_NE(a.rgb.pixels, other.rgb.pixels);
}

TEST(SynthRender, MasksPartitionEveryPixel)
{
    for (std::uint64_t seed : {1u, 2u, 3u, 4u, 5u}) {
        const SynthFrame f = renderSynthFrame(randomPerson(seed), randomMotion(seed, 10)[5], size(96, 96));
        for (int i = 0; i < 96 * 96; ++i) {
            int sum = 0;
            for (const auto& mask : f.masks) {
                sum += mask.pixels[static_cast<std::size_t>(i)];
            }
            ASSERT_NEAR(sum, 255, 3) << "seed " << seed << " pixel " << i;
        }
        EXPECT_GT(area(f.mask(SynthMask::Skin)), 300) << "the face is visible";
        EXPECT_GT(area(f.mask(SynthMask::Background)), 1000);
    }
}

TEST(SynthRender, KeypointsLieOnTheDrawnFeatures)
{
    for (std::uint64_t seed = 20; seed < 26; ++seed) {
        Pose pose = randomMotion(seed, 50)[static_cast<std::size_t>(seed)];
        pose.blink = 0.f;
        const SynthFrame f = renderSynthFrame(plainPerson(seed), pose, size(256, 256));
        const Image& features = f.mask(SynthMask::Features);
        const Image& skin = f.mask(SynthMask::Skin);
        auto near = [&](const Image& mask, const SynthPoint& p, int r, bool wantHigh) {
            for (int dy = -r; dy <= r; ++dy) {
                for (int dx = -r; dx <= r; ++dx) {
                    const int v = at(mask, static_cast<int>(std::lround(p.x)) + dx, static_cast<int>(std::lround(p.y)) + dy);
                    if (wantHigh ? v > 127 : v < 128) {
                        return true;
                    }
                }
            }
            return false;
        };
        // Brows, eyes and mouth: the keypoints are on their curves, so on the features mask.
        for (int k = 17; k < 68; ++k) {
            if (k >= 27 && k <= 35) {
                continue;
            }
            EXPECT_TRUE(near(features, f.keypoints[static_cast<std::size_t>(k)], 1, true)) << "seed " << seed << " keypoint " << k;
        }
        // The nose is skin.
        for (int k = 27; k <= 35; ++k) {
            EXPECT_TRUE(near(skin, f.keypoints[static_cast<std::size_t>(k)], 1, true)) << "seed " << seed << " keypoint " << k;
        }
        // Without pitch the chin is on the face's outline: skin on one side, not skin on the other.
        pose.pitch = 0.f;
        const SynthFrame level = renderSynthFrame(plainPerson(seed), pose, size(256, 256));
        const Image& levelSkin = level.mask(SynthMask::Skin);
        EXPECT_TRUE(near(levelSkin, level.keypoints[8], 2, true) && near(levelSkin, level.keypoints[8], 2, false)) << "seed " << seed;
    }
}

TEST(SynthRender, KeypointsFollowDlibLayoutAndPose)
{
    const Person person = plainPerson(3);
    const SynthFrame f = renderSynthFrame(person, Pose{}, size(256, 256));
    const auto& k = f.keypoints;
    EXPECT_LT(k[0].x, k[16].x);
    EXPECT_LT(k[36].x, k[39].x);
    EXPECT_LT(k[39].x, k[42].x);
    EXPECT_LT(k[42].x, k[45].x);
    EXPECT_LT(k[48].x, k[54].x);
    EXPECT_LT(k[27].y, k[30].y);
    EXPECT_LT(k[30].y, k[51].y);
    EXPECT_LT(k[57].y, k[8].y);
    for (int i = 0; i <= 16; ++i) {
        EXPECT_LE(k[static_cast<std::size_t>(i)].y, k[8].y + 1e-3f);
    }
    // Frontal pose: mirror-symmetric about the face's centre line.
    const float centre = k[27].x;
    EXPECT_NEAR(k[0].x + k[16].x, 2 * centre, 0.05f);
    EXPECT_NEAR(k[36].x + k[45].x, 2 * centre, 0.05f);
    EXPECT_NEAR(k[48].x + k[54].x, 2 * centre, 0.05f);
    Pose turned;
    turned.yaw = 25.f;
    const SynthFrame t = renderSynthFrame(person, turned, size(256, 256));
    EXPECT_GT(t.keypoints[30].x, k[30].x + 5.f) << "positive yaw turns the nose to the image's right";
    Pose open;
    open.mouthOpen = 1.f;
    const SynthFrame o = renderSynthFrame(person, open, size(256, 256));
    EXPECT_GT(o.keypoints[66].y - o.keypoints[62].y, 5.f);
    EXPECT_NEAR(k[66].y, k[62].y, 1.5f);
    Pose shut;
    shut.blink = 1.f;
    const SynthFrame b = renderSynthFrame(person, shut, size(256, 256));
    EXPECT_NEAR(b.keypoints[37].y, b.keypoints[41].y, 0.5f);
    EXPECT_GT(k[41].y - k[37].y, 3.f);
}

TEST(SynthRender, EyeglassesMaskCoversTheDrawnGlasses)
{
    Person bare = plainPerson(8);
    for (GlassesStyle style : {GlassesStyle::Round, GlassesStyle::Rectangular, GlassesStyle::Thick, GlassesStyle::Thin,
             GlassesStyle::Sunglasses}) {
        Person worn = bare;
        worn.attributes.eyeglasses.style = style;
        worn.attributes.eyeglasses.frameThickness = style == GlassesStyle::Thick ? 0.045f : 0.015f;
        worn.attributes.eyeglasses.tintOpacity = style == GlassesStyle::Sunglasses ? 0.85f : 0.1f;
        const Pose pose = randomMotion(8, 20)[7];
        const SynthFrame without = renderSynthFrame(bare, pose, size(192, 192));
        const SynthFrame with = renderSynthFrame(worn, pose, size(192, 192));
        const auto allowed = grown(with.mask(SynthMask::Eyeglasses), 1);
        const auto diff = changed(without.rgb, with.rgb, 10);
        long outside = 0, inside = 0;
        for (std::size_t i = 0; i < diff.size(); ++i) {
            outside += diff[i] && !allowed[i];
            inside += diff[i] && allowed[i];
        }
        EXPECT_EQ(outside, 0) << "style " << static_cast<int>(style);
        EXPECT_GT(inside, 100) << "the glasses are drawn";
        for (int k = 36; k < 48; ++k) { // the lenses are over the eyes
            const auto& p = with.keypoints[static_cast<std::size_t>(k)];
            EXPECT_GT(at(with.mask(SynthMask::Eyeglasses), static_cast<int>(std::lround(p.x)), static_cast<int>(std::lround(p.y))), 0);
        }
    }
}

TEST(SynthRender, AnyResolutionWorksAndKeypointsScale)
{
    const Person person = randomPerson(5);
    const Pose pose = randomMotion(5, 10)[3];
    const SynthFrame base = renderSynthFrame(person, pose, size(256, 256));
    for (auto [w, h] : {std::pair{64, 64}, {512, 512}, {320, 200}, {200, 320}, {17, 33}}) {
        const SynthFrame f = renderSynthFrame(person, pose, size(w, h));
        EXPECT_EQ(f.rgb.width, w);
        EXPECT_EQ(f.rgb.height, h);
        EXPECT_EQ(f.rgb.channels, 3);
        for (const auto& mask : f.masks) {
            EXPECT_EQ(mask.width, w);
            EXPECT_EQ(mask.height, h);
            EXPECT_EQ(mask.channels, 1);
        }
        EXPECT_GT(area(f.mask(SynthMask::Skin)), w * h / 100);
    }
    const SynthFrame big = renderSynthFrame(person, pose, size(512, 512));
    for (int k = 0; k < kSynthKeypointCount; ++k) { // pixel centres: x512 = 2 * x256 + 0.5
        EXPECT_NEAR(big.keypoints[static_cast<std::size_t>(k)].x, 2.f * base.keypoints[static_cast<std::size_t>(k)].x + 0.5f, 1e-2f);
        EXPECT_NEAR(big.keypoints[static_cast<std::size_t>(k)].y, 2.f * base.keypoints[static_cast<std::size_t>(k)].y + 0.5f, 1e-2f);
    }
    SynthRenderOptions noAa = size(128, 128);
    noAa.supersample = 1;
    const SynthFrame f1 = renderSynthFrame(person, pose, noAa);
    for (const auto v : f1.mask(SynthMask::Skin).pixels) {
        ASSERT_TRUE(v == 0 || v == 255) << "without supersampling masks are hard";
    }
}

TEST(SynthRender, BadParametersAreClearErrors)
{
    const Person person = randomPerson(1);
    auto message = [&](const Person& p, const Pose& pose, const SynthRenderOptions& o) -> std::string {
        try {
            renderSynthFrame(p, pose, o);
        } catch (const Error& e) {
            return e.what();
        }
        return "no error";
    };
    EXPECT_NE(message(person, Pose{}, size(0, 256)).find("size 0x256 is out of range"), std::string::npos);
    EXPECT_NE(message(person, Pose{}, size(256, 5000)).find("4096"), std::string::npos);
    SynthRenderOptions o = size(64, 64);
    o.supersample = 9;
    EXPECT_NE(message(person, Pose{}, o).find("supersampling 9"), std::string::npos);
    Pose nan;
    nan.yaw = std::numeric_limits<float>::quiet_NaN();
    EXPECT_NE(message(person, nan, size(64, 64)).find("pose has a value that is not a finite number"), std::string::npos);
    Pose tooFar;
    tooFar.pitch = 80.f;
    EXPECT_NE(message(person, tooFar, size(64, 64)).find("pose pitch"), std::string::npos);
    Person tiny = person;
    tiny.identity.headSize = 0.f;
    EXPECT_NE(message(tiny, Pose{}, size(64, 64)).find("identity head size is 0"), std::string::npos);
    EXPECT_THROW(randomMotion(1, -3), Error);
    EXPECT_THROW(randomMotion(1, 10, 0.0), Error);
}
