#pragma once

// Model-internal (includes torch): never include from app/.
#include <torch/torch.h>

namespace durian {

struct AdamWSettings {
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8, weightDecay = 0.01;
};

// One AdamW step (decoupled weight decay, bias-corrected: Loshchilov and Hutter; torch.optim.AdamW's
// arithmetic) for one parameter, in place: `m` and `v` are its moments, `t` the 1-based step number.
// The trainer keeps the moments itself so that checkpoints hold them by parameter name.
void adamwStep(torch::Tensor& param, const torch::Tensor& grad, torch::Tensor& m, torch::Tensor& v, int t, double lr,
    const AdamWSettings& settings);

} // namespace durian
