#pragma once

// Model-internal (includes torch): never include from app/.
#include "core/io/Safetensors.h"
#include "core/model/DurianModel.h"

#include <torch/torch.h>

#include <filesystem>
#include <string>
#include <vector>

namespace durian::model {

// Tensor <-> safetensors record (contiguous CPU copy; dtype converted to `dtype`).
TensorData toTensorData(const std::string& name, const torch::Tensor& tensor, TensorDType dtype);
torch::Tensor toTensor(const TensorData& data); // float32

// Every parameter and buffer of the model under its full name, written as `dtype`; the configuration
// goes into the metadata ("durian.config") so a file says what it fits.
void saveModelWeights(DurianModel& model, const std::filesystem::path& path, TensorDType dtype = TensorDType::F32);

// Strict load: every model tensor must be in the file with the model's shape, and nothing else may be.
// Throws durian::Error listing the missing, unexpected and mismatched tensors by name. With `only`, the
// same for the tensors whose names start with it (say "vae."); the rest of the model and file is left alone.
void loadModelWeights(DurianModel& model, const SafetensorsFile& file, const std::string& origin,
    const std::string& only = "");
void loadModelWeights(DurianModel& model, const std::filesystem::path& path, const std::string& only = "");

// The strict load of a model that has gained DNet input channels since the file was written (prior_masks):
// where the file's dnet.conv_in.weight has fewer input channels than the model's, its weights fill the
// leading ones and the rest start at zero, so the model computes what the file's did. A refiner the file
// lacks keeps its initial weights (its last layer is zero: the same predictions). Everything else is as
// strict as loadModelWeights. Returns the number of input channels added (0: none).
int loadModelWeightsGrowingInputs(DurianModel& model, const std::filesystem::path& path);

// What importing diffusers weights did.
struct ImportReport {
    int assigned = 0;                      // model tensors set from the files
    std::vector<std::string> keptInitial;  // model tensors the files do not provide (temporal, pose guider, ...)
};

// Imports a diffusers Stable Diffusion 1.5 UNet (into DNet, ARNet and PRNet; the reference nets' extra
// mask input channel starts at zero) and/or VAE (into the VAE; legacy query/key/value/proj_attn names and
// 1x1-conv attention weights are mapped). Either file may be empty. Names the file and tensor on any
// missing, unexpected or mismatched tensor (for example a config that is not sd15-sized).
ImportReport importDiffusersWeights(DurianModel& model, const SafetensorsFile* unet, const std::string& unetOrigin,
    const SafetensorsFile* vae, const std::string& vaeOrigin);

// The diffusers VAE name for one of our VAE names (our names are diffusers' modern ones); exposed for tests.
std::string legacyVaeAttentionName(const std::string& modernName);

} // namespace durian::model
