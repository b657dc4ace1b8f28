#include "core/model/Weights.h"

#include "core/util/Error.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <sstream>

namespace durian::model {

namespace {

torch::ScalarType torchType(TensorDType dtype)
{
    switch (dtype) {
    case TensorDType::F16: return torch::kFloat16;
    case TensorDType::BF16: return torch::kBFloat16;
    default: return torch::kFloat32;
    }
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) {
        s += (i ? ", " : "") + std::to_string(shape[i]);
    }
    return s + "]";
}

std::string shapeText(const torch::Tensor& t) { return shapeText(std::vector<std::int64_t>(t.sizes().begin(), t.sizes().end())); }

std::string listed(const std::vector<std::string>& names)
{
    std::string s;
    const std::size_t shown = std::min<std::size_t>(names.size(), 8);
    for (std::size_t i = 0; i < shown; ++i) {
        s += (i ? ", " : "") + names[i];
    }
    if (names.size() > shown) {
        s += " and " + std::to_string(names.size() - shown) + " more";
    }
    return s;
}

std::map<std::string, torch::Tensor> modelTensors(torch::nn::Module& model)
{
    std::map<std::string, torch::Tensor> out;
    for (const auto& p : model.named_parameters()) {
        out[p.key()] = p.value();
    }
    for (const auto& b : model.named_buffers()) {
        out[b.key()] = b.value();
    }
    return out;
}

struct Problems {
    std::vector<std::string> missing, unexpected, mismatched;
    void raise(const std::string& origin) const
    {
        if (missing.empty() && unexpected.empty() && mismatched.empty()) {
            return;
        }
        std::ostringstream out;
        out << origin << ": the weights do not fit this model";
        if (!missing.empty()) {
            out << "; " << missing.size() << " missing: " << listed(missing);
        }
        if (!unexpected.empty()) {
            out << "; " << unexpected.size() << " unexpected: " << listed(unexpected);
        }
        if (!mismatched.empty()) {
            out << "; " << mismatched.size() << " with the wrong shape: " << listed(mismatched);
        }
        throw Error(out.str());
    }
};

void assign(torch::Tensor& target, const torch::Tensor& value)
{
    torch::NoGradGuard noGrad;
    target.copy_(value.to(target.dtype()));
}

} // namespace

TensorData toTensorData(const std::string& name, const torch::Tensor& tensor, TensorDType dtype)
{
    const auto t = tensor.detach().to(torch::kCPU, torchType(dtype)).contiguous();
    auto bytes = std::make_shared<std::string>(static_cast<std::size_t>(t.numel()) * t.element_size(), '\0');
    if (!bytes->empty()) {
        std::memcpy(bytes->data(), t.data_ptr(), bytes->size());
    }
    TensorData d;
    d.name = name;
    d.dtype = dtype;
    d.shape.assign(t.sizes().begin(), t.sizes().end());
    d.size = bytes->size();
    d.storage = std::move(bytes);
    return d;
}

torch::Tensor toTensor(const TensorData& data)
{
    auto t = torch::empty(data.shape, torch::TensorOptions().dtype(torchType(data.dtype)));
    if (data.size) {
        std::memcpy(t.data_ptr(), data.data(), data.size); // copy: file offsets need not be aligned
    }
    return t.to(torch::kFloat32);
}

void saveModelWeights(DurianModel& model, const std::filesystem::path& path, TensorDType dtype)
{
    SafetensorsFile file;
    for (const auto& [name, tensor] : modelTensors(*model)) {
        file.tensors.push_back(toTensorData(name, tensor, dtype));
    }
    file.metadata["format"] = "pt";
    file.metadata["durian.config"] = modelConfigToJson(model->config());
    writeSafetensors(path, file);
}

