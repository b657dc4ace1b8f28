#pragma once

// Model-internal (includes torch): never include from app/.
#include "core/io/Project.h"
#include "core/model/Blocks.h"
#include "core/model/Conditioning.h"
#include "core/model/ModelConfig.h"
#include "core/model/Refiner.h"
#include "core/model/UNet.h"
#include "core/model/Vae.h"

#include <torch/torch.h>

namespace durian::model {

// The whole Durian network. Parameter names: vae.*, dnet.*, arnet.*, prnet.*, pose_guider.*,
// context_encoder.* (the UNets and the VAE below those prefixes follow diffusers).
class DurianModelImpl : public torch::nn::Module {
public:
    explicit DurianModelImpl(const ModelConfig& config);

    const ModelConfig& config() const { return config_; }

    // Masked reference image [B,3,H,W] in [-1,1] and its mask [B,1,H,W] in [0,1] -> [B, L+1, h, w]
    // (VAE latent of the image, mask downsampled to the latent grid by area averaging).
    torch::Tensor referenceInput(const torch::Tensor& maskedImage, const torch::Tensor& mask);
    // ARNet (attributes) or PRNet (portrait) at timestep 0 with the reference's own context.
    ReferenceFeatures encodeReference(const torch::Tensor& referenceInput, ReferenceRole role);
    // The references as DNet reads them, built by one function each for training and inference alike
    // (complementary masking): the portrait [B,3,H,W] with its hole [B,1,H,W] cut out, and an attribute
    // photo alone under its mask, encoded by the network of its category.
    ReferenceFeatures encodePortrait(const torch::Tensor& image, const torch::Tensor& hole);
    ReferenceFeatures encodeAttribute(const torch::Tensor& image, const torch::Tensor& mask, AttributeCategory category);
    // Keypoint images [B*F,3,H,W] in [-1,1] -> pose features.
    torch::Tensor poseFeatures(const torch::Tensor& keypointImages);
    // A model with a prior (config().prior): the classical frames [B*F,3,H,W] in [-1,1] and their edit regions
    // [B*F,M,H,W] in [0,1] (M = config().priorMaskChannels(): the region, then with prior_masks the hole and
    // the attribute mask) -> DNet's extra input [B*F, priorChannels, h, w].
    torch::Tensor priorInput(const torch::Tensor& priorFrames, const torch::Tensor& regions);
    // Both things a model with a prior needs of it: DNet's extra input (priorInput) and the prior frames'
    // own latents; the model's sample is the correction, the truth's latents minus these. With
    // config().barePriorInput DNet's input is built from `portraitFrames` (the prior at strength 0) instead,
    // and with config().pastedPriorInput the prior frames' latents follow it. With a refiner, also what it
    // reads at full resolution besides the frame (refinerContext).
    struct PriorEncoding {
        torch::Tensor input, latents, refinerContext;
    };
    PriorEncoding encodePrior(const torch::Tensor& priorFrames, const torch::Tensor& regions,
        const torch::Tensor& portraitFrames = {});
    // Noise prediction for latents [B*F,L,h,w]. refs == nullptr: the unconditional branch (no reference
    // tokens, context = the null token only). `prior` (from priorInput) is required exactly when the
    // config has one; with it the latents are the correction of the prior, not the frame.
    torch::Tensor denoise(const torch::Tensor& latents, const torch::Tensor& timesteps, const torch::Tensor& pose,
        int frames, const DenoiseReferences* refs, const ReferenceMix& mix, const torch::Tensor& prior = {});

    // Latents (a prior's: the correction plus the prior's latents) -> frames [N,3,H,W] in [-1,1]: the
    // decoder, then the refiner where the model has one (`refinerContext` from encodePrior).
    torch::Tensor decodeFrames(const torch::Tensor& latents, const torch::Tensor& refinerContext = {});

    // AnimateAnyone's and Durian's start: the reference networks as copies of the denoiser, so that DNet's
    // self-attention reads their features as its own from the first step (independently initialised
    // reference networks were ignored by a trained denoiser). Every parameter the three share by name is
    // copied; the reference's image channels take the weights of the prior frame's (a model with a prior)
    // or of the latents', and its mask channel those of the edit region's (summed over the unshuffled
    // block) or none. The temporal layers have no counterpart. Returns the number of tensors copied.
    int initReferenceNetsFromDenoiser();

    Vae vae{nullptr};
    UNet dnet{nullptr}, arnet{nullptr}, prnet{nullptr};
    PoseGuider pose_guider{nullptr};
    ContextEncoder context_encoder{nullptr};
    Refiner refiner{nullptr}; // config().refinerChannels > 0 only

private:
    ModelConfig config_;
};
TORCH_MODULE(DurianModel);

// The reference network role of an attribute category (its context-encoder embedding).
ReferenceRole roleOf(AttributeCategory category);

// Number of parameters of a module.
long long parameterCount(const torch::nn::Module& module);

} // namespace durian::model
