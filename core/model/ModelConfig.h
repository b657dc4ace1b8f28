#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace durian {

// Everything that fixes the shapes of the Durian network. Plain data, read from JSON
// (resources/configs/*.json) or taken from a built-in preset. Field names follow the JSON keys.
//
// The defaults below are the shipped "default" model, sized to train on 2 CPU cores: 256 px images, a
// small VAE with factor 8 (32x32x4 latents), UNet channels 32/64/96 with attention at the two lower
// resolutions. 10.5 M parameters in all (DNet 3.75 M, ARNet and PRNet 2.8 M each, VAE 1.0 M); one DNet
// step for one frame is 1.34 GFLOP (25-60 ms on this 2-core Zen 4, depending on load).
struct ModelConfig {
    std::string name = "custom";
    int resolution = 256;       // default image size (pixels, square) the model was made for
    int imageChannels = 3;

    // VAE: one level per entry, a 2x downsample between levels, so the factor is 2^(levels-1).
    int latentChannels = 4;
    std::vector<int> vaeChannels{16, 32, 64, 64};
    int vaeLayersPerBlock = 1;
    bool vaeMidAttention = true;
    double latentScale = 0.18215; // latents are multiplied by this after encoding (as in SD)
    // GroupNorm groups in the VAE; 0: norm_groups. With one channel per group (16 groups on the default's
    // 16-channel level) GroupNorm erases what is constant over the image, and the autoencoder turned flat
    // saturated colours grey (a flat green 64,160,64 came back 101,96,95).
    int vaeNormGroups = 0;
    int vaeGroups() const { return vaeNormGroups > 0 ? vaeNormGroups : normGroups; }
    // > 0: no autoencoder at all; the denoiser works on the frame's pixel unshuffle (space-to-depth) by this
    // factor, so latent_channels = image_channels * factor^2. Lossless: the VAE capped every frame at 23.3 dB.
    int pixelUnshuffle = 0;
    bool usesVae() const { return pixelUnshuffle <= 0; }

    // DNet also takes the classical warp-and-composite frame (in the latent space) and the edit region
    // (its pixel unshuffle to the latent grid) as extra input channels, and its clean sample is the
    // correction of that prior (frame - prior), pasted back inside the feathered edit region only.
    bool prior = false;
    // The prior also says apart what its edit region unites: the portrait's hole (where its own attribute
    // was) and the aligned new attributes' mask (where the pasted attribute is, by strength), each warped
    // with the frame. Without them a region is one mask, and the network cannot tell the portrait's old hair
    // from the pasted new hair, both inside it, where the old must go.
    bool priorMasks = false;
    // DNet's prior input shows the portrait animated without the pasted attributes (the prior at strength 0);
    // the pasted frame stays the base the correction is added to and what paste-back blends with. So only the
    // references tell the network what was pasted: a network that could see the paste ignored them (its
    // ablation without references was within 0.5% in attribute L1), and Durian was lost.
    bool barePriorInput = false;
    // With barePriorInput, DNet also sees the pasted frame, after the bare one and the masks (so weights
    // trained without it grow into these channels at zero). Blind to the paste, the network corrected a
    // near-perfect paste as if it were a misaligned one (real photos' self-transfer, 2 dB behind the
    // classical method); the references still say what the attribute is.
    bool pastedPriorInput = false;
    // > 0: a full-resolution refiner this many channels wide after the denoiser (model/Refiner.h), reading
    // the frame it made beside the prior's pixels and masks. Needs a pixel unshuffle, a prior and x0
    // prediction; 0: none.
    int refinerChannels = 0;
    // What the refiner reads besides the frame: the pasted prior frame, the portrait animated (with
    // bare_prior_input) and the prior's masks.
    int refinerContextChannels() const { return imageChannels * (barePriorInput ? 2 : 1) + priorMaskChannels(); }
    // > 0: the model is sampled in exactly this many steps, whatever a request asks (a one-step model trained on
    // the top timesteps only gets worse with every further step, and 20 of them cost 20 times as much); 0: the
    // request's steps.
    int samplingSteps = 0;
    int stepsFor(int requested) const { return samplingSteps > 0 ? samplingSteps : requested; }
    int priorMaskChannels() const { return priorMasks ? 3 : 1; } // region [, hole, attribute mask]
    int priorChannels() const
    {
        return prior ? latentChannels * (pastedPriorInput ? 2 : 1) + priorMaskChannels() * vaeFactor() * vaeFactor() : 0;
    }

    // What DNet predicts: "epsilon" (the noise, as SD 1.5), "v" (alpha*noise - sigma*x0) or "sample" (x0). With
    // epsilon the loss barely weighs the clean image at high noise, where only the references can tell it; v
    // weighs it about evenly across noise levels, so a small model learns to use its references much sooner.
    // In pixel space use "sample": an 8x8 pixel unshuffle has 192 values per token, and a network whose
    // first and last layers are 32 channels wide cannot carry that much independent noise through, so
    // epsilon and v models leave it in the frame (speckle); predicting x0 leaves the noise to the solver.
    std::string prediction = "epsilon";
    // The noise schedule rescaled to (practically) zero terminal SNR (diffusion/Scheduler.h): the last
    // training step's input is pure noise, as a sampler's first step is.
    bool zeroTerminalSnr = false;

    // UNet (DNet; ARNet and PRNet use the same spatial architecture with latent+1 input channels).
    std::vector<int> blockChannels{32, 64, 96};
    int layersPerBlock = 1;
    std::vector<bool> attentionLevels{false, true, true}; // transformer blocks at this level
    int heads = 4;
    int normGroups = 16;
    int contextDim = 128;      // cross-attention context width
    bool temporal = true;      // temporal attention in every block of DNet
    int temporalHeads = 4;
    int temporalWindow = 8;    // frames per temporal window (longer clips use sliding windows)
    int temporalOverlap = 2;   // frames shared by neighbouring windows

    // Pose guider: keypoint image -> features added after DNet's conv_in (one 2x downsample per entry
    // after the first, so its length must be log2(vaeFactor)+1).
    std::vector<int> poseGuiderChannels{16, 32, 32, 64};

    // Context encoder: reference latent + mask -> contextGrid^2 tokens per reference.
    int contextEncoderChannels = 64;
    int contextGrid = 2;

    // Attention memory bound: most score-matrix elements one chunk may hold (per batch element).
    long long attentionChunkElements = 1LL << 24;

    int vaeFactor() const
    {
        return pixelUnshuffle > 0 ? pixelUnshuffle : 1 << (static_cast<int>(vaeChannels.size()) - 1);
    }
    int latentSize(int imageSize) const { return imageSize / vaeFactor(); }
};

// Built-in presets: "tiny" (tests), "default" (the shipped model), "sd15" (Stable Diffusion 1.5 sizes).
ModelConfig modelConfigPreset(const std::string& name);
std::vector<std::string> modelConfigPresetNames();

// Parses a config from JSON text; `origin` names the file in error messages. Missing keys keep the
// defaults above; unknown keys, wrong types and inconsistent values throw durian::Error.
ModelConfig parseModelConfig(const std::string& json, const std::string& origin);
ModelConfig loadModelConfig(const std::filesystem::path& path);
std::string modelConfigToJson(const ModelConfig& config);

// "tiny", "default", "sd15" or a path to a JSON file.
ModelConfig resolveModelConfig(const std::string& nameOrPath);

// Throws durian::Error naming the setting when the values do not fit together.
void validateModelConfig(const ModelConfig& config, const std::string& origin);

} // namespace durian
