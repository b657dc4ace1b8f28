// Schedulers, temporal windows, the reference cache and the sampling loop (on `tiny`).
#include "core/diffusion/ReferenceCache.h"
#include "core/diffusion/Sampler.h"
#include "core/diffusion/Scheduler.h"
#include "core/diffusion/TemporalWindows.h"
#include "core/model/DurianModel.h"
#include "core/util/Cancellation.h"
#include "core/util/Error.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

using namespace durian;
using namespace durian::diffusion;

namespace {

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

// Runs a solver with the exact noise of a known clean sample: any correct solver must land on it.
torch::Tensor solveWithOracle(SolverKind kind, int steps, const torch::Tensor& x0, const torch::Tensor& noise)
{
    const auto schedule = NoiseSchedule::stableDiffusion();
    Solver solver(kind, schedule, steps);
    const int t0 = solver.timesteps().front();
    auto x = schedule.addNoise(x0, noise, torch::full({x0.size(0)}, t0, torch::kLong));
    for (int i = 0; i < steps; ++i) {
        const double a = schedule.alphaBar(solver.timesteps()[static_cast<std::size_t>(i)]);
        const auto eps = (x - std::sqrt(a) * x0) / std::sqrt(1.0 - a);
        x = solver.step(i, x, eps);
    }
    return x;
}

model::DurianModel tinyModel(bool randomTemporal)
{
    torch::manual_seed(21);
    model::DurianModel m(modelConfigPreset("tiny"));
    torch::NoGradGuard noGrad;
    for (auto& p : m->named_parameters()) {
        const bool temporalOut = p.key().find("motion_modules") != std::string::npos && p.key().find("proj_out") != std::string::npos;
        if ((temporalOut && randomTemporal) || p.key().find("pose_guider.conv_out") != std::string::npos) {
            p.value().normal_(0.0, 0.1);
        }
    }
    m->eval();
    return m;
}

struct Conditioning {
    model::ReferenceFeatures portrait, attribute;
    model::DenoiseReferences refs;
    torch::Tensor pose;
    Conditioning(model::DurianModel& m, int frames)
    {
        torch::NoGradGuard noGrad;
        torch::manual_seed(5);
        const int s = m->config().resolution;
        portrait = m->encodeReference(m->referenceInput(torch::rand({1, 3, s, s}) * 2 - 1, torch::zeros({1, 1, s, s})),
            model::ReferenceRole::Portrait);
        attribute = m->encodeReference(m->referenceInput(torch::rand({1, 3, s, s}) * 2 - 1, torch::ones({1, 1, s, s})),
            model::ReferenceRole::Hat);
        refs = {&portrait, {&attribute}, nullptr};
        pose = m->poseFeatures(torch::rand({frames, 3, s, s}) * 2 - 1);
    }
};

} // namespace

TEST(Diffusion, TrailingTimestepsStartAtTheEnd)
{
    EXPECT_EQ(samplingTimesteps(4, 1000), (std::vector<int>{999, 749, 499, 249}));
    EXPECT_EQ(samplingTimesteps(1, 1000), (std::vector<int>{999}));
    EXPECT_THROW(samplingTimesteps(0, 1000), Error);
    const auto s = NoiseSchedule::stableDiffusion();
    EXPECT_NEAR(s.alphaBar(0), 1.0 - 0.00085, 1e-9);
    EXPECT_LT(s.alphaBar(999), 0.005);
}

