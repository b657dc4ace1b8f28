#include "core/io/AtomicFile.h"
#include "core/io/Safetensors.h"
#include "core/masks/MaskOps.h"
#include "core/pipeline/Pipeline.h"
#include "core/synth/SynthPeople.h"
#include "core/synth/SynthRender.h"
#include "core/train/AdamW.h"
#include "core/train/SelfReconstruction.h"
#include "core/train/Trainer.h"
#include "core/util/Error.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <numeric>

using namespace durian;

namespace {

TrainConfig tinyConfig(TrainStage stage)
{
    TrainConfig c;
    c.stage = stage;
    c.model = "tiny";
    c.steps = 4;
    c.batch = 2;
    c.frames = 2;
    c.learningRate = 1e-3;
    c.seed = 7;
    c.data.clipLength = 8;
    c.data.referenceDropout = 0.5; // both branches within a few steps
    return c;
}

// Every pixel > 0 in `inner` is > 0 in `outer`.
bool covers(const Image& outer, const Image& inner)
{
    for (std::size_t i = 0; i < inner.pixels.size(); ++i) {
        if (inner.pixels[i] > 0 && outer.pixels[i] == 0) {
            return false;
        }
    }
    return true;
}

} // namespace

TEST(TrainData, MasksAreComplementaryAsSpecified)
{
    TrainDataConfig d;
    d.clipLength = 8;
    d.maxRotation = d.maxScale = d.maxShift = d.colourJitter = 0.0; // references as rendered
    d.maxGrowth = 0.0;
    const int size = 64;
    const SelfReconstructionData data(d, size, 3);
    for (const auto category : {AttributeCategory::Hair, AttributeCategory::Eyeglasses, AttributeCategory::Hat,
             AttributeCategory::Beard}) {
        const auto s = data.sample(5, category, 3);
        SynthRenderOptions options;
        options.width = options.height = size;
        options.supersample = d.supersample;
        const auto which = synthMaskOf(category);
        const auto portrait = renderSynthFrame(s.person, s.motion[s.portraitFrame], options);
        Person expanded = s.person;
        expanded.attributes = expandedAttributes(s.person.attributes, category);
        const auto expandedFrame = renderSynthFrame(expanded, s.motion[s.portraitFrame], options);
        const auto attribute = renderSynthFrame(s.person, s.motion[s.attributeFrame], options);

        // Hole = true region U expanded region, binary, and nothing else without growth.
        EXPECT_EQ(s.portraitHole.pixels, [&] {
            Image u = uniteMasks(portrait.mask(which), expandedFrame.mask(which));
            for (auto& p : u.pixels) {
                p = p > 0 ? 255 : 0;
            }
            return u.pixels;
        }()) << toString(category);
        EXPECT_GT(maskCoverage(s.portraitHole), 0.0) << toString(category);
        // The attribute reference shows exactly its attribute's mask; the portrait reference its own frame.
        EXPECT_EQ(s.attributeMask.pixels, attribute.mask(which).pixels);
        EXPECT_EQ(s.attributeImage.pixels, attribute.rgb.pixels);
        EXPECT_EQ(s.portraitImage.pixels, portrait.rgb.pixels);
        // Targets and keypoint images: one per frame, image-sized.
        ASSERT_EQ(s.targets.size(), 3u);
        ASSERT_EQ(s.keypointImages.size(), 3u);
        for (const auto& k : s.keypointImages) {
            EXPECT_EQ(k.width, size);
            EXPECT_EQ(k.height, size);
            EXPECT_EQ(k.channels, 3);
            EXPECT_GT(std::accumulate(k.pixels.begin(), k.pixels.end(), 0LL), 0);
        }
    }
}

TEST(TrainData, GrowthAndAugmentationKeepTheHoleOverTheAttribute)
{
    TrainDataConfig d;
    d.clipLength = 8;
    d.maxGrowth = 0.1;
    const SelfReconstructionData data(d, 64, 4);
    for (std::uint64_t i = 0; i < 3; ++i) {
        const auto s = data.sample(i, AttributeCategory::Hair, 1);
        // The true region, moved by the same affine as the reference, stays inside the (grown) hole.
        SynthRenderOptions options;
        options.width = options.height = 64;
        options.supersample = d.supersample;
        const auto portrait = renderSynthFrame(s.person, s.motion[s.portraitFrame], options);
        Image truth = portrait.mask(SynthMask::Hair);
        for (auto& p : truth.pixels) {
            p = p >= 128 ? 255 : 0;
        }
        const auto moved = applyAffine(truth, s.portraitAffine, true);
        EXPECT_TRUE(covers(s.portraitHole, moved)) << i;
        for (auto p : s.portraitHole.pixels) {
            ASSERT_TRUE(p == 0 || p == 255);
        }
    }
}

