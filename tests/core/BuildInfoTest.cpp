#include "core/runtime/BuildInfo.h"

#include <gtest/gtest.h>

#include <regex>

TEST(BuildInfo, ListsEveryCoreLibraryWithANumericVersion)
{
    const auto versions = durian::coreLibraryVersions();
    std::vector<std::string> names;
    for (const auto& [name, version] : versions) {
        names.push_back(name);
        EXPECT_TRUE(std::regex_search(version, std::regex(R"(^n?\d+\.\d+)"))) << name << " version '" << version << "'";
    }
    EXPECT_EQ(names, (std::vector<std::string>{"LibTorch", "OpenCV", "FFmpeg", "dlib"}));
}

TEST(BuildInfo, DurianVersionIsSemantic)
{
    EXPECT_TRUE(std::regex_match(durian::durianVersion(), std::regex(R"(\d+\.\d+\.\d+)")));
}
