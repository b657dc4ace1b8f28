#pragma once

// Model-internal (includes torch): never include from app/.
#include "core/model/Attention.h"

#include <torch/torch.h>

#include <vector>

namespace durian::model {

// Per-SA-layer reference features of one reference net run ([B, N, C] each) and its context tokens.
struct ReferenceFeatures {
    std::vector<torch::Tensor> layers;
    torch::Tensor context; // [B, T, contextDim]
};

// The reference token sets DNet's self-attention layers attend to.
struct DenoiseReferences {
    const ReferenceFeatures* portrait = nullptr;
    std::vector<const ReferenceFeatures*> attributes;
    const ReferenceFeatures* alternative = nullptr; // reference B of mix.interpolatedSlot
};

// What one UNet forward needs besides its input.
struct UNetRun {
    int frames = 1;                                 // frames per sample in the batch (temporal layers)
    AttentionGroups context;                        // cross-attention token sets
    ReferenceMix mix;                               // applies to self- and cross-attention
    const DenoiseReferences* references = nullptr;  // DNet: spatial attention fusion
    std::vector<torch::Tensor>* record = nullptr;   // reference nets: every SA input is appended here
};

// Resnet block (diffusers ResnetBlock2D names). timeDim 0: no time embedding (VAE).
class ResnetBlockImpl : public torch::nn::Module {
public:
    ResnetBlockImpl(int in, int out, int timeDim, int groups, double eps);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& temb = {});

private:
    torch::nn::GroupNorm norm1{nullptr}, norm2{nullptr};
    torch::nn::Conv2d conv1{nullptr}, conv2{nullptr}, conv_shortcut{nullptr};
    torch::nn::Linear time_emb_proj{nullptr};
};
TORCH_MODULE(ResnetBlock);

// 2x downsample. `vaeStyle`: padding (0,1,0,1) then a valid 3x3 stride-2 conv, as in SD's VAE.
class DownsampleImpl : public torch::nn::Module {
public:
    DownsampleImpl(int channels, bool vaeStyle);
    torch::Tensor forward(const torch::Tensor& x);

private:
    bool vaeStyle_;
    torch::nn::Conv2d conv{nullptr};
};
TORCH_MODULE(Downsample);

class UpsampleImpl : public torch::nn::Module {
public:
    explicit UpsampleImpl(int channels);
    torch::Tensor forward(const torch::Tensor& x);

private:
    torch::nn::Conv2d conv{nullptr};
};
TORCH_MODULE(Upsample);

// GEGLU feed-forward: net.0.proj (C -> 2*4C), net.2 (4C -> C).
class FeedForwardImpl : public torch::nn::Module {
public:
    explicit FeedForwardImpl(int channels);
    torch::Tensor forward(const torch::Tensor& x);

private:
    torch::nn::Linear proj{nullptr}, out{nullptr};
};
TORCH_MODULE(FeedForward);

// Self-attention with reference tokens (attn1), cross-attention on the context (attn2), feed-forward.
class TransformerBlockImpl : public torch::nn::Module {
public:
    TransformerBlockImpl(int channels, int heads, int contextDim, long long chunkBudget, int layerIndex);
    torch::Tensor forward(const torch::Tensor& x, const UNetRun& run);

private:
    int layerIndex_;
    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr}, norm3{nullptr};
    Attention attn1{nullptr}, attn2{nullptr};
    FeedForward ff{nullptr};
};
TORCH_MODULE(TransformerBlock);

// diffusers Transformer2DModel: norm, proj_in, transformer_blocks.0, proj_out (linear projections).
class SpatialTransformerImpl : public torch::nn::Module {
public:
    SpatialTransformerImpl(int channels, int heads, int contextDim, int groups, long long chunkBudget, int layerIndex);
    torch::Tensor forward(const torch::Tensor& x, const UNetRun& run);

private:
    torch::nn::GroupNorm norm{nullptr};
    torch::nn::Linear proj_in{nullptr}, proj_out{nullptr};
    torch::nn::ModuleList transformer_blocks;
};
TORCH_MODULE(SpatialTransformer);

// Temporal attention: every spatial position attends over the frames of its sample (sinusoidal frame
// positions, relative to the window). proj_out starts at zero, so a new module is the identity.
class TemporalModuleImpl : public torch::nn::Module {
public:
    TemporalModuleImpl(int channels, int heads, int groups, long long chunkBudget);
    torch::Tensor forward(const torch::Tensor& x, int frames);

private:
    int channels_;
    torch::nn::GroupNorm norm{nullptr};
    torch::nn::Linear proj_in{nullptr}, proj_out{nullptr};
    torch::nn::LayerNorm norm1{nullptr}, norm2{nullptr};
    Attention attn1{nullptr};
    FeedForward ff{nullptr};
};
TORCH_MODULE(TemporalModule);

// Sinusoidal embedding [N] -> [N, dim] (cos first, as diffusers' flip_sin_to_cos).
torch::Tensor sinusoidalEmbedding(const torch::Tensor& positions, int dim);

} // namespace durian::model