TEST(TrainData, Deterministic)
{
    TrainDataConfig d;
    d.clipLength = 8;
    const SelfReconstructionData a(d, 32, 11), b(d, 32, 11);
    const auto s1 = a.sample(2, AttributeCategory::Eyeglasses, 2), s2 = b.sample(2, AttributeCategory::Eyeglasses, 2);
    EXPECT_EQ(s1.attributeImage.pixels, s2.attributeImage.pixels);
    EXPECT_EQ(s1.portraitHole.pixels, s2.portraitHole.pixels);
    EXPECT_EQ(s1.targets[1].pixels, s2.targets[1].pixels);
    EXPECT_EQ(s1.keypointImages[0].pixels, s2.keypointImages[0].pixels);
    const auto other = a.sample(3, AttributeCategory::Eyeglasses, 2);
    EXPECT_NE(s1.targets[0].pixels, other.targets[0].pixels);
    EXPECT_EQ(a.categoryForStep(9), b.categoryForStep(9));
}

TEST(TrainConfig, ParsesAndRejects)
{
    const auto c = parseTrainConfig(R"({"stage": 2, "steps": 10, "model": "tiny", "data": {"clip_length": 16}})", "run.json");
    EXPECT_EQ(c.stage, TrainStage::Temporal);
    EXPECT_EQ(c.steps, 10);
    EXPECT_EQ(c.data.clipLength, 16);
    EXPECT_EQ(c.imageSize(), 32);
    const auto again = parseTrainConfig(trainConfigToJson(c), "again.json");
    EXPECT_EQ(trainConfigToJson(again), trainConfigToJson(c));
    try {
        parseTrainConfig(R"({"stpes": 10})", "run.json");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("stpes"), std::string::npos);
    }
    EXPECT_THROW(parseTrainConfig(R"({"stage": "3"})", "run.json"), Error);
    EXPECT_THROW(parseTrainConfig(R"({"lr": -1})", "run.json"), Error);
    EXPECT_THROW(parseTrainConfig(R"({"model": "tiny", "vae_crop": 12})", "run.json"), Error);
    EXPECT_EQ(parseTrainConfig(R"({"model": "tiny", "vae_crop": 16})", "run.json").vaeCrop, 16);
    EXPECT_EQ(parseTrainConfig(R"({"model": "tiny", "min_timestep": 900})", "run.json").minTimestep, 900);
    EXPECT_THROW(parseTrainConfig(R"({"model": "tiny", "min_timestep": 1000})", "run.json"), Error);
    EXPECT_THROW(parseTrainConfig(R"({"model": "tiny", "min_timestep": -1})", "run.json"), Error);
    EXPECT_EQ(parseTrainConfig(R"({"model": "tiny"})", "run.json").loss, "mse");
    EXPECT_EQ(parseTrainConfig(R"({"model": "tiny", "loss": "l1"})", "run.json").loss, "l1");
    EXPECT_EQ(parseTrainConfig(R"({"model": "tiny", "loss": "log_mse"})", "run.json").loss, "log_mse");
    EXPECT_EQ(parseTrainConfig(R"({"model": "tiny", "photo_loss": "log_l1"})", "run.json").photoLoss, "log_l1");
    EXPECT_THROW(parseTrainConfig(R"({"model": "tiny", "photo_loss": "huber"})", "run.json"), Error);
    try {
        parseTrainConfig(R"({"model": "tiny", "loss": "huber"})", "run.json");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("huber"), std::string::npos);
    }
}

