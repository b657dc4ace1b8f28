// The generation API end to end on `tiny` (plain types only, as the app sees it).
#include "core/io/AtomicFile.h"
#include "core/pipeline/Pipeline.h"
#include "core/pipeline/RequestFile.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <unistd.h>

using namespace durian;

namespace {

Image pattern(int size, int seed, int channels = 3)
{
    Image image(size, size, channels);
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            for (int c = 0; c < channels; ++c) {
                image.row(y)[x * channels + c] = static_cast<std::uint8_t>((x * (7 + seed) + y * (3 + c) * (seed + 1) + 40 * c) % 256);
            }
        }
    }
    return image;
}

Image halfMask(int size, bool top)
{
    Image mask(size, size, 1, 0);
    for (int y = 0; y < size; ++y) {
        if ((y < size / 2) == top) {
            std::fill(mask.row(y), mask.row(y) + size, 255);
        }
    }
    return mask;
}

GenerationRequest baseRequest(int frames = 2)
{
    GenerationRequest r;
    r.portrait = pattern(40, 1); // not the model size: resized
    r.portraitMask = halfMask(40, true);
    r.attributes.push_back({AttributeCategory::Hair, pattern(32, 2), halfMask(32, true), 1.0, std::nullopt});
    for (int f = 0; f < frames; ++f) {
        r.keypoints.push_back(pattern(32, 10 + f));
    }
    r.frames = frames;
    r.steps = 3;
    r.seed = 9;
    return r;
}

Generator& tinyGenerator()
{
    static Generator generator([] {
        GeneratorOptions o;
        o.model = "tiny";
        o.initSeed = 3;
        return o;
    }());
    return generator;
}

int maxPixelDiff(const std::vector<Image>& a, const std::vector<Image>& b)
{
    EXPECT_EQ(a.size(), b.size());
    int worst = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        EXPECT_EQ(a[i].pixels.size(), b[i].pixels.size());
        for (std::size_t p = 0; p < std::min(a[i].pixels.size(), b[i].pixels.size()); ++p) {
            worst = std::max(worst, std::abs(int(a[i].pixels[p]) - int(b[i].pixels[p])));
        }
    }
    return worst;
}

