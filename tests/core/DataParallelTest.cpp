// Data-parallel training on PyTorch's c10d (Gloo over loopback): ranks run as threads of this test, each
// with its own Trainer, store connection and process group, exactly as separate processes would.
#include "core/train/DataParallelConfig.h"
#include "core/train/Trainer.h"
#include "core/util/Error.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <thread>

#include <unistd.h>

using namespace durian;

namespace {

// Per process: ctest runs each test in its own process, several at once, and they share these helpers.
std::filesystem::path tempDir(const std::string& name)
{
    const auto dir = std::filesystem::path(::testing::TempDir()) / (name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// The tiny preset in pixel space with the classical prior: the weighted loss and the prior inputs too.
TrainConfig tinyPriorConfig()
{
    const auto model = tempDir("durian-dp-model") / "tiny-prior.json";
    std::ofstream(model) << R"({"base": "tiny", "name": "tiny-prior", "pixel_unshuffle": 4, "latent_channels": 48,
        "latent_scale": 2.0, "prior": true, "prediction": "sample"})";
    TrainConfig c;
    c.model = model.string();
    c.steps = 8;
    c.batch = 4;
    c.learningRate = 1e-3;
    c.seed = 11;
    c.data.clipLength = 8;
    c.data.swapFraction = 0.5;
    c.data.referenceDropout = 0.3;
    // From a weights file: threads that build their models at once share LibTorch's global generator, so
    // their random initial weights would differ from a lone process's (separate processes do not share it).
    const auto weights = tempDir("durian-dp-init");
    Trainer(c, {}).saveCheckpoint(weights);
    c.init = weights / "model.safetensors";
    return c;
}

DataParallelConfig rankOf(int rank, int world, int port)
{
    DataParallelConfig p;
    p.rank = rank;
    p.worldSize = world;
    p.masterPort = port;
    p.timeout = std::chrono::seconds(30);
    return p;
}

// `work(trainer)` on every rank of a fresh job, each in its own thread; rank 0's trained values.
std::vector<float> onRanks(int world, const TrainConfig& config, const std::function<void(Trainer&)>& work)
{
    const int port = freeLoopbackPort();
    std::vector<std::vector<float>> values(static_cast<std::size_t>(world));
    std::vector<std::string> errors(static_cast<std::size_t>(world));
    std::vector<std::thread> ranks;
    for (int r = 0; r < world; ++r) {
        ranks.emplace_back([&, r] {
            try {
                Trainer trainer(config, {}, rankOf(r, world, port));
                work(trainer);
                values[static_cast<std::size_t>(r)] = trainer.trainedValues();
            } catch (const std::exception& e) {
                errors[static_cast<std::size_t>(r)] = e.what();
            }
        });
    }
    for (auto& t : ranks) {
        t.join();
    }
    for (int r = 0; r < world; ++r) {
        EXPECT_EQ(errors[static_cast<std::size_t>(r)], "") << "rank " << r;
        EXPECT_EQ(values[static_cast<std::size_t>(r)], values[0]) << "rank " << r << " drifted from rank 0";
    }
    return values[0];
}

double meanDifference(const std::vector<float>& a, const std::vector<float>& b)
{
    double sum = 0.0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        sum += std::abs(a[i] - b[i]);
    }
    return sum / static_cast<double>(std::max<std::size_t>(1, a.size()));
}

double largestDifference(const std::vector<float>& a, const std::vector<float>& b)
{
    EXPECT_EQ(a.size(), b.size());
    double worst = 0.0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        worst = std::max(worst, static_cast<double>(std::abs(a[i] - b[i])));
    }
    return worst;
}

// Equal within floating point: summing the batch in two halves rounds differently, and AdamW's
// normalised update (about lr per value and step, whatever the gradient's size) turns that into up to a
// fraction of one step where a gradient is next to zero. Measured: mean 3e-9, largest 7e-5 (lr 1e-3) for
// 4 steps, against a mean change of 1.3e-3; another seed's batches differ by a mean of 2e-3.
void expectSameRun(const std::vector<float>& a, const std::vector<float>& b, const TrainConfig& config)
{
    EXPECT_LT(meanDifference(a, b), 1e-7);
    EXPECT_LT(largestDifference(a, b), 0.25 * config.learningRate);
}

