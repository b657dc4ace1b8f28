#include "core/train/Trainer.h"

#include "core/diffusion/Scheduler.h"
#include "core/io/AtomicFile.h"
#include "core/io/Safetensors.h"
#include "core/model/Weights.h"
#include "core/pipeline/TensorImage.h"
#include "core/train/AdamW.h"
#include "core/train/DataParallel.h"
#include "core/train/SelfReconstruction.h"
#include "core/util/Error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

namespace durian {

namespace F = torch::nn::functional;

namespace {

// Under a "log_" loss, a frame's absolute error counts as at least this (its square for squared error; about
// 52 dB in the sample's scale), so a frame the model already gets exactly right cannot take the batch's gradient.
constexpr double kLogFloor = 1e-2;

bool trainedIn(TrainStage stage, const std::string& name)
{
    auto starts = [&](const char* prefix) { return name.rfind(prefix, 0) == 0; };
    const bool temporal = name.find("motion_modules") != std::string::npos;
    switch (stage) {
    case TrainStage::Vae: return starts("vae.");
    case TrainStage::VaeDecoder: return starts("vae.decoder.") || starts("vae.post_quant_conv.");
    case TrainStage::Spatial:
        return (starts("dnet.") && !temporal) || starts("arnet.") || starts("prnet.") || starts("pose_guider.") ||
            starts("context_encoder.") || starts("refiner.");
    case TrainStage::Temporal: return starts("dnet.") && temporal;
    }
    return false;
}

std::string stepName(int step)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "checkpoint-%07d.safetensors", step);
    return buf;
}

// A stage-1 checkpoint of the default model is ~150 MB: keep the newest few, not one per interval.
void pruneCheckpoints(const std::filesystem::path& dir, int step)
{
    constexpr int kKeep = 3;
    std::vector<std::filesystem::path> old;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (name.rfind("checkpoint-", 0) == 0 && entry.path().extension() == ".safetensors" && name < stepName(step)) {
            old.push_back(entry.path());
        }
    }
    std::sort(old.begin(), old.end());
    for (std::size_t i = 0; i + (kKeep - 1) < old.size(); ++i) {
        std::filesystem::remove(old[i]);
    }
}

} // namespace

struct Trainer::Impl {
    TrainConfig config;
    std::filesystem::path runDir;
    model::DurianModel model{nullptr};
    SelfReconstructionData data;
    diffusion::NoiseSchedule schedule;
    int size = 0;
    int step = 0;
    struct Slot {
        std::string name;
        torch::Tensor param, ema, m, v;
    };
    std::vector<Slot> slots; // trained parameters, in the model's order
    std::unique_ptr<DataParallel> parallel; // null for a world of one
    int rank = 0, world = 1;
    int rankBatch = 0; // this rank's share of config.batch

    Impl(const TrainConfig& c, std::filesystem::path dir, const DataParallelConfig& p)
        : config(c), runDir(std::move(dir)), data(c.data, c.imageSize(), c.seed, c.modelConfig().prior), size(c.imageSize()),
          rank(p.rank), world(p.worldSize)
    {
        validateDataParallelConfig(p);
        if (c.batch % world != 0) {
            throw Error("the batch (" + std::to_string(c.batch) + ", the whole job's) must be a multiple of the world size (" +
                std::to_string(world) + ")");
        }
        rankBatch = c.batch / world;
        schedule = diffusion::NoiseSchedule::stableDiffusion(kTrainTimesteps, c.modelConfig().zeroTerminalSnr);
        torch::manual_seed(c.seed); // initial weights
        model = model::DurianModel(c.modelConfig());
        if (!c.init.empty()) {
            // A model that has gained input channels (prior_masks) starts as the file's, the new ones at zero.
            model::loadModelWeightsGrowingInputs(model, c.init);
        }
        if (c.referenceNetsFromDenoiser) {
            model->initReferenceNetsFromDenoiser(); // a resume then restores the checkpoint's own weights
        }
        model->train();
        for (auto& item : model->named_parameters()) {
            const bool trained = trainedIn(c.stage, item.key());
            item.value().set_requires_grad(trained);
            if (trained) {
                slots.push_back({item.key(), item.value(), item.value().detach().clone(),
                    torch::zeros_like(item.value()), torch::zeros_like(item.value())});
            }
        }
        if (slots.empty()) {
            throw Error("training stage " + toString(c.stage) + " has no parameters to train in model '" + c.model + "'");
        }
        if (p.distributed()) {
            parallel = std::make_unique<DataParallel>(p);
            syncFromRankZero();
        }
    }

