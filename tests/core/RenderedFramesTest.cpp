#include "core/io/AtomicFile.h"
#include "core/render/RenderedFrames.h"

#include "tests/common/ScratchDirectory.h"

#include <gtest/gtest.h>

using durian::Project;
using durian::RenderedFrames;
using testsupport::freshDirectory;

namespace {

Project projectIn(const std::filesystem::path& dir)
{
    durian::writeFileAtomically(dir / "portrait.png", "portrait bytes");
    durian::writeFileAtomically(dir / "hair.png", "hair bytes");
    Project project;
    project.portraitImage = dir / "portrait.png";
    durian::AttributeReference hair;
    hair.image = dir / "hair.png";
    project.attributes.push_back(hair);
    return project;
}

} // namespace

TEST(RenderedFrames, TheKeyFollowsWhatMakesTheFramesNotWhereTheFilesAre)
{
    const auto a = freshDirectory("frames-key-a");
    const auto b = freshDirectory("frames-key-b");
    const Project here = projectIn(a);
    Project moved = projectIn(b); // the same bytes elsewhere, as after Save As gathers them
    moved.name = "Another name";
    EXPECT_EQ(durian::renderKey(here, std::nullopt), durian::renderKey(moved, std::nullopt));

    Project stronger = here;
    stronger.attributes[0].strength = 0.5;
    EXPECT_NE(durian::renderKey(here, std::nullopt), durian::renderKey(stronger, std::nullopt));
    Project longer = here;
    longer.motion.frames = 12;
    EXPECT_NE(durian::renderKey(here, std::nullopt), durian::renderKey(longer, std::nullopt));

    durian::writeFileAtomically(b / "hair.png", "other hair");
    EXPECT_NE(durian::renderKey(here, std::nullopt), durian::renderKey(moved, std::nullopt));

    durian::writeFileAtomically(a / "model.safetensors", "weights");
    EXPECT_NE(durian::renderKey(here, std::nullopt), durian::renderKey(here, a / "model.safetensors"));
}

TEST(RenderedFrames, OnlyAFinishedSetIsOffered)
{
    const auto cache = freshDirectory("frames-set");
    RenderedFrames frames(cache, "key one");
    EXPECT_FALSE(frames.complete());
    frames.start();
    durian::Image frame(4, 4, 3, 90);
    frames.write(0, frame);
    frames.write(1, frame);
    EXPECT_FALSE(frames.complete()) << "a set still being written (or cancelled, or crashed) is not reused";
    frames.finish({2, "classical"});
    const auto set = frames.complete();
    ASSERT_TRUE(set);
    EXPECT_EQ(set->frames, 2);
    EXPECT_EQ(set->method, "classical");
    EXPECT_EQ(frames.frame(1).pixels, frame.pixels);

    RenderedFrames other(cache, "key two");
    other.start();
    other.removeOthers();
    EXPECT_FALSE(std::filesystem::exists(frames.folder()));
    EXPECT_TRUE(std::filesystem::exists(other.folder()));
}