// Rescaled to (practically) zero terminal SNR: the start as SD's, the last step's input pure noise, and an
// x0 model sampled in one step from pure noise returns its own prediction (the solver's division by the
// tiny signal loses nothing that shows).
TEST(Diffusion, ZeroTerminalSnrEndsInPureNoiseAndOneStepReturnsTheModelsSample)
{
    const auto sd = NoiseSchedule::stableDiffusion(), zero = NoiseSchedule::stableDiffusion(1000, true);
    EXPECT_NEAR(zero.alphaBar(0), sd.alphaBar(0), 1e-12);
    EXPECT_NEAR(std::sqrt(zero.alphaBar(999)), NoiseSchedule::kTerminalSignal, 1e-12);
    EXPECT_NEAR(std::sqrt(sd.alphaBar(999)), 0.068, 0.001); // what SD keeps of the clean sample
    for (int t = 1; t < 1000; ++t) {
        ASSERT_LT(zero.alphaBar(t), zero.alphaBar(t - 1)) << t;
    }
    torch::manual_seed(5);
    const auto noise = torch::randn({2, 48, 8, 8}), predicted = torch::randn({2, 48, 8, 8}) * 0.5;
    Solver solver(SolverKind::Ddim, zero, 1);
    const auto eps = noiseFromOutput(predicted, noise, zero.alphaBar(999), "sample");
    EXPECT_LT(maxDiff(solver.step(0, noise, eps), predicted), 2e-3);
}

TEST(Diffusion, SolversRecoverTheCleanSampleFromExactNoise)
{
    torch::manual_seed(3);
    const auto x0 = torch::randn({2, 4, 5, 5}), noise = torch::randn({2, 4, 5, 5});
    for (auto kind : {SolverKind::Ddim, SolverKind::DpmSolver2M}) {
        for (int steps : {1, 3, 10}) {
            EXPECT_LT(maxDiff(solveWithOracle(kind, steps, x0, noise), x0), 1e-4) << static_cast<int>(kind) << " " << steps;
        }
    }
}

TEST(Diffusion, VelocityTargetsStandForTheirNoise)
{
    // A v model that predicts its training target exactly must give the solvers the exact noise, at every
    // noise level, so that sampling a v model recovers the clean sample as an epsilon model does.
    const auto schedule = NoiseSchedule::stableDiffusion();
    torch::manual_seed(3);
    const auto x0 = torch::randn({3, 4, 8, 8}), noise = torch::randn({3, 4, 8, 8});
    for (const int t : {0, 250, 600, 999}) {
        const auto ts = torch::full({3}, t, torch::kLong);
        const auto x = schedule.addNoise(x0, noise, ts);
        const auto v = schedule.velocity(x0, noise, ts);
        EXPECT_LT(maxDiff(noiseFromOutput(v, x, schedule.alphaBar(t), "v"), noise), 1e-5) << t;
        EXPECT_LT(maxDiff(noiseFromOutput(noise, x, schedule.alphaBar(t), "epsilon"), noise), 1e-9) << t;
        if (t > 0) { // at t = 0 the noise is all but invisible in x: x0 cannot give it back
            EXPECT_LT(maxDiff(noiseFromOutput(x0, x, schedule.alphaBar(t), "sample"), noise), 1e-3) << t;
        }
        // At the noisiest end v is almost minus the clean sample: the target that makes references matter.
        if (t == 999) {
            EXPECT_LT((v + x0).abs().mean().item<double>(), 0.1);
        }
    }
}

TEST(Diffusion, SeededNoiseIsDeterministicAndStandardNormal)
{
    const auto a = seededNoise({4, 100, 100}, 42), b = seededNoise({4, 100, 100}, 42), c = seededNoise({4, 100, 100}, 43);
    EXPECT_TRUE(torch::equal(a, b));
    EXPECT_FALSE(torch::equal(a, c));
    EXPECT_NEAR(a.mean().item<double>(), 0.0, 0.02);
    EXPECT_NEAR(a.std().item<double>(), 1.0, 0.02);
}