void loadModelWeights(DurianModel& model, const SafetensorsFile& file, const std::string& origin, const std::string& only)
{
    auto within = [&](const std::string& name) { return name.rfind(only, 0) == 0; };
    auto tensors = modelTensors(*model);
    std::erase_if(tensors, [&](const auto& entry) { return !within(entry.first); });
    if (tensors.empty()) {
        throw Error(origin + ": the model has no tensors named " + only + "*");
    }
    Problems problems;
    std::set<std::string> seen;
    for (const auto& t : file.tensors) {
        if (!within(t.name)) {
            continue;
        }
        const auto it = tensors.find(t.name);
        if (it == tensors.end()) {
            problems.unexpected.push_back(t.name);
            continue;
        }
        seen.insert(t.name);
        if (t.shape != std::vector<std::int64_t>(it->second.sizes().begin(), it->second.sizes().end())) {
            problems.mismatched.push_back(t.name + " (file " + shapeText(t.shape) + ", model " + shapeText(it->second) + ")");
        }
    }
    for (const auto& [name, tensor] : tensors) {
        if (!seen.count(name)) {
            problems.missing.push_back(name);
        }
    }
    if (!problems.missing.empty() || !problems.mismatched.empty() || !problems.unexpected.empty()) {
        const auto config = file.metadata.find("durian.config");
        std::string hint = origin;
        if (config != file.metadata.end() && config->second != modelConfigToJson(model->config())) {
            hint += " (made for a different model configuration than '" + model->config().name + "')";
        }
        problems.raise(hint);
    }
    for (const auto& t : file.tensors) {
        if (within(t.name)) {
            const auto value = toTensor(t);
            // NaN or Inf anywhere renders black frames that look like a result: refuse them by name.
            if (value.is_floating_point() && !torch::isfinite(value).all().item<bool>()) {
                throw Error(origin + ": tensor '" + t.name + "' holds NaN or infinite values; the file is damaged");
            }
            assign(tensors[t.name], value);
        }
    }
}

void loadModelWeights(DurianModel& model, const std::filesystem::path& path, const std::string& only)
{
    loadModelWeights(model, readSafetensors(path), path.string(), only);
}

int loadModelWeightsGrowingInputs(DurianModel& model, const std::filesystem::path& path)
{
    auto file = readSafetensors(path);
    const std::string name = "dnet.conv_in.weight";
    const auto target = model->dnet->named_parameters()["conv_in.weight"]; // a copy: the dict is a temporary
    int added = 0;
    for (auto& t : file.tensors) {
        if (t.name != name || t.shape.size() != 4 || t.shape[1] >= target.size(1)) {
            continue;
        }
        const auto value = toTensor(t);
        if (value.size(0) != target.size(0) || value.size(2) != target.size(2) || value.size(3) != target.size(3)) {
            continue; // the strict load names the mismatch
        }
        auto grown = torch::zeros_like(target);
        grown.narrow(1, 0, value.size(1)).copy_(value);
        added = static_cast<int>(target.size(1) - value.size(1));
        t = toTensorData(name, grown, TensorDType::F32);
    }
    if (model->refiner) {
        std::set<std::string> present;
        for (const auto& t : file.tensors) {
            present.insert(t.name);
        }
        for (const auto& [tensorName, tensor] : modelTensors(*model)) {
            if (tensorName.rfind("refiner.", 0) == 0 && !present.count(tensorName)) {
                file.tensors.push_back(toTensorData(tensorName, tensor, TensorDType::F32));
            }
        }
    }
    loadModelWeights(model, file, path.string());
    return added;
}

std::string legacyVaeAttentionName(const std::string& modern)
{
    static const std::pair<const char*, const char*> pairs[] = {
        {".to_q.", ".query."}, {".to_k.", ".key."}, {".to_v.", ".value."}, {".to_out.0.", ".proj_attn."}};
    for (const auto& [from, to] : pairs) {
        const auto pos = modern.find(from);
        if (pos != std::string::npos) {
            return modern.substr(0, pos) + to + modern.substr(pos + std::strlen(from));
        }
    }
    return modern;
}