    // Every rank starts from rank 0's state (weights, EMA, moments), whatever files it read.
    void syncFromRankZero()
    {
        if (!parallel) {
            return;
        }
        std::vector<torch::Tensor> state;
        for (const auto& item : model->named_parameters()) {
            state.push_back(item.value());
        }
        for (const auto& item : model->named_buffers()) {
            if (item.value().scalar_type() == torch::kFloat32) {
                state.push_back(item.value());
            }
        }
        for (auto& s : slots) {
            state.insert(state.end(), {s.ema, s.m, s.v});
        }
        parallel->broadcastFromRankZero(state);
    }

    bool writesFiles() const { return !runDir.empty() && rank == 0; }

    torch::Tensor images(const std::vector<const Image*>& list) const
    {
        std::vector<torch::Tensor> t;
        for (const auto* image : list) {
            t.push_back(pipeline::imageToTensor(*image, size));
        }
        return torch::cat(t, 0);
    }
    torch::Tensor masks(const std::vector<const Image*>& list) const
    {
        std::vector<torch::Tensor> t;
        for (const auto* image : list) {
            t.push_back(pipeline::maskToTensor(*image, size, 0.0f));
        }
        return torch::cat(t, 0);
    }

    double learningRate() const { return learningRateAt(config, step); }

