// A model that refines the classical prior in a lossless pixel space (ModelConfig::pixel_unshuffle, ::prior):
// the representation's round trip, paste-back, strength 0, and training on true swaps. Tiny random weights:
// these are properties of the construction, not of training.
#include "core/eval/TransferBenchmark.h"
#include "core/eval/TransferCases.h"
#include "core/io/AtomicFile.h"
#include "core/model/DurianModel.h"
#include "core/model/Weights.h"
#include "core/pipeline/ClassicalPrior.h"
#include "core/pipeline/Pipeline.h"
#include "core/train/SelfReconstruction.h"
#include "core/train/Trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <unistd.h>

using namespace durian;

namespace {

// A tiny-preset model with a prior in pixel space (factor 4: 32x32x3 -> 8x8x48), written once per process as
// FILE.json with the JSON name NAME and EXTRA settings appended.
std::string tinyPriorModelFile(const std::string& file, const std::string& name, const std::string& extra)
{
    const auto dir = std::filesystem::temp_directory_path() / ("durian-prior-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = dir / (file + ".json");
    if (!std::filesystem::exists(path)) {
        writeFileAtomically(path, R"({"base": "tiny", "name": ")" + name + R"(", "pixel_unshuffle": 4,
            "latent_channels": 48, "latent_scale": 2.0, "prior": true, "prediction": "sample")" + extra + "}");
    }
    return path.string();
}

// With `masks`, its prior also says apart the portrait's hole and the pasted attribute (prior_masks).
std::string tinyPriorModel(bool masks = false)
{
    return masks ? tinyPriorModelFile("tiny-prior-masks", "tiny-prior", R"(, "prior_masks": true)")
                 : tinyPriorModelFile("tiny-prior", "tiny-prior", "");
}

// The prior-masks model whose DNet sees the portrait animated, not the paste (bare_prior_input), sampled in
// one step (sampling_steps).
std::string tinyBarePriorModel()
{
    return tinyPriorModelFile("tiny-bare-prior", "tiny-bare-prior",
        R"(, "prior_masks": true, "bare_prior_input": true, "sampling_steps": 1)");
}

// The bare-prior model that also sees the pasted frame (pasted_prior_input).
std::string tinyPastedPriorModel()
{
    return tinyPriorModelFile("tiny-pasted-prior", "tiny-bare-prior",
        R"(, "prior_masks": true, "bare_prior_input": true, "pasted_prior_input": true, "sampling_steps": 1)");
}

// A short stage-1 run of `model` on world clips, half of them true swaps.
TrainConfig tinyPriorTraining(const std::string& model, int steps, std::uint64_t seed)
{
    TrainConfig t;
    t.model = model;
    t.steps = steps;
    t.batch = 2;
    t.seed = seed;
    t.data.clipLength = 8;
    t.data.swapFraction = 0.5;
    return t;
}

Generator& tinyPriorGenerator()
{
    static Generator generator([] {
        GeneratorOptions o;
        o.model = tinyPriorModel();
        o.initSeed = 5;
        return o;
    }());
    return generator;
}

TransferCase hairCase(int frames = 3)
{
    return makeTransferCase({AttributeCategory::Hair}, 0x5eed, frames, 32);
}

TransferEvalOptions fewSteps()
{
    TransferEvalOptions o;
    o.steps = 2;
    o.guidance = 2.0;
    return o;
}

} // namespace

TEST(PriorModel, PixelSpaceRoundTripIsLossless)
{
    auto& generator = tinyPriorGenerator();
    const auto c = hairCase(1);
    EXPECT_EQ(generator.autoencode(c.truth.front(), 32).pixels, c.truth.front().pixels);
    Image flat(32, 32, 3);
    for (std::size_t p = 0; p < flat.pixels.size(); p += 3) {
        flat.pixels[p] = 64;
        flat.pixels[p + 1] = 160;
        flat.pixels[p + 2] = 64;
    }
    EXPECT_EQ(generator.autoencode(flat, 32).pixels, flat.pixels); // the VAE made this 101,96,95
    EXPECT_EQ(generator.parameterCounts().front().first, "vae");
    EXPECT_EQ(generator.parameterCounts().front().second, 0);
}

