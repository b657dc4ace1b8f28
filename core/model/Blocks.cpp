#include "core/model/Blocks.h"

#include <cmath>

namespace durian::model {

namespace F = torch::nn::functional;

torch::Tensor sinusoidalEmbedding(const torch::Tensor& positions, int dim)
{
    const int half = dim / 2;
    const auto exponent = torch::arange(half, torch::TensorOptions().dtype(torch::kFloat32).device(positions.device())) *
        (-std::log(10000.0) / half);
    const auto args = positions.to(torch::kFloat32).unsqueeze(1) * torch::exp(exponent).unsqueeze(0);
    auto emb = torch::cat({torch::cos(args), torch::sin(args)}, 1);
    if (dim % 2 == 1) {
        emb = F::pad(emb, F::PadFuncOptions({0, 1}));
    }
    return emb;
}

ResnetBlockImpl::ResnetBlockImpl(int in, int out, int timeDim, int groups, double eps)
{
    norm1 = register_module("norm1", torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, in).eps(eps)));
    conv1 = register_module("conv1", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(1)));
    if (timeDim > 0) {
        time_emb_proj = register_module("time_emb_proj", torch::nn::Linear(timeDim, out));
    }
    norm2 = register_module("norm2", torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, out).eps(eps)));
    conv2 = register_module("conv2", torch::nn::Conv2d(torch::nn::Conv2dOptions(out, out, 3).padding(1)));
    if (in != out) {
        conv_shortcut = register_module("conv_shortcut", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 1)));
    }
}

torch::Tensor ResnetBlockImpl::forward(const torch::Tensor& x, const torch::Tensor& temb)
{
    auto h = conv1(torch::silu(norm1(x)));
    if (time_emb_proj && temb.defined()) {
        h = h + time_emb_proj(torch::silu(temb)).unsqueeze(-1).unsqueeze(-1);
    }
    h = conv2(torch::silu(norm2(h)));
    return (conv_shortcut ? conv_shortcut(x) : x) + h;
}

DownsampleImpl::DownsampleImpl(int channels, bool vaeStyle) : vaeStyle_(vaeStyle)
{
    conv = register_module("conv",
        torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, channels, 3).stride(2).padding(vaeStyle ? 0 : 1)));
}

torch::Tensor DownsampleImpl::forward(const torch::Tensor& x)
{
    return conv(vaeStyle_ ? F::pad(x, F::PadFuncOptions({0, 1, 0, 1})) : x);
}

UpsampleImpl::UpsampleImpl(int channels)
{
    conv = register_module("conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(channels, channels, 3).padding(1)));
}

torch::Tensor UpsampleImpl::forward(const torch::Tensor& x)
{
    return conv(F::interpolate(x, F::InterpolateFuncOptions()
                                      .scale_factor(std::vector<double>{2.0, 2.0})
                                      .mode(torch::kNearest)));
}

FeedForwardImpl::FeedForwardImpl(int channels)
{
    // diffusers names: ff.net.0.proj and ff.net.2 (net.1 is a parameterless dropout).
    auto net = register_module("net", torch::nn::ModuleList());
    auto geglu = std::make_shared<torch::nn::Module>();
    proj = geglu->register_module("proj", torch::nn::Linear(channels, channels * 8));
    net->push_back(geglu);
    net->push_back(torch::nn::Dropout(0.0));
    out = torch::nn::Linear(channels * 4, channels);
    net->push_back(out);
}

torch::Tensor FeedForwardImpl::forward(const torch::Tensor& x)
{
    const auto parts = proj(x).chunk(2, -1);
    return out(parts[0] * torch::gelu(parts[1]));
}

TransformerBlockImpl::TransformerBlockImpl(int channels, int heads, int contextDim, long long chunkBudget, int layerIndex)
    : layerIndex_(layerIndex)
{
    norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({channels})));
    attn1 = register_module("attn1", Attention(channels, channels, heads, false, chunkBudget));
    norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({channels})));
    attn2 = register_module("attn2", Attention(channels, contextDim, heads, false, chunkBudget));
    norm3 = register_module("norm3", torch::nn::LayerNorm(torch::nn::LayerNormOptions({channels})));
    ff = register_module("ff", FeedForward(channels));
}

