// Saving a project gathers the files it uses beside it, so the project folder travels whole.
#include "core/io/AtomicFile.h"
#include "core/io/ProjectAssets.h"
#include "core/util/Error.h"

#include <gtest/gtest.h>

#include <unistd.h>

using namespace durian;
namespace fs = std::filesystem;

namespace {

struct Folders {
    fs::path root, elsewhere, other, project;
    Folders()
    {
        root = fs::temp_directory_path() / ("durian-assets-" + std::to_string(::getpid()));
        elsewhere = root / "downloads";
        other = root / "other";
        project = root / "work";
        fs::create_directories(elsewhere);
        fs::create_directories(other);
        fs::create_directories(project / "mine");
    }
    ~Folders() { fs::remove_all(root); }
};

} // namespace

TEST(ProjectAssets, CopiesOutsideFilesBesideTheProjectAndKeepsInsideOnes)
{
    const Folders f;
    writeFileAtomically(f.elsewhere / "face.png", "portrait bytes");
    writeFileAtomically(f.elsewhere / "mask.png", "hair mask");
    writeFileAtomically(f.other / "mask.png", "glasses mask"); // same name, other content
    writeFileAtomically(f.project / "mine" / "hair.png", "hair photo");
    Project p;
    p.portraitImage = f.elsewhere / "face.png";
    p.attributes.push_back({AttributeCategory::Hair, f.project / "mine" / "hair.png", f.elsewhere / "mask.png", 1.0, true});
    p.attributes.push_back({AttributeCategory::Eyeglasses, f.elsewhere / "face.png", f.other / "mask.png", 1.0, true});

    const Project out = collectProjectAssets(p, f.project / "Demo.durian");
    const fs::path assets = f.project / "Demo.assets";
    EXPECT_EQ(out.portraitImage, assets / "face.png");
    EXPECT_EQ(out.attributes[0].image, f.project / "mine" / "hair.png"); // already in the folder
    EXPECT_EQ(out.attributes[0].mask, assets / "mask.png");
    EXPECT_EQ(out.attributes[1].image, assets / "face.png");             // one copy for one file
    EXPECT_EQ(out.attributes[1].mask, assets / "mask-2.png");            // a taken name, other bytes
    EXPECT_EQ(readFile(assets / "mask-2.png"), "glasses mask");
    EXPECT_TRUE(out.portraitMask.empty());

    // Saved and loaded, the paths are relative to the project and still point at the copies.
    saveProject(out, f.project / "Demo.durian");
    EXPECT_NE(readFile(f.project / "Demo.durian").find("\"Demo.assets/mask-2.png\""), std::string::npos);
    // Saving again copies nothing new.
    const Project again = collectProjectAssets(loadProject(f.project / "Demo.durian"), f.project / "Demo.durian");
    EXPECT_EQ(again.attributes[1].mask, assets / "mask-2.png");
    EXPECT_EQ(std::distance(fs::directory_iterator(assets), fs::directory_iterator()), 3);
}

TEST(ProjectAssets, AMissingFileIsNamed)
{
    const Folders f;
    Project p;
    p.portraitImage = f.elsewhere / "gone.png";
    try {
        collectProjectAssets(p, f.project / "p.durian");
        FAIL() << "expected an error";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("gone.png"), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(f.project / "p.assets"));
    EXPECT_THROW(collectProjectAssets(Project{}, f.root / "no-such-folder" / "p.durian"), Error);
    EXPECT_FALSE(fs::exists(f.root / "no-such-folder"));
}