    // `prediction`, when given, receives the network's output (the reference check compares two).
    torch::Tensor loss(const std::vector<TrainingSample>& batch, AttributeCategory category, bool dropReferences,
        torch::Tensor* prediction = nullptr)
    {
        // fixedSample: the same timesteps and noise too, so the loss measures fitting one batch.
        const std::uint64_t stepSeed = mixSeed(mixSeed(config.seed, 0x7e5),
            config.data.fixedSample ? 0 : static_cast<std::uint64_t>(step));
        std::vector<const Image*> targets, keypoints, attrImages, attrMasks, portraits, holes, priors, regions,
            priorHoles, priorAttributes, portraitFrames;
        for (const auto& s : batch) {
            for (std::size_t f = 0; f < s.targets.size(); ++f) {
                targets.push_back(&s.targets[f]);
                keypoints.push_back(&s.keypointImages[f]);
                if (f < s.priors.size()) {
                    priors.push_back(&s.priors[f]);
                    regions.push_back(&s.editRegions[f]);
                    priorHoles.push_back(&s.priorHoles[f]);
                    priorAttributes.push_back(&s.priorAttributeMasks[f]);
                    portraitFrames.push_back(&s.portraitFrames[f]);
                }
            }
            attrImages.push_back(&s.attributeImage);
            attrMasks.push_back(&s.attributeMask);
            portraits.push_back(&s.portraitImage);
            holes.push_back(&s.portraitHole);
        }
        if (isAutoencoderStage(config.stage)) {
            // Every image of the batch: the references (augmented) and the targets.
            std::vector<const Image*> all = targets;
            all.insert(all.end(), attrImages.begin(), attrImages.end());
            all.insert(all.end(), portraits.begin(), portraits.end());
            auto x = images(all);
            if (config.vaeCrop > 0 && config.vaeCrop < size) {
                // The VAE is convolutional: random crops teach it as well, at a fraction of the cost.
                std::mt19937_64 crop(mixSeed(stepSeed, 2));
                const auto range = static_cast<std::uint64_t>(size - config.vaeCrop + 1);
                const auto y0 = static_cast<std::int64_t>(crop() % range), x0 = static_cast<std::int64_t>(crop() % range);
                x = x.narrow(2, y0, config.vaeCrop).narrow(3, x0, config.vaeCrop).contiguous();
            }
            if (config.stage == TrainStage::VaeDecoder) {
                torch::Tensor latents;
                {
                    torch::NoGradGuard noGrad; // the encoder (and so the latent space) stays as it is
                    latents = model->vae->encode(x);
                }
                const auto decoded = model->vae->decode(latents);
                return torch::abs(decoded - x).mean() + torch::mse_loss(decoded, x);
            }
            const auto [mean, logvar] = model->vae->encodeMoments(x);
            const auto eps = diffusion::seededNoise(mean.sizes().vec(), stepSeed);
            const auto z = mean + torch::exp(0.5 * logvar.clamp(-30.0, 20.0)) * eps;
            const auto decoded = model->vae->decode(z * model->vae->scale());
            const auto recon = torch::abs(decoded - x).mean() + torch::mse_loss(decoded, x);
            const auto kl = 0.5 * (mean.pow(2) + logvar.exp() - 1.0 - logvar).mean();
            return recon + config.klWeight * kl;
        }
        const int frames = static_cast<int>(batch.front().targets.size());
        torch::Tensor latents, pose, priorInput, regionWeights, truth, priorLatents, refinerContext, pixelRegion;
        model::ReferenceFeatures portrait, attribute;
        const auto& modelConfig = model->config();
        {
            torch::NoGradGuard noGrad; // the VAE is frozen in both diffusion stages
            truth = images(targets);
            latents = model->vae->encode(truth);
            if (modelConfig.prior) {
                // The sample is the prior's correction; the loss weighs the edit region, the only place
                // paste-back lets the model's pixels through.
                const auto priorImages = images(priors), regionMasks = masks(regions);
                const auto prior = model->encodePrior(priorImages, modelConfig.priorMasks
                        ? torch::cat({regionMasks, masks(priorHoles), masks(priorAttributes)}, 1)
                        : regionMasks,
                    modelConfig.barePriorInput ? images(portraitFrames) : torch::Tensor());
                latents = latents - prior.latents;
                priorInput = prior.input;
                priorLatents = prior.latents;
                refinerContext = prior.refinerContext;
                pixelRegion = regionMasks;
                const auto region = modelConfig.usesVae()
                    ? F::adaptive_avg_pool2d(regionMasks, F::AdaptiveAvgPool2dFuncOptions({latents.size(2), latents.size(3)}))
                    : torch::pixel_unshuffle(regionMasks, modelConfig.vaeFactor()).repeat({1, modelConfig.imageChannels, 1, 1});
                regionWeights = config.outsideRegionWeight + (1.0 - config.outsideRegionWeight) * region;
            }
        }
        auto encodeRefs = [&] {
            const auto attrImage = images(attrImages), attrMask = masks(attrMasks);
            const auto portraitImage = images(portraits), hole = masks(holes);
            attribute = model->encodeAttribute(attrImage, attrMask, category);
            portrait = model->encodePortrait(portraitImage, hole);
        };
        if (config.stage == TrainStage::Temporal) {
            torch::NoGradGuard noGrad;
            pose = model->poseFeatures(images(keypoints));
            if (!dropReferences) {
                encodeRefs();
            }
        } else {
            pose = model->poseFeatures(images(keypoints));
            if (!dropReferences) {
                encodeRefs();
            }
        }
        // Timesteps and noise from our own generators: the same on every machine and after a resume.
        // Drawn for the whole job's batch; this rank takes its share (the same values as one process).
        std::mt19937_64 rng(stepSeed);
        std::vector<std::int64_t> ts;
        const auto span = static_cast<std::uint64_t>(schedule.trainSteps() - config.minTimestep);
        for (int b = 0; b < config.batch; ++b) {
            const auto t = config.minTimestep + static_cast<std::int64_t>(rng() % span);
            if (b / rankBatch == rank) {
                ts.insert(ts.end(), frames, t); // one timestep per clip
            }
        }
        const auto timesteps = torch::tensor(ts, torch::kLong);
        auto jobShape = latents.sizes().vec();
        jobShape[0] = static_cast<std::int64_t>(config.batch) * frames;
        const auto noise = diffusion::seededNoise(jobShape, mixSeed(stepSeed, 1))
                               .narrow(0, static_cast<std::int64_t>(rank) * rankBatch * frames, latents.size(0));
        const auto noisy = schedule.addNoise(latents, noise, timesteps);
        model::ReferenceMix mix;
        torch::Tensor predicted;
        if (dropReferences) {
            predicted = model->denoise(noisy, timesteps.to(torch::kFloat32), pose, frames, nullptr, model::ReferenceMix{},
                priorInput);
        } else {
            model::DenoiseReferences refs;
            refs.portrait = &portrait;
            refs.attributes.push_back(&attribute);
            mix.strengths.push_back(1.0);
            predicted = model->denoise(noisy, timesteps.to(torch::kFloat32), pose, frames, &refs, mix, priorInput);
        }
        if (prediction) {
            *prediction = predicted.detach();
        }
        const auto target = modelConfig.prediction == "v"  ? schedule.velocity(latents, noise, timesteps)
            : modelConfig.prediction == "sample"             ? latents
                                                             : noise;
        // With a refiner, the loss of the refined frame, in pixels: with a pixel unshuffle the region weighs
        // them as it weighs the latents.
        const auto difference = model->refiner
            ? model->decodeFrames(predicted + priorLatents, refinerContext) - truth
            : predicted - target;
        if (model->refiner) {
            regionWeights = config.outsideRegionWeight + (1.0 - config.outsideRegionWeight) * pixelRegion;
        }
        // Each frame's weighted mean, then the mean over frames: a mean of equal shares, so the ranks'
        // average is the whole batch's loss.
        const auto weights = regionWeights.defined() ? regionWeights.expand(difference.sizes()) : torch::ones_like(difference);
        auto frameLoss = [&](const std::string& kind) {
            const bool absolute = kind == "l1" || kind == "log_l1";
            const auto error = absolute ? difference.abs() : difference.pow(2);
            const std::vector<std::int64_t> perFrame{1, 2, 3};
            const auto frameError = (weights * error).sum(perFrame) / (weights.sum(perFrame) + 1e-8);
            return kind.rfind("log_", 0) == 0 ? torch::log(frameError + (absolute ? kLogFloor : kLogFloor * kLogFloor))
                                              : frameError;
        };
        const auto worldLoss = frameLoss(config.loss);
        const std::string& photoKind = config.photoLoss.empty() ? config.loss : config.photoLoss;
        std::vector<std::uint8_t> photoFrames;
        for (const auto& s : batch) {
            photoFrames.insert(photoFrames.end(), s.targets.size(), s.sourcePhoto.empty() ? 0 : 1);
        }
        if (photoKind == config.loss || std::find(photoFrames.begin(), photoFrames.end(), 1) == photoFrames.end()) {
            return worldLoss.mean();
        }
        const auto isPhoto = torch::tensor(photoFrames, torch::kUInt8).to(torch::kBool);
        return torch::where(isPhoto, frameLoss(photoKind), worldLoss).mean();
    }

