#include "core/pipeline/Pipeline.h"

#include "core/diffusion/ReferenceCache.h"
#include "core/face/KeypointImage.h"
#include "core/pipeline/ClassicalPrior.h"
#include "core/diffusion/Sampler.h"
#include "core/diffusion/TemporalWindows.h"
#include "core/model/DurianModel.h"
#include "core/model/Weights.h"
#include "core/pipeline/TensorImage.h"
#include "core/util/Seeds.h"

#include <torch/torch.h>

#include <atomic>
#include <algorithm>
#include <chrono>
#include <optional>

namespace durian {

namespace {

int sizeGranularity(const ModelConfig& config)
{
    return config.vaeFactor() << (config.blockChannels.size() - 1);
}

void checkMask(const Image& mask, const Image& image, const std::string& what)
{
    if (!mask.empty() && (mask.width != image.width || mask.height != image.height)) {
        throw Error(what + " mask is " + std::to_string(mask.width) + "x" + std::to_string(mask.height) +
            " but its image is " + std::to_string(image.width) + "x" + std::to_string(image.height));
    }
}

std::atomic<std::int64_t> nextWeightsVersion{1};

} // namespace

GenerationRequest previewRequest(const GenerationRequest& full)
{
    GenerationRequest preview = full;
    preview.frames = 1;
    if (!preview.keypoints.empty()) {
        preview.keypoints.resize(1);
    }
    if (!preview.motion.empty()) {
        preview.motion.resize(1);
    }
    preview.steps = std::min(full.steps, kPreviewSteps);
    preview.sampler = SamplerType::DpmSolver2M;
    return preview; // the request's guidance: the references steer the preview as they steer the result
}

void validateRequest(const GenerationRequest& r, const ModelConfig& config)
{
    if (r.portrait.empty()) {
        throw Error("the request has no portrait image");
    }
    checkMask(r.portraitMask, r.portrait, "the portrait");
    for (std::size_t i = 0; i < r.attributes.size(); ++i) {
        const auto& a = r.attributes[i];
        const std::string name = "attribute " + std::to_string(i + 1) + " (" + toString(a.category) + ")";
        if (a.image.empty()) {
            throw Error(name + " has no image");
        }
        checkMask(a.mask, a.image, name);
        if (!(a.strength >= 0.0 && a.strength <= 1.0)) {
            throw Error(name + " has strength " + std::to_string(a.strength) + "; it must be between 0 and 1");
        }
    }
    if (r.interpolation) {
        const auto& in = *r.interpolation;
        if (in.slot < 0 || in.slot >= static_cast<int>(r.attributes.size())) {
            throw Error("interpolation refers to attribute " + std::to_string(in.slot + 1) + " but the request has " +
                std::to_string(r.attributes.size()));
        }
        if (in.image.empty()) {
            throw Error("the interpolation reference has no image");
        }
        checkMask(in.mask, in.image, "the interpolation reference");
        if (!(in.alpha >= 0.0 && in.alpha <= 1.0)) {
            throw Error("interpolation alpha " + std::to_string(in.alpha) + " must be between 0 and 1");
        }
    }
    if (r.frames < 1 || r.frames > 100000) {
        throw Error("frames must be at least 1 (got " + std::to_string(r.frames) + ")");
    }
    if (!r.keypoints.empty() && static_cast<int>(r.keypoints.size()) != r.frames) {
        throw Error("the request has " + std::to_string(r.keypoints.size()) + " keypoint images for " +
            std::to_string(r.frames) + " frames");
    }
    if (!r.motion.empty() && static_cast<int>(r.motion.size()) != r.frames) {
        throw Error("the request has " + std::to_string(r.motion.size()) + " frames of landmarks for " +
            std::to_string(r.frames) + " frames");
    }
    if (r.steps < kMinRenderSteps || r.steps > kMaxRenderSteps) {
        throw Error("steps must be between " + std::to_string(kMinRenderSteps) + " and " +
            std::to_string(kMaxRenderSteps) + " (got " + std::to_string(r.steps) + ")");
    }
    if (!(r.guidance >= kMinGuidance && r.guidance <= kMaxGuidance)) {
        throw Error("guidance must be between 0 and " + std::to_string(static_cast<int>(kMaxGuidance)) + " (got " +
            std::to_string(r.guidance) + ")");
    }
    const int g = sizeGranularity(config);
    if (r.resolution != 0 && (r.resolution < g || r.resolution % g != 0 || r.resolution > 4096)) {
        throw Error("resolution " + std::to_string(r.resolution) + " must be a multiple of " + std::to_string(g) +
            " for model '" + config.name + "' (0 = its default " + std::to_string(config.resolution) + ")");
    }
}

struct Generator::Impl {
    ModelConfig config;
    model::DurianModel model{nullptr};
    diffusion::ReferenceCache cache;
    std::int64_t weightsVersion = 0;
    torch::Tensor previewProjection; // [L+1, 3]
    torch::ScalarType dtype = torch::kFloat32;

