#include "core/model/ModelConfig.h"

#include "core/io/AtomicFile.h"
#include "core/util/Error.h"
#include "core/util/JsonSettings.h"

#include <cmath>
#include <set>

namespace durian {

namespace {

using nlohmann::json;

ModelConfig tinyPreset()
{
    ModelConfig c;
    c.name = "tiny";
    c.resolution = 32;
    c.vaeChannels = {8, 16, 16};
    c.vaeLayersPerBlock = 1;
    c.blockChannels = {16, 32};
    c.layersPerBlock = 1;
    c.attentionLevels = {true, true};
    c.heads = 2;
    c.normGroups = 4;
    c.contextDim = 32;
    c.temporalHeads = 2;
    c.temporalWindow = 4;
    c.temporalOverlap = 2;
    c.poseGuiderChannels = {8, 8, 16};
    c.contextEncoderChannels = 16;
    c.contextGrid = 2;
    return c;
}

ModelConfig defaultPreset()
{
    ModelConfig c; // the struct's defaults are the shipped model
    c.name = "default";
    // Our autoencoder's latents have a standard deviation of 0.424 at SD's 0.18215 (measured with
    // `durian eval --autoencoder` on the trained VAE); this brings them to about 1, as the noise schedule assumes.
    c.latentScale = 0.43;
    c.prediction = "v";
    return c;
}

ModelConfig sd15Preset()
{
    ModelConfig c;
    c.name = "sd15";
    c.resolution = 512;
    c.vaeChannels = {128, 256, 512, 512};
    c.vaeLayersPerBlock = 2;
    c.blockChannels = {320, 640, 1280, 1280};
    c.layersPerBlock = 2;
    c.attentionLevels = {true, true, true, false};
    c.heads = 8;
    c.normGroups = 32;
    c.contextDim = 768;
    c.temporalHeads = 8;
    c.temporalWindow = 16;
    c.temporalOverlap = 4;
    c.poseGuiderChannels = {16, 32, 96, 256};
    c.contextEncoderChannels = 256;
    c.contextGrid = 4;
    return c;
}

template <typename T>
void take(const json& object, const char* key, T& target, const std::string& origin)
{
    jsonsettings::take(object, key, target, origin, "model setting");
}

bool isPowerOfTwo(int v) { return v > 0 && (v & (v - 1)) == 0; }

} // namespace

ModelConfig modelConfigPreset(const std::string& name)
{
    if (name == "tiny") {
        return tinyPreset();
    }
    if (name == "default") {
        return defaultPreset();
    }
    if (name == "sd15") {
        return sd15Preset();
    }
    throw Error("unknown model configuration '" + name + "' (built in: tiny, default, sd15; or a .json file)");
}

std::vector<std::string> modelConfigPresetNames() { return {"tiny", "default", "sd15"}; }

void validateModelConfig(const ModelConfig& c, const std::string& origin)
{
    auto fail = [&](const std::string& what) { throw Error(origin + ": " + what); };
    // Every field's range first: the checks below divide and shift by them.
    const auto range = [&](const std::string& name, long long value, long long low, long long high) {
        if (value < low || value > high) {
            fail(name + " must be between " + std::to_string(low) + " and " + std::to_string(high) + " (got " +
                std::to_string(value) + ")");
        }
    };
    range("resolution", c.resolution, 8, 4096);
    range("image_channels", c.imageChannels, 1, 4);
    range("latent_channels", c.latentChannels, 1, 4096);
    range("heads", c.heads, 1, 64);
    range("norm_groups", c.normGroups, 1, 1024);
    range("vae_norm_groups", c.vaeNormGroups, 0, 1024);
    range("temporal_heads", c.temporalHeads, 1, 64);
    range("context_dim", c.contextDim, 1, 8192);
    range("layers_per_block", c.layersPerBlock, 1, 8);
    range("vae_layers_per_block", c.vaeLayersPerBlock, 1, 8);
    range("temporal_window", c.temporalWindow, 1, 256);
    range("temporal_overlap", c.temporalOverlap, 0, 255);
    range("context_encoder_channels", c.contextEncoderChannels, 1, 8192);
    range("context_grid", c.contextGrid, 1, 64);
    range("pixel_unshuffle", c.pixelUnshuffle, 0, 64);
    range("refiner_channels", c.refinerChannels, 0, 256);
    range("vae_channels' length", static_cast<long long>(c.vaeChannels.size()), 2, 8);
    range("block_channels' length", static_cast<long long>(c.blockChannels.size()), 1, 8);
    range("pose_guider_channels' length", static_cast<long long>(c.poseGuiderChannels.size()), 1, 8);
    for (const auto* list : {&c.vaeChannels, &c.blockChannels, &c.poseGuiderChannels}) {
        for (int ch : *list) {
            range("a channel count", ch, 1, 4096);
        }
    }
    // The size before anything is allocated: about 50 ch^2 parameters per UNet layer with attention
    // (30 without), three UNets. Stable Diffusion 1.5's sizes come to ~2.4e9 by this count.
    double parameters = 0.0;
    for (std::size_t i = 0; i < c.blockChannels.size() && i < c.attentionLevels.size(); ++i) {
        const double ch = c.blockChannels[i];
        parameters += 3.0 * ch * ch * (2 * c.layersPerBlock + 1) * (c.attentionLevels[i] ? 50.0 : 30.0);
    }
    if (parameters > 3e9) {
        fail("the model would have about " + std::to_string(static_cast<long long>(parameters / 1e6)) +
            " million parameters, more than this tool runs (3000 million)");
    }
    if (c.vaeChannels.size() < 2 || c.blockChannels.empty()) {
        fail("vae_channels needs at least two levels and block_channels at least one");
    }
    if (c.attentionLevels.size() != c.blockChannels.size()) {
        fail("attention_levels has " + std::to_string(c.attentionLevels.size()) + " entries, block_channels " +
            std::to_string(c.blockChannels.size()));
    }
    if (c.vaeNormGroups < 0) {
        fail("vae_norm_groups must be positive (or 0 for norm_groups)");
    }
    for (int ch : c.vaeChannels) {
        if (ch <= 0 || ch % c.vaeGroups() != 0) {
            fail("vae channel count " + std::to_string(ch) + " is not a positive multiple of the VAE's norm groups " +
                std::to_string(c.vaeGroups()));
        }
    }
    for (int ch : c.blockChannels) {
        if (ch <= 0 || ch % c.normGroups != 0 || ch % c.heads != 0 || ch % c.temporalHeads != 0) {
            fail("block channel count " + std::to_string(ch) + " must be a multiple of norm_groups, heads and "
                "temporal_heads");
        }
    }
    if (c.pixelUnshuffle < 0 || (c.pixelUnshuffle > 0 && !isPowerOfTwo(c.pixelUnshuffle))) {
        fail("pixel_unshuffle must be 0 (a VAE) or a power of two");
    }
    if (c.pixelUnshuffle > 0 && c.latentChannels != c.imageChannels * c.pixelUnshuffle * c.pixelUnshuffle) {
        fail("with pixel_unshuffle " + std::to_string(c.pixelUnshuffle) + ", latent_channels must be image_channels x " +
            std::to_string(c.pixelUnshuffle * c.pixelUnshuffle) + " = " +
            std::to_string(c.imageChannels * c.pixelUnshuffle * c.pixelUnshuffle));
    }
    if (!(c.latentScale > 0.0) || !std::isfinite(c.latentScale)) {
        fail("latent_scale must be a positive number");
    }
    const int factor = c.vaeFactor();
    if (c.resolution % (factor << (c.blockChannels.size() - 1)) != 0) {
        fail("resolution " + std::to_string(c.resolution) + " is not divisible by the VAE factor times the UNet's "
            "downsampling");
    }
    if (static_cast<int>(c.poseGuiderChannels.size()) != static_cast<int>(std::log2(factor)) + 1) {
        fail("pose_guider_channels needs log2(vae factor)+1 = " + std::to_string(static_cast<int>(std::log2(factor)) + 1) +
            " entries");
    }
    if (!isPowerOfTwo(factor) || c.layersPerBlock < 1 || c.vaeLayersPerBlock < 1) {
        fail("layers_per_block and vae_layers_per_block must be at least 1");
    }
    if (c.contextDim <= 0 || c.contextDim % c.heads != 0) {
        fail("context_dim must be a positive multiple of heads");
    }
    if (c.temporalWindow < 1 || c.temporalOverlap < 0 || c.temporalOverlap >= c.temporalWindow) {
        fail("temporal_overlap must be smaller than temporal_window");
    }
    if (c.contextEncoderChannels <= 0 || c.contextEncoderChannels % c.normGroups != 0 || c.contextGrid < 1) {
        fail("context_encoder_channels must be a multiple of norm_groups and context_grid at least 1");
    }
    if (c.prediction != "epsilon" && c.prediction != "v" && c.prediction != "sample") {
        fail("prediction must be \"epsilon\", \"v\" or \"sample\" (got \"" + c.prediction + "\")");
    }
    if (c.priorMasks && !c.prior) {
        fail("prior_masks needs prior");
    }
    if (c.barePriorInput && !c.prior) {
        fail("bare_prior_input needs prior");
    }
    if (c.pastedPriorInput && !c.barePriorInput) {
        fail("pasted_prior_input needs bare_prior_input (without it DNet's input is the pasted frame already)");
    }
    if (c.refinerChannels > 0 && (!c.prior || c.usesVae() || c.prediction != "sample")) {
        fail("refiner_channels needs prior, pixel_unshuffle and prediction \"sample\" (it refines the frame the "
            "denoiser predicts, at full resolution)");
    }
    if (c.samplingSteps < 0 || c.samplingSteps > 1000) {
        fail("sampling_steps must be 0 (the request's) or 1..1000");
    }
    if (c.attentionChunkElements < 1024) {
        fail("attention_chunk_elements must be at least 1024");
    }
}

ModelConfig parseModelConfig(const std::string& text, const std::string& origin)
{
    const json j = jsonsettings::parseObject(text, origin, "a model configuration");
    static const std::set<std::string> known{"name", "resolution", "image_channels", "latent_channels",
        "vae_channels", "vae_layers_per_block", "vae_mid_attention", "latent_scale", "vae_norm_groups", "prediction", "block_channels",
        "layers_per_block", "attention_levels", "heads", "norm_groups", "context_dim", "temporal",
        "temporal_heads", "temporal_window", "temporal_overlap", "pose_guider_channels", "context_encoder_channels",
        "context_grid", "attention_chunk_elements", "pixel_unshuffle", "prior", "prior_masks", "bare_prior_input", "pasted_prior_input", "refiner_channels", "sampling_steps", "zero_terminal_snr", "base"};
    jsonsettings::rejectUnknown(j, known, origin, "model setting");
    ModelConfig c;
    if (j.contains("base")) {
        std::string base;
        take(j, "base", base, origin);
        c = modelConfigPreset(base);
    }
    take(j, "name", c.name, origin);
    take(j, "resolution", c.resolution, origin);
    take(j, "image_channels", c.imageChannels, origin);
    take(j, "latent_channels", c.latentChannels, origin);
    take(j, "vae_channels", c.vaeChannels, origin);
    take(j, "vae_layers_per_block", c.vaeLayersPerBlock, origin);
    take(j, "vae_mid_attention", c.vaeMidAttention, origin);
    take(j, "latent_scale", c.latentScale, origin);
    take(j, "vae_norm_groups", c.vaeNormGroups, origin);
    take(j, "prediction", c.prediction, origin);
    take(j, "block_channels", c.blockChannels, origin);
    take(j, "layers_per_block", c.layersPerBlock, origin);
    take(j, "attention_levels", c.attentionLevels, origin);
    take(j, "heads", c.heads, origin);
    take(j, "norm_groups", c.normGroups, origin);
    take(j, "context_dim", c.contextDim, origin);
    take(j, "temporal", c.temporal, origin);
    take(j, "temporal_heads", c.temporalHeads, origin);
    take(j, "temporal_window", c.temporalWindow, origin);
    take(j, "temporal_overlap", c.temporalOverlap, origin);
    take(j, "pose_guider_channels", c.poseGuiderChannels, origin);
    take(j, "context_encoder_channels", c.contextEncoderChannels, origin);
    take(j, "context_grid", c.contextGrid, origin);
    take(j, "attention_chunk_elements", c.attentionChunkElements, origin);
    take(j, "pixel_unshuffle", c.pixelUnshuffle, origin);
    take(j, "prior", c.prior, origin);
    take(j, "prior_masks", c.priorMasks, origin);
    take(j, "bare_prior_input", c.barePriorInput, origin);
    take(j, "pasted_prior_input", c.pastedPriorInput, origin);
    take(j, "refiner_channels", c.refinerChannels, origin);
    take(j, "sampling_steps", c.samplingSteps, origin);
    take(j, "zero_terminal_snr", c.zeroTerminalSnr, origin);
    validateModelConfig(c, origin);
    return c;
}

ModelConfig loadModelConfig(const std::filesystem::path& path)
{
    return parseModelConfig(readFile(path), path.string());
}

std::string modelConfigToJson(const ModelConfig& c)
{
    json j;
    j["name"] = c.name;
    j["resolution"] = c.resolution;
    j["image_channels"] = c.imageChannels;
    j["latent_channels"] = c.latentChannels;
    j["vae_channels"] = c.vaeChannels;
    j["vae_layers_per_block"] = c.vaeLayersPerBlock;
    j["vae_mid_attention"] = c.vaeMidAttention;
    j["latent_scale"] = c.latentScale;
    if (c.vaeNormGroups > 0) { // absent means norm_groups, so older files keep their exact text
        j["vae_norm_groups"] = c.vaeNormGroups;
    }
    j["prediction"] = c.prediction;
    j["block_channels"] = c.blockChannels;
    j["layers_per_block"] = c.layersPerBlock;
    j["attention_levels"] = c.attentionLevels;
    j["heads"] = c.heads;
    j["norm_groups"] = c.normGroups;
    j["context_dim"] = c.contextDim;
    j["temporal"] = c.temporal;
    j["temporal_heads"] = c.temporalHeads;
    j["temporal_window"] = c.temporalWindow;
    j["temporal_overlap"] = c.temporalOverlap;
    j["pose_guider_channels"] = c.poseGuiderChannels;
    j["context_encoder_channels"] = c.contextEncoderChannels;
    j["context_grid"] = c.contextGrid;
    j["attention_chunk_elements"] = c.attentionChunkElements;
    if (c.pixelUnshuffle > 0) { // absent in older files, which keep their exact text
        j["pixel_unshuffle"] = c.pixelUnshuffle;
    }
    if (c.prior) {
        j["prior"] = true;
    }
    if (c.priorMasks) {
        j["prior_masks"] = true;
    }
    if (c.barePriorInput) {
        j["bare_prior_input"] = true;
    }
    if (c.pastedPriorInput) {
        j["pasted_prior_input"] = true;
    }
    if (c.refinerChannels > 0) {
        j["refiner_channels"] = c.refinerChannels;
    }
    if (c.samplingSteps > 0) {
        j["sampling_steps"] = c.samplingSteps;
    }
    if (c.zeroTerminalSnr) {
        j["zero_terminal_snr"] = true;
    }
    return j.dump(2) + "\n";
}

ModelConfig resolveModelConfig(const std::string& nameOrPath)
{
    for (const auto& name : modelConfigPresetNames()) {
        if (name == nameOrPath) {
            return modelConfigPreset(name);
        }
    }
    if (nameOrPath.size() > 5 && nameOrPath.substr(nameOrPath.size() - 5) == ".json") {
        return loadModelConfig(nameOrPath);
    }
    return modelConfigPreset(nameOrPath); // throws with the list of names
}

} // namespace durian
