#include "core/model/Vae.h"

namespace durian::model {

VaeAttentionImpl::VaeAttentionImpl(int channels, int groups, long long chunkBudget) : budget_(chunkBudget)
{
    group_norm = register_module("group_norm", torch::nn::GroupNorm(torch::nn::GroupNormOptions(groups, channels).eps(1e-6)));
    to_q = register_module("to_q", torch::nn::Linear(channels, channels));
    to_k = register_module("to_k", torch::nn::Linear(channels, channels));
    to_v = register_module("to_v", torch::nn::Linear(channels, channels));
    to_out = register_module("to_out", torch::nn::ModuleList());
    to_out->push_back(torch::nn::Linear(channels, channels));
}

torch::Tensor VaeAttentionImpl::forward(const torch::Tensor& x)
{
    const auto B = x.size(0), C = x.size(1), H = x.size(2), W = x.size(3);
    const auto h = group_norm(x).view({B, C, H * W}).transpose(1, 2);
    const auto q = to_q(h).unsqueeze(1), k = to_k(h).unsqueeze(1), v = to_v(h).unsqueeze(1);
    auto o = chunkedAttention(q, k, v, budget_).squeeze(1);
    o = to_out[0]->as<torch::nn::Linear>()->forward(o);
    return x + o.transpose(1, 2).reshape({B, C, H, W});
}

namespace {

std::shared_ptr<torch::nn::Module> child(torch::nn::Module& parent, const std::string& name)
{
    return parent.register_module(name, std::make_shared<torch::nn::Module>());
}

} // namespace

VaeImpl::VaeImpl(const ModelConfig& c) : scale_(c.latentScale), unshuffle_(c.pixelUnshuffle)
{
    if (unshuffle_ > 0) {
        return; // a lossless pixel unshuffle: nothing to learn
    }
    const auto& ch = c.vaeChannels;
    const int levels = static_cast<int>(ch.size());
    const int g = c.vaeGroups();
    const double eps = 1e-6;
    const int L = c.latentChannels;
    const auto budget = c.attentionChunkElements;

    // Encoder.
    encoder_ = register_module("encoder", std::make_shared<torch::nn::Module>());
    enc_conv_in = encoder_->register_module("conv_in", torch::nn::Conv2d(torch::nn::Conv2dOptions(c.imageChannels, ch[0], 3).padding(1)));
    auto encDown = encoder_->register_module("down_blocks", torch::nn::ModuleList());
    int out = ch[0];
    for (int i = 0; i < levels; ++i) {
        const int in = out;
        out = ch[i];
        auto block = std::make_shared<torch::nn::Module>();
        encDown->push_back(block);
        auto resnets = block->register_module("resnets", torch::nn::ModuleList());
        std::vector<ResnetBlock> list;
        for (int j = 0; j < c.vaeLayersPerBlock; ++j) {
            list.push_back(ResnetBlock(j == 0 ? in : out, out, 0, g, eps));
            resnets->push_back(list.back());
        }
        encResnets_.push_back(list);
        if (i != levels - 1) {
            auto samplers = block->register_module("downsamplers", torch::nn::ModuleList());
            downsamplers_.push_back(Downsample(out, true));
            samplers->push_back(downsamplers_.back());
        }
    }
    auto midBlock = [&](torch::nn::Module& parent, std::vector<ResnetBlock>& resnets, VaeAttention& attention) {
        auto mid = child(parent, "mid_block");
        auto list = mid->register_module("resnets", torch::nn::ModuleList());
        const int last = ch.back();
        for (int k = 0; k < 2; ++k) {
            resnets.push_back(ResnetBlock(last, last, 0, g, eps));
            list->push_back(resnets.back());
        }
        if (c.vaeMidAttention) {
            auto attentions = mid->register_module("attentions", torch::nn::ModuleList());
            attention = VaeAttention(last, g, budget);
            attentions->push_back(attention);
        }
    };
    midBlock(*encoder_, encMid_, encMidAttention_);
    enc_norm_out = encoder_->register_module("conv_norm_out", torch::nn::GroupNorm(torch::nn::GroupNormOptions(g, ch.back()).eps(eps)));
    enc_conv_out = encoder_->register_module("conv_out", torch::nn::Conv2d(torch::nn::Conv2dOptions(ch.back(), 2 * L, 3).padding(1)));
    quant_conv = register_module("quant_conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(2 * L, 2 * L, 1)));

    // Decoder.
    post_quant_conv = register_module("post_quant_conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(L, L, 1)));
    decoder_ = register_module("decoder", std::make_shared<torch::nn::Module>());
    dec_conv_in = decoder_->register_module("conv_in", torch::nn::Conv2d(torch::nn::Conv2dOptions(L, ch.back(), 3).padding(1)));
    midBlock(*decoder_, decMid_, decMidAttention_);
    auto decUp = decoder_->register_module("up_blocks", torch::nn::ModuleList());
    std::vector<int> rev(ch.rbegin(), ch.rend());
    out = rev[0];
    for (int i = 0; i < levels; ++i) {
        const int prev = out;
        out = rev[i];
        auto block = std::make_shared<torch::nn::Module>();
        decUp->push_back(block);
        auto resnets = block->register_module("resnets", torch::nn::ModuleList());
        std::vector<ResnetBlock> list;
        for (int j = 0; j < c.vaeLayersPerBlock + 1; ++j) {
            list.push_back(ResnetBlock(j == 0 ? prev : out, out, 0, g, eps));
            resnets->push_back(list.back());
        }
        decResnets_.push_back(list);
        if (i != levels - 1) {
            auto samplers = block->register_module("upsamplers", torch::nn::ModuleList());
            upsamplers_.push_back(Upsample(out));
            samplers->push_back(upsamplers_.back());
        }
    }
    dec_norm_out = decoder_->register_module("conv_norm_out", torch::nn::GroupNorm(torch::nn::GroupNormOptions(g, ch[0]).eps(eps)));
    dec_conv_out = decoder_->register_module("conv_out", torch::nn::Conv2d(torch::nn::Conv2dOptions(ch[0], c.imageChannels, 3).padding(1)));
}

std::pair<torch::Tensor, torch::Tensor> VaeImpl::encodeMoments(const torch::Tensor& images)
{
    if (unshuffle_ > 0) {
        const auto mean = torch::pixel_unshuffle(images, unshuffle_);
        return {mean, torch::full_like(mean, -30.0)};
    }
    auto h = enc_conv_in(images);
    for (std::size_t i = 0; i < encResnets_.size(); ++i) {
        for (auto& r : encResnets_[i]) {
            h = r->forward(h);
        }
        if (i < downsamplers_.size()) {
            h = downsamplers_[i]->forward(h);
        }
    }
    h = encMid_[0]->forward(h);
    if (encMidAttention_) {
        h = encMidAttention_->forward(h);
    }
    h = encMid_[1]->forward(h);
    h = quant_conv(enc_conv_out(torch::silu(enc_norm_out(h))));
    const auto parts = h.chunk(2, 1);
    return {parts[0], torch::clamp(parts[1], -30.0, 20.0)};
}

torch::Tensor VaeImpl::encode(const torch::Tensor& images)
{
    return encodeMoments(images).first * scale_;
}

torch::Tensor VaeImpl::decode(const torch::Tensor& latents)
{
    if (unshuffle_ > 0) {
        return torch::pixel_shuffle(latents / scale_, unshuffle_);
    }
    auto h = dec_conv_in(post_quant_conv(latents / scale_));
    h = decMid_[0]->forward(h);
    if (decMidAttention_) {
        h = decMidAttention_->forward(h);
    }
    h = decMid_[1]->forward(h);
    for (std::size_t i = 0; i < decResnets_.size(); ++i) {
        for (auto& r : decResnets_[i]) {
            h = r->forward(h);
        }
        if (i < upsamplers_.size()) {
            h = upsamplers_[i]->forward(h);
        }
    }
    return dec_conv_out(torch::silu(dec_norm_out(h)));
}

} // namespace durian::model
