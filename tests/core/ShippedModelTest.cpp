// The model the app ships (resources/models/default.safetensors): found, loaded strictly, and on a fixed
// held-out world case its frames are closer to the truth (PSNR, and L1 in the attribute region) than the
// portrait animated without the transfer, and closer (PSNR) than the classical warp-and-composite result. A real check that the shipped weights work, at a size CI can afford.
#include "core/eval/TransferBenchmark.h"
#include "core/pipeline/Pipeline.h"
#include "core/pipeline/ShippedModel.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace durian;

namespace {

// The case: held out from training by construction (see TransferCases.h).
constexpr const char* kCategory = "hat";
constexpr std::uint64_t kCaseSeed = 3;

} // namespace

TEST(ShippedModel, TransfersAFixedWorldCaseBetterThanNoTransfer)
{
    const auto weights = shippedModelWeights();
    ASSERT_TRUE(weights.has_value()) << "resources/models/default.safetensors is missing";
    GeneratorOptions generatorOptions;
    generatorOptions.weights = *weights; // the default model's config; a strict load
    Generator generator(generatorOptions);

    TransferEvalOptions options;
    options.frames = 2;
    options.steps = 10;
    options.size = generator.config().resolution;
    const auto c = makeTransferCases(kCategory, kCaseSeed, 1, options.frames, options.size).front();
    const auto model = scoreVideo(durianVideo(generator, c, options), c);
    const auto without = scoreVideo(warpCompositeVideo(c, false), c);
    const auto classical = scoreVideo(warpCompositeVideo(c, true), c);
    std::printf("%s case, seed %llu: attribute L1 %.4f (no transfer %.4f, classical %.4f), PSNR %.2f dB (no transfer "
                "%.2f dB, classical %.2f dB)\n",
        kCategory, static_cast<unsigned long long>(kCaseSeed), model.l1Attribute, without.l1Attribute,
        classical.l1Attribute, model.psnr, without.psnr, classical.psnr);
    EXPECT_LT(model.l1Attribute, without.l1Attribute); // the hat is the reference's, not the portrait's
    EXPECT_GT(model.psnr, without.psnr);
    EXPECT_GT(model.psnr, classical.psnr); // the model refines the classical result, it does not spoil it
}

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
