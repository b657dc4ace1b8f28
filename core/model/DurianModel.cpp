#include "core/model/DurianModel.h"
#include "core/util/Error.h"

namespace durian::model {

namespace F = torch::nn::functional;

DurianModelImpl::DurianModelImpl(const ModelConfig& config) : config_(config)
{
    validateModelConfig(config, "model configuration '" + config.name + "'");
    vae = register_module("vae", Vae(config));
    dnet = register_module("dnet", UNet(config, config.latentChannels + config.priorChannels(), config.temporal));
    arnet = register_module("arnet", UNet(config, config.latentChannels + 1, false));
    prnet = register_module("prnet", UNet(config, config.latentChannels + 1, false));
    pose_guider = register_module("pose_guider", PoseGuider(config));
    context_encoder = register_module("context_encoder", ContextEncoder(config));
    if (config.refinerChannels > 0) {
        refiner = register_module("refiner", Refiner(config.refinerContextChannels(), config.refinerChannels));
    }
}

torch::Tensor DurianModelImpl::referenceInput(const torch::Tensor& maskedImage, const torch::Tensor& mask)
{
    const auto latent = vae->encode(maskedImage);
    const auto small = F::adaptive_avg_pool2d(mask.to(latent.dtype()),
        F::AdaptiveAvgPool2dFuncOptions({latent.size(2), latent.size(3)}));
    return torch::cat({latent, small}, 1);
}

torch::Tensor DurianModelImpl::priorInput(const torch::Tensor& priorFrames, const torch::Tensor& regions)
{
    if (regions.size(1) != config_.priorMaskChannels()) {
        throw Error("internal: the prior has " + std::to_string(regions.size(1)) + " mask channels, the model reads " +
            std::to_string(config_.priorMaskChannels()));
    }
    const auto latent = vae->encode(priorFrames);
    return torch::cat({latent, torch::pixel_unshuffle(regions.to(latent.dtype()), config_.vaeFactor())}, 1);
}

ReferenceFeatures DurianModelImpl::encodeReference(const torch::Tensor& input, ReferenceRole role)
{
    ReferenceFeatures features;
    const auto tokens = context_encoder->forward(input, role);
    features.context = tokens;
    UNetRun run;
    run.frames = 1;
    run.context.base = torch::cat({context_encoder->nullToken().to(tokens.dtype()).expand({tokens.size(0), 1, tokens.size(2)}),
        tokens}, 1);
    run.record = &features.layers;
    auto& net = role == ReferenceRole::Portrait ? prnet : arnet;
    const auto t = torch::zeros({input.size(0)}, torch::TensorOptions().dtype(torch::kFloat32).device(input.device()));
    net->forward(input, t, run);
    return features;
}

ReferenceFeatures DurianModelImpl::encodePortrait(const torch::Tensor& image, const torch::Tensor& hole)
{
    return encodeReference(referenceInput(image * (1.0 - hole), hole), ReferenceRole::Portrait);
}

ReferenceFeatures DurianModelImpl::encodeAttribute(const torch::Tensor& image, const torch::Tensor& mask,
    AttributeCategory category)
{
    return encodeReference(referenceInput(image * mask, mask), roleOf(category));
}

DurianModelImpl::PriorEncoding DurianModelImpl::encodePrior(const torch::Tensor& priorFrames, const torch::Tensor& regions,
    const torch::Tensor& portraitFrames)
{
    if (config_.barePriorInput && !portraitFrames.defined()) {
        throw Error("internal: this model's prior input is the portrait animated, and none was given");
    }
    auto latents = vae->encode(priorFrames);
    auto input = priorInput(config_.barePriorInput ? portraitFrames : priorFrames, regions);
    if (config_.pastedPriorInput) {
        input = torch::cat({input, latents.to(input.dtype())}, 1);
    }
    torch::Tensor refinerContext;
    if (refiner) {
        refinerContext = config_.barePriorInput ? torch::cat({priorFrames, portraitFrames.to(priorFrames.dtype()),
                                                      regions.to(priorFrames.dtype())}, 1)
                                                : torch::cat({priorFrames, regions.to(priorFrames.dtype())}, 1);
    }
    return {input, latents, refinerContext};
}

torch::Tensor DurianModelImpl::decodeFrames(const torch::Tensor& latents, const torch::Tensor& refinerContext)
{
    const auto frames = vae->decode(latents);
    if (!refiner) {
        return frames;
    }
    if (!refinerContext.defined() || refinerContext.size(0) != frames.size(0)) {
        throw Error("internal: this model's refiner needs the prior's context for every frame");
    }
    return refiner->forward(frames, refinerContext);
}

torch::Tensor DurianModelImpl::poseFeatures(const torch::Tensor& keypointImages)
{
    return pose_guider->forward(keypointImages);
}

torch::Tensor DurianModelImpl::denoise(const torch::Tensor& latents, const torch::Tensor& timesteps,
    const torch::Tensor& pose, int frames, const DenoiseReferences* refs, const ReferenceMix& mix,
    const torch::Tensor& prior)
{
    if (config_.prior != prior.defined()) {
        throw Error(config_.prior ? "this model refines a classical prior, and none was given"
                                                  : "this model takes no prior");
    }
    UNetRun run;
    run.frames = frames;
    run.mix = mix;
    const auto nullToken = context_encoder->nullToken().to(latents.dtype());
    if (refs) {
        run.references = refs;
        if (refs->portrait) {
            const auto& portrait = refs->portrait->context;
            run.context.base = torch::cat({nullToken.expand({portrait.size(0), 1, portrait.size(2)}), portrait}, 1);
        } else {
            run.context.base = nullToken;
        }
        for (const auto* a : refs->attributes) {
            run.context.attributes.push_back(a->context);
        }
        if (refs->alternative) {
            run.context.alternative = refs->alternative->context;
        }
    } else {
        run.context.base = nullToken;
        run.mix = ReferenceMix{};
    }
    return dnet->forward(prior.defined() ? torch::cat({latents, prior.to(latents.dtype())}, 1) : latents, timesteps, run,
        pose);
}

int DurianModelImpl::initReferenceNetsFromDenoiser()
{
    torch::NoGradGuard noGrad;
    const auto source = dnet->named_parameters();
    const int L = config_.latentChannels;
    int copied = 0;
    for (auto* net : {&arnet, &prnet}) {
        for (auto& item : (*net)->named_parameters()) {
            const auto* from = source.find(item.key());
            if (!from) {
                continue;
            }
            auto& to = item.value();
            if (item.key() == "conv_in.weight") {
                // DNet reads [sample (L), prior frame (L), region (unshuffled) [, hole, attribute mask]] or
                // [sample (L)]; a reference network reads [image (L), mask (1)].
                const auto& w = *from;
                if (config_.prior) {
                    const int blocks = config_.vaeFactor() * config_.vaeFactor();
                    to.narrow(1, 0, L).copy_(w.narrow(1, L, L));
                    to.narrow(1, L, 1).copy_(w.narrow(1, 2 * L, blocks).sum(1, true));
                } else {
                    to.narrow(1, 0, L).copy_(w.narrow(1, 0, L));
                    to.narrow(1, L, 1).zero_();
                }
            } else if (from->sizes() == to.sizes()) {
                to.copy_(*from);
            } else {
                throw Error("internal: " + item.key() + " differs in shape between DNet and a reference network");
            }
            ++copied;
        }
    }
    return copied;
}

ReferenceRole roleOf(AttributeCategory category)
{
    switch (category) {
    case AttributeCategory::Hair: return ReferenceRole::Hair;
    case AttributeCategory::Eyeglasses: return ReferenceRole::Eyeglasses;
    case AttributeCategory::Hat: return ReferenceRole::Hat;
    case AttributeCategory::Beard: return ReferenceRole::Beard;
    }
    return ReferenceRole::Hair;
}

long long parameterCount(const torch::nn::Module& module)
{
    long long n = 0;
    for (const auto& p : module.parameters()) {
        n += p.numel();
    }
    return n;
}

} // namespace durian::model
