// Shapes and identities of the Durian network on the `tiny` configuration.
#include "core/model/Attention.h"
#include "core/model/DurianModel.h"
#include "core/model/ModelConfig.h"
#include "core/util/Error.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

using namespace durian;
using namespace durian::model;

namespace {

ModelConfig tiny() { return modelConfigPreset("tiny"); }

// A tiny model whose zero-initialised parts (temporal proj_out, pose guider output) are made non-zero,
// so every path contributes.
DurianModel randomModel(const ModelConfig& config, std::uint64_t seed = 7)
{
    torch::manual_seed(seed);
    DurianModel model(config);
    torch::NoGradGuard noGrad;
    for (auto& p : model->named_parameters()) {
        if (p.key().find("proj_out") != std::string::npos || p.key().find("pose_guider.conv_out") != std::string::npos) {
            p.value().normal_(0.0, 0.05);
        }
    }
    model->eval();
    return model;
}

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

} // namespace

TEST(ModelConfig, PresetsValidateAndRoundTripThroughJson)
{
    for (const auto& name : modelConfigPresetNames()) {
        const auto config = modelConfigPreset(name);
        const auto again = parseModelConfig(modelConfigToJson(config), name);
        EXPECT_EQ(modelConfigToJson(again), modelConfigToJson(config)) << name;
        const auto file = loadModelConfig(std::filesystem::path(DURIAN_SOURCE_DIR) / "resources/configs" / (name + ".json"));
        EXPECT_EQ(modelConfigToJson(file), modelConfigToJson(config)) << "resources/configs/" << name << ".json";
    }
    EXPECT_EQ(modelConfigPreset("sd15").blockChannels, (std::vector<int>{320, 640, 1280, 1280}));
    EXPECT_EQ(modelConfigPreset("sd15").vaeFactor(), 8);
}

TEST(ModelConfig, RejectsUnknownKeysAndInconsistentValues)
{
    try {
        parseModelConfig(R"({"heds": 4})", "cfg.json");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("unknown model setting 'heds'"), std::string::npos) << e.what();
    }
    try {
        parseModelConfig(R"({"base": "tiny", "attention_levels": [true]})", "cfg.json");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("attention_levels"), std::string::npos) << e.what();
    }
    EXPECT_THROW(parseModelConfig(R"({"heads": "four"})", "cfg.json"), Error);
}

