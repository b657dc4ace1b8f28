#include "core/render/ExportOptions.h"
#include "core/render/ProjectRender.h"
#include "core/util/Error.h"

#include <gtest/gtest.h>

using durian::ExportOptions;

TEST(ExportOptions, QualityNamesRoundTrip)
{
    for (const auto quality : {ExportOptions::Quality::High, ExportOptions::Quality::Medium, ExportOptions::Quality::Low}) {
        EXPECT_EQ(durian::parseExportQuality(durian::toString(quality)), quality);
    }
    EXPECT_FALSE(durian::parseExportQuality("best"));
    EXPECT_FALSE(durian::parseExportQuality(""));
}

TEST(ExportOptions, OutOfRangeValuesNameTheOption)
{
    durian::validateExportOptions({}); // defaults: the project's own settings
    ExportOptions fps;
    fps.fps = 500;
    EXPECT_THROW(durian::validateExportOptions(fps), durian::Error);
    ExportOptions size;
    size.size = 8;
    try {
        durian::validateExportOptions(size);
        FAIL() << "size 8 accepted";
    } catch (const durian::Error& e) {
        EXPECT_NE(std::string(e.what()).find("size 8"), std::string::npos) << e.what();
    }
}

TEST(ExportOptions, SameRateKeepsEveryFrame)
{
    EXPECT_EQ(durian::exportFrameCount(48, 24, 0), 48);
    EXPECT_EQ(durian::exportFrameCount(48, 24, 24), 48);
    for (int i = 0; i < 48; ++i) {
        EXPECT_EQ(durian::exportSourceFrame(i, 48, 24, 24), i);
    }
}

TEST(ExportOptions, AnotherRateKeepsTheDuration)
{
    // 2 s at 24 fps written at 12 fps: 24 frames, every other one.
    EXPECT_EQ(durian::exportFrameCount(48, 24, 12), 24);
    EXPECT_EQ(durian::exportSourceFrame(0, 48, 24, 12), 0);
    EXPECT_EQ(durian::exportSourceFrame(5, 48, 24, 12), 10);
    // Up-sampling repeats frames and never reads past the end.
    EXPECT_EQ(durian::exportFrameCount(48, 24, 60), 120);
    EXPECT_EQ(durian::exportSourceFrame(119, 48, 24, 60), 47);
    // A very low rate still gives one frame.
    EXPECT_EQ(durian::exportFrameCount(2, 24, 1), 1);
}
