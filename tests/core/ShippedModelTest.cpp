// Where the app and the CLI look for the shipped default model.
#include "core/pipeline/ShippedModel.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace durian;

TEST(ShippedModel, ModelsDirOverridesTheSearch)
{
    const auto dir = std::filesystem::path(::testing::TempDir()) / "durian-models-dir";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    ::setenv("DURIAN_MODELS_DIR", dir.c_str(), 1);
    EXPECT_FALSE(shippedModelWeights().has_value()) << "an empty DURIAN_MODELS_DIR means no shipped model";
    std::ofstream(dir / "default.safetensors") << "x";
    EXPECT_EQ(shippedModelWeights(), dir / "default.safetensors");
    ::unsetenv("DURIAN_MODELS_DIR");
    EXPECT_NE(shippedModelWeights(), dir / "default.safetensors");
    std::filesystem::remove_all(dir);
}