std::string errorOf(const GenerationRequest& r)
{
    try {
        tinyGenerator().generate(r);
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

TEST(Pipeline, SameSeedSameFramesAtTheModelResolution)
{
    auto& g = tinyGenerator();
    const auto a = g.generate(baseRequest());
    const auto b = g.generate(baseRequest());
    ASSERT_EQ(a.frames.size(), 2u);
    EXPECT_EQ(a.frames[0].width, 32);
    EXPECT_EQ(a.frames[0].channels, 3);
    EXPECT_EQ(maxPixelDiff(a.frames, b.frames), 0);
    auto other = baseRequest();
    other.seed = 10;
    EXPECT_GT(maxPixelDiff(g.generate(other).frames, a.frames), 0);
}

TEST(Pipeline, CachedRunEqualsUncachedRun)
{
    auto& g = tinyGenerator();
    g.clearReferenceCache();
    const auto cold = g.generate(baseRequest());
    EXPECT_EQ(cold.referenceNetRuns, 2);
    EXPECT_EQ(cold.referenceCacheHits, 0);
    EXPECT_GT(g.referenceCacheBytes(), 0u);
    auto moved = baseRequest();
    moved.attributes[0].strength = 0.5; // a slider move reuses the references
    moved.attributes[0].strength = 1.0;
    const auto warm = g.generate(moved);
    EXPECT_EQ(warm.referenceNetRuns, 0);
    EXPECT_EQ(warm.referenceCacheHits, 2);
    EXPECT_EQ(maxPixelDiff(cold.frames, warm.frames), 0);
}

TEST(Pipeline, StrengthZeroEqualsNoAttribute)
{
    auto& g = tinyGenerator();
    auto with = baseRequest(1);
    with.attributes[0].strength = 0.0;
    auto without = baseRequest(1);
    without.attributes.clear();
    EXPECT_EQ(maxPixelDiff(g.generate(with).frames, g.generate(without).frames), 0);
    auto full = baseRequest(1);
    EXPECT_GT(maxPixelDiff(g.generate(full).frames, g.generate(without).frames), 0);
}

TEST(Pipeline, InterpolationEndpointsEqualTheSingleReferences)
{
    auto& g = tinyGenerator();
    const Image b = pattern(32, 5), bMask = halfMask(32, false);
    auto onlyA = baseRequest(1);
    auto onlyB = baseRequest(1);
    onlyB.attributes[0].image = b;
    onlyB.attributes[0].mask = bMask;
    auto mix = baseRequest(1);
    mix.interpolation = InterpolationInput{0, b, bMask, 0.0, std::nullopt};
    EXPECT_LE(maxPixelDiff(g.generate(mix).frames, g.generate(onlyA).frames), 1);
    mix.interpolation->alpha = 1.0;
    EXPECT_LE(maxPixelDiff(g.generate(mix).frames, g.generate(onlyB).frames), 1);
    mix.interpolation->alpha = 0.5;
    const auto half = g.generate(mix);
    EXPECT_EQ(half.referenceNetRuns, 0); // A, B and the portrait are all cached by now
    EXPECT_GT(maxPixelDiff(half.frames, g.generate(onlyA).frames), 0);
}

TEST(Pipeline, ReportsProgressPreviewsAndCancels)
{
    auto& g = tinyGenerator();
    std::vector<int> steps;
    int previews = 0;
    GenerationCallbacks callbacks;
    callbacks.progress = [&](int step, int total) {
        steps.push_back(step);
        EXPECT_EQ(total, 3);
    };
    callbacks.preview = [&](const Image& preview, int, int) {
        ++previews;
        EXPECT_EQ(preview.width, 8); // latent resolution
        EXPECT_EQ(preview.channels, 3);
    };
    g.generate(baseRequest(), callbacks);
    EXPECT_EQ(steps, (std::vector<int>{1, 2, 3}));
    EXPECT_EQ(previews, 3);

    std::stop_source stop;
    GenerationCallbacks cancelling;
    cancelling.stop = stop.get_token();
    cancelling.progress = [&](int step, int) {
        if (step == 1) {
            stop.request_stop();
        }
    };
    EXPECT_THROW(g.generate(baseRequest(), cancelling), durian::Cancelled);
}

TEST(Pipeline, ALongClipStreamsItsFramesInOrderChunkByChunk)
{
    auto& g = tinyGenerator(); // temporal window 4: chunks of 24 frames, each anchored on 2 of the one before
    const auto request = baseRequest(60);
    const auto whole = g.generate(request).frames;
    ASSERT_EQ(whole.size(), 60u);
    std::vector<Image> streamed;
    GenerationCallbacks callbacks;
    callbacks.frame = [&](int index, Image frame) {
        EXPECT_EQ(index, static_cast<int>(streamed.size())); // in order, none twice
        streamed.push_back(std::move(frame));
    };
    std::vector<int> steps;
    callbacks.progress = [&](int step, int total) {
        steps.push_back(step);
        EXPECT_EQ(total, 3 * 3); // 3 chunks of 3 steps: one progress over the whole clip
    };
    EXPECT_TRUE(g.generate(request, callbacks).frames.empty()); // the sink had them
    EXPECT_EQ(maxPixelDiff(streamed, whole), 0);
    EXPECT_EQ(steps.back(), 9);
    // The first chunk is what a clip of its length alone gives: later chunks continue it, never change it.
    auto first = baseRequest(24);
    first.keypoints.assign(request.keypoints.begin(), request.keypoints.begin() + 24);
    EXPECT_EQ(maxPixelDiff(g.generate(first).frames, std::vector<Image>(whole.begin(), whole.begin() + 24)), 0);
}

TEST(Pipeline, PreviewRequestIsOneQuickFrame)
{
    auto request = baseRequest(2);
    request.steps = 30;
    request.guidance = 2.5;
    const auto preview = previewRequest(request);
    EXPECT_EQ(preview.guidance, 2.5); // the Settings' guidance reaches the editor's preview
    EXPECT_EQ(preview.frames, 1);
    EXPECT_EQ(preview.keypoints.size(), 1u);
    EXPECT_EQ(preview.steps, kPreviewSteps);
    EXPECT_EQ(preview.sampler, SamplerType::DpmSolver2M);
    EXPECT_EQ(tinyGenerator().generate(preview).frames.size(), 1u);
}

TEST(Pipeline, RejectsBadRequestsWithReadableMessages)
{
    auto r = baseRequest();
    r.attributes[0].strength = 1.5;
    EXPECT_NE(errorOf(r).find("attribute 1 (hair) has strength 1.5"), std::string::npos) << errorOf(r);
    r = baseRequest();
    r.frames = 3;
    EXPECT_NE(errorOf(r).find("2 keypoint images for 3 frames"), std::string::npos) << errorOf(r);
    r = baseRequest();
    r.resolution = 36;
    EXPECT_NE(errorOf(r).find("resolution 36 must be a multiple of 8"), std::string::npos) << errorOf(r);
    r = baseRequest();
    r.interpolation = InterpolationInput{3, pattern(32, 1), {}, 0.5, std::nullopt};
    EXPECT_NE(errorOf(r).find("interpolation refers to attribute 4"), std::string::npos) << errorOf(r);
    r = baseRequest();
    r.portraitMask = halfMask(16, true);
    EXPECT_NE(errorOf(r).find("the portrait mask is 16x16"), std::string::npos) << errorOf(r);
}

TEST(Pipeline, RequestFileRendersLikeTheLibraryRequest)
{
    const auto dir = std::filesystem::temp_directory_path() / ("durian_req_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto request = baseRequest(2);
    request.interpolation = InterpolationInput{0, pattern(32, 6), {}, 0.25, std::nullopt};
    request.sampler = SamplerType::DpmSolver2M;
    saveImage(request.portrait, dir / "portrait.png");
    saveImage(request.portraitMask, dir / "hole.png");
    saveImage(request.attributes[0].image, dir / "hair.png");
    saveImage(request.attributes[0].mask, dir / "hair_mask.png");
    saveImage(request.interpolation->image, dir / "hair_b.png");
    saveImage(request.keypoints[0], dir / "k0.png");
    saveImage(request.keypoints[1], dir / "k1.png");
    writeFileAtomically(dir / "request.json", R"({
      "model": "tiny",
      "portrait": "portrait.png", "portrait_mask": "hole.png",
      "attributes": [{"category": "hair", "image": "hair.png", "mask": "hair_mask.png", "strength": 1.0}],
      "interpolation": {"slot": 0, "image": "hair_b.png", "alpha": 0.25},
      "keypoints": ["k0.png", "k1.png"],
      "steps": 3, "seed": 9, "sampler": "dpmpp2m"
    })");
    const auto file = loadRequestFile(dir / "request.json");
    EXPECT_EQ(file.model, "tiny");
    EXPECT_EQ(file.request.frames, 2);
    auto& g = tinyGenerator();
    // Masks went through PNG as gray; the library request uses the same 1-channel images.
    EXPECT_EQ(maxPixelDiff(g.generate(file.request).frames, g.generate(request).frames), 0);

    writeFileAtomically(dir / "bad.json", R"({"portrait": "portrait.png", "atributes": []})");
    try {
        loadRequestFile(dir / "bad.json");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("'atributes' is not a known request field"), std::string::npos) << e.what();
    }
    writeFileAtomically(dir / "bad2.json", R"({"portrait": "portrait.png", "attributes": [{"category": "wig", "image": "hair.png"}]})");
    try {
        loadRequestFile(dir / "bad2.json");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("attributes[0].category' is 'wig'"), std::string::npos) << e.what();
    }
    std::filesystem::remove_all(dir);
}