    // The samples of training step `at` (the same on every machine and after a resume).
    std::vector<TrainingSample> batchAt(int at) const
    {
        const auto category = data.categoryForStep(static_cast<std::uint64_t>(at));
        const int frames = config.stage == TrainStage::Temporal ? config.frames : 1;
        std::vector<TrainingSample> batch;
        for (int b = rank * rankBatch; b < (rank + 1) * rankBatch; ++b) {
            const std::uint64_t index = config.data.fixedSample
                ? static_cast<std::uint64_t>(b)
                : static_cast<std::uint64_t>(at) * static_cast<std::uint64_t>(config.batch) + b;
            batch.push_back(data.sample(index, config.data.fixedSample ? AttributeCategory::Hair : category, frames));
        }
        return batch;
    }

    // The next step's batch, not trained on yet, with and without its references: same samples, noise
    // and timesteps, so the difference is what the references are worth to the network now.
    ReferenceCheck referenceCheck()
    {
        torch::NoGradGuard noGrad;
        const auto batch = batchAt(step);
        const auto category = batch.front().category;
        ReferenceCheck c;
        c.step = step;
        c.category = category;
        for (const auto& s : batch) {
            c.barePriors += s.priorWithoutAttribute ? 1 : 0;
            c.trueSwaps += s.trueSwap ? 1 : 0;
        }
        torch::Tensor with, without;
        c.withReferences = loss(batch, category, false, &with).item<double>();
        c.withoutReferences = loss(batch, category, true, &without).item<double>();
        c.predictionChange = ((with - without).norm() / (without.norm() + 1e-12)).item<double>();
        return c;
    }

