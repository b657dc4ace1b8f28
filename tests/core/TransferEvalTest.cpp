// The benchmark: metrics, held-out cases and the table, on the baselines and the tiny model.
#include "core/eval/ImageMetrics.h"
#include "core/eval/TransferBenchmark.h"
#include "core/masks/MaskOps.h"
#include "core/pipeline/Pipeline.h"

#include <gtest/gtest.h>

#include <random>

using namespace durian;

namespace {

Image noiseImage(int size, unsigned seed)
{
    Image image(size, size, 3);
    std::mt19937 rng(seed);
    for (auto& p : image.pixels) {
        p = static_cast<std::uint8_t>(rng() % 256);
    }
    return image;
}

} // namespace

TEST(ImageMetrics, PsnrFollowsTheMeanSquaredError)
{
    const Image a(16, 16, 3, 100);
    Image b = a;
    EXPECT_DOUBLE_EQ(psnr(a, b), 100.0);
    for (auto& p : b.pixels) {
        p = 110; // MSE 100
    }
    EXPECT_NEAR(psnr(a, b), 10.0 * std::log10(255.0 * 255.0 / 100.0), 1e-9);
    EXPECT_THROW(psnr(a, Image(8, 8, 3)), Error);
}

TEST(ImageMetrics, SsimIsOneForEqualImagesAndFallsWithNoise)
{
    const Image a = noiseImage(48, 1);
    EXPECT_NEAR(ssim(a, a), 1.0, 1e-6);
    Image blurred = a;
    for (std::size_t i = 3; i < blurred.pixels.size(); ++i) {
        blurred.pixels[i] = static_cast<std::uint8_t>((a.pixels[i] + a.pixels[i - 3]) / 2);
    }
    const double similar = ssim(a, blurred), unrelated = ssim(a, noiseImage(48, 2));
    EXPECT_LT(similar, 0.99);
    EXPECT_LT(unrelated, similar);
    EXPECT_LT(std::abs(unrelated), 0.1);
}

TEST(ImageMetrics, MaskedL1SeparatesInsideFromOutside)
{
    const Image a(10, 10, 3, 0);
    Image b = a;
    Image mask(10, 10, 1, 0);
    for (int y = 0; y < 10; ++y) {
        for (int x = 0; x < 5; ++x) {
            mask.row(y)[x] = 255;
            b.row(y)[3 * x] = b.row(y)[3 * x + 1] = b.row(y)[3 * x + 2] = 255;
        }
    }
    EXPECT_DOUBLE_EQ(maskedL1(a, b, mask, true), 1.0);
    EXPECT_DOUBLE_EQ(maskedL1(a, b, mask, false), 0.0);
    EXPECT_DOUBLE_EQ(maskedL1(a, b, Image(10, 10, 1, 0), true), -1.0); // no pixels inside
    EXPECT_DOUBLE_EQ(meanAbsDifference(a, b), 0.5);
}

TEST(TransferCases, AreDeterministicAndDifferBySeed)
{
    const auto first = makeTransferCases("hair", 1, 2, 3, 64);
    const auto again = makeTransferCases("hair", 1, 2, 3, 64);
    const auto other = makeTransferCases("hair", 2, 2, 3, 64);
    ASSERT_EQ(first.size(), 2u);
    EXPECT_EQ(first[0].truth[2].pixels, again[0].truth[2].pixels);
    EXPECT_NE(first[0].truth[0].pixels, first[1].truth[0].pixels);
    EXPECT_NE(first[0].truth[0].pixels, other[0].truth[0].pixels);
    EXPECT_THROW(makeTransferCases("scarf", 1, 1, 1, 64), Error);
}

TEST(TransferCases, CompositionsCarryTwoReferencesAndTheRegionIsWhereTheTruthChanges)
{
    const auto cases = makeTransferCases("composition", 3, 1, 2, 96);
    ASSERT_EQ(cases.size(), 1u);
    const auto& c = cases[0];
    ASSERT_EQ(c.references.size(), 2u);
    EXPECT_NE(c.references[0].category, c.references[1].category);
    ASSERT_EQ(c.truth.size(), 2u);
    EXPECT_GT(maskCoverage(c.region[0]), 0.01);
    EXPECT_GT(maskCoverage(c.portraitHole), 0.01);
    // The truth is the portrait person: outside the region, the no-transfer animation is close to it.
    const auto still = warpCompositeVideo(c, false);
    EXPECT_LT(maskedL1(still[0], c.truth[0], c.region[0], false), 0.06);
}

TEST(TransferScores, TheTruthScoresPerfectly)
{
    const auto c = makeTransferCases("hat", 1, 1, 3, 64).front();
    const auto s = scoreVideo(c.truth, c);
    EXPECT_DOUBLE_EQ(s.psnr, 100.0);
    EXPECT_NEAR(s.ssim, 1.0, 1e-6);
    EXPECT_DOUBLE_EQ(s.l1Attribute, 0.0);
    EXPECT_DOUBLE_EQ(s.l1Rest, 0.0);
    EXPECT_DOUBLE_EQ(s.flicker, 0.0);
    EXPECT_THROW(scoreVideo({c.truth[0]}, c), Error);
}

TEST(TransferEval, BaselinesFillTheTableInOrder)
{
    TransferEvalOptions options;
    options.cases = 1;
    options.frames = 2;
    options.size = 64;
    const auto report = runTransferEval(nullptr, options);
    ASSERT_EQ(report.rows.size(), 12u); // 5 categories + all, 2 baselines
    EXPECT_EQ(report.rows[0].method, "warp_composite");
    EXPECT_EQ(report.rows[0].category, "hair");
    EXPECT_EQ(report.rows[11].category, "all");
    EXPECT_EQ(report.rows[11].cases, 5);
    // Pasting the donor's hair gets the hair region closer to the truth than leaving the portrait's own.
    EXPECT_LT(report.rows[0].scores.l1Attribute, report.rows[1].scores.l1Attribute);
    const auto csv = transferTableCsv(report.rows);
    EXPECT_EQ(csv.substr(0, csv.find('\n')), "method,category,cases,psnr,ssim,l1_attr,l1_rest,flicker");
    EXPECT_NE(transferTableMarkdown(report.rows).find("| no_transfer | all | 5 |"), std::string::npos);
}

TEST(TransferEval, RunsTheModelOnTheSameCases)
{
    GeneratorOptions o;
    o.model = "tiny";
    Generator generator(o);
    TransferEvalOptions options;
    options.cases = 1;
    options.frames = 2;
    options.size = 64;
    options.steps = 2;
    const auto report = runTransferEval(&generator, options);
    ASSERT_EQ(report.rows.size(), 18u);
    EXPECT_EQ(report.rows[0].method, "durian");
    EXPECT_EQ(report.durianFrames, 10);
    EXPECT_GT(report.rows[0].scores.psnr, 0.0);

    const auto check = checkInterpolation(generator, 1, 64, 2, 3);
    ASSERT_EQ(check.colours.size(), 3u);
    EXPECT_DOUBLE_EQ(check.alphas[1], 0.5);
    EXPECT_DOUBLE_EQ(check.position.front(), 0.0);
    // The world's two hair colours really differ (black and blond), so the check can tell them apart.
    EXPECT_GT(check.truthB[0] - check.truthA[0], 80.0);
}
