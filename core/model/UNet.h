#pragma once

// Model-internal (includes torch): never include from app/.
#include "core/model/Blocks.h"
#include "core/model/ModelConfig.h"

#include <torch/torch.h>

namespace durian::model {

// The UNet of DNet, ARNet and PRNet, laid out and named as diffusers' UNet2DConditionModel (so SD 1.5
// weights map by name), plus temporal modules ("motion_modules") after every resnet when `temporal`.
class UNetImpl : public torch::nn::Module {
public:
    UNetImpl(const ModelConfig& config, int inChannels, bool temporal);

    // x [B*F, in, h, w]; timesteps [B*F]; addAfterConvIn (pose features, [B*F, c0, h, w]) may be undefined.
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& timesteps, const UNetRun& run,
        const torch::Tensor& addAfterConvIn = {});

    int selfAttentionLayers() const { return attentionLayers_; }

private:
    struct Level {
        std::shared_ptr<torch::nn::Module> holder;
        torch::nn::ModuleList resnets, attentions, motion_modules, samplers;
    };
    Level makeLevel(const std::string& name);
    torch::Tensor runLayer(Level& level, std::size_t j, torch::Tensor h, const torch::Tensor& temb,
        const UNetRun& run);

    int attentionLayers_ = 0;
    torch::nn::Conv2d conv_in{nullptr}, conv_out{nullptr};
    torch::nn::Linear linear_1{nullptr}, linear_2{nullptr};
    torch::nn::GroupNorm conv_norm_out{nullptr};
    std::vector<Level> down_, up_;
    Level mid_;
    int timeChannels_ = 0;
};
TORCH_MODULE(UNet);

} // namespace durian::model