// The rate warms up over min(100, steps / 10) steps, then decays linearly from lr_decay_start to
// lr_decay_end and stays at lr_final; without lr_final it stays at lr.
TEST(TrainConfig, LearningRateWarmsUpThenDecays)
{
    const auto level = parseTrainConfig(R"({"model": "tiny", "steps": 2000, "lr": 2e-4})", "run.json");
    EXPECT_NEAR(learningRateAt(level, 0), 2e-6, 1e-12);
    EXPECT_NEAR(learningRateAt(level, 99), 2e-4, 1e-12);
    EXPECT_NEAR(learningRateAt(level, 1999), 2e-4, 1e-12);
    const auto c = parseTrainConfig(
        R"({"model": "tiny", "steps": 2000, "lr": 2e-4, "lr_final": 2e-5, "lr_decay_start": 500, "lr_decay_end": 1500})",
        "run.json");
    EXPECT_NEAR(learningRateAt(c, 500), 2e-4, 1e-12);
    EXPECT_NEAR(learningRateAt(c, 1000), 1.1e-4, 1e-12);
    EXPECT_NEAR(learningRateAt(c, 1500), 2e-5, 1e-12);
    EXPECT_NEAR(learningRateAt(c, 1999), 2e-5, 1e-12);
    EXPECT_EQ(trainConfigToJson(parseTrainConfig(trainConfigToJson(c), "again.json")), trainConfigToJson(c));
    EXPECT_THROW(parseTrainConfig(R"({"model": "tiny", "lr": 1e-4, "lr_final": 2e-4, "lr_decay_end": 10})", "run.json"), Error);
    EXPECT_THROW(parseTrainConfig(R"({"model": "tiny", "lr_final": 1e-5, "lr_decay_start": 10, "lr_decay_end": 10})", "run.json"), Error);
}

// min_timestep reaches the sampled timesteps: the same batch and noise at other noise levels is another loss.
TEST(Trainer, MinTimestepMovesTheNoiseLevels)
{
    auto c = tinyConfig(TrainStage::Spatial);
    Trainer uniform(c, {});
    c.minTimestep = 990;
    Trainer high(c, {});
    EXPECT_NE(uniform.trainStep(), high.trainStep());
}

// A few steps on one fixed batch (same timesteps and noise) must lower its loss clearly.
static void expectLossFalls(TrainStage stage, double lr, int steps, const std::string& loss = "mse")
{
    auto c = tinyConfig(stage);
    c.loss = loss;
    c.data.fixedSample = true;
    c.steps = steps;
    c.learningRate = lr;
    c.batch = 2;
    Trainer trainer(c, {});
    const double first = trainer.trainStep();
    double last = first;
    for (int i = 1; i < steps; ++i) {
        last = trainer.trainStep();
    }
    EXPECT_LT(last, 0.7 * first) << "stage " << toString(stage) << ": " << first << " -> " << last;
}

TEST(Trainer, StepsReduceTheLossOnAFixedBatchSpatial) { expectLossFalls(TrainStage::Spatial, 3e-3, 25); }
TEST(Trainer, StepsReduceTheL1LossOnAFixedBatchSpatial) { expectLossFalls(TrainStage::Spatial, 3e-3, 25, "l1"); }

// The same batch, noise and weights give another loss under "l1": the option reaches the loss.
TEST(Trainer, L1LossIsNotTheSquaredError)
{
    auto c = tinyConfig(TrainStage::Spatial);
    Trainer squared(c, {});
    c.loss = "l1";
    Trainer absolute(c, {});
    const double mse = squared.trainStep(), l1 = absolute.trainStep();
    EXPECT_GT(l1, 0.0);
    EXPECT_NE(mse, l1);
}
// "log_mse" is the mean over frames of each frame's log squared error: below the log of their mean (Jensen),
// and it falls as the model fits one batch.
TEST(Trainer, LogMseLossIsTheMeanOfTheFramesLogErrors)
{
    auto c = tinyConfig(TrainStage::Spatial);
    c.batch = 2;
    Trainer squared(c, {});
    c.loss = "log_mse";
    Trainer logged(c, {});
    const double mse = squared.trainStep(), logMse = logged.trainStep();
    EXPECT_LT(logMse, std::log(mse + 1e-4));
    EXPECT_GT(logMse, std::log(1e-4));
}
TEST(Trainer, StepsReduceTheLogMseLossOnAFixedBatchSpatial)
{
    auto c = tinyConfig(TrainStage::Spatial);
    c.loss = "log_mse";
    c.data.fixedSample = true;
    c.learningRate = 3e-3;
    c.batch = 2;
    Trainer trainer(c, {});
    const double first = trainer.trainStep();
    double last = first;
    for (int i = 1; i < 25; ++i) {
        last = trainer.trainStep();
    }
    EXPECT_LT(last, first + std::log(0.7)) << first << " -> " << last; // the squared error down by 30%
}
TEST(Trainer, StepsReduceTheLossOnAFixedBatchVae) { expectLossFalls(TrainStage::Vae, 3e-3, 25); }
TEST(Trainer, ResumeContinuesExactlyVaeOnCrops)
{
    auto c = tinyConfig(TrainStage::Vae);
    c.vaeCrop = 16;
    Trainer a(c, {}), b(c, {});
    const double first = a.trainStep();
    EXPECT_EQ(b.trainStep(), first); // deterministic, crops included
    const auto dir = std::filesystem::path(::testing::TempDir()) / "durian-resume-vae";
    std::filesystem::remove_all(dir);
    Trainer resumed(c, {});
    resumed.resume(b.saveCheckpoint(dir));
    EXPECT_EQ(resumed.trainStep(), a.trainStep());
    EXPECT_TRUE(resumed.trainedValues() == a.trainedValues());
    std::filesystem::remove_all(dir);
}