std::vector<float> straightRun(const TrainConfig& config, int steps)
{
    Trainer trainer(config, {});
    for (int i = 0; i < steps; ++i) {
        trainer.trainStep();
    }
    return trainer.trainedValues();
}

} // namespace

// K steps of 2 ranks at batch b each are K steps of one process at batch 2b over the same samples.
TEST(DataParallel, TwoRanksTrainAsOneProcessAtTheJobsBatch)
{
    const auto config = tinyPriorConfig();
    const int steps = 4;
    const auto alone = straightRun(config, steps);
    const auto job = onRanks(2, config, [&](Trainer& t) {
        for (int i = 0; i < steps; ++i) {
            t.trainStep();
        }
    });
    expectSameRun(job, alone, config);
    EXPECT_GT(meanDifference(job, straightRun(config, 0)), 1e-4) << "the job must have trained at all";
}

// Stopped at step 2 by a checkpoint of the 2-rank job, then resumed by 2 ranks and by one process: both
// end where an uninterrupted run does.
TEST(DataParallel, ResumesWithTheSameOrAnotherWorldSize)
{
    const auto config = tinyPriorConfig();
    const auto dir = tempDir("durian-dp-resume");
    std::filesystem::path checkpoint;
    onRanks(2, config, [&](Trainer& t) {
        t.trainStep();
        t.trainStep();
        if (t.rank() == 0) {
            checkpoint = t.saveCheckpoint(dir);
        }
    });
    ASSERT_TRUE(std::filesystem::exists(checkpoint));
    const auto straight = straightRun(config, 4);

    const auto resumedByTwo = onRanks(2, config, [&](Trainer& t) {
        t.resume(checkpoint);
        EXPECT_EQ(t.stepsDone(), 2);
        t.trainStep();
        t.trainStep();
    });
    expectSameRun(resumedByTwo, straight, config);

    Trainer alone(config, {});
    alone.resume(checkpoint);
    alone.trainStep();
    alone.trainStep();
    expectSameRun(alone.trainedValues(), straight, config);
}

TEST(DataParallel, APeerThatNeverArrivesIsNamedWithinTheTimeout)
{
    auto p = rankOf(0, 4, freeLoopbackPort());
    p.timeout = std::chrono::seconds(2);
    const auto start = std::chrono::steady_clock::now();
    try {
        Trainer trainer(tinyPriorConfig(), {}, p);
        FAIL() << "rank 0 joined a job whose peers never came";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("ranks 1, 2 and 3 of 4 did not join"), std::string::npos) << e.what();
    }
    // Not a speed figure: a hang would never get here, and the wait is the timeout, not more.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST(DataParallel, RefusesABatchTheWorldDoesNotDivideAndBadRanks)
{
    auto config = tinyPriorConfig();
    config.batch = 3;
    EXPECT_THROW(Trainer(config, {}, rankOf(0, 2, 1)), Error); // before any socket is opened
    EXPECT_THROW(validateDataParallelConfig(rankOf(2, 2, 29500)), Error);
    EXPECT_THROW(validateDataParallelConfig(rankOf(0, 2, 70000)), Error);
    EXPECT_NO_THROW(validateDataParallelConfig(rankOf(1, 2, 29500)));
}

TEST(DataParallel, TakesTorchrunsEnvironment)
{
    ::setenv("MASTER_ADDR", "10.1.2.3", 1);
    ::setenv("MASTER_PORT", "29511", 1);
    ::setenv("RANK", "3", 1);
    ::setenv("WORLD_SIZE", "4", 1);
    ::setenv("LOCAL_RANK", "1", 1);
    const auto c = dataParallelFromEnvironment();
    EXPECT_EQ(c.masterAddr, "10.1.2.3");
    EXPECT_EQ(c.masterPort, 29511);
    EXPECT_EQ(c.rank, 3);
    EXPECT_EQ(c.worldSize, 4);
    EXPECT_EQ(c.localRank, 1);
    ::setenv("RANK", "three", 1);
    try {
        dataParallelFromEnvironment();
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("RANK"), std::string::npos) << e.what();
    }
    for (const char* name : {"MASTER_ADDR", "MASTER_PORT", "RANK", "WORLD_SIZE", "LOCAL_RANK"}) {
        ::unsetenv(name);
    }
}
