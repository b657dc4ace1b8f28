#include "core/pipeline/TensorImage.h"

#include "core/diffusion/Scheduler.h"

#include <cstring>

namespace durian::pipeline {

namespace F = torch::nn::functional;

namespace {

torch::Tensor resize(const torch::Tensor& nchw, int size)
{
    if (nchw.size(2) == size && nchw.size(3) == size) {
        return nchw;
    }
    if (nchw.size(2) >= size && nchw.size(3) >= size) {
        return F::adaptive_avg_pool2d(nchw, F::AdaptiveAvgPool2dFuncOptions({size, size}));
    }
    return F::interpolate(nchw, F::InterpolateFuncOptions()
                                    .size(std::vector<std::int64_t>{size, size})
                                    .mode(torch::kBilinear)
                                    .align_corners(false));
}

torch::Tensor bytesToFloat(const Image& image)
{
    auto t = torch::from_blob(const_cast<std::uint8_t*>(image.pixels.data()), {image.height, image.width, image.channels},
        torch::kUInt8);
    return t.permute({2, 0, 1}).unsqueeze(0).to(torch::kFloat32) / 255.0;
}

} // namespace

torch::Tensor imageToTensor(const Image& image, int size)
{
    auto t = bytesToFloat(image);
    if (image.channels == 1) {
        t = t.expand({1, 3, image.height, image.width});
    } else if (image.channels == 4) {
        t = t.narrow(1, 0, 3);
    }
    return resize(t.contiguous(), size) * 2.0 - 1.0;
}

torch::Tensor maskToTensor(const Image& mask, int size, float fill)
{
    if (mask.empty()) {
        return torch::full({1, 1, size, size}, fill);
    }
    const auto t = bytesToFloat(mask).mean(1, true);
    return resize(t, size).clamp(0.0, 1.0);
}

Image tensorToImage(const torch::Tensor& chw)
{
    const auto t = ((chw.detach().to(torch::kFloat32).clamp(-1.0, 1.0) + 1.0) * 127.5).round().to(torch::kUInt8)
                       .permute({1, 2, 0})
                       .contiguous();
    Image image(static_cast<int>(t.size(1)), static_cast<int>(t.size(0)), 3);
    std::memcpy(image.pixels.data(), t.data_ptr(), image.pixels.size());
    return image;
}

torch::Tensor fitLatentPreviewProjection(model::DurianModel& model)
{
    torch::NoGradGuard noGrad;
    const int factor = model->config().vaeFactor();
    const int size = 8 * factor;
    // Smooth random colour fields and flat colours: what portraits look like at latent resolution.
    const auto coarse = diffusion::seededNoise({8, 3, 4, 4}, 12345).tanh();
    auto images = F::interpolate(coarse, F::InterpolateFuncOptions()
                                            .size(std::vector<std::int64_t>{size, size})
                                            .mode(torch::kBilinear)
                                            .align_corners(false));
    const auto dtype = model->dnet->parameters().front().scalar_type(); // a pixel unshuffle has no parameters
    const auto latents = model->vae->encode(images.to(dtype)).to(torch::kFloat32);
    const auto targets = F::avg_pool2d(images, F::AvgPool2dFuncOptions(factor));
    const auto L = latents.size(1);
    auto x = latents.permute({0, 2, 3, 1}).reshape({-1, L});
    x = torch::cat({x, torch::ones({x.size(0), 1})}, 1);
    const auto y = targets.permute({0, 2, 3, 1}).reshape({-1, 3});
    const auto gram = x.t().matmul(x) + 1e-4 * torch::eye(L + 1);
    return torch::inverse(gram).matmul(x.t().matmul(y));
}

Image projectLatentPreview(const torch::Tensor& latent, const torch::Tensor& projection)
{
    const auto L = latent.size(0), h = latent.size(1), w = latent.size(2);
    auto x = latent.to(torch::kFloat32).reshape({L, h * w}).t();
    x = torch::cat({x, torch::ones({h * w, 1})}, 1);
    const auto rgb = x.matmul(projection).t().reshape({3, h, w});
    return tensorToImage(rgb);
}

} // namespace durian::pipeline
