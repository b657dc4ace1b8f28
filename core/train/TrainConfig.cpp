#include "core/train/TrainConfig.h"

#include "core/util/Error.h"
#include "core/util/JsonSettings.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

namespace durian {

using json = nlohmann::json;

std::string toString(TrainStage stage)
{
    switch (stage) {
    case TrainStage::Vae: return "vae";
    case TrainStage::VaeDecoder: return "vae_decoder";
    case TrainStage::Spatial: return "1";
    case TrainStage::Temporal: return "2";
    }
    return "?";
}

int TrainConfig::imageSize() const { return resolution > 0 ? resolution : modelConfig().resolution; }

namespace {

template <typename T>
void take(const json& j, const char* key, T& out, const std::string& origin)
{
    jsonsettings::take(j, key, out, origin, "setting");
}

void checkKeys(const json& j, const std::set<std::string>& known, const std::string& origin, const std::string& where)
{
    jsonsettings::rejectUnknown(j, known, origin, where + "setting");
}

} // namespace

TrainConfig parseTrainConfig(const std::string& text, const std::string& origin)
{
    const json j = jsonsettings::parseObject(text, origin, "a training configuration");
    checkKeys(j, {"stage", "steps", "batch", "frames", "lr", "weight_decay", "beta1", "beta2", "epsilon", "grad_clip",
        "lr_final", "lr_decay_start", "lr_decay_end", "ema_decay", "kl_weight", "vae_crop", "seed", "model", "init", "resolution", "log_every", "checkpoint_every", "reference_check_every", "reference_nets_from_denoiser", "outside_region_weight", "min_timestep", "loss", "photo_loss", "data"},
        origin, "");
    TrainConfig c;
    std::string stage = toString(c.stage);
    if (j.contains("stage") && j["stage"].is_number_integer()) {
        stage = std::to_string(j["stage"].get<int>());
    } else {
        take(j, "stage", stage, origin);
    }
    if (stage == "vae") {
        c.stage = TrainStage::Vae;
    } else if (stage == "vae_decoder") {
        c.stage = TrainStage::VaeDecoder;
    } else if (stage == "1" || stage == "spatial") {
        c.stage = TrainStage::Spatial;
    } else if (stage == "2" || stage == "temporal") {
        c.stage = TrainStage::Temporal;
    } else {
        throw Error(origin + ": stage '" + stage + "' is not one of vae, vae_decoder, 1, 2");
    }
    take(j, "steps", c.steps, origin);
    take(j, "batch", c.batch, origin);
    take(j, "frames", c.frames, origin);
    take(j, "lr", c.learningRate, origin);
    take(j, "lr_final", c.lrFinal, origin);
    take(j, "lr_decay_start", c.lrDecayStart, origin);
    take(j, "lr_decay_end", c.lrDecayEnd, origin);
    take(j, "weight_decay", c.weightDecay, origin);
    take(j, "beta1", c.beta1, origin);
    take(j, "beta2", c.beta2, origin);
    take(j, "epsilon", c.epsilon, origin);
    take(j, "grad_clip", c.gradClip, origin);
    take(j, "ema_decay", c.emaDecay, origin);
    take(j, "kl_weight", c.klWeight, origin);
    take(j, "vae_crop", c.vaeCrop, origin);
    take(j, "seed", c.seed, origin);
    take(j, "model", c.model, origin);
    std::string init;
    take(j, "init", init, origin);
    if (!init.empty()) {
        // Relative to the config file, so a run directory can be moved as a whole.
        std::filesystem::path p(init);
        c.init = p.is_absolute() ? p : std::filesystem::path(origin).parent_path() / p;
    }
    take(j, "resolution", c.resolution, origin);
    take(j, "log_every", c.logEvery, origin);
    take(j, "checkpoint_every", c.checkpointEvery, origin);
    take(j, "reference_check_every", c.referenceCheckEvery, origin);
    take(j, "reference_nets_from_denoiser", c.referenceNetsFromDenoiser, origin);
    take(j, "outside_region_weight", c.outsideRegionWeight, origin);
    take(j, "min_timestep", c.minTimestep, origin);
    take(j, "loss", c.loss, origin);
    take(j, "photo_loss", c.photoLoss, origin);
    if (j.contains("data")) {
        const auto& d = j["data"];
        if (!d.is_object()) {
            throw Error(origin + ": 'data' must be an object");
        }
        checkKeys(d, {"source", "videos", "video_fraction", "clip_length", "supersample", "max_growth", "max_rotation", "max_scale", "max_shift",
            "colour_jitter", "reference_dropout", "swap_fraction", "augment_swaps",
            "prior_attribute_dropout", "photos", "photo_fraction", "fixed_sample"}, origin, "data ");
        take(d, "source", c.data.source, origin);
        if (d.contains("videos")) {
            std::string videos;
            take(d, "videos", videos, origin);
            c.data.videos = videos;
        }
        take(d, "video_fraction", c.data.videoFraction, origin);
        take(d, "clip_length", c.data.clipLength, origin);
        take(d, "supersample", c.data.supersample, origin);
        take(d, "max_growth", c.data.maxGrowth, origin);
        take(d, "max_rotation", c.data.maxRotation, origin);
        take(d, "max_scale", c.data.maxScale, origin);
        take(d, "max_shift", c.data.maxShift, origin);
        take(d, "colour_jitter", c.data.colourJitter, origin);
        take(d, "reference_dropout", c.data.referenceDropout, origin);
        take(d, "swap_fraction", c.data.swapFraction, origin);
        take(d, "augment_swaps", c.data.augmentSwaps, origin);
        take(d, "prior_attribute_dropout", c.data.priorAttributeDropout, origin);
        if (d.contains("photos")) {
            std::string photos;
            take(d, "photos", photos, origin);
            c.data.photos = photos;
        }
        take(d, "photo_fraction", c.data.photoFraction, origin);
        take(d, "fixed_sample", c.data.fixedSample, origin);
    }
    auto fail = [&](const std::string& what) { throw Error(origin + ": " + what); };
    if (c.steps < 1 || c.batch < 1 || c.frames < 1) {
        fail("steps, batch and frames must be at least 1");
    }
    if (!(c.learningRate > 0.0) || c.weightDecay < 0.0 || c.gradClip < 0.0 || c.emaDecay < 0.0 || c.emaDecay >= 1.0) {
        fail("lr must be positive, weight_decay and grad_clip not negative, ema_decay in [0,1)");
    }
    if (c.lrFinal >= 0.0 && !(c.lrFinal > 0.0 && c.lrFinal <= c.learningRate && 0 <= c.lrDecayStart && c.lrDecayStart < c.lrDecayEnd)) {
        fail("lr_final must be in (0, lr] and lr_decay_start in [0, lr_decay_end)");
    }
    if (c.data.source != "world" && c.data.source != "videos" && c.data.source != "both") {
        fail("data.source '" + c.data.source + "' must be \"world\", \"videos\" or \"both\"");
    }
    if (c.data.source != "world" && c.data.videos.empty()) {
        fail("data.source \"" + c.data.source + "\" needs data.videos, a folder of portrait videos");
    }
    if (!(c.data.videoFraction >= 0.0 && c.data.videoFraction <= 1.0)) {
        fail("data.video_fraction must be in [0,1]");
    }
    if (c.data.clipLength < std::max(2, c.frames) || c.data.supersample < 1 || c.data.supersample > 4) {
        fail("data.clip_length must be at least max(2, frames) and data.supersample in 1..4");
    }
    if (c.data.referenceDropout < 0.0 || c.data.referenceDropout > 1.0) {
        fail("data.reference_dropout must be in [0,1]");
    }
    if (!(c.data.photoFraction >= 0.0 && c.data.photoFraction <= 1.0)) {
        fail("data.photo_fraction must be in [0,1]");
    }
    if (!(c.data.swapFraction >= 0.0 && c.data.swapFraction <= 1.0)) {
        fail("data.swap_fraction must be in [0,1]");
    }
    if (!(c.data.priorAttributeDropout >= 0.0 && c.data.priorAttributeDropout <= 1.0)) {
        fail("data.prior_attribute_dropout must be in [0,1]");
    }
    if (!(c.outsideRegionWeight >= 0.0 && c.outsideRegionWeight <= 1.0)) {
        fail("outside_region_weight must be in [0,1]");
    }
    if (c.minTimestep < 0 || c.minTimestep >= kTrainTimesteps) {
        fail("min_timestep must be in [0," + std::to_string(kTrainTimesteps) + ")");
    }
    for (const auto& [field, value] : {std::pair{"loss", c.loss}, std::pair{"photo_loss", c.photoLoss}}) {
        if (value != "mse" && value != "l1" && value != "log_mse" && value != "log_l1" &&
            !(value.empty() && std::string(field) == "photo_loss")) {
            fail(std::string(field) + " '" + value + "' must be \"mse\", \"l1\", \"log_mse\" or \"log_l1\"");
        }
    }
    if (c.logEvery < 1 || c.checkpointEvery < 1) {
        fail("log_every and checkpoint_every must be at least 1");
    }
    if (c.referenceCheckEvery < 0) {
        fail("reference_check_every must be 0 (off) or a number of steps");
    }
    const auto model = c.modelConfig(); // throws for an unknown preset or a bad file
    const int size = c.imageSize();
    if (c.vaeCrop < 0 || c.vaeCrop > size || c.vaeCrop % (model.vaeFactor() * 2) != 0) {
        fail("vae_crop must be 0 or a multiple of twice the VAE factor no larger than the image");
    }
    if (size % (model.vaeFactor() << (model.blockChannels.size() - 1)) != 0) {
        fail("resolution " + std::to_string(size) + " does not fit the model's downsampling");
    }
    return c;
}

TrainConfig loadTrainConfig(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error("cannot read training configuration '" + path.string() + "'");
    }
    std::stringstream ss;
    ss << in.rdbuf();
    TrainConfig config = parseTrainConfig(ss.str(), path.string());
    if (!config.data.videos.empty() && config.data.videos.is_relative()) {
        config.data.videos = path.parent_path() / config.data.videos;
    }
    if (!config.data.photos.empty() && config.data.photos.is_relative()) {
        config.data.photos = path.parent_path() / config.data.photos;
    }
    return config;
}