TEST(PriorModel, OutsideTheEditRegionTheFrameIsThePriorByteForByte)
{
    const auto c = hairCase();
    const auto request = transferRequest(c, fewSteps());
    const auto frames = tinyPriorGenerator().generate(request).frames;
    const ClassicalPrior prior(request, 32);
    ASSERT_TRUE(prior.editsAnything());
    ASSERT_EQ(frames.size(), 3u);
    int inside = 0, changedInside = 0;
    for (int f = 0; f < 3; ++f) {
        const Image expected = prior.frame(f), region = prior.region(f);
        for (std::size_t p = 0; p < region.pixels.size(); ++p) {
            for (int ch = 0; ch < 3; ++ch) {
                const auto i = p * 3 + static_cast<std::size_t>(ch);
                if (region.pixels[p] == 0) {
                    ASSERT_EQ(frames[f].pixels[i], expected.pixels[i]) << "frame " << f << " pixel " << p;
                } else if (region.pixels[p] == 255) {
                    ++inside;
                    changedInside += frames[f].pixels[i] != expected.pixels[i];
                }
            }
        }
    }
    EXPECT_GT(inside, 0);
    EXPECT_GT(changedInside, inside / 10); // the (untrained) model did draw inside
}

TEST(PriorModel, StrengthZeroOnEveryReferenceIsThePortraitAnimated)
{
    const auto c = hairCase();
    auto request = transferRequest(c, fewSteps());
    for (auto& a : request.attributes) {
        a.strength = 0.0;
    }
    const auto frames = tinyPriorGenerator().generate(request).frames;
    const auto animated = warpCompositeVideo(c, false); // the no_transfer baseline: the portrait, warped
    ASSERT_EQ(frames.size(), animated.size());
    for (std::size_t f = 0; f < frames.size(); ++f) {
        EXPECT_EQ(frames[f].pixels, animated[f].pixels) << "frame " << f;
    }
}

TEST(PriorModel, RequestWithoutLandmarksIsRefusedByName)
{
    auto request = transferRequest(hairCase(1), fewSteps());
    request.attributes.front().landmarks.reset();
    try {
        tinyPriorGenerator().generate(request);
        FAIL() << "generated without the reference's landmarks";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("attribute 1 (hair) has no face landmarks"), std::string::npos) << e.what();
    }
}

TEST(PriorModel, SwapReferencesCanStayAsInferenceSeesThemAndThePriorCanLackTheAttribute)
{
    TrainDataConfig d;
    d.clipLength = 8;
    d.swapFraction = 1.0;
    d.augmentSwaps = false;
    const SelfReconstructionData plain(d, 32, 3, true);
    const auto s = plain.sample(2, AttributeCategory::Hat, 1);
    ASSERT_TRUE(s.trueSwap);
    EXPECT_EQ(s.attributeAffine.scale, 1.0); // no affine, no colour jitter: the photo as given
    EXPECT_EQ(s.attributeAffine.angleDegrees, 0.0);
    EXPECT_FALSE(s.priorWithoutAttribute);

    d.priorAttributeDropout = 1.0;
    const SelfReconstructionData bare(d, 32, 3, true);
    const auto b = bare.sample(2, AttributeCategory::Hat, 1);
    ASSERT_TRUE(b.priorWithoutAttribute);
    EXPECT_EQ(b.editRegions[0].pixels, s.editRegions[0].pixels); // the region still covers the attribute
    EXPECT_NE(b.priors[0].pixels, s.priors[0].pixels);           // but the hat is not pasted
    EXPECT_EQ(b.targets[0].pixels, s.targets[0].pixels);
}

