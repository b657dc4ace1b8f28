#pragma once

// Model-internal (includes torch): never include from app/.
#include <torch/torch.h>

namespace durian::model {

// A small network at full resolution after the denoiser of a pixel-unshuffle model. The denoiser reads and
// writes each 8x8 block through 32 channels, so a seam, an edge or a pale line inside a block is out of
// its reach; the refiner reads the frame the denoiser made beside the prior's own pixels and adds a
// residual. Its last layer starts at zero, so a model grown with it predicts what it did before.
// Dilations 1, 2, 4, 1: a 17-pixel window at four convolutions' cost.
class RefinerImpl : public torch::nn::Module {
public:
    RefinerImpl(int contextChannels, int channels);
    // frames [N,3,H,W] in [-1,1] and their context [N,contextChannels,H,W] -> refined frames [N,3,H,W].
    torch::Tensor forward(const torch::Tensor& frames, const torch::Tensor& context);

private:
    torch::nn::Conv2d conv_in{nullptr}, conv_mid1{nullptr}, conv_mid2{nullptr}, conv_out{nullptr};
};
TORCH_MODULE(Refiner);

} // namespace durian::model
