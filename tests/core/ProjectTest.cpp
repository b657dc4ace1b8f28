#include "core/io/AtomicFile.h"
#include "core/io/Project.h"
#include "core/util/Error.h"

#include "tests/common/ScratchDirectory.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using testsupport::freshDirectory;

std::string errorOf(const fs::path& path)
{
    try {
        durian::loadProject(path);
    } catch (const durian::Error& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST(Project, TheBundledDemoLoadsAndIsComplete)
{
    const fs::path demo = fs::path(DURIAN_SOURCE_DIR) / "resources/demo/demo.durian";
    const auto project = durian::loadProject(demo);
    EXPECT_EQ(project.name, "Demo");
    EXPECT_TRUE(project.portraitImage.is_absolute());
    EXPECT_TRUE(fs::exists(project.portraitImage));
    EXPECT_TRUE(durian::findProjectProblems(project).empty());
}

TEST(Project, TheInterpolationDemoPairsTwoHairReferences)
{
    const auto project = durian::loadProject(fs::path(DURIAN_SOURCE_DIR) / "resources/demo/interpolation.durian");
    EXPECT_TRUE(durian::findProjectProblems(project).empty());
    ASSERT_TRUE(project.interpolation.has_value());
    const auto& a = project.attributes.at(static_cast<std::size_t>(project.interpolation->slot));
    const auto& b = project.attributes.at(static_cast<std::size_t>(project.interpolation->with));
    EXPECT_EQ(a.category, durian::AttributeCategory::Hair);
    EXPECT_EQ(b.category, durian::AttributeCategory::Hair);
    EXPECT_NE(a.image, b.image);
    EXPECT_DOUBLE_EQ(project.interpolation->alpha, 0.5);
}

TEST(Project, SaveAndLoadRoundTripWithRelativePaths)
{
    const auto dir = freshDirectory("roundtrip");
    durian::Project project;
    project.name = "Round trip";
    project.portraitImage = dir / "images/me.png";
    project.attributes.push_back({durian::AttributeCategory::Eyeglasses, dir / "images/glasses.jpg", {}, 0.4});
    project.attributes.push_back({durian::AttributeCategory::Hat, "/elsewhere/hat.png", dir / "hat-mask.png", 1.0});
    project.motion.frames = 96;
    project.render.seed = 1234567890123ULL;
    durian::saveProject(project, dir / "p.durian");

    EXPECT_NE(durian::readFile(dir / "p.durian").find("\"images/me.png\""), std::string::npos)
        << "paths inside the project folder are stored relative, so the folder can move";

    const auto loaded = durian::loadProject(dir / "p.durian");
    EXPECT_EQ(loaded.name, "Round trip");
    EXPECT_EQ(loaded.portraitImage, project.portraitImage);
    ASSERT_EQ(loaded.attributes.size(), 2u);
    EXPECT_EQ(loaded.attributes[0].category, durian::AttributeCategory::Eyeglasses);
    EXPECT_DOUBLE_EQ(loaded.attributes[0].strength, 0.4);
    EXPECT_EQ(loaded.attributes[1].image, fs::path("/elsewhere/hat.png"));
    EXPECT_EQ(loaded.attributes[1].mask, dir / "hat-mask.png");
    EXPECT_EQ(loaded.motion.frames, 96);
    EXPECT_EQ(loaded.render.seed, 1234567890123ULL);

    const auto problems = durian::findProjectProblems(loaded);
    EXPECT_EQ(problems.size(), 4u) << "portrait, glasses image, hat image and hat mask are all missing";
}

TEST(Project, CorruptAndInvalidFilesNameTheProblem)
{
    const auto dir = freshDirectory("corrupt");
    const auto write = [&](const std::string& name, const std::string& text) {
        durian::writeFileAtomically(dir / name, text);
        return dir / name;
    };
    EXPECT_NE(errorOf(write("truncated.durian", R"({"format": "durian-project", "version": 1, "na)")).find("not valid JSON"),
        std::string::npos);
    EXPECT_NE(errorOf(write("other.durian", R"({"hello": 1})")).find("not a Durian Studio project"), std::string::npos);
    EXPECT_NE(errorOf(write("newer.durian", R"({"format": "durian-project", "version": 99})")).find("newer Durian Studio"),
        std::string::npos);
    EXPECT_NE(errorOf(write("category.durian",
                  R"({"format": "durian-project", "version": 1, "attributes": [{"category": "wig", "image": "a.png"}]})"))
                  .find("attributes[0].category: unknown category 'wig'"),
        std::string::npos);
    EXPECT_NE(errorOf(write("strength.durian",
                  R"({"format": "durian-project", "version": 1, "attributes": [{"category": "hat", "image": "a.png", "strength": 3}]})"))
                  .find("attributes[0].strength: must be between"),
        std::string::npos);
    EXPECT_NE(errorOf(write("type.durian", R"({"format": "durian-project", "version": 1, "motion": {"frames": "many"}})"))
                  .find("motion.frames: has the wrong type"),
        std::string::npos);
    EXPECT_NE(errorOf(dir / "missing.durian").find("missing.durian"), std::string::npos);
}

TEST(Project, NumbersAreCheckedAsTheyAreRead)
{
    const auto dir = freshDirectory("numbers");
    const auto errorFor = [&](const std::string& name, const std::string& fields) {
        durian::writeFileAtomically(dir / name, R"({"format": "durian-project", )" + fields + "}");
        return errorOf(dir / name);
    };
    // nlohmann alone made these 4 frames, 4 frames, seed 2^64-1 and version 1.
    EXPECT_NE(errorFor("wrap.durian", R"("version": 1, "motion": {"frames": 4294967300})").find("motion.frames: has the wrong type"),
        std::string::npos);
    EXPECT_NE(errorFor("fraction.durian", R"("version": 1, "motion": {"frames": 4.7})").find("motion.frames"), std::string::npos);
    EXPECT_NE(errorFor("seed.durian", R"("version": 1, "render": {"seed": -1})").find("render.seed"), std::string::npos);
    EXPECT_NE(errorFor("version.durian", R"("version": 1.9)").find("version"), std::string::npos);
    EXPECT_NE(errorFor("huge.durian", R"("version": 1e20)").find("version"), std::string::npos);
    EXPECT_NE(errorFor("nan.durian", R"("version": 1, "render": {"resolution": 100})").find("render.resolution: must be a multiple of 32"),
        std::string::npos);
    // A number no type holds threw nlohmann's out_of_range past the loader (found by fuzz_project).
    EXPECT_NE(errorFor("overflow.durian", R"("version": 6087426e729030066342832457681)").find("not valid JSON"),
        std::string::npos);
    EXPECT_EQ(errorFor("fine.durian", R"("version": 1, "motion": {"frames": 12}, "render": {"seed": 18446744073709551615})"), "");
}

TEST(Project, CategoriesRoundTripThroughText)
{
    for (auto category : {durian::AttributeCategory::Hair, durian::AttributeCategory::Eyeglasses,
             durian::AttributeCategory::Hat, durian::AttributeCategory::Beard}) {
        EXPECT_EQ(durian::parseAttributeCategory(durian::toString(category)), category);
    }
    EXPECT_FALSE(durian::parseAttributeCategory("Hair").has_value());
}

TEST(Project, EnabledIsOptionalAndRoundTrips)
{
    const auto dir = freshDirectory("enabled");
    // A version-1 file from before the switch existed: every reference is on.
    durian::writeFileAtomically(dir / "old.durian",
        R"({"format": "durian-project", "version": 1, "attributes": [{"category": "hat", "image": "a.png"}]})");
    auto project = durian::loadProject(dir / "old.durian");
    ASSERT_EQ(project.attributes.size(), 1u);
    EXPECT_TRUE(project.attributes[0].enabled);

    project.attributes[0].enabled = false;
    durian::saveProject(project, dir / "new.durian");
    EXPECT_FALSE(durian::loadProject(dir / "new.durian").attributes[0].enabled);

    durian::writeFileAtomically(dir / "bad.durian",
        R"({"format": "durian-project", "version": 1, "attributes": [{"category": "hat", "image": "a.png", "enabled": "yes"}]})");
    EXPECT_NE(errorOf(dir / "bad.durian").find("attributes[0].enabled: has the wrong type"), std::string::npos);
}

TEST(Project, AReferencesFaceIsOptionalRoundTripsAndIsValidated)
{
    const auto dir = freshDirectory("reference-face");
    durian::writeFileAtomically(dir / "old.durian",
        R"({"format": "durian-project", "version": 1, "attributes": [{"category": "eyeglasses", "image": "a.png"}]})");
    auto project = durian::loadProject(dir / "old.durian");
    ASSERT_EQ(project.attributes.size(), 1u);
    EXPECT_EQ(project.attributes[0].face, 0);

    project.attributes[0].face = 3;
    durian::saveProject(project, dir / "new.durian");
    EXPECT_EQ(durian::loadProject(dir / "new.durian").attributes[0].face, 3);

    durian::writeFileAtomically(dir / "bad.durian",
        R"({"format": "durian-project", "version": 1, "attributes": [{"category": "hat", "image": "a.png", "face": -1}]})");
    EXPECT_NE(errorOf(dir / "bad.durian").find("attributes[0].face"), std::string::npos) << errorOf(dir / "bad.durian");
}

TEST(Project, InterpolationAndFaceAreOptionalRoundTripAndValidated)
{
    const auto dir = freshDirectory("interpolation");
    const std::string attributes
        = R"("attributes": [{"category": "hair", "image": "a.png"}, {"category": "hair", "image": "b.png"},
                            {"category": "hat", "image": "c.png"}])";
    durian::writeFileAtomically(dir / "old.durian", R"({"format": "durian-project", "version": 1, )" + attributes + "}");
    auto project = durian::loadProject(dir / "old.durian");
    EXPECT_FALSE(project.interpolation.has_value());
    EXPECT_EQ(project.portraitFace, 0);

    project.interpolation = durian::AttributeInterpolation{1, 0, 0.25};
    project.portraitFace = 2;
    durian::saveProject(project, dir / "new.durian");
    const auto loaded = durian::loadProject(dir / "new.durian");
    ASSERT_TRUE(loaded.interpolation.has_value());
    EXPECT_EQ(loaded.interpolation->slot, 1);
    EXPECT_EQ(loaded.interpolation->with, 0);
    EXPECT_DOUBLE_EQ(loaded.interpolation->alpha, 0.25);
    EXPECT_EQ(loaded.portraitFace, 2);

    const auto errorFor = [&](const std::string& interpolation) {
        durian::writeFileAtomically(dir / "bad.durian",
            R"({"format": "durian-project", "version": 1, )" + attributes + R"(, "interpolation": )" + interpolation + "}");
        return errorOf(dir / "bad.durian");
    };
    EXPECT_NE(errorFor(R"({"slot": 0, "with": 2})").find("interpolation.with: pairs references of two categories (hair and hat)"),
        std::string::npos);
    EXPECT_NE(errorFor(R"({"slot": 0, "with": 5})").find("interpolation.with: refers to attribute 6 but the project has 3"),
        std::string::npos);
    EXPECT_NE(errorFor(R"({"slot": 1, "with": 1})").find("cannot be paired with itself"), std::string::npos);
    EXPECT_NE(errorFor(R"({"slot": 0, "with": 1, "alpha": 1.5})").find("interpolation.alpha: must be between 0 and 1"),
        std::string::npos);
    EXPECT_NE(errorFor(R"({"with": 1})").find("interpolation.slot: missing"), std::string::npos);
}