    // One reference's features, from the cache where it can: the portrait and its hole when `category` is
    // empty, else an attribute photo and its mask.
    std::shared_ptr<const model::ReferenceFeatures> reference(const torch::Tensor& image, const torch::Tensor& mask,
        std::optional<AttributeCategory> category, GenerationResult& result)
    {
        const auto role = category ? model::roleOf(*category) : model::ReferenceRole::Portrait;
        diffusion::ContentDigest digest;
        digest.add(static_cast<std::int64_t>(role)).add(weightsVersion).add(image.size(2));
        const auto img = image.contiguous(), m = mask.contiguous();
        digest.add(img.data_ptr(), static_cast<std::size_t>(img.numel()) * img.element_size());
        digest.add(m.data_ptr(), static_cast<std::size_t>(m.numel()) * m.element_size());
        const std::string key = digest.hex();
        if (auto hit = cache.find(key)) {
            ++result.referenceCacheHits;
            return hit;
        }
        auto features = std::make_shared<model::ReferenceFeatures>(category
                ? model->encodeAttribute(image.to(dtype), mask.to(dtype), *category)
                : model->encodePortrait(image.to(dtype), mask.to(dtype)));
        ++result.referenceNetRuns;
        cache.insert(key, features);
        return features;
    }

    // The request's references (from the cache where it can), as the denoiser takes them.
    struct Conditioning {
        std::shared_ptr<const model::ReferenceFeatures> portrait, alternative;
        std::vector<std::shared_ptr<const model::ReferenceFeatures>> attributes;
        model::DenoiseReferences refs; // points into the shared features above
        model::ReferenceMix mix;
    };

    Conditioning condition(const GenerationRequest& request, int size, GenerationResult& result)
    {
        Conditioning c;
        c.portrait = reference(pipeline::imageToTensor(request.portrait, size),
            pipeline::maskToTensor(request.portraitMask, size, 0.0f), std::nullopt, result);
        for (const auto& a : request.attributes) {
            const auto mask = pipeline::maskToTensor(a.mask, size, 1.0f);
            c.attributes.push_back(a.strength > 0.0
                    ? reference(pipeline::imageToTensor(a.image, size), mask, a.category, result)
                    : std::make_shared<model::ReferenceFeatures>()); // strength 0: never encoded, never attended
            c.mix.strengths.push_back(a.strength);
        }
        if (request.interpolation && request.interpolation->alpha > 0.0 &&
            request.attributes[static_cast<std::size_t>(request.interpolation->slot)].strength > 0.0) {
            const auto& in = *request.interpolation;
            const auto mask = pipeline::maskToTensor(in.mask, size, 1.0f);
            c.alternative = reference(pipeline::imageToTensor(in.image, size), mask,
                request.attributes[static_cast<std::size_t>(in.slot)].category, result);
            c.mix.interpolatedSlot = in.slot;
            c.mix.alpha = in.alpha;
        }
        c.refs.portrait = c.portrait.get();
        for (const auto& a : c.attributes) {
            c.refs.attributes.push_back(a.get());
        }
        c.refs.alternative = c.alternative.get();
        return c;
    }

    // The pose features of frames [w.start, w.start + w.length): the keypoint images given, or drawn from
    // the frames' landmarks (only these frames': a long clip's images never exist at once). Undefined
    // without motion.
    torch::Tensor pose(const GenerationRequest& request, int size, const TemporalWindow& w)
    {
        std::vector<torch::Tensor> images;
        for (int f = w.start; f < w.start + w.length; ++f) {
            const auto i = static_cast<std::size_t>(f);
            if (!request.keypoints.empty()) {
                images.push_back(pipeline::imageToTensor(request.keypoints[i], size));
            } else if (!request.motion.empty()) {
                images.push_back(pipeline::imageToTensor(
                    renderKeypointImage(request.motion[i], request.portrait.width, request.portrait.height), size));
            }
        }
        return images.empty() ? torch::Tensor() : model->poseFeatures(torch::cat(images, 0).to(dtype));
    }