TEST(PriorModel, TrueSwapSamplesCarryTheirPriorAndTrain)
{
    TrainDataConfig d;
    d.clipLength = 8;
    d.swapFraction = 1.0;
    const SelfReconstructionData data(d, 32, 3, true);
    const auto s = data.sample(2, AttributeCategory::Beard, 2);
    EXPECT_TRUE(s.trueSwap);
    ASSERT_EQ(s.priors.size(), 2u);
    ASSERT_EQ(s.editRegions.size(), 2u);
    EXPECT_EQ(s.priors[0].width, 32);
    EXPECT_NE(s.priors[0].pixels, s.targets[0].pixels); // the classical result is not the truth

    TrainConfig c;
    c.stage = TrainStage::Spatial;
    c.model = tinyPriorModel();
    c.steps = 3;
    c.batch = 2;
    c.learningRate = 1e-3;
    c.seed = 7;
    c.data = d;
    c.data.referenceDropout = 0.5;
    Trainer trainer(c, {});
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(std::isfinite(trainer.trainStep()));
    }
}

TEST(PriorModel, ReferenceNetsStartAsTheDenoiser)
{
    torch::manual_seed(4);
    model::DurianModel m(resolveModelConfig(tinyPriorModel()));
    const int copied = m->initReferenceNetsFromDenoiser();
    EXPECT_EQ(copied, 2 * static_cast<int>(m->arnet->named_parameters().size())); // every tensor of both
    const auto dnet = m->dnet->named_parameters(), arnet = m->arnet->named_parameters();
    torch::NoGradGuard noGrad;
    for (const auto& item : arnet) {
        if (item.key() != "conv_in.weight") {
            EXPECT_TRUE(torch::equal(item.value(), dnet[item.key()])) << item.key();
        }
    }
    // conv_in: a reference image read as DNet reads a prior frame, with no correction yet and its mask
    // as the edit region (constant over each unshuffled block, as the pooled mask assumes).
    const auto& config = m->config();
    const int size = config.resolution, L = config.latentChannels;
    const auto image = torch::rand({1, 3, size, size}) * 2 - 1;
    auto mask = torch::zeros({1, 1, size, size});
    mask.narrow(2, 0, size / 2).fill_(1.0);
    auto convIn = [](const torch::OrderedDict<std::string, torch::Tensor>& p, const torch::Tensor& x) {
        return torch::conv2d(x, p["conv_in.weight"], p["conv_in.bias"], 1, 1);
    };
    const auto asReference = convIn(arnet, m->referenceInput(image, mask));
    const auto prior = m->priorInput(image, mask);
    const auto asPrior = convIn(dnet, torch::cat({torch::zeros({1, L, prior.size(2), prior.size(3)}), prior}, 1));
    EXPECT_LT((asReference - asPrior).abs().max().item<double>(), 1e-4);
}


// The prior's masks: the region unites the hole and the aligned attribute (grown and feathered); the two
// parts come apart, the attribute's by its strength.
TEST(PriorModel, ThePriorSaysApartTheHoleAndThePastedAttribute)
{
    const auto c = hairCase(2);
    auto request = transferRequest(c, fewSteps());
    request.attributes.front().strength = 0.5;
    const ClassicalPrior prior(request, 32);
    for (int f = 0; f < 2; ++f) {
        const auto masks = prior.masks(f, true);
        ASSERT_EQ(masks.size(), 3u);
        const Image &region = masks[0], &hole = masks[1], &attribute = masks[2];
        int holeOnly = 0, pasted = 0;
        for (std::size_t p = 0; p < region.pixels.size(); ++p) {
            if (hole.pixels[p] > 0 || attribute.pixels[p] > 0) {
                EXPECT_GT(region.pixels[p], 0) << "frame " << f << " pixel " << p << " is in a part, not in the region";
            }
            EXPECT_LE(attribute.pixels[p], 128) << "strength 0.5 pastes at most half";
            holeOnly += hole.pixels[p] > 200 && attribute.pixels[p] == 0;
            pasted += attribute.pixels[p] > 100;
        }
        EXPECT_GT(holeOnly, 0) << "the portrait's own hair where the new hair is not";
        EXPECT_GT(pasted, 0) << "the new hair, at half strength";
        EXPECT_EQ(prior.masks(f, false).size(), 1u);
        EXPECT_EQ(prior.masks(f, false)[0].pixels, region.pixels);
    }
    request.attributes.front().strength = 0.0;
    const ClassicalPrior off(request, 32);
    EXPECT_EQ(off.attributeMask(0).pixels, std::vector<std::uint8_t>(32 * 32, 0));
}

