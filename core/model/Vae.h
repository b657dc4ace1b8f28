#pragma once

// Model-internal (includes torch): never include from app/.
#include "core/model/Blocks.h"
#include "core/model/ModelConfig.h"

#include <torch/torch.h>

namespace durian::model {

// Single-head attention of the VAE's middle block (diffusers names: group_norm, to_q, to_k, to_v, to_out.0).
class VaeAttentionImpl : public torch::nn::Module {
public:
    VaeAttentionImpl(int channels, int groups, long long chunkBudget);
    torch::Tensor forward(const torch::Tensor& x);

private:
    torch::nn::GroupNorm group_norm{nullptr};
    torch::nn::Linear to_q{nullptr}, to_k{nullptr}, to_v{nullptr};
    torch::nn::ModuleList to_out;
    long long budget_;
};
TORCH_MODULE(VaeAttention);

// AutoencoderKL with diffusers names (encoder.*, decoder.*, quant_conv, post_quant_conv); with the config's
// pixel_unshuffle, the lossless space-to-depth instead, with no parameters.
class VaeImpl : public torch::nn::Module {
public:
    explicit VaeImpl(const ModelConfig& config);

    // images [B,3,H,W] in [-1,1] -> (mean, logvar) [B,L,H/f,W/f], unscaled.
    std::pair<torch::Tensor, torch::Tensor> encodeMoments(const torch::Tensor& images);
    // Deterministic encoding for references and previews: scaled posterior mean.
    torch::Tensor encode(const torch::Tensor& images);
    // scaled latents -> images in [-1,1] (not clamped).
    torch::Tensor decode(const torch::Tensor& latents);

    double scale() const { return scale_; }

private:
    double scale_;
    int unshuffle_ = 0;
    std::shared_ptr<torch::nn::Module> encoder_, decoder_;
    torch::nn::Conv2d enc_conv_in{nullptr}, enc_conv_out{nullptr}, dec_conv_in{nullptr}, dec_conv_out{nullptr};
    torch::nn::Conv2d quant_conv{nullptr}, post_quant_conv{nullptr};
    torch::nn::GroupNorm enc_norm_out{nullptr}, dec_norm_out{nullptr};
    std::vector<std::vector<ResnetBlock>> encResnets_, decResnets_;
    std::vector<Downsample> downsamplers_;
    std::vector<Upsample> upsamplers_;
    std::vector<ResnetBlock> encMid_, decMid_;
    VaeAttention encMidAttention_{nullptr}, decMidAttention_{nullptr};
};
TORCH_MODULE(Vae);

} // namespace durian::model