std::string trainConfigToJson(const TrainConfig& c)
{
    json d{{"source", c.data.source}, {"videos", c.data.videos.string()}, {"video_fraction", c.data.videoFraction},
        {"clip_length", c.data.clipLength}, {"supersample", c.data.supersample},
        {"max_growth", c.data.maxGrowth}, {"max_rotation", c.data.maxRotation}, {"max_scale", c.data.maxScale},
        {"max_shift", c.data.maxShift}, {"colour_jitter", c.data.colourJitter},
        {"reference_dropout", c.data.referenceDropout}, {"swap_fraction", c.data.swapFraction},
        {"augment_swaps", c.data.augmentSwaps}, {"prior_attribute_dropout", c.data.priorAttributeDropout},
        {"photos", c.data.photos.string()}, {"photo_fraction", c.data.photoFraction}, {"fixed_sample", c.data.fixedSample}};
    json j{{"stage", toString(c.stage)}, {"steps", c.steps}, {"batch", c.batch}, {"frames", c.frames},
        {"lr", c.learningRate}, {"lr_final", c.lrFinal}, {"lr_decay_start", c.lrDecayStart},
        {"lr_decay_end", c.lrDecayEnd}, {"weight_decay", c.weightDecay}, {"beta1", c.beta1}, {"beta2", c.beta2},
        {"epsilon", c.epsilon}, {"grad_clip", c.gradClip}, {"ema_decay", c.emaDecay}, {"kl_weight", c.klWeight}, {"vae_crop", c.vaeCrop},
        {"seed", c.seed}, {"model", c.model}, {"init", c.init.string()}, {"resolution", c.resolution},
        {"log_every", c.logEvery}, {"checkpoint_every", c.checkpointEvery}, {"reference_check_every", c.referenceCheckEvery},
        {"reference_nets_from_denoiser", c.referenceNetsFromDenoiser},
        {"outside_region_weight", c.outsideRegionWeight}, {"min_timestep", c.minTimestep}, {"loss", c.loss}, {"photo_loss", c.photoLoss}, {"data", d}};
    return j.dump(2) + "\n";
}

double learningRateAt(const TrainConfig& c, int step)
{
    const int warmup = std::min(100, std::max(1, c.steps / 10));
    const double warm = std::min(1.0, static_cast<double>(step + 1) / warmup);
    if (c.lrFinal < 0.0 || step <= c.lrDecayStart) {
        return c.learningRate * warm;
    }
    const double f = std::min(1.0, static_cast<double>(step - c.lrDecayStart) / (c.lrDecayEnd - c.lrDecayStart));
    return warm * (c.learningRate + f * (c.lrFinal - c.learningRate));
}

} // namespace durian