// A prior-masks model grown from a plain prior model's weights starts as that model: the new input
// channels are zero, so whatever the masks say, the first prediction is the same.
TEST(PriorModel, AModelThatGainsThePriorMasksStartsAsTheOneItGrewFrom)
{
    torch::manual_seed(3);
    model::DurianModel plain(resolveModelConfig(tinyPriorModel()));
    const auto file = std::filesystem::temp_directory_path() / ("durian-prior-grow-" + std::to_string(::getpid()) + ".safetensors");
    model::saveModelWeights(plain, file);
    model::DurianModel grown(resolveModelConfig(tinyPriorModel(true)));
    const int f2 = 16;
    EXPECT_EQ(model::loadModelWeightsGrowingInputs(grown, file), 2 * f2);
    std::filesystem::remove(file);

    torch::NoGradGuard noGrad;
    plain->eval();
    grown->eval();
    const int size = plain->config().resolution;
    const auto frame = torch::rand({1, 3, size, size}) * 2 - 1, masks = torch::rand({1, 3, size, size});
    const auto latents = torch::randn({1, 48, size / 4, size / 4});
    const auto t = torch::full({1}, 999.0f);
    const auto pose = plain->poseFeatures(torch::zeros({1, 3, size, size}));
    const auto before = plain->denoise(latents, t, pose, 1, nullptr, {}, plain->priorInput(frame, masks.narrow(1, 0, 1)));
    const auto after = grown->denoise(latents, t, pose, 1, nullptr, {}, grown->priorInput(frame, masks));
    EXPECT_LT((before - after).abs().max().item<double>(), 1e-5);
    EXPECT_THROW(grown->priorInput(frame, masks.narrow(1, 0, 1)), Error); // the model reads three masks
}

TEST(PriorModel, APriorMasksModelGeneratesAndTrains)
{
    GeneratorOptions o;
    o.model = tinyPriorModel(true);
    o.initSeed = 6;
    Generator generator(o);
    const auto c = hairCase(2);
    EXPECT_EQ(generator.generate(transferRequest(c, fewSteps())).frames.size(), 2u);

    Trainer trainer(tinyPriorTraining(tinyPriorModel(true), 2, 8), {});
    EXPECT_TRUE(std::isfinite(trainer.trainStep()));
    EXPECT_TRUE(std::isfinite(trainer.trainStep()));
}

// With bare_prior_input DNet's prior input is the portrait animated (the prior at strength 0): what was
// pasted reaches the network only through the references. The base its correction is added to is still
// the pasted frame, so paste-back and strength 0 hold as before.
TEST(PriorModel, ABarePriorModelSeesThePortraitAnimatedNotThePaste)
{
    const auto c = hairCase(2);
    auto request = transferRequest(c, fewSteps());
    const ClassicalPrior prior(request, 32);
    auto off = request;
    off.attributes.front().strength = 0.0;
    const ClassicalPrior bare(off, 32);
    for (int f = 0; f < 2; ++f) {
        EXPECT_EQ(prior.portraitFrame(f).pixels, bare.frame(f).pixels) << "frame " << f;
        EXPECT_NE(prior.portraitFrame(f).pixels, prior.frame(f).pixels) << "frame " << f << " has hair pasted";
    }

    {
        torch::manual_seed(4);
        model::DurianModel net(resolveModelConfig(tinyBarePriorModel()));
        torch::NoGradGuard noGrad;
        const int size = net->config().resolution;
        const auto pasted = torch::rand({1, 3, size, size}) * 2 - 1, portrait = torch::rand({1, 3, size, size}) * 2 - 1;
        const auto masks = torch::rand({1, 3, size, size});
        const auto encoded = net->encodePrior(pasted, masks, portrait);
        EXPECT_TRUE(encoded.input.equal(net->priorInput(portrait, masks)));
        EXPECT_TRUE(encoded.latents.equal(net->vae->encode(pasted))); // the correction is still the paste's
        EXPECT_THROW(net->encodePrior(pasted, masks), Error);
    }

    GeneratorOptions o;
    o.model = tinyBarePriorModel();
    o.initSeed = 7;
    Generator generator(o);
    // The model is sampled in its own one step, whatever the request asks.
    request.steps = 5;
    int total = 0;
    GenerationCallbacks callbacks;
    callbacks.progress = [&](int, int steps) { total = steps; };
    generator.generate(request, callbacks);
    EXPECT_EQ(total, 1);
    for (auto& a : request.attributes) {
        a.strength = 0.0;
    }
    const auto frames = generator.generate(request).frames;
    const auto animated = warpCompositeVideo(c, false);
    ASSERT_EQ(frames.size(), animated.size());
    for (std::size_t f = 0; f < frames.size(); ++f) {
        EXPECT_EQ(frames[f].pixels, animated[f].pixels) << "strength 0, frame " << f;
    }

    Trainer trainer(tinyPriorTraining(tinyBarePriorModel(), 1, 9), {});
    EXPECT_TRUE(std::isfinite(trainer.trainStep()));
}

