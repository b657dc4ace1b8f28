#pragma once

// Model-internal (includes torch): never include from app/.
#include "core/model/ModelConfig.h"

#include <torch/torch.h>

namespace durian::model {

// Keypoint image [B,3,H,W] in [-1,1] -> features [B,c0,H/f,W/f] added after DNet's conv_in.
// conv_out starts at zero, so an untrained guider leaves DNet unchanged.
class PoseGuiderImpl : public torch::nn::Module {
public:
    explicit PoseGuiderImpl(const ModelConfig& config);
    torch::Tensor forward(const torch::Tensor& keypointImages);

private:
    torch::nn::Conv2d conv_in{nullptr}, conv_out{nullptr};
    torch::nn::ModuleList blocks;
};
TORCH_MODULE(PoseGuider);

// Who a reference is: the portrait or an attribute category. Index into the role embedding.
enum class ReferenceRole : int { Portrait = 0, Hair = 1, Eyeglasses = 2, Hat = 3, Beard = 4 };
inline constexpr int kReferenceRoles = 5;

// Our stand-in for the paper's CLIP/ArcFace embeddings: masked reference latent + mask -> grid^2 tokens
// of width contextDim, plus a learned role embedding; and a learned null token that every context holds
// (the only token of the unconditional branch).
class ContextEncoderImpl : public torch::nn::Module {
public:
    explicit ContextEncoderImpl(const ModelConfig& config);
    // latentWithMask [B, L+1, h, w] -> tokens [B, grid^2, contextDim]
    torch::Tensor forward(const torch::Tensor& latentWithMask, ReferenceRole role);
    torch::Tensor nullToken() const { return null_token; } // [1, 1, contextDim]

private:
    int grid_;
    torch::nn::Conv2d conv_in{nullptr}, conv_down{nullptr}, conv_mid{nullptr};
    torch::nn::GroupNorm norm1{nullptr}, norm2{nullptr};
    torch::nn::Linear proj{nullptr};
    torch::nn::Embedding role_embedding{nullptr};
    torch::Tensor null_token;
};
TORCH_MODULE(ContextEncoder);

} // namespace durian::model