TEST(Pipeline, OneStepPredictionIsTheRoundTripAtNoNoiseAndDriftsWithNoise)
{
    // At timestep 0 the noise is almost nothing, so even an untrained network's prediction stays near the
    // truth through the autoencoder; at the noisiest step it cannot get it back.
    auto& generator = tinyGenerator();
    const auto request = baseRequest(1);
    const int size = generator.config().resolution;
    const auto truth = pattern(size, 4);
    const auto roundTrip = generator.autoencode(truth, size);
    auto meanDiff = [&](const Image& a) {
        double sum = 0.0;
        for (std::size_t p = 0; p < a.pixels.size(); ++p) {
            sum += std::abs(int(a.pixels[p]) - int(roundTrip.pixels[p]));
        }
        return sum / static_cast<double>(a.pixels.size());
    };
    const double clean = meanDiff(generator.predictCleanFrame(request, truth, 0));
    const double noisy = meanDiff(generator.predictCleanFrame(request, truth, 999));
    std::printf("mean |prediction - round trip|: %.2f at t=0, %.2f at t=999\n", clean, noisy);
    EXPECT_LT(clean, 0.7 * noisy);
    EXPECT_EQ(maxPixelDiff({generator.predictCleanFrame(request, truth, 500)}, {generator.predictCleanFrame(request, truth, 500)}), 0);
    EXPECT_THROW(generator.predictCleanFrame(request, truth, 1000), Error);
}

TEST(Pipeline, WeightsRunInTheConfigurationTheyRecord)
{
    // A decoder trained with 2 norm groups: same tensor shapes as tiny's 4, so a load into the asked-for
    // configuration would pass and decode wrongly. The generator takes the file's own configuration.
    const auto dir = std::filesystem::path(::testing::TempDir()) / "durian-recorded-config";
    std::filesystem::create_directories(dir);
    const auto configPath = dir / "tiny-g2.json";
    writeFileAtomically(configPath, R"({"base": "tiny", "name": "tiny-g2", "vae_norm_groups": 2})");
    GeneratorOptions made;
    made.model = configPath.string();
    made.initSeed = 5;
    Generator original(made);
    const auto weights = dir / "g2.safetensors";
    original.saveWeights(weights);

    GeneratorOptions asked;
    asked.model = "tiny";
    asked.weights = weights;
    Generator loaded(asked);
    EXPECT_EQ(loaded.config().name, "tiny-g2");
    EXPECT_EQ(loaded.config().vaeGroups(), 2);
    const int size = loaded.config().resolution;
    EXPECT_EQ(maxPixelDiff({loaded.autoencode(pattern(size, 6), size)}, {original.autoencode(pattern(size, 6), size)}), 0);
    std::filesystem::remove_all(dir);
}