// pasted_prior_input appends the pasted frame to a bare-prior model's input; grown from the bare model's
// weights (the new channels at zero) it predicts what that model did, and only training makes it read them.
TEST(PriorModel, ABarePriorModelThatGainsThePasteStartsAsTheOneItGrewFrom)
{
    torch::manual_seed(8);
    model::DurianModel bare(resolveModelConfig(tinyBarePriorModel()));
    const auto file =
        std::filesystem::temp_directory_path() / ("durian-pasted-grow-" + std::to_string(::getpid()) + ".safetensors");
    model::saveModelWeights(bare, file);
    model::DurianModel grown(resolveModelConfig(tinyPastedPriorModel()));
    EXPECT_EQ(model::loadModelWeightsGrowingInputs(grown, file), 48); // the paste's 4x4 unshuffle
    std::filesystem::remove(file);

    {
        torch::NoGradGuard noGrad;
        bare->eval();
        grown->eval();
        const int size = bare->config().resolution;
        const auto pasted = torch::rand({1, 3, size, size}) * 2 - 1, portrait = torch::rand({1, 3, size, size}) * 2 - 1;
        const auto masks = torch::rand({1, 3, size, size});
        const auto encoded = grown->encodePrior(pasted, masks, portrait);
        const auto bareChannels = bare->config().priorChannels();
        EXPECT_TRUE(encoded.input.narrow(1, 0, bareChannels).equal(bare->priorInput(portrait, masks)));
        EXPECT_TRUE(encoded.input.narrow(1, bareChannels, 48).equal(grown->vae->encode(pasted)));
        const auto latents = torch::randn({1, 48, size / 4, size / 4});
        const auto t = torch::full({1}, 999.0f);
        const auto pose = bare->poseFeatures(torch::zeros({1, 3, size, size}));
        const auto before =
            bare->denoise(latents, t, pose, 1, nullptr, {}, bare->encodePrior(pasted, masks, portrait).input);
        const auto after = grown->denoise(latents, t, pose, 1, nullptr, {}, encoded.input);
        EXPECT_LT((before - after).abs().max().item<double>(), 1e-5);
    }

    GeneratorOptions o;
    o.model = tinyPastedPriorModel();
    o.initSeed = 9;
    Generator generator(o);
    EXPECT_EQ(generator.generate(transferRequest(hairCase(2), fewSteps())).frames.size(), 2u);
    Trainer trainer(tinyPriorTraining(tinyPastedPriorModel(), 1, 10), {});
    EXPECT_TRUE(std::isfinite(trainer.trainStep()));
}

TEST(PriorModel, PastedPriorInputNeedsABarePriorInput)
{
    const auto path = tinyPriorModelFile("tiny-pasted-alone", "tiny-pasted", R"(, "pasted_prior_input": true)");
    try {
        resolveModelConfig(path);
        FAIL() << "accepted pasted_prior_input without bare_prior_input";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("pasted_prior_input needs bare_prior_input"), std::string::npos) << e.what();
    }
}

namespace {

// The pasted-prior model with a full-resolution refiner after its denoiser (refiner_channels).
std::string tinyRefinedPriorModel()
{
    return tinyPriorModelFile("tiny-refined-prior", "tiny-refined-prior",
        R"(, "prior_masks": true, "bare_prior_input": true, "pasted_prior_input": true, "sampling_steps": 1,
        "refiner_channels": 8)");
}

} // namespace

