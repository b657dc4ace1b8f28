#include "core/model/Conditioning.h"

namespace durian::model {

namespace F = torch::nn::functional;

PoseGuiderImpl::PoseGuiderImpl(const ModelConfig& c)
{
    const auto& ch = c.poseGuiderChannels;
    conv_in = register_module("conv_in", torch::nn::Conv2d(torch::nn::Conv2dOptions(c.imageChannels, ch[0], 3).padding(1)));
    blocks = register_module("blocks", torch::nn::ModuleList());
    for (std::size_t i = 0; i + 1 < ch.size(); ++i) {
        blocks->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(ch[i], ch[i], 3).padding(1)));
        blocks->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(ch[i], ch[i + 1], 3).padding(1).stride(2)));
    }
    conv_out = register_module("conv_out", torch::nn::Conv2d(torch::nn::Conv2dOptions(ch.back(), c.blockChannels[0], 3).padding(1)));
    torch::NoGradGuard noGrad;
    conv_out->weight.zero_();
    conv_out->bias.zero_();
}

torch::Tensor PoseGuiderImpl::forward(const torch::Tensor& keypointImages)
{
    auto h = torch::silu(conv_in(keypointImages));
    for (const auto& block : *blocks) {
        h = torch::silu(block->as<torch::nn::Conv2d>()->forward(h));
    }
    return conv_out(h);
}

ContextEncoderImpl::ContextEncoderImpl(const ModelConfig& c) : grid_(c.contextGrid)
{
    const int ce = c.contextEncoderChannels;
    conv_in = register_module("conv_in", torch::nn::Conv2d(torch::nn::Conv2dOptions(c.latentChannels + 1, ce, 3).padding(1)));
    norm1 = register_module("norm1", torch::nn::GroupNorm(torch::nn::GroupNormOptions(c.normGroups, ce)));
    conv_down = register_module("conv_down", torch::nn::Conv2d(torch::nn::Conv2dOptions(ce, ce, 3).padding(1).stride(2)));
    norm2 = register_module("norm2", torch::nn::GroupNorm(torch::nn::GroupNormOptions(c.normGroups, ce)));
    conv_mid = register_module("conv_mid", torch::nn::Conv2d(torch::nn::Conv2dOptions(ce, ce, 3).padding(1)));
    proj = register_module("proj", torch::nn::Linear(ce, c.contextDim));
    role_embedding = register_module("role_embedding", torch::nn::Embedding(kReferenceRoles, c.contextDim));
    null_token = register_parameter("null_token", torch::randn({1, 1, c.contextDim}) * 0.02);
    torch::NoGradGuard noGrad;
    role_embedding->weight.mul_(0.02);
}

torch::Tensor ContextEncoderImpl::forward(const torch::Tensor& latentWithMask, ReferenceRole role)
{
    auto h = conv_in(latentWithMask);
    h = conv_down(torch::silu(norm1(h)));
    h = conv_mid(torch::silu(norm2(h)));
    h = F::adaptive_avg_pool2d(h, F::AdaptiveAvgPool2dFuncOptions({grid_, grid_}));
    const auto B = h.size(0), C = h.size(1);
    auto tokens = proj(h.view({B, C, grid_ * grid_}).transpose(1, 2));
    const auto roleIndex = torch::full({1}, static_cast<int>(role), torch::TensorOptions().dtype(torch::kLong).device(h.device()));
    return tokens + role_embedding(roleIndex).unsqueeze(0).to(tokens.dtype());
}

} // namespace durian::model
