#pragma once

// Pipeline-internal (includes torch): never include from app/.
#include "core/io/Image.h"
#include "core/model/DurianModel.h"

#include <torch/torch.h>

namespace durian::pipeline {

// RGB (or gray/RGBA) image -> [1,3,size,size] in [-1,1]; area averaging when shrinking, bilinear otherwise.
torch::Tensor imageToTensor(const Image& image, int size);
// Mask image (any channel count; mean of channels) -> [1,1,size,size] in [0,1]; empty -> `fill`.
torch::Tensor maskToTensor(const Image& mask, int size, float fill);
// [3,H,W] in [-1,1] -> 8-bit RGB.
Image tensorToImage(const torch::Tensor& chw);

// Least-squares linear map [latent, 1] -> RGB fitted on smooth random colour fields through this model's
// VAE (so it fits any weights); [L+1, 3].
torch::Tensor fitLatentPreviewProjection(model::DurianModel& model);
// [L,h,w] latent -> h x w RGB preview.
Image projectLatentPreview(const torch::Tensor& latent, const torch::Tensor& projection);

} // namespace durian::pipeline
