#pragma once

#include "core/model/ModelConfig.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace durian {

// The diffusion stages' noise schedule length (the trainer's NoiseSchedule::stableDiffusion).
inline constexpr int kTrainTimesteps = 1000;

// Which parameters a run trains (the paper's stages, plus our own autoencoder stage).
enum class TrainStage {
    Vae,      // the autoencoder alone: reconstruction + a small KL term
    VaeDecoder, // its decoder alone, from the frozen encoder's latents: sharper frames, same latent space,
                // so a diffusion model trained on that encoder keeps working with the new decoder
    Spatial,  // stage 1: single frames; DNet (not its temporal layers), ARNet, PRNet, pose guider, context encoder
    Temporal, // stage 2: clips; DNet's temporal layers only
};
std::string toString(TrainStage stage);
inline bool isAutoencoderStage(TrainStage stage) { return stage == TrainStage::Vae || stage == TrainStage::VaeDecoder; }

// Where the self-reconstruction samples come from: "world" (the portrait world, rendered on the fly),
// "videos" (a folder of ordinary portrait videos, tracked and masked automatically) or "both".
struct TrainDataConfig {
    std::string source = "world";
    std::filesystem::path videos; // the folder, for "videos" and "both" (relative: to the config file)
    double videoFraction = 0.5;  // "both": the share of samples taken from the videos
    int clipLength = 48;         // frames of motion drawn per sample clip
    int supersample = 1;         // world renderer anti-aliasing (1..4)
    double maxGrowth = 0.06;     // random growth of the portrait hole, fraction of the image size
    double maxRotation = 8.0;    // reference augmentation: degrees
    double maxScale = 0.08;      // reference augmentation: +- relative scale
    double maxShift = 0.06;      // reference augmentation: fraction of the image size
    double colourJitter = 0.08;  // reference augmentation: brightness/contrast/saturation amplitude
    double referenceDropout = 0.1; // probability a step trains the unconditional branch (for guidance)
    double swapFraction = 0.0;   // world samples that are true cross-identity swaps, not self-reconstruction
    // Augment the references of true swaps too. Self-reconstruction needs it (its reference is the target's
    // own frame); a swap's reference is another person's photo, as at inference, and jittering its colours
    // teaches the model to trust the prior's pasted copy instead (the references then added nothing).
    bool augmentSwaps = true;
    // Models with a prior: the share of samples whose prior lacks the attribute (the portrait warped, its hole
    // left as it is, the edit region unchanged), so the attribute can only come from the references.
    double priorAttributeDropout = 0.0;
    // A folder of single real photos (relative: to the config file): self-transfer pairs (PhotoCases), mixed
    // into the other source at photo_fraction. Judged by `durian eval --photos` on other photos.
    std::filesystem::path photos;
    double photoFraction = 0.25;
    bool fixedSample = false;    // every step sees the same batch, timesteps and noise (tests: fitting one batch)
};

// One training run, read from one JSON file.
struct TrainConfig {
    TrainStage stage = TrainStage::Spatial;
    int steps = 1000;
    int batch = 4;               // the whole job's batch: a data-parallel job of W ranks trains batch / W on each
    int frames = 4;              // stage 2: frames per clip (stage 1 and vae use 1)
    double learningRate = 1e-4;
    // A linear decay of the rate, from `lr` at lr_decay_start to lr_final at lr_decay_end, then level.
    // It depends on the step alone, so a run stopped early is reproduced by setting `steps` to where it
    // stopped. lrFinal < 0: no decay.
    double lrFinal = -1.0;
    int lrDecayStart = 0, lrDecayEnd = 0;
    double weightDecay = 0.01;
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
    double gradClip = 1.0;       // global L2 norm; 0 disables
    double emaDecay = 0.999;
    double klWeight = 1e-6;      // vae stage
    int vaeCrop = 0;             // vae stage: train on random square crops of this size (0: whole images)
    std::uint64_t seed = 1;
    std::string model = "default"; // preset name or model config JSON path
    std::filesystem::path init;  // weights to start from (e.g. the previous stage's model.safetensors)
    int resolution = 0;          // 0: the model's resolution
    int logEvery = 10;
    int checkpointEvery = 500;
    bool referenceNetsFromDenoiser = false; // at the start of a run (not a resume): DurianModel::initReferenceNetsFromDenoiser
    int referenceCheckEvery = 0; // > 0: reference-check.csv gets a row every this many steps (Trainer::referenceCheck)
    // Diffusion stages of a model with a prior: the loss's weight outside the edit region, where
    // paste-back keeps the prior's pixels anyway (inside it weighs 1).
    double outsideRegionWeight = 0.1;
    // Diffusion stages: timesteps are drawn uniformly from [min_timestep, the schedule's last]. A model
    // sampled in one step (x0 prediction from pure noise at the last timestep) learns nothing it uses from
    // the low-noise end, where the target is nearly in its input.
    int minTimestep = 0;
    // Diffusion stages: "mse" (squared error) or "l1" (absolute error) of the prediction, weighted as above,
    // or "log_mse" / "log_l1", the log of each frame's weighted error (for squared error, minus the frame's
    // PSNR), which weighs a nearly right frame as much as a badly wrong one. L1 lets the correction be
    // exactly zero where the prior is already right, where squared error tolerates a faint smudge everywhere
    // (EDSR's finding for image regression).
    std::string loss = "mse";
    // The loss of real-photo samples (data.photos); empty: `loss`. The world's truth is exact and its
    // benchmark is PSNR; a photo's self-reconstruction wants the prior kept where it is right.
    std::string photoLoss;
    TrainDataConfig data;

    ModelConfig modelConfig() const { return resolveModelConfig(model); }
    int imageSize() const;
};

// Parses a run config; `origin` names the file in errors. Unknown keys and bad values throw durian::Error.
TrainConfig parseTrainConfig(const std::string& json, const std::string& origin);
TrainConfig loadTrainConfig(const std::filesystem::path& path);
std::string trainConfigToJson(const TrainConfig& config);
// The rate at a step (counted from 0): the warm-up, then the decay, if any.
double learningRateAt(const TrainConfig& config, int step);

} // namespace durian