TEST(Diffusion, TemporalWindowsCoverTheClipWithOverlap)
{
    EXPECT_EQ(planTemporalWindows(3, 4, 2).size(), 1u);
    const auto windows = planTemporalWindows(11, 4, 2);
    std::vector<int> covered(11, 0);
    for (std::size_t i = 0; i < windows.size(); ++i) {
        EXPECT_EQ(windows[i].length, 4);
        for (int f = windows[i].start; f < windows[i].start + windows[i].length; ++f) {
            ++covered[static_cast<std::size_t>(f)];
        }
        if (i > 0) {
            EXPECT_GE(windows[i - 1].start + windows[i - 1].length - windows[i].start, 2);
        }
        for (float w : temporalBlendWeights(windows[i], 11, 2)) {
            EXPECT_GT(w, 0.0f);
            EXPECT_LE(w, 1.0f);
        }
    }
    EXPECT_EQ(windows.back().start + windows.back().length, 11);
    for (int c : covered) {
        EXPECT_GE(c, 1);
    }
    // The clip's first and last frames are not faded.
    EXPECT_EQ(temporalBlendWeights(windows.front(), 11, 2).front(), 1.0f);
    EXPECT_EQ(temporalBlendWeights(windows.back(), 11, 2).back(), 1.0f);
}

TEST(Diffusion, GenerationChunksAddEveryFrameOnceAndContinueTheChunkBefore)
{
    EXPECT_EQ(planGenerationChunks(24, 24, 2).size(), 1u); // a clip that fits is one pass
    EXPECT_EQ(planGenerationChunks(1, 24, 2).front().length, 1);
    for (const int frames : {25, 48, 60, 100, 321}) {
        const auto chunks = planGenerationChunks(frames, 24, 2);
        int next = 0; // the first frame not generated yet
        for (std::size_t k = 0; k < chunks.size(); ++k) {
            const auto& c = chunks[k];
            EXPECT_LE(c.length, 24);
            EXPECT_EQ(c.start, k == 0 ? 0 : next - 2) << frames << " frames, chunk " << k; // the anchor
            EXPECT_GT(c.start + c.length, next); // something new in every chunk
            next = c.start + c.length;
        }
        EXPECT_EQ(next, frames);
    }
}

TEST(Diffusion, ReferenceCacheIsBoundedAndLeastRecentlyUsed)
{
    auto entry = [](int n) {
        auto f = std::make_shared<model::ReferenceFeatures>();
        f->layers.push_back(torch::zeros({n}));
        return f;
    };
    ReferenceCache cache(4 * 250);
    cache.insert("a", entry(100));
    cache.insert("b", entry(100));
    EXPECT_EQ(cache.bytes(), 800u);
    EXPECT_NE(cache.find("a"), nullptr); // a is now the most recent
    cache.insert("c", entry(100));       // over the bound: b goes
    EXPECT_EQ(cache.find("b"), nullptr);
    EXPECT_NE(cache.find("a"), nullptr);
    EXPECT_NE(cache.find("c"), nullptr);
    EXPECT_LE(cache.bytes(), 1000u);
    EXPECT_EQ(cache.hits(), 3u);
    EXPECT_EQ(cache.misses(), 1u);
    EXPECT_NE(ContentDigest().add("ab").add("c").hex(), ContentDigest().add("a").add("bc").hex());
}

TEST(Diffusion, SameSeedGivesTheSameLatentsAndGuidanceChangesThem)
{
    auto m = tinyModel(true);
    Conditioning c(m, 2);
    SamplingOptions o;
    o.steps = 3;
    o.window = 4;
    const auto a = sampleLatents(m, 2, 8, 8, c.pose, c.refs, {{1.0}, -1, 0.0}, o);
    const auto b = sampleLatents(m, 2, 8, 8, c.pose, c.refs, {{1.0}, -1, 0.0}, o);
    EXPECT_TRUE(torch::equal(a, b));
    o.seed = 2;
    EXPECT_GT(maxDiff(sampleLatents(m, 2, 8, 8, c.pose, c.refs, {{1.0}, -1, 0.0}, o), a), 1e-3);
    o.seed = 1;
    o.guidance = 3.0;
    EXPECT_GT(maxDiff(sampleLatents(m, 2, 8, 8, c.pose, c.refs, {{1.0}, -1, 0.0}, o), a), 1e-4);
}