// A refiner starts at zero: the model grown with it from weights without one renders what they rendered,
// and training moves it (its loss is the refined frame's).
TEST(PriorModel, ARefinerStartsAsTheModelItGrewFromAndLearns)
{
    torch::manual_seed(11);
    model::DurianModel pasted(resolveModelConfig(tinyPastedPriorModel()));
    const auto file =
        std::filesystem::temp_directory_path() / ("durian-refiner-grow-" + std::to_string(::getpid()) + ".safetensors");
    model::saveModelWeights(pasted, file);
    model::DurianModel refined(resolveModelConfig(tinyRefinedPriorModel()));
    EXPECT_EQ(model::loadModelWeightsGrowingInputs(refined, file), 0);
    EXPECT_THROW(model::loadModelWeights(refined, file), Error); // the strict load names the missing refiner
    {
        torch::NoGradGuard noGrad;
        const int size = refined->config().resolution;
        const auto frame = torch::rand({2, 3, size, size}) * 2 - 1, portrait = torch::rand({2, 3, size, size}) * 2 - 1;
        const auto masks = torch::rand({2, 3, size, size});
        const auto encoded = refined->encodePrior(frame, masks, portrait);
        ASSERT_TRUE(encoded.refinerContext.defined());
        EXPECT_EQ(encoded.refinerContext.size(1), refined->config().refinerContextChannels());
        EXPECT_FALSE(pasted->encodePrior(frame, masks, portrait).refinerContext.defined());
        const auto latents = torch::randn({2, 48, size / 4, size / 4});
        EXPECT_TRUE(refined->decodeFrames(latents, encoded.refinerContext).equal(pasted->decodeFrames(latents)));
        EXPECT_THROW(refined->decodeFrames(latents), Error);
    }

    // The same initial weights with and without a refiner render the same clip.
    const auto c = hairCase(2);
    const auto request = transferRequest(c, fewSteps());
    GeneratorOptions o;
    o.initSeed = 12;
    o.model = tinyPastedPriorModel();
    const auto without = Generator(o).generate(request).frames;
    o.model = tinyRefinedPriorModel();
    const auto with = Generator(o).generate(request).frames;
    ASSERT_EQ(with.size(), without.size());
    for (std::size_t f = 0; f < with.size(); ++f) {
        EXPECT_EQ(with[f].pixels, without[f].pixels) << "frame " << f;
    }

    Trainer trainer(tinyPriorTraining(tinyRefinedPriorModel(), 2, 13), {});
    EXPECT_TRUE(std::isfinite(trainer.trainStep()));
    EXPECT_TRUE(std::isfinite(trainer.trainStep()));
    const auto dir = std::filesystem::temp_directory_path() / ("durian-refiner-train-" + std::to_string(::getpid()));
    const auto checkpoint = trainer.saveCheckpoint(dir);
    bool found = false;
    for (const auto& t : readSafetensors(checkpoint).tensors) {
        if (t.name.ends_with("refiner.conv_out.weight")) {
            found = true;
            EXPECT_GT(model::toTensor(t).abs().max().item<double>(), 0.0) << t.name << " did not move";
        }
    }
    EXPECT_TRUE(found);
    std::filesystem::remove_all(dir);
    std::filesystem::remove(file);
}

TEST(PriorModel, ARefinerNeedsAPixelPriorPredictingTheSample)
{
    const auto path = tinyPriorModelFile("tiny-refiner", "tiny-refiner", R"(, "refiner_channels": 8)");
    EXPECT_NO_THROW(resolveModelConfig(path));
    const auto bad = std::filesystem::path(path).parent_path() / "tiny-refiner-bad.json";
    writeFileAtomically(bad, R"({"base": "tiny", "name": "r", "refiner_channels": 8})");
    try {
        resolveModelConfig(bad.string());
        FAIL() << "accepted a refiner without a prior";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("refiner_channels needs prior"), std::string::npos) << e.what();
    }
}
