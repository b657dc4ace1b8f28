#include "core/model/Refiner.h"

namespace durian::model {

namespace {

torch::nn::Conv2d conv3x3(int in, int out, int dilation)
{
    return torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 3).padding(dilation).dilation(dilation));
}

} // namespace

RefinerImpl::RefinerImpl(int contextChannels, int channels)
{
    conv_in = register_module("conv_in", conv3x3(3 + contextChannels, channels, 1));
    conv_mid1 = register_module("conv_mid1", conv3x3(channels, channels, 2));
    conv_mid2 = register_module("conv_mid2", conv3x3(channels, channels, 4));
    conv_out = register_module("conv_out", conv3x3(channels, 3, 1));
    torch::NoGradGuard noGrad;
    conv_out->weight.zero_();
    conv_out->bias.zero_();
}

torch::Tensor RefinerImpl::forward(const torch::Tensor& frames, const torch::Tensor& context)
{
    auto h = torch::silu(conv_in(torch::cat({frames, context.to(frames.dtype())}, 1)));
    h = h + torch::silu(conv_mid1(h));
    h = h + torch::silu(conv_mid2(h));
    return frames + conv_out(h);
}

} // namespace durian::model