    double trainStep()
    {
        const bool drop = !isAutoencoderStage(config.stage) && data.dropReferencesAt(static_cast<std::uint64_t>(step));
        const auto batch = batchAt(step);
        const auto category = batch.front().category;
        for (auto& s : slots) {
            s.param.mutable_grad() = torch::Tensor();
        }
        const auto l = loss(batch, category, drop && !config.data.fixedSample);
        l.backward();
        double value = l.item<double>();
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> grads;
        for (auto& s : slots) {
            if (s.param.grad().defined()) {
                grads.push_back(s.param.grad());
            }
        }
        if (parallel) {
            // The job's loss, and a check that every rank has gradients for the same tensors (the
            // buckets would not line up otherwise).
            const auto sums = parallel->sum({value, static_cast<double>(grads.size())});
            value = sums[0] / world;
            if (sums[1] != static_cast<double>(grads.size()) * world) {
                throw Error("internal: the ranks have gradients for different parameters at step " + std::to_string(step + 1));
            }
        }
        if (!std::isfinite(value)) {
            throw Error("training diverged at step " + std::to_string(step + 1) + " (loss is " + std::to_string(value) +
                "); lower 'lr' or 'grad_clip' in the configuration");
        }

        if (parallel) {
            parallel->averageInPlace(grads);
        }
        if (config.gradClip > 0.0 && !grads.empty()) {
            double total = 0.0;
            for (const auto& g : grads) {
                total += g.pow(2).sum().item<double>();
            }
            const double norm = std::sqrt(total);
            if (norm > config.gradClip) {
                for (auto& g : grads) {
                    g.mul_(config.gradClip / (norm + 1e-6));
                }
            }
        }
        const double lr = learningRate();
        const AdamWSettings adamw{config.beta1, config.beta2, config.epsilon, config.weightDecay};
        const double decay = std::min(config.emaDecay, (1.0 + step) / (10.0 + step));
        for (auto& s : slots) {
            const auto& g = s.param.grad();
            if (g.defined()) {
                adamwStep(s.param, g, s.m, s.v, step + 1, lr, adamw);
            }
            s.ema.mul_(decay).add_(s.param, 1.0 - decay);
        }
        ++step;
        return value;
    }

    std::filesystem::path saveCheckpoint(const std::filesystem::path& dir)
    {
        torch::NoGradGuard noGrad;
        std::filesystem::create_directories(dir);
        SafetensorsFile file;
        for (const auto& item : model->named_parameters()) {
            file.tensors.push_back(model::toTensorData("model/" + item.key(), item.value(), TensorDType::F32));
        }
        for (const auto& item : model->named_buffers()) {
            file.tensors.push_back(model::toTensorData("model/" + item.key(), item.value(), TensorDType::F32));
        }
        for (const auto& s : slots) {
            file.tensors.push_back(model::toTensorData("ema/" + s.name, s.ema, TensorDType::F32));
            file.tensors.push_back(model::toTensorData("adam_m/" + s.name, s.m, TensorDType::F32));
            file.tensors.push_back(model::toTensorData("adam_v/" + s.name, s.v, TensorDType::F32));
        }
        file.metadata["durian.train.step"] = std::to_string(step);
        file.metadata["durian.train.config"] = trainConfigToJson(config);
        file.metadata["durian.config"] = modelConfigToJson(model->config());
        const auto path = dir / stepName(step);
        writeSafetensors(path, file);

        // The EMA weights as a model file: swap them in, save, swap back.
        std::vector<torch::Tensor> live;
        for (auto& s : slots) {
            live.push_back(s.param.detach().clone());
            s.param.copy_(s.ema);
        }
        model::saveModelWeights(model, dir / "model.safetensors");
        for (std::size_t i = 0; i < slots.size(); ++i) {
            slots[i].param.copy_(live[i]);
        }
        return path;
    }