    // The classical prior of a model with one: per frame the prior image and its edit region at `size`
    // (what paste-back blends), DNet's extra input and the prior's own latents (the sample is their correction).
    struct Prior {
        std::vector<Image> frames, regions;
        torch::Tensor input, latents, refinerContext;
    };

    // Frame `f` of a prior's window (none: no prior): its latents -> the frame, refined where the model
    // has a refiner, pasted back inside its edit region.
    Image decodeFrame(const torch::Tensor& latents, const Prior& prior, int f)
    {
        if (!prior.latents.defined()) {
            return pipeline::tensorToImage(model->decodeFrames(latents.to(dtype))[0]);
        }
        const auto context = prior.refinerContext.defined() ? prior.refinerContext.narrow(0, f, 1) : torch::Tensor();
        // the sample is the prior's correction
        const auto z = (latents + prior.latents.narrow(0, f, 1)).to(dtype);
        const Image frame = pipeline::tensorToImage(model->decodeFrames(z, context)[0]);
        const auto i = static_cast<std::size_t>(f);
        return pasteInsideRegion(prior.frames[i], frame, prior.regions[i]);
    }

    Prior prior(const ClassicalPrior& classical, int size, const TemporalWindow& w)
    {
        Prior p;
        std::vector<torch::Tensor> images, regions, portraitImages;
        for (int f = w.start; f < w.start + w.length; ++f) {
            p.frames.push_back(classical.frame(f));
            images.push_back(pipeline::imageToTensor(p.frames.back(), size));
            if (config.barePriorInput) {
                portraitImages.push_back(pipeline::imageToTensor(classical.portraitFrame(f), size));
            }
            auto masks = classical.masks(f, config.priorMasks);
            std::vector<torch::Tensor> channels;
            for (const auto& m : masks) {
                channels.push_back(pipeline::maskToTensor(m, size, 0.0f));
            }
            regions.push_back(torch::cat(channels, 1));
            p.regions.push_back(std::move(masks.front()));
        }
        const auto x = torch::cat(images, 0).to(dtype), r = torch::cat(regions, 0).to(dtype);
        auto encoded = model->encodePrior(x, r,
            portraitImages.empty() ? torch::Tensor() : torch::cat(portraitImages, 0).to(dtype));
        p.input = std::move(encoded.input);
        p.latents = encoded.latents.to(torch::kFloat32);
        p.refinerContext = std::move(encoded.refinerContext);
        return p;
    }