// Interrupted at step 2, resumed from the checkpoint: the same losses and weights as one straight run.
static void expectExactResume(TrainStage stage)
{
    const auto c = tinyConfig(stage);
    std::vector<double> straight;
    Trainer a(c, {});
    for (int i = 0; i < 4; ++i) {
        straight.push_back(a.trainStep());
    }
    const auto dir = std::filesystem::path(::testing::TempDir()) / ("durian-resume-" + toString(stage));
    std::filesystem::remove_all(dir);
    std::filesystem::path checkpoint;
    {
        Trainer b(c, {});
        b.trainStep();
        b.trainStep();
        checkpoint = b.saveCheckpoint(dir);
    }
    EXPECT_TRUE(std::filesystem::exists(dir / "model.safetensors"));
    Trainer resumed(c, {});
    resumed.resume(checkpoint);
    EXPECT_EQ(resumed.stepsDone(), 2);
    EXPECT_EQ(resumed.trainStep(), straight[2]);
    EXPECT_EQ(resumed.trainStep(), straight[3]);
    EXPECT_TRUE(resumed.trainedValues() == a.trainedValues()) << "weights differ after resume";
    std::filesystem::remove_all(dir);
}

TEST(Trainer, ResumeContinuesExactlySpatial) { expectExactResume(TrainStage::Spatial); }

// A run may learn after it started how its model is sampled (sampling_steps): that is not another model. Any
// other difference is refused by name.
TEST(Trainer, ResumeTakesANewSamplingStepsButNoOtherModelChange)
{
    const auto dir = std::filesystem::path(::testing::TempDir()) / "durian-resume-sampling-steps";
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    auto c = tinyConfig(TrainStage::Spatial);
    std::filesystem::path checkpoint;
    {
        Trainer b(c, {});
        b.trainStep();
        checkpoint = b.saveCheckpoint(dir / "run");
    }
    writeFileAtomically(dir / "one-step.json", R"({"base": "tiny", "sampling_steps": 1})");
    writeFileAtomically(dir / "other.json", R"({"base": "tiny", "prediction": "sample"})");
    c.model = (dir / "one-step.json").string();
    Trainer sampled(c, {});
    sampled.resume(checkpoint);
    EXPECT_EQ(sampled.stepsDone(), 1);
    c.model = (dir / "other.json").string();
    Trainer other(c, {});
    EXPECT_THROW(other.resume(checkpoint), Error);
    std::filesystem::remove_all(dir);
}

TEST(Trainer, ReferenceCheckMeasuresWithoutTraining)
{
    auto c = tinyConfig(TrainStage::Spatial);
    c.steps = 2;
    c.referenceCheckEvery = 1;
    Trainer checked(c, {}), plain(c, {});
    const auto check = checked.referenceCheck();
    EXPECT_EQ(check.step, 0);
    EXPECT_TRUE(std::isfinite(check.withReferences) && std::isfinite(check.withoutReferences));
    EXPECT_NE(check.withReferences, check.withoutReferences); // the same batch, read with and without its references
    EXPECT_GT(check.predictionChange, 0.0);
    EXPECT_TRUE(checked.trainedValues() == plain.trainedValues());
    EXPECT_EQ(checked.trainStep(), plain.trainStep()); // it took nothing from the run's data or noise
    EXPECT_TRUE(checked.trainedValues() == plain.trainedValues());

    const auto dir = std::filesystem::path(::testing::TempDir()) / "durian-reference-check";
    std::filesystem::remove_all(dir);
    Trainer run(c, dir);
    run.run({});
    std::ifstream csv(dir / "reference-check.csv");
    std::string header, row;
    std::getline(csv, header);
    EXPECT_EQ(header, "step,category,true_swaps,bare_priors,loss_with_references,loss_without_references,prediction_change");
    int rows = 0;
    while (std::getline(csv, row)) {
        ++rows;
    }
    EXPECT_EQ(rows, 2);
    std::filesystem::remove_all(dir);
}
TEST(Trainer, ResumeContinuesExactlyTemporal) { expectExactResume(TrainStage::Temporal); }