    void resume(const std::filesystem::path& path)
    {
        const auto file = readSafetensors(path);
        const auto origin = path.string();
        const auto stored = file.metadata.find("durian.config");
        // sampling_steps says how the model is sampled, not what it is: a run may learn it after it started.
        const auto sameModel = [&] {
            ModelConfig recorded = parseModelConfig(stored->second, origin);
            recorded.samplingSteps = model->config().samplingSteps;
            return modelConfigToJson(recorded) == modelConfigToJson(model->config());
        };
        if (stored == file.metadata.end() || !sameModel()) {
            throw Error(origin + ": the checkpoint is of a different model configuration than '" + config.model + "'");
        }
        const auto stepIt = file.metadata.find("durian.train.step");
        if (stepIt == file.metadata.end()) {
            throw Error(origin + ": not a training checkpoint (no durian.train.step)");
        }
        auto get = [&](const std::string& name, const torch::Tensor& like) {
            const auto* t = file.find(name);
            if (!t) {
                throw Error(origin + ": tensor '" + name + "' is missing (a checkpoint of another stage?)");
            }
            auto value = model::toTensor(*t);
            if (!value.sizes().equals(like.sizes())) {
                throw Error(origin + ": tensor '" + name + "' has the wrong shape");
            }
            return value;
        };
        torch::NoGradGuard noGrad;
        for (auto& item : model->named_parameters()) {
            item.value().copy_(get("model/" + item.key(), item.value()));
        }
        for (auto& item : model->named_buffers()) {
            item.value().copy_(get("model/" + item.key(), item.value()));
        }
        for (auto& s : slots) {
            s.ema.copy_(get("ema/" + s.name, s.ema));
            s.m.copy_(get("adam_m/" + s.name, s.m));
            s.v.copy_(get("adam_v/" + s.name, s.v));
        }
        step = std::stoi(stepIt->second);
        syncFromRankZero();
    }
};

Trainer::Trainer(const TrainConfig& config, const std::filesystem::path& runDir, const DataParallelConfig& parallel)
    : impl_(std::make_unique<Impl>(config, runDir, parallel))
{
}

Trainer::~Trainer() = default;

void Trainer::resume(const std::filesystem::path& checkpoint) { impl_->resume(checkpoint); }
int Trainer::stepsDone() const { return impl_->step; }
int Trainer::rank() const { return impl_->rank; }
int Trainer::worldSize() const { return impl_->world; }
double Trainer::trainStep() { return impl_->trainStep(); }
ReferenceCheck Trainer::referenceCheck() { return impl_->referenceCheck(); }
std::filesystem::path Trainer::saveCheckpoint(const std::filesystem::path& dir) { return impl_->saveCheckpoint(dir); }

long long Trainer::trainableParameters() const
{
    long long n = 0;
    for (const auto& s : impl_->slots) {
        n += s.param.numel();
    }
    return n;
}

std::string Trainer::dataSummary() const
{
    const auto& d = impl_->data;
    std::string out;
    if (impl_->config.data.source != "videos") {
        out = "the portrait world";
    }
    if (d.videoClipCount() > 0) {
        out += std::string(out.empty() ? "" : " and ") + std::to_string(d.videoClipCount()) + " video clips from " +
            impl_->config.data.videos.string();
        for (const auto& skipped : d.skippedVideos()) {
            out += "\n  skipped " + skipped;
        }
    }
    if (d.photoCount() > 0) {
        out += " and " + std::to_string(d.photoCount()) + " photos from " + impl_->config.data.photos.string();
        for (const auto& skipped : d.skippedPhotos()) {
            out += "\n  skipped " + skipped;
        }
    }
    return out;
}

