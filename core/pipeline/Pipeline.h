#pragma once

// The generation API the GUI and the CLI share. Plain types only: no torch, no Qt.
#include "core/face/FaceTypes.h"
#include "core/io/Image.h"
#include "core/io/Project.h"
#include "core/io/Safetensors.h"
#include "core/model/ModelConfig.h"
#include "core/util/Cancellation.h"
#include "core/util/Error.h"

#include <stop_token>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace durian {

// One attribute reference: the photo, the mask of the attribute in it (empty: the whole image), and its
// strength in [0,1] (0: exactly absent, 1: exactly full; see model/Attention.h for the definition).
struct AttributeInput {
    AttributeCategory category = AttributeCategory::Hair;
    Image image;
    Image mask;
    double strength = 1.0;
    std::optional<Landmarks> landmarks; // the donor's face in `image`: where the classical prior pastes it
};

// A second reference B for attribute slot `slot`: the result is (1-alpha)*with A + alpha*with B, per
// attention layer. B has the slot's category and strength.
struct InterpolationInput {
    int slot = 0;
    Image image;
    Image mask;
    double alpha = 0.0;
    std::optional<Landmarks> landmarks;
};

enum class SamplerType { Ddim, DpmSolver2M };
std::string toString(SamplerType sampler);
std::optional<SamplerType> parseSamplerType(const std::string& text); // "ddim", "dpmpp2m"

struct GenerationRequest {
    Image portrait;
    Image portraitMask; // the region to replace (white); empty: nothing is masked out
    std::vector<AttributeInput> attributes;
    std::optional<InterpolationInput> interpolation;
    std::vector<Image> keypoints; // one keypoint image per frame (68 points drawn as RGB); empty: no motion input
    int frames = 1;               // must equal keypoints.size() when keypoints are given
    // The faces' landmarks, for a model that refines the classical prior (ModelConfig::prior; see
    // pipeline/ClassicalPrior.h): the portrait's in its pixels and each frame's keypoints (frames entries).
    std::optional<Landmarks> portraitLandmarks;
    std::vector<Landmarks> motion;
    int steps = 20;
    double guidance = 1.0;        // classifier-free guidance; 1 skips the unconditional branch
    std::uint64_t seed = 1;
    int resolution = 0;           // 0: the model's resolution; otherwise a multiple of its size granularity
    SamplerType sampler = SamplerType::Ddim;
};

struct GenerationCallbacks {
    std::function<void(int step, int totalSteps)> progress;
    // A cheap preview after every step: the first frame's predicted clean latent through a fixed linear
    // latent->RGB projection, at latent resolution (no VAE decode).
    std::function<void(const Image& preview, int step, int totalSteps)> preview;
    // When set, every finished frame goes here, in order, and GenerationResult::frames stays empty: then
    // a clip's length does not decide the memory its generation needs (it is made in chunks of
    // kChunkWindows temporal windows). Given motion as landmarks (`motion`), not keypoint images.
    std::function<void(int index, Image frame)> frame;
    // Checked before every step and every frame; a stop throws durian::Cancelled.
    std::stop_token stop;
};

// A long clip is generated in chunks of this many temporal windows (48 frames for the default model),
// each continuing the one before; a clip that fits in one is generated in one pass.
inline constexpr int kChunkWindows = 6;

struct GenerationResult {
    std::vector<Image> frames;
    int referenceNetRuns = 0;    // references encoded in this call (the rest came from the cache)
    int referenceCacheHits = 0;
    double seconds = 0.0;
};

struct GeneratorOptions {
    std::string model = "default";      // preset name or config .json; weights that record theirs use that
    std::filesystem::path weights;       // Durian safetensors; empty: random initialisation from initSeed
    std::uint64_t initSeed = 0;
    std::size_t referenceCacheBytes = std::size_t{1} << 30;
    bool bfloat16 = false;               // run the whole model in bf16 (half the memory; CPUs with AVX-512 BF16)
};

// The editor's quick preview of a request: its first frame only, kPreviewSteps DPM-Solver++(2M) steps,
// the request's guidance. Same seed and references, so the references come from the cache.
inline constexpr int kPreviewSteps = 6;
GenerationRequest previewRequest(const GenerationRequest& full);

// Owns a loaded model and its reference-feature cache. One generate() at a time (the app's worker thread).
class Generator {
public:
    explicit Generator(const GeneratorOptions& options);
    ~Generator();
    Generator(const Generator&) = delete;
    Generator& operator=(const Generator&) = delete;

    const ModelConfig& config() const;
    long long parameterCount() const;
    // Parameters per network: vae, dnet, arnet, prnet, pose_guider, context_encoder.
    std::vector<std::pair<std::string, long long>> parameterCounts() const;

    // Validates the request (throws durian::Error naming the field), then renders its frames.
    GenerationResult generate(const GenerationRequest& request, const GenerationCallbacks& callbacks = {});

    // The image through the autoencoder alone (encode, decode) at `size`: the best any generated frame
    // can be, for the benchmark.
    Image autoencode(const Image& image, int size);
    // Standard deviation of the images' latents as the diffusion model sees them (after the config's
    // latent_scale). The noise schedule assumes about 1; far from it, training learns little.
    double latentStd(const std::vector<Image>& images, int size);
    // The training task in one step, to see what the denoiser has learnt: the truth frame's latent noised
    // to `timestep` (0..999, noise from request.seed), and the clean frame the model predicts from it with
    // the request's references and first keypoint image.
    Image predictCleanFrame(const GenerationRequest& request, const Image& truth, int timestep);

    // Strict (see model/Weights.h); with `only`, just the tensors under that prefix, e.g. "vae.".
    void loadWeights(const std::filesystem::path& path, const std::string& only = "");
    void saveWeights(const std::filesystem::path& path, TensorDType dtype = TensorDType::F32);
    // diffusers SD 1.5 UNet and/or VAE files (either may be empty). Returns how many tensors were set.
    int importDiffusers(const std::filesystem::path& unet, const std::filesystem::path& vae);

    void clearReferenceCache();
    std::size_t referenceCacheBytes() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Throws durian::Error naming the field when the request cannot be rendered by a model with `config`.
void validateRequest(const GenerationRequest& request, const ModelConfig& config);

} // namespace durian
