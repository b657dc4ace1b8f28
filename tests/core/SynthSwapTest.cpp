#include "SynthTestUtil.h"

#include "core/synth/SynthExport.h"
#include "core/util/Error.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

using namespace durian;
using namespace synthtest;

namespace {

// A seed whose person has a visible attribute of this category (and a different one from `other`).
Person donorWith(AttributeCategory c, std::uint64_t start)
{
    for (std::uint64_t seed = start;; ++seed) {
        const Person p = randomPerson(seed);
        const Attributes& a = p.attributes;
        if ((c == AttributeCategory::Hair && a.hair.style != HairStyle::Bald) ||
            (c == AttributeCategory::Eyeglasses && a.eyeglasses.style != GlassesStyle::None) ||
            (c == AttributeCategory::Hat && a.hat.style != HatStyle::None) ||
            (c == AttributeCategory::Beard && a.beard.style != BeardStyle::None)) {
            return p;
        }
    }
}

std::vector<SynthMask> allowedMasks(AttributeCategory c)
{
    switch (c) {
    case AttributeCategory::Hair: return {SynthMask::Hair, SynthMask::Eyeglasses}; // lenses are see-through
    case AttributeCategory::Eyeglasses: return {SynthMask::Eyeglasses};
    case AttributeCategory::Hat: return {SynthMask::Hat, SynthMask::Hair, SynthMask::Eyeglasses}; // hair flattens under a hat
    case AttributeCategory::Beard: return {SynthMask::Beard};
    }
    return {};
}

} // namespace

TEST(SynthSwap, ChangesOnlyTheSwappedRegion)
{
    const std::vector<Pose> motion = randomMotion(77, 40);
    for (AttributeCategory c : {AttributeCategory::Hair, AttributeCategory::Eyeglasses, AttributeCategory::Hat, AttributeCategory::Beard}) {
        for (std::uint64_t target : {31u, 32u, 33u}) {
            const Person p = randomPerson(target);
            const Person swapped = withAttribute(p, c, donorWith(c, target * 7));
            for (int f : {0, 21}) {
                const SynthFrame a = renderSynthFrame(p, motion[static_cast<std::size_t>(f)], size(160, 160));
                const SynthFrame b = renderSynthFrame(swapped, motion[static_cast<std::size_t>(f)], size(160, 160));
                std::vector<std::uint8_t> allowed(160 * 160, 0);
                for (SynthMask m : allowedMasks(c)) {
                    for (const SynthFrame* frame : {&a, &b}) {
                        const auto g = grown(frame->mask(m), 1);
                        for (std::size_t i = 0; i < g.size(); ++i) {
                            allowed[i] |= g[i];
                        }
                    }
                }
                const auto diff = changed(a.rgb, b.rgb, 10);
                long outside = 0;
                for (std::size_t i = 0; i < diff.size(); ++i) {
                    outside += diff[i] && !allowed[i];
                }
                EXPECT_EQ(outside, 0) << toString(c) << " swap onto seed " << target << " frame " << f;
                for (int k = 0; k < kSynthKeypointCount; ++k) { // identity and motion are untouched
                    EXPECT_EQ(a.keypoints[static_cast<std::size_t>(k)].x, b.keypoints[static_cast<std::size_t>(k)].x);
                }
            }
        }
    }
}

TEST(SynthSwap, SeveralCategoriesFromSeveralDonors)
{
    const Person p = randomPerson(40);
    const Person hairDonor = donorWith(AttributeCategory::Hair, 400);
    const Person hatDonor = donorWith(AttributeCategory::Hat, 500);
    const Person both = withAttributes(p, {{AttributeCategory::Hair, hairDonor}, {AttributeCategory::Hat, hatDonor}});
    EXPECT_EQ(both.attributes.hair.style, hairDonor.attributes.hair.style);
    EXPECT_EQ(both.attributes.hair.texture, hairDonor.attributes.hair.texture);
    EXPECT_EQ(both.attributes.hat.style, hatDonor.attributes.hat.style);
    EXPECT_EQ(both.attributes.eyeglasses.style, p.attributes.eyeglasses.style);
    EXPECT_EQ(both.identity.eyeSpacing, p.identity.eyeSpacing);
    const SynthFrame f = renderSynthFrame(both, Pose{}, size(128, 128));
    EXPECT_GT(area(f.mask(SynthMask::Hat)), 200);
}

