#include "core/train/AdamW.h"

#include <cmath>

namespace durian {

void adamwStep(torch::Tensor& param, const torch::Tensor& grad, torch::Tensor& m, torch::Tensor& v, int t, double lr,
    const AdamWSettings& s)
{
    torch::NoGradGuard noGrad;
    const double c1 = 1.0 - std::pow(s.beta1, t), c2 = 1.0 - std::pow(s.beta2, t);
    param.mul_(1.0 - lr * s.weightDecay);
    m.mul_(s.beta1).add_(grad, 1.0 - s.beta1);
    v.mul_(s.beta2).addcmul_(grad, grad, 1.0 - s.beta2);
    const auto denom = (v / c2).sqrt_().add_(s.epsilon);
    param.addcdiv_(m, denom, -lr / c1);
}

} // namespace durian