std::vector<float> Trainer::trainedValues() const
{
    std::vector<float> out;
    for (const auto& s : impl_->slots) {
        for (const auto* t : {&s.param, &s.ema}) {
            const auto c = t->detach().contiguous();
            out.insert(out.end(), c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
        }
    }
    return out;
}

void Trainer::run(const std::function<void(const TrainProgress&)>& progress, std::stop_token stop)
{
    auto& d = *impl_;
    const auto logPath = d.runDir / "loss.csv";
    if (d.writesFiles()) {
        std::filesystem::create_directories(d.runDir);
        writeFileAtomically(d.runDir / "config.json", trainConfigToJson(d.config));
        // Keep the rows up to the resumed step, so a resumed run's log reads as one run.
        std::string kept = "step,loss,lr,seconds\n";
        if (std::filesystem::exists(logPath)) {
            std::ifstream in(logPath);
            std::string line;
            std::getline(in, line);
            while (std::getline(in, line)) {
                if (!line.empty() && std::stoi(line) <= d.step) {
                    kept += line + "\n";
                }
            }
        }
        writeFileAtomically(logPath, kept);
    }
    std::ofstream log;
    if (d.writesFiles()) {
        log.open(logPath, std::ios::app);
        log.precision(9);
    }
    std::ofstream checks;
    if (d.writesFiles() && d.config.referenceCheckEvery > 0 && !isAutoencoderStage(d.config.stage)) {
        const auto path = d.runDir / "reference-check.csv";
        const bool fresh = !std::filesystem::exists(path);
        checks.open(path, std::ios::app);
        checks.precision(9);
        if (fresh) {
            checks << "step,category,true_swaps,bare_priors,loss_with_references,loss_without_references,prediction_change\n";
        }
    }
    const auto start = std::chrono::steady_clock::now();
    const int first = d.step;
    double sum = 0.0;
    int count = 0;
    while (d.step < d.config.steps) {
        // The ranks stop together: at the first step where any of them was asked to.
        const double stopping = stop.stop_requested() ? 1.0 : 0.0;
        if ((d.parallel ? d.parallel->sum({stopping})[0] : stopping) > 0.0) {
            break;
        }
        const double lr = d.learningRate();
        const double loss = d.trainStep();
        sum += loss;
        ++count;
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (log.is_open()) {
            log << d.step << ',' << loss << ',' << lr << ',' << seconds << '\n';
            log.flush();
        }
        if (checks.is_open() && d.step % d.config.referenceCheckEvery == 0) {
            const auto c = d.referenceCheck();
            checks << c.step << ',' << toString(c.category) << ',' << c.trueSwaps << ',' << c.barePriors << ','
                   << c.withReferences << ',' << c.withoutReferences << ',' << c.predictionChange << '\n';
            checks.flush();
        }
        if (d.writesFiles() && d.step % d.config.checkpointEvery == 0 && d.step < d.config.steps) {
            d.saveCheckpoint(d.runDir);
            pruneCheckpoints(d.runDir, d.step);
        }
        if (progress && (d.step % d.config.logEvery == 0 || d.step == d.config.steps)) {
            TrainProgress p;
            p.step = d.step;
            p.steps = d.config.steps;
            p.loss = loss;
            p.averageLoss = sum / count;
            p.stepsPerSecond = (d.step - first) / std::max(seconds, 1e-9);
            p.secondsLeft = (d.config.steps - d.step) / std::max(p.stepsPerSecond, 1e-9);
            progress(p);
            sum = 0.0;
            count = 0;
        }
    }
    if (d.writesFiles()) {
        d.saveCheckpoint(d.runDir);
        pruneCheckpoints(d.runDir, d.step);
    }
}

} // namespace durian