torch::Tensor TransformerBlockImpl::forward(const torch::Tensor& input, const UNetRun& run)
{
    auto x = input;
    const auto h = norm1(x);
    if (run.record) {
        run.record->push_back(h);
    }
    if (run.references) {
        const auto& refs = *run.references;
        AttentionGroups groups;
        auto layerOf = [&](const ReferenceFeatures* f) {
            return (f && layerIndex_ < static_cast<int>(f->layers.size())) ? f->layers[layerIndex_] : torch::Tensor();
        };
        groups.base = layerOf(refs.portrait);
        for (const auto* a : refs.attributes) {
            groups.attributes.push_back(layerOf(a));
        }
        groups.alternative = layerOf(refs.alternative);
        x = attn1->forward(h, groups, true, run.mix) + x;
    } else {
        x = attn1->forward(h) + x;
    }
    if (run.context.base.defined()) {
        x = attn2->forward(norm2(x), run.context, false, run.mix) + x;
    }
    return ff(norm3(x)) + x;
}

SpatialTransformerImpl::SpatialTransformerImpl(int channels, int heads, int contextDim, int groups, long long chunkBudget,
    int layerIndex)
{
    norm = register_module("norm", torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, channels).eps(1e-6)));
    proj_in = register_module("proj_in", torch::nn::Linear(channels, channels));
    transformer_blocks = register_module("transformer_blocks", torch::nn::ModuleList());
    transformer_blocks->push_back(TransformerBlock(channels, heads, contextDim, chunkBudget, layerIndex));
    proj_out = register_module("proj_out", torch::nn::Linear(channels, channels));
}

torch::Tensor SpatialTransformerImpl::forward(const torch::Tensor& x, const UNetRun& run)
{
    const auto B = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3);
    auto h = norm(x).permute({0, 2, 3, 1}).reshape({B, H * W, C});
    h = proj_in(h);
    h = transformer_blocks[0]->as<TransformerBlockImpl>()->forward(h, run);
    h = proj_out(h);
    return h.reshape({B, H, W, C}).permute({0, 3, 1, 2}) + x;
}

TemporalModuleImpl::TemporalModuleImpl(int channels, int heads, int groups, long long chunkBudget) : channels_(channels)
{
    norm = register_module("norm", torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, channels).eps(1e-6)));
    proj_in = register_module("proj_in", torch::nn::Linear(channels, channels));
    norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({channels})));
    attn1 = register_module("attn1", Attention(channels, channels, heads, false, chunkBudget));
    norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({channels})));
    ff = register_module("ff", FeedForward(channels));
    proj_out = register_module("proj_out", torch::nn::Linear(channels, channels));
    torch::NoGradGuard noGrad;
    proj_out->weight.zero_();
    proj_out->bias.zero_();
}

torch::Tensor TemporalModuleImpl::forward(const torch::Tensor& x, int frames)
{
    const auto BF = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3);
    const auto B = BF / frames;
    auto h = norm(x).view({B, frames, C, H, W}).permute({0, 3, 4, 1, 2}).reshape({B * H * W, frames, C});
    h = proj_in(h);
    const auto positions = torch::arange(frames, torch::TensorOptions().dtype(torch::kFloat32).device(x.device()));
    h = h + sinusoidalEmbedding(positions, channels_).to(h.dtype()).unsqueeze(0);
    h = attn1->forward(norm1(h)) + h;
    h = ff(norm2(h)) + h;
    h = proj_out(h);
    h = h.view({B, H, W, frames, C}).permute({0, 3, 4, 1, 2}).reshape({BF, C, H, W});
    return x + h;
}

} // namespace durian::model