TEST(SynthSwap, ExpandedAttributesCoverTheOriginal)
{
    const Pose pose = randomMotion(9, 10)[4];
    for (AttributeCategory c : {AttributeCategory::Hair, AttributeCategory::Eyeglasses, AttributeCategory::Hat, AttributeCategory::Beard}) {
        for (std::uint64_t start : {60u, 90u}) {
            Person p = donorWith(c, start);
            Person big = p;
            big.attributes = expandedAttributes(p.attributes, c);
            const SynthFrame a = renderSynthFrame(p, pose, size(160, 160));
            const SynthFrame b = renderSynthFrame(big, pose, size(160, 160));
            const Image& ma = a.mask(synthMaskOf(c));
            const Image& mb = b.mask(synthMaskOf(c));
            EXPECT_GT(area(mb), area(ma)) << toString(c) << " from seed " << start;
            long covered = 0, total = 0;
            for (std::size_t i = 0; i < ma.pixels.size(); ++i) {
                if (ma.pixels[i] > 127) {
                    ++total;
                    covered += mb.pixels[i] > 0;
                }
            }
            EXPECT_GE(covered, total * 85 / 100) << toString(c) << " from seed " << start;
        }
        // An absent attribute expands to a generous typical one.
        Person none = plainPerson(3);
        none.attributes = expandedAttributes(none.attributes, c);
        EXPECT_GT(area(renderSynthFrame(none, pose, size(160, 160)).mask(synthMaskOf(c))), 100) << toString(c);
    }
}

TEST(SynthMotion, SmoothWithBlinksTalkAndSmiles)
{
    const std::vector<Pose> motion = randomMotion(5, 500, 25.0);
    ASSERT_EQ(motion.size(), 500u);
    float maxBlink = 0.f, maxMouth = 0.f, maxYaw = 0.f;
    for (std::size_t i = 1; i < motion.size(); ++i) {
        EXPECT_LT(std::abs(motion[i].yaw - motion[i - 1].yaw), 3.f);
        EXPECT_LT(std::abs(motion[i].pitch - motion[i - 1].pitch), 3.f);
        EXPECT_LT(std::abs(motion[i].tx - motion[i - 1].tx), 0.01f);
        maxBlink = std::max(maxBlink, motion[i].blink);
        maxMouth = std::max(maxMouth, motion[i].mouthOpen);
        maxYaw = std::max(maxYaw, std::abs(motion[i].yaw));
        validatePose(motion[i]);
    }
    EXPECT_GT(maxBlink, 0.8f) << "someone blinks within 20 s";
    EXPECT_GT(maxYaw, 3.f);
    EXPECT_EQ(randomMotion(5, 500)[321].yaw, motion[321].yaw);
    EXPECT_GE(maxMouth, 0.f);
}

TEST(SynthExport, WritesFramesMasksAndKeypoints)
{
    const auto dir = std::filesystem::temp_directory_path() / ("durian-synth-" + std::to_string(::getpid()));
    const std::vector<Pose> motion = randomMotion(2, 3);
    const auto frames = renderSynthSequence(randomPerson(2), motion, size(64, 48));
    writeSynthFrames(frames, motion, dir, "seed 2");
    for (const char* name : {"frame_00000.png", "frame_00002.png", "mask_hair_00001.png", "mask_eyeglasses_00002.png",
             "mask_background_00000.png", "keypoints.json"}) {
        EXPECT_TRUE(std::filesystem::is_regular_file(dir / name)) << name;
    }
    const Image back = loadImageRgb(dir / "frame_00001.png");
    EXPECT_EQ(back.pixels, frames[1].rgb.pixels);
    const std::string json = synthKeypointsJson(frames, motion, "seed 2");
    EXPECT_NE(json.find("\"format\": \"durian-synth-keypoints\""), std::string::npos);
    EXPECT_NE(json.find("\"layout\": \"dlib-68\""), std::string::npos);
    std::filesystem::remove_all(dir);
    EXPECT_THROW(writeSynthFrames(frames, motion, "/proc/forbidden/synth", "x"), Error);
}