TEST(ModelConfig, RangesAreCheckedBeforeAnyArithmeticOrAllocation)
{
    const auto messageFor = [](const std::string& json) {
        try {
            parseModelConfig(json, "cfg.json");
        } catch (const Error& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    // These divided by zero inside the validation itself (SIGFPE).
    for (const char* field : {"heads", "norm_groups", "temporal_heads"}) {
        for (const char* value : {"0", "-1"}) {
            const auto message = messageFor(std::string(R"({"base": "tiny", ")") + field + "\": " + value + "}");
            EXPECT_NE(message.find(std::string("cfg.json: ") + field + " must be between"), std::string::npos) << message;
        }
    }
    // A huge network is refused by its size, before libtorch tries to allocate it.
    const auto huge = messageFor(R"({"base": "tiny", "block_channels": [4096, 4096, 4096, 4096], "attention_levels": [true, true, true, true],
        "norm_groups": 4})");
    EXPECT_NE(huge.find("million parameters"), std::string::npos) << huge;
    EXPECT_NE(messageFor(R"({"base": "tiny", "latent_scale": 0})").find("latent_scale"), std::string::npos);
    EXPECT_NE(messageFor(R"({"base": "tiny", "pixel_unshuffle": 4})").find("latent_channels must be"), std::string::npos);
    EXPECT_EQ(messageFor(R"({"base": "sd15"})"), ""); // the largest preset still fits
}

TEST(ModelConfig, VaeNormGroupsChangeOnlyTheAutoencoder)
{
    // Absent: the VAE uses norm_groups, and the JSON text stays as it was before the key existed.
    EXPECT_EQ(modelConfigToJson(tiny()).find("vae_norm_groups"), std::string::npos);
    EXPECT_EQ(tiny().vaeGroups(), tiny().normGroups);

    const auto config = parseModelConfig(R"({"base": "tiny", "vae_norm_groups": 2})", "cfg.json");
    EXPECT_EQ(parseModelConfig(modelConfigToJson(config), "again").vaeNormGroups, 2);
    DurianModel model(config);
    auto groupsOf = [&](const std::string& name) {
        return model->named_modules()[name]->as<torch::nn::GroupNorm>()->options.num_groups();
    };
    EXPECT_EQ(groupsOf("vae.decoder.conv_norm_out"), 2);
    EXPECT_EQ(groupsOf("vae.decoder.mid_block.resnets.0.norm1"), 2);
    EXPECT_EQ(groupsOf("vae.encoder.conv_norm_out"), 2);
    EXPECT_EQ(groupsOf("dnet.conv_norm_out"), tiny().normGroups);
    // The same tensors either way, so weights of one load into the other.
    EXPECT_EQ(model->named_parameters().size(), DurianModel(tiny())->named_parameters().size());

    EXPECT_THROW(parseModelConfig(R"({"base": "tiny", "vae_norm_groups": 3})", "cfg.json"), Error);
    EXPECT_THROW(parseModelConfig(R"({"base": "tiny", "vae_norm_groups": -1})", "cfg.json"), Error);
}

TEST(Attention, ChunkPlanKeepsAnSd15LayerWithinBudget)
{
    // sd15 first level at a 64x64 latent: 4096 queries, keys = frame + portrait + attribute = 12288, 8 heads.
    const long long budget = modelConfigPreset("sd15").attentionChunkElements;
    const auto plan = planAttentionChunks(8, 4096, 3 * 4096, budget);
    EXPECT_LE(8 * plan.queryChunk * plan.keyChunk, budget);
    EXPECT_LT(plan.queryChunk * plan.keyChunk, 4096LL * 3 * 4096);
    EXPECT_GE(plan.queryChunk, 1);
}

TEST(Attention, ChunkedEqualsPlainSoftmaxAttention)
{
    torch::manual_seed(1);
    const auto q = torch::randn({2, 3, 50, 8}), k = torch::randn({2, 3, 70, 8}), v = torch::randn({2, 3, 70, 8});
    const auto plain = torch::softmax(torch::matmul(q, k.transpose(-1, -2)) / std::sqrt(8.0), -1).matmul(v);
    EXPECT_LT(maxDiff(chunkedAttention(q, k, v, 1 << 20), plain), 1e-5);
    EXPECT_LT(maxDiff(chunkedAttention(q, k, v, 6 * 7), plain), 1e-5); // tiny budget: many query and key chunks
}

TEST(Attention, NoReferenceTokensEqualsPlainSelfAttention)
{
    torch::manual_seed(2);
    Attention attention(16, 16, 2, false, 1 << 20);
    const auto x = torch::randn({3, 10, 16});
    const auto fused = attention->forward(x, AttentionGroups{}, true, ReferenceMix{});
    const auto plain = attention->forward(x);
    EXPECT_LT(maxDiff(fused, plain), 1e-6);
}

namespace {

struct FusionFixture {
    Attention attention{16, 16, 2, false, 1 << 20};
    torch::Tensor x, portrait, a, b, c;
    FusionFixture()
    {
        torch::manual_seed(3);
        attention = Attention(16, 16, 2, false, 1 << 20);
        x = torch::randn({4, 9, 16}); // 2 samples x 2 frames
        portrait = torch::randn({2, 9, 16});
        a = torch::randn({2, 9, 16});
        b = torch::randn({2, 9, 16});
        c = torch::randn({2, 5, 16});
    }
    torch::Tensor run(std::vector<torch::Tensor> attrs, std::vector<double> w, int slot = -1, double alpha = 0.0,
        torch::Tensor alt = {})
    {
        AttentionGroups g;
        g.base = portrait;
        g.attributes = std::move(attrs);
        g.alternative = std::move(alt);
        ReferenceMix mix{std::move(w), slot, alpha};
        return attention->forward(x, g, true, mix);
    }
};

} // namespace

TEST(Attention, FusionEqualsAttentionOverConcatenatedTokens)
{
    FusionFixture f;
    const auto fused = f.run({f.a, f.c}, {1.0, 1.0});
    // Reference: concatenate per frame [frame, portrait, a, c] and run plain attention with the same weights.
    const auto perFrame = [&](const torch::Tensor& t) { return t.repeat_interleave(2, 0); };
    const auto keys = torch::cat({f.x, perFrame(f.portrait), perFrame(f.a), perFrame(f.c)}, 1);
    auto& att = *f.attention;
    auto params = att.named_parameters();
    const auto q = torch::linear(f.x, params["to_q.weight"]);
    const auto k = torch::linear(keys, params["to_k.weight"]);
    const auto v = torch::linear(keys, params["to_v.weight"]);
    auto heads = [](const torch::Tensor& t) { return t.view({t.size(0), t.size(1), 2, 8}).transpose(1, 2); };
    auto o = torch::softmax(torch::matmul(heads(q), heads(k).transpose(-1, -2)) / std::sqrt(8.0), -1).matmul(heads(v));
    o = o.transpose(1, 2).reshape({4, 9, 16});
    const auto expected = torch::linear(o, params["to_out.0.weight"], params["to_out.0.bias"]);
    EXPECT_LT(maxDiff(fused, expected), 1e-5);
}

TEST(Attention, StrengthZeroIsAbsentAndOneIsFull)
{
    FusionFixture f;
    EXPECT_LT(maxDiff(f.run({f.a, f.c}, {0.0, 1.0}), f.run({f.c}, {1.0})), 1e-6);
    EXPECT_LT(maxDiff(f.run({f.a}, {0.0}), f.run({}, {})), 1e-6);
    const auto full = f.run({f.a}, {1.0});
    EXPECT_GT(maxDiff(full, f.run({}, {})), 1e-3);
    // Monotone: the output moves steadily from "absent" to "full" as w rises.
    const auto absent = f.run({}, {});
    double previous = 0.0;
    for (double w : {0.1, 0.3, 0.6, 0.9}) {
        const double distance = maxDiff(f.run({f.a}, {w}), absent);
        EXPECT_GT(distance, previous) << w;
        previous = distance;
    }
    EXPECT_LT(previous, maxDiff(full, absent) + 1e-6);
}

TEST(Attention, InterpolationEndpointsAndMidpoint)
{
    FusionFixture f;
    const auto onlyA = f.run({f.a, f.c}, {1.0, 0.7});
    const auto onlyB = f.run({f.b, f.c}, {1.0, 0.7});
    EXPECT_LT(maxDiff(f.run({f.a, f.c}, {1.0, 0.7}, 0, 0.0, f.b), onlyA), 1e-6);
    EXPECT_LT(maxDiff(f.run({f.a, f.c}, {1.0, 0.7}, 0, 1.0, f.b), onlyB), 1e-6);
    const auto mid = f.run({f.a, f.c}, {1.0, 0.7}, 0, 0.25, f.b);
    EXPECT_LT(maxDiff(mid, 0.75 * onlyA + 0.25 * onlyB), 1e-5);
}

TEST(Model, EveryBlockHasTheExpectedShapes)
{
    const auto config = tiny();
    auto model = randomModel(config);
    torch::NoGradGuard noGrad;
    const int size = config.resolution, latent = config.latentSize(size);
    const auto images = torch::rand({2, 3, size, size}) * 2 - 1;
    const auto [mean, logvar] = model->vae->encodeMoments(images);
    EXPECT_EQ(mean.sizes(), (std::vector<std::int64_t>{2, config.latentChannels, latent, latent}));
    EXPECT_EQ(logvar.sizes(), mean.sizes());
    EXPECT_EQ(model->vae->decode(mean).sizes(), images.sizes());

    const auto input = model->referenceInput(images, torch::ones({2, 1, size, size}));
    EXPECT_EQ(input.sizes(), (std::vector<std::int64_t>{2, config.latentChannels + 1, latent, latent}));
    const auto portrait = model->encodeReference(input, ReferenceRole::Portrait);
    ASSERT_EQ(static_cast<int>(portrait.layers.size()), model->dnet->selfAttentionLayers());
    EXPECT_EQ(model->dnet->selfAttentionLayers(), 2 * 1 + 1 + 2 * 2); // down, mid, up (layers+1 each)
    EXPECT_EQ(portrait.layers[0].sizes(), (std::vector<std::int64_t>{2, latent * latent, config.blockChannels[0]}));
    EXPECT_EQ(portrait.context.sizes(),
        (std::vector<std::int64_t>{2, config.contextGrid * config.contextGrid, config.contextDim}));

    const auto pose = model->poseFeatures(torch::rand({6, 3, size, size}));
    EXPECT_EQ(pose.sizes(), (std::vector<std::int64_t>{6, config.blockChannels[0], latent, latent}));
    const auto attribute = model->encodeReference(input, ReferenceRole::Hair);
    DenoiseReferences refs{&portrait, {&attribute}, nullptr};
    const auto x = torch::randn({6, config.latentChannels, latent, latent}); // 2 samples x 3 frames
    const auto eps = model->denoise(x, torch::full({6}, 500.0), pose, 3, &refs, ReferenceMix{{1.0}, -1, 0.0});
    EXPECT_EQ(eps.sizes(), x.sizes());
    EXPECT_EQ(model->denoise(x, torch::full({6}, 500.0), pose, 3, nullptr, {}).sizes(), x.sizes());
}

TEST(Model, EachReferenceSeesOnlyItsSideOfTheMask)
{
    // Complementary masking, as training and inference both build it (encodePortrait, encodeAttribute).
    const auto config = tiny();
    auto model = randomModel(config);
    torch::NoGradGuard noGrad;
    const int size = config.resolution;
    torch::manual_seed(5);
    const auto image = torch::rand({1, 3, size, size}) * 2 - 1;
    auto mask = torch::zeros({1, 1, size, size});
    mask.narrow(2, 0, size / 2).fill_(1.0); // the top half is the attribute (the portrait's hole)
    auto changed = image.clone();
    changed.narrow(2, size / 2, size / 2).uniform_(-1.0, 1.0); // only the bottom half differs
    auto features = [&](const ReferenceFeatures& f) { return torch::cat({f.layers[0].flatten(), f.context.flatten()}); };

    EXPECT_LT(maxDiff(features(model->encodeAttribute(image, mask, AttributeCategory::Hat)),
                  features(model->encodeAttribute(changed, mask, AttributeCategory::Hat))), 1e-6);
    EXPECT_GT(maxDiff(features(model->encodePortrait(image, mask)), features(model->encodePortrait(changed, mask))), 1e-4);
    const auto hole = 1.0 - mask; // now the bottom half is the hole: the portrait ignores it
    EXPECT_LT(maxDiff(features(model->encodePortrait(image, hole)), features(model->encodePortrait(changed, hole))), 1e-6);
    // Each category has its own role embedding.
    EXPECT_GT(maxDiff(features(model->encodeAttribute(image, mask, AttributeCategory::Hat)),
                  features(model->encodeAttribute(image, mask, AttributeCategory::Beard))), 1e-6);
}

TEST(Model, ReferenceNetsShareArchitectureButNotWeights)
{
    auto model = randomModel(tiny());
    auto ar = model->arnet->named_parameters(), pr = model->prnet->named_parameters();
    ASSERT_EQ(ar.size(), pr.size());
    EXPECT_EQ(ar["conv_in.weight"].size(1), tiny().latentChannels + 1);
    EXPECT_GT(maxDiff(ar["conv_in.weight"], pr["conv_in.weight"]), 0.0);
    EXPECT_EQ(model->dnet->named_parameters()["conv_in.weight"].size(1), tiny().latentChannels);
}

TEST(Model, StrengthAndInterpolationIdentitiesHoldForTheWholeDenoiser)
{
    const auto config = tiny();
    auto model = randomModel(config);
    torch::NoGradGuard noGrad;
    const int size = config.resolution, latent = config.latentSize(size);
    torch::manual_seed(11);
    auto encode = [&](ReferenceRole role) {
        return model->encodeReference(model->referenceInput(torch::rand({1, 3, size, size}) * 2 - 1,
            torch::ones({1, 1, size, size})), role);
    };
    const auto portrait = encode(ReferenceRole::Portrait), a = encode(ReferenceRole::Hair), b = encode(ReferenceRole::Hair);
    const auto x = torch::randn({2, config.latentChannels, latent, latent});
    const auto t = torch::full({2}, 300.0);
    auto run = [&](std::vector<const ReferenceFeatures*> attrs, std::vector<double> w, const ReferenceFeatures* alt = nullptr,
                   double alpha = 0.0) {
        DenoiseReferences refs{&portrait, std::move(attrs), alt};
        return model->denoise(x, t, {}, 2, &refs, ReferenceMix{std::move(w), alt ? 0 : -1, alpha});
    };
    EXPECT_LT(maxDiff(run({&a}, {0.0}), run({}, {})), 1e-5);
    EXPECT_GT(maxDiff(run({&a}, {1.0}), run({}, {})), 1e-4);
    EXPECT_LT(maxDiff(run({&a}, {1.0}, &b, 0.0), run({&a}, {1.0})), 1e-5);
    EXPECT_LT(maxDiff(run({&a}, {1.0}, &b, 1.0), run({&b}, {1.0})), 1e-5);
    EXPECT_GT(maxDiff(run({&a}, {1.0}, &b, 0.5), run({&a}, {1.0})), 1e-5);
}

TEST(Model, TemporalModulesStartAsIdentity)
{
    torch::manual_seed(5);
    TemporalModule temporal(16, 2, 4, 1 << 20);
    const auto x = torch::randn({6, 16, 4, 4});
    torch::NoGradGuard noGrad;
    EXPECT_LT(maxDiff(temporal->forward(x, 3), x), 1e-7);
}
