// The sampler's names, plain C++ so that the request parser needs no LibTorch (the fuzz targets).
#include "core/pipeline/Pipeline.h"

namespace durian {

std::string toString(SamplerType sampler) { return sampler == SamplerType::Ddim ? "ddim" : "dpmpp2m"; }

std::optional<SamplerType> parseSamplerType(const std::string& text)
{
    if (text == "ddim") {
        return SamplerType::Ddim;
    }
    if (text == "dpmpp2m" || text == "dpm++2m" || text == "dpm-solver++") {
        return SamplerType::DpmSolver2M;
    }
    return std::nullopt;
}

} // namespace durian