TEST(Trainer, StepsReduceTheLossOnAFixedBatchVaeDecoder) { expectLossFalls(TrainStage::VaeDecoder, 3e-3, 25); }

// The decoder stage changes the decoder and nothing else, and `pack --vae-from` can take just that
// autoencoder into another model file (a strict load restricted to "vae.").
TEST(Trainer, DecoderStageKeepsTheEncoderAndItsWeightsMoveAlone)
{
    const auto dir = std::filesystem::path(::testing::TempDir()) / "durian-decoder-stage";
    std::filesystem::remove_all(dir);
    auto c = tinyConfig(TrainStage::VaeDecoder);
    Trainer before(c, {}), after(c, {});
    EXPECT_GT(after.trainableParameters(), 0);
    EXPECT_LT(after.trainableParameters(), Trainer(tinyConfig(TrainStage::Vae), {}).trainableParameters());
    for (int i = 0; i < 3; ++i) {
        after.trainStep();
    }
    before.saveCheckpoint(dir / "before");
    after.saveCheckpoint(dir / "after");
    const auto a = readSafetensors(dir / "before" / "model.safetensors");
    const auto b = readSafetensors(dir / "after" / "model.safetensors");
    auto same = [&](const std::string& name) { return a.find(name)->toFloats() == b.find(name)->toFloats(); };
    int decoderChanged = 0;
    for (const auto& t : a.tensors) {
        if (t.name.rfind("vae.decoder.", 0) == 0) {
            decoderChanged += same(t.name) ? 0 : 1;
        } else if (t.name.rfind("vae.post_quant_conv.", 0) != 0) {
            EXPECT_TRUE(same(t.name)) << t.name << " changed in the decoder stage";
        }
    }
    EXPECT_GT(decoderChanged, 0);

    // Only "vae." from the trained file into the untrained one: the autoencoder comes over, the rest stays.
    GeneratorOptions options;
    options.model = "tiny";
    options.weights = dir / "before" / "model.safetensors";
    Generator generator(options);
    generator.loadWeights(dir / "after" / "model.safetensors", "vae.");
    generator.saveWeights(dir / "merged.safetensors");
    const auto merged = readSafetensors(dir / "merged.safetensors");
    for (const auto& t : merged.tensors) {
        const bool vae = t.name.rfind("vae.", 0) == 0;
        EXPECT_TRUE(t.toFloats() == (vae ? b : a).find(t.name)->toFloats()) << t.name;
    }
    EXPECT_THROW(generator.loadWeights(dir / "after" / "model.safetensors", "nothing-has-this."), Error);
    std::filesystem::remove_all(dir);
}

TEST(Train, AdamWStepIsLibTorchsAdamW)
{
    torch::manual_seed(3);
    const AdamWSettings settings{0.9, 0.99, 1e-8, 0.05};
    const double lr = 2e-3;
    auto ours = torch::randn({5, 7});
    const auto start = ours.clone();
    auto theirs = ours.clone().set_requires_grad(true);
    auto m = torch::zeros_like(ours), v = torch::zeros_like(ours);
    torch::optim::AdamW reference({theirs}, torch::optim::AdamWOptions(lr)
                                                .betas({settings.beta1, settings.beta2})
                                                .eps(settings.epsilon)
                                                .weight_decay(settings.weightDecay));
    for (int t = 1; t <= 20; ++t) {
        const auto grad = torch::randn({5, 7}) * (t % 3 + 0.5);
        adamwStep(ours, grad, m, v, t, lr, settings);
        theirs.mutable_grad() = grad.clone();
        reference.step();
    }
    EXPECT_LT((ours - theirs.detach()).abs().max().item<double>(), 1e-6);
    EXPECT_GT((ours - start).abs().max().item<double>(), 1e-2); // it did move: the comparison means something
}