namespace {

// Whether a diffusers tensor of `shape` can fill `target`: same shape, a 1x1 conv weight [O,I,1,1] for our
// linear [O,I], or conv_in of a reference net, which has one more input channel (the mask, set to zero).
enum class Fit { No, Same, Conv1x1, ExtraInput };

Fit fitOf(const torch::Tensor& target, const std::vector<std::int64_t>& shape)
{
    const std::vector<std::int64_t> t(target.sizes().begin(), target.sizes().end());
    if (t == shape) {
        return Fit::Same;
    }
    if (shape.size() == 4 && t.size() == 2 && shape[2] == 1 && shape[3] == 1 && shape[0] == t[0] && shape[1] == t[1]) {
        return Fit::Conv1x1;
    }
    if (shape.size() == 4 && t.size() == 4 && shape[0] == t[0] && shape[1] + 1 == t[1] && shape[2] == t[2] && shape[3] == t[3]) {
        return Fit::ExtraInput;
    }
    return Fit::No;
}

void assignFitted(torch::Tensor& target, const torch::Tensor& value, Fit fit)
{
    torch::NoGradGuard noGrad;
    switch (fit) {
    case Fit::Conv1x1: target.copy_(value.view({value.size(0), value.size(1)}).to(target.dtype())); break;
    case Fit::ExtraInput:
        target.zero_();
        target.narrow(1, 0, value.size(1)).copy_(value.to(target.dtype()));
        break;
    default: target.copy_(value.to(target.dtype())); break;
    }
}

void importInto(std::map<std::string, torch::Tensor>& tensors, const std::vector<std::string>& prefixes,
    const SafetensorsFile& file, const std::string& origin, bool vae, std::set<std::string>& assigned)
{
    Problems problems;
    std::map<std::string, const TensorData*> byName;
    for (const auto& t : file.tensors) {
        byName[t.name] = &t;
    }
    auto lookup = [&](const std::string& ours) -> const TensorData* {
        if (auto it = byName.find(ours); it != byName.end()) {
            return it->second;
        }
        if (vae) {
            if (auto it = byName.find(legacyVaeAttentionName(ours)); it != byName.end()) {
                return it->second;
            }
        }
        return nullptr;
    };
    std::set<std::string> used;
    struct Step {
        torch::Tensor* target;
        const TensorData* data;
        Fit fit;
        std::string name;
    };
    std::vector<Step> plan; // checked completely before anything is assigned
    for (const auto& prefix : prefixes) {
        for (auto& [name, tensor] : tensors) {
            if (name.rfind(prefix, 0) != 0) {
                continue;
            }
            const std::string local = name.substr(prefix.size());
            if (local.find("motion_modules.") != std::string::npos) {
                continue; // ours only: temporal layers start as the identity
            }
            const TensorData* data = lookup(local);
            if (!data) {
                if (std::find(problems.missing.begin(), problems.missing.end(), local) == problems.missing.end()) {
                    problems.missing.push_back(local); // once, though DNet, ARNet and PRNet all need it
                }
                continue;
            }
            used.insert(data->name);
            const Fit fit = fitOf(tensor, data->shape);
            if (fit == Fit::No) {
                problems.mismatched.push_back(local + " (file " + shapeText(data->shape) + ", model " + shapeText(tensor) + ")");
                continue;
            }
            plan.push_back({&tensor, data, fit, name});
        }
    }
    for (const auto& t : file.tensors) {
        if (!used.count(t.name)) {
            problems.unexpected.push_back(t.name);
        }
    }
    problems.raise(origin);
    for (auto& step : plan) {
        assignFitted(*step.target, toTensor(*step.data), step.fit);
        assigned.insert(step.name);
    }
}

} // namespace

ImportReport importDiffusersWeights(DurianModel& model, const SafetensorsFile* unet, const std::string& unetOrigin,
    const SafetensorsFile* vae, const std::string& vaeOrigin)
{
    auto tensors = modelTensors(*model);
    std::set<std::string> assigned;
    if (unet) {
        importInto(tensors, {"dnet.", "arnet.", "prnet."}, *unet, unetOrigin, false, assigned);
    }
    if (vae) {
        importInto(tensors, {"vae."}, *vae, vaeOrigin, true, assigned);
    }
    ImportReport report;
    report.assigned = static_cast<int>(assigned.size());
    for (const auto& [name, tensor] : tensors) {
        if (!assigned.count(name)) {
            report.keptInitial.push_back(name);
        }
    }
    return report;
}

} // namespace durian::model