TEST(Diffusion, WindowedClipsEqualSingleWindowClips)
{
    SamplingOptions o;
    o.steps = 3;
    o.solver = SolverKind::DpmSolver2M;
    const int frames = 7;
    {
        // Frames interact only through temporal attention: with it at the identity (as initialised), the
        // blended windows must reproduce the single-window clip everywhere.
        auto m = tinyModel(false);
        Conditioning c(m, frames);
        o.window = 8;
        const auto single = sampleLatents(m, frames, 8, 8, c.pose, c.refs, {{1.0}, -1, 0.0}, o);
        o.window = 4;
        o.overlap = 2;
        const auto windowed = sampleLatents(m, frames, 8, 8, c.pose, c.refs, {{1.0}, -1, 0.0}, o);
        EXPECT_LT(maxDiff(windowed, single), 1e-4);
    }
    {
        // With working temporal attention, a window that spans the whole clip is the single-window clip.
        auto m = tinyModel(true);
        Conditioning c(m, 4);
        o.window = 4;
        const auto exact = sampleLatents(m, 4, 8, 8, c.pose, c.refs, {{1.0}, -1, 0.0}, o);
        o.window = 16;
        EXPECT_TRUE(torch::equal(sampleLatents(m, 4, 8, 8, c.pose, c.refs, {{1.0}, -1, 0.0}, o), exact));
        o.window = 2;
        o.overlap = 1;
        EXPECT_GT(maxDiff(sampleLatents(m, 4, 8, 8, c.pose, c.refs, {{1.0}, -1, 0.0}, o), exact), 1e-6);
    }
}

TEST(Diffusion, SharedNoiseMakesFramesDifferOnlyByTheirConditioning)
{
    auto m = tinyModel(false); // frames independent: temporal attention at the identity
    Conditioning c(m, 3);
    c.pose = c.pose.narrow(0, 0, 1).repeat({3, 1, 1, 1}); // three frames with the same pose
    SamplingOptions o;
    o.steps = 2;
    o.window = 4;
    const auto independent = sampleLatents(m, 3, 8, 8, c.pose, c.refs, {{1.0}, -1, 0.0}, o);
    EXPECT_GT(maxDiff(independent[0], independent[1]), 1e-3); // their own noise makes them differ
    o.sharedNoise = true;
    const auto shared = sampleLatents(m, 3, 8, 8, c.pose, c.refs, {{1.0}, -1, 0.0}, o);
    EXPECT_LT(maxDiff(shared[0], shared[1]), 1e-4); // equal but for float rounding in batched products
    EXPECT_LT(maxDiff(shared[0], shared[2]), 1e-4);
}

TEST(Diffusion, AnchoredFramesComeBackAsTheAnchorAndSteerTheRest)
{
    auto m = tinyModel(true);
    Conditioning c(m, 4);
    SamplingOptions o;
    o.steps = 3;
    o.window = 4;
    const auto free = sampleLatents(m, 4, 8, 8, c.pose, c.refs, {{1.0}, -1, 0.0}, o);
    const auto anchor = torch::full({2, m->config().latentChannels, 8, 8}, 0.5f);
    const auto held = sampleLatents(m, 4, 8, 8, c.pose, c.refs, {{1.0}, -1, 0.0}, o, {}, {}, anchor);
    EXPECT_TRUE(torch::equal(held.narrow(0, 0, 2), anchor));
    EXPECT_GT(maxDiff(held.narrow(0, 2, 2), free.narrow(0, 2, 2)), 1e-4); // the new frames continue the anchor
}

TEST(Diffusion, CancelStopsBeforeTheNextStep)
{
    auto m = tinyModel(false);
    Conditioning c(m, 1);
    SamplingOptions o;
    o.steps = 5;
    int progressed = 0;
    std::stop_source stop;
    SamplingHooks hooks;
    hooks.progress = [&](int step, int) {
        progressed = step;
        if (step == 2) {
            stop.request_stop();
        }
    };
    hooks.stop = stop.get_token();
    EXPECT_THROW(sampleLatents(m, 1, 8, 8, c.pose, c.refs, {{1.0}, -1, 0.0}, o, hooks), durian::Cancelled);
    EXPECT_EQ(progressed, 2);
}
