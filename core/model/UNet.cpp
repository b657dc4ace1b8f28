#include "core/model/UNet.h"

namespace durian::model {

UNetImpl::Level UNetImpl::makeLevel(const std::string& name)
{
    // Each level is a module of its own so parameter names read down_blocks.i.resnets.j...
    auto holder = std::make_shared<torch::nn::Module>();
    Level level;
    level.resnets = holder->register_module("resnets", torch::nn::ModuleList());
    level.attentions = holder->register_module("attentions", torch::nn::ModuleList());
    level.motion_modules = holder->register_module("motion_modules", torch::nn::ModuleList());
    level.samplers = torch::nn::ModuleList();
    level.holder = holder;
    const auto dot = name.find('.');
    if (dot == std::string::npos) {
        register_module(name, holder);
    } else {
        auto parent = named_children()[name.substr(0, dot)];
        parent->as<torch::nn::ModuleList>()->push_back(holder);
    }
    return level;
}

UNetImpl::UNetImpl(const ModelConfig& c, int inChannels, bool temporal)
{
    const auto& ch = c.blockChannels;
    const int levels = static_cast<int>(ch.size());
    const int g = c.normGroups;
    const double eps = 1e-5;
    timeChannels_ = ch[0];
    const int temb = ch[0] * 4;
    const auto budget = c.attentionChunkElements;

    conv_in = register_module("conv_in", torch::nn::Conv2d(torch::nn::Conv2dOptions(inChannels, ch[0], 3).padding(1)));
    auto timeEmbedding = register_module("time_embedding", std::make_shared<torch::nn::Module>());
    linear_1 = timeEmbedding->register_module("linear_1", torch::nn::Linear(ch[0], temb));
    linear_2 = timeEmbedding->register_module("linear_2", torch::nn::Linear(temb, temb));

    auto addLayer = [&](Level& level, int in, int out, bool attention) {
        level.resnets->push_back(ResnetBlock(in, out, temb, g, eps));
        if (attention) {
            level.attentions->push_back(SpatialTransformer(out, c.heads, c.contextDim, g, budget, attentionLayers_++));
        }
        if (temporal) {
            level.motion_modules->push_back(TemporalModule(out, c.temporalHeads, g, budget));
        }
    };

    register_module("down_blocks", torch::nn::ModuleList());
    int out = ch[0];
    for (int i = 0; i < levels; ++i) {
        const int in = out;
        out = ch[i];
        Level level = makeLevel("down_blocks." + std::to_string(i));
        for (int j = 0; j < c.layersPerBlock; ++j) {
            addLayer(level, j == 0 ? in : out, out, c.attentionLevels[i]);
        }
        if (i != levels - 1) {
            level.samplers->push_back(Downsample(out, false));
            level.holder->register_module("downsamplers", level.samplers);
        }
        down_.push_back(level);
    }

    mid_ = makeLevel("mid_block");
    const int last = ch.back();
    mid_.resnets->push_back(ResnetBlock(last, last, temb, g, eps));
    mid_.attentions->push_back(SpatialTransformer(last, c.heads, c.contextDim, g, budget, attentionLayers_++));
    mid_.resnets->push_back(ResnetBlock(last, last, temb, g, eps));
    if (temporal) {
        mid_.motion_modules->push_back(TemporalModule(last, c.temporalHeads, g, budget));
    }

    register_module("up_blocks", torch::nn::ModuleList());
    std::vector<int> rev(ch.rbegin(), ch.rend());
    out = rev[0];
    for (int i = 0; i < levels; ++i) {
        const int prev = out;
        out = rev[i];
        const int in = rev[std::min(i + 1, levels - 1)];
        Level level = makeLevel("up_blocks." + std::to_string(i));
        const int layers = c.layersPerBlock + 1;
        for (int j = 0; j < layers; ++j) {
            const int skip = (j == layers - 1) ? in : out;
            const int resIn = (j == 0) ? prev : out;
            addLayer(level, resIn + skip, out, c.attentionLevels[levels - 1 - i]);
        }
        if (i != levels - 1) {
            level.samplers->push_back(Upsample(out));
            level.holder->register_module("upsamplers", level.samplers);
        }
        up_.push_back(level);
    }

    conv_norm_out = register_module("conv_norm_out", torch::nn::GroupNorm(torch::nn::GroupNormOptions(g, ch[0]).eps(eps)));
    conv_out = register_module("conv_out", torch::nn::Conv2d(torch::nn::Conv2dOptions(ch[0], c.latentChannels, 3).padding(1)));
}

torch::Tensor UNetImpl::runLayer(Level& level, std::size_t j, torch::Tensor h, const torch::Tensor& temb,
    const UNetRun& run)
{
    h = level.resnets[j]->as<ResnetBlockImpl>()->forward(h, temb);
    if (j < level.attentions->size()) {
        h = level.attentions[j]->as<SpatialTransformerImpl>()->forward(h, run);
    }
    if (j < level.motion_modules->size()) {
        h = level.motion_modules[j]->as<TemporalModuleImpl>()->forward(h, run.frames);
    }
    return h;
}

torch::Tensor UNetImpl::forward(const torch::Tensor& x, const torch::Tensor& timesteps, const UNetRun& run,
    const torch::Tensor& addAfterConvIn)
{
    auto temb = sinusoidalEmbedding(timesteps.reshape({-1}), timeChannels_).to(x.dtype());
    if (temb.size(0) == 1 && x.size(0) > 1) {
        temb = temb.expand({x.size(0), temb.size(1)});
    }
    temb = linear_2(torch::silu(linear_1(temb)));

    auto h = conv_in(x);
    if (addAfterConvIn.defined()) {
        h = h + addAfterConvIn;
    }
    std::vector<torch::Tensor> skips{h};
    for (auto& level : down_) {
        for (std::size_t j = 0; j < level.resnets->size(); ++j) {
            h = runLayer(level, j, h, temb, run);
            skips.push_back(h);
        }
        if (!level.samplers->is_empty()) {
            h = level.samplers[0]->as<DownsampleImpl>()->forward(h);
            skips.push_back(h);
        }
    }
    h = mid_.resnets[0]->as<ResnetBlockImpl>()->forward(h, temb);
    h = mid_.attentions[0]->as<SpatialTransformerImpl>()->forward(h, run);
    h = mid_.resnets[1]->as<ResnetBlockImpl>()->forward(h, temb);
    if (!mid_.motion_modules->is_empty()) {
        h = mid_.motion_modules[0]->as<TemporalModuleImpl>()->forward(h, run.frames);
    }
    for (auto& level : up_) {
        for (std::size_t j = 0; j < level.resnets->size(); ++j) {
            h = torch::cat({h, skips.back()}, 1);
            skips.pop_back();
            h = runLayer(level, j, h, temb, run);
        }
        if (!level.samplers->is_empty()) {
            h = level.samplers[0]->as<UpsampleImpl>()->forward(h);
        }
    }
    return conv_out(torch::silu(conv_norm_out(h)));
}

} // namespace durian::model