    const torch::Tensor& projection()
    {
        if (!previewProjection.defined()) {
            previewProjection = pipeline::fitLatentPreviewProjection(model);
        }
        return previewProjection;
    }
};

Generator::Generator(const GeneratorOptions& options) : impl_(std::make_unique<Impl>())
{
    std::optional<SafetensorsFile> file;
    impl_->config = resolveModelConfig(options.model);
    if (!options.weights.empty()) {
        file = readSafetensors(options.weights);
        // Our own weights record the configuration they were trained in. Use it: some settings (norm
        // groups, the prediction target) change what the network computes but no tensor's shape, so the
        // wrong configuration would load without complaint and draw nonsense.
        if (const auto stored = file->metadata.find("durian.config"); stored != file->metadata.end()) {
            impl_->config = parseModelConfig(stored->second, options.weights.string());
        }
    }
    torch::manual_seed(options.initSeed);
    impl_->model = model::DurianModel(impl_->config);
    impl_->model->eval();
    if (options.bfloat16) {
        impl_->dtype = torch::kBFloat16;
        impl_->model->to(torch::kBFloat16);
    }
    impl_->cache.setMaxBytes(options.referenceCacheBytes);
    impl_->weightsVersion = nextWeightsVersion++;
    if (file) {
        model::loadModelWeights(impl_->model, *file, options.weights.string());
    }
}

Generator::~Generator() = default;

const ModelConfig& Generator::config() const { return impl_->config; }

long long Generator::parameterCount() const { return model::parameterCount(*impl_->model); }

std::vector<std::pair<std::string, long long>> Generator::parameterCounts() const
{
    std::vector<std::pair<std::string, long long>> out;
    for (const auto& child : impl_->model->named_children()) {
        out.emplace_back(child.key(), model::parameterCount(*child.value()));
    }
    return out;
}

Image Generator::autoencode(const Image& image, int size)
{
    torch::NoGradGuard noGrad;
    auto& vae = impl_->model->vae;
    const auto x = pipeline::imageToTensor(image, size).to(impl_->dtype);
    return pipeline::tensorToImage(vae->decode(vae->encode(x))[0]);
}

double Generator::latentStd(const std::vector<Image>& images, int size)
{
    torch::NoGradGuard noGrad;
    std::vector<torch::Tensor> latents;
    for (const auto& image : images) {
        latents.push_back(impl_->model->vae->encode(pipeline::imageToTensor(image, size).to(impl_->dtype)).to(torch::kFloat32));
    }
    return latents.empty() ? 0.0 : torch::cat(latents, 0).std().item<double>();
}

void Generator::loadWeights(const std::filesystem::path& path, const std::string& only)
{
    model::loadModelWeights(impl_->model, path, only);
    impl_->weightsVersion = nextWeightsVersion++;
    impl_->previewProjection = torch::Tensor();
}

void Generator::saveWeights(const std::filesystem::path& path, TensorDType dtype)
{
    model::saveModelWeights(impl_->model, path, dtype);
}

int Generator::importDiffusers(const std::filesystem::path& unet, const std::filesystem::path& vae)
{
    std::optional<SafetensorsFile> unetFile, vaeFile;
    if (!unet.empty()) {
        unetFile = readSafetensors(unet);
    }
    if (!vae.empty()) {
        vaeFile = readSafetensors(vae);
    }
    const auto report = model::importDiffusersWeights(impl_->model, unetFile ? &*unetFile : nullptr, unet.string(),
        vaeFile ? &*vaeFile : nullptr, vae.string());
    impl_->weightsVersion = nextWeightsVersion++;
    impl_->previewProjection = torch::Tensor();
    return report.assigned;
}

void Generator::clearReferenceCache() { impl_->cache.clear(); }

std::size_t Generator::referenceCacheBytes() const { return impl_->cache.bytes(); }

GenerationResult Generator::generate(const GenerationRequest& request, const GenerationCallbacks& callbacks)
{
    validateRequest(request, impl_->config);
    const auto start = std::chrono::steady_clock::now();
    torch::NoGradGuard noGrad;
    auto& m = impl_->model;
    const auto& c = impl_->config;
    const int size = request.resolution > 0 ? request.resolution : c.resolution;
    const int latent = c.latentSize(size);
    GenerationResult result;

    try {
        std::optional<ClassicalPrior> classical;
        if (c.prior) {
            classical.emplace(request, size);
            if (!classical->editsAnything()) {
                // Nothing to transfer: the portrait animated by the classical warp, and nothing invented.
                for (int f = 0; f < request.frames; ++f) {
                    if (callbacks.frame) {
                        callbacks.frame(f, classical->frame(f));
                    } else {
                        result.frames.push_back(classical->frame(f));
                    }
                }
                result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                return result;
            }
        }
        const auto conditioning = impl_->condition(request, size, result);

        diffusion::SamplingOptions options;
        options.solver = request.sampler == SamplerType::Ddim ? diffusion::SolverKind::Ddim : diffusion::SolverKind::DpmSolver2M;
        options.steps = c.stepsFor(request.steps);
        options.guidance = request.guidance;
        options.seed = request.seed;
        options.window = c.temporal ? c.temporalWindow : 1;
        options.overlap = c.temporal ? c.temporalOverlap : 0;
        // A model that refines a prior: its frames differ by their prior and pose, not by their noise
        // (independent noise per frame made a one-step model's edit region flicker 3x the classical method's).
        options.sharedNoise = c.prior;
        diffusion::SamplingHooks hooks;
        hooks.stop = callbacks.stop;
        // A long clip in chunks, one after another: memory holds one chunk, whatever the clip's length.
        const int anchorFrames = c.temporal ? c.temporalOverlap : 0;
        const auto chunks = planGenerationChunks(request.frames, kChunkWindows * options.window, anchorFrames);
        const int chunkCount = static_cast<int>(chunks.size());
        torch::Tensor anchor; // the chunk before's last latents
        for (int k = 0; k < chunkCount; ++k) {
            const auto& chunk = chunks[static_cast<std::size_t>(k)];
            const int held = k == 0 ? 0 : anchorFrames;
            const auto prior = classical ? impl_->prior(*classical, size, chunk) : Impl::Prior{};
            hooks.progress = [&, k](int step, int total) {
                if (callbacks.progress) {
                    callbacks.progress(k * total + step, chunkCount * total);
                }
            };
            hooks.preview = nullptr;
            if (callbacks.preview && k == 0) {
                const auto& projection = impl_->projection();
                hooks.preview = [&](int step, const torch::Tensor& x0) {
                    const auto frame = prior.latents.defined() ? x0[0] + prior.latents[0] : x0[0];
                    callbacks.preview(pipeline::projectLatentPreview(frame, projection), step, options.steps);
                };
            }
            options.seed = k == 0 || options.sharedNoise ? request.seed : mixSeed(request.seed, static_cast<std::uint64_t>(k));
            const auto latents = diffusion::sampleLatents(m, chunk.length, latent, latent,
                impl_->pose(request, size, chunk), conditioning.refs, conditioning.mix, options, hooks, prior.input,
                anchor);
            for (int f = held; f < chunk.length; ++f) {
                throwIfStopped(callbacks.stop);
                Image frame = impl_->decodeFrame(latents.narrow(0, f, 1), prior, f);
                if (callbacks.frame) {
                    callbacks.frame(chunk.start + f, std::move(frame));
                } else {
                    result.frames.push_back(std::move(frame));
                }
            }
            if (anchorFrames > 0 && k + 1 < chunkCount) {
                anchor = latents.narrow(0, chunk.length - anchorFrames, anchorFrames).clone();
            }
        }
    } catch (const diffusion::NonFiniteSample& e) {
        throw Error("the model produced NaN or infinite values at sampling step " + std::to_string(e.step) +
            "; its weights are damaged or do not fit its configuration");
    } catch (const c10::Error& e) {
        const std::string what = e.what_without_backtrace();
        throw Error("generation failed inside the model: " + what.substr(0, what.find('\n')));
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

Image Generator::predictCleanFrame(const GenerationRequest& request, const Image& truth, int timestep)
{
    GenerationRequest one = request;
    one.frames = 1;
    if (!one.keypoints.empty()) {
        one.keypoints.resize(1);
    }
    if (!one.motion.empty()) {
        one.motion.resize(1);
    }
    validateRequest(one, impl_->config);
    const auto schedule = diffusion::NoiseSchedule::stableDiffusion(1000, impl_->config.zeroTerminalSnr);
    if (timestep < 0 || timestep >= schedule.trainSteps()) {
        throw Error("timestep must be between 0 and " + std::to_string(schedule.trainSteps() - 1));
    }
    torch::NoGradGuard noGrad;
    auto& m = impl_->model;
    const int size = one.resolution > 0 ? one.resolution : impl_->config.resolution;
    GenerationResult result;
    const auto conditioning = impl_->condition(one, size, result);
    const TemporalWindow first{0, 1};
    std::optional<ClassicalPrior> classical;
    Impl::Prior prior;
    if (impl_->config.prior) {
        classical.emplace(one, size);
        prior = impl_->prior(*classical, size, first);
    }
    auto clean = m->vae->encode(pipeline::imageToTensor(truth, size).to(impl_->dtype)).to(torch::kFloat32);
    if (classical) {
        clean = clean - prior.latents;
    }
    const auto noise = diffusion::seededNoise(clean.sizes().vec(), one.seed);
    const auto t = torch::full({1}, timestep, torch::kLong);
    const auto noisy = schedule.addNoise(clean, noise, t);
    const auto output = m->denoise(noisy.to(impl_->dtype), t.to(torch::kFloat32), impl_->pose(one, size, first), 1,
        &conditioning.refs, conditioning.mix, prior.input);
    const double a = schedule.alphaBar(timestep);
    const auto eps = diffusion::noiseFromOutput(output.to(torch::kFloat32), noisy, a, impl_->config.prediction);
    return impl_->decodeFrame((noisy - std::sqrt(1.0 - a) * eps) / std::sqrt(a), prior, 0);
}

} // namespace durian
