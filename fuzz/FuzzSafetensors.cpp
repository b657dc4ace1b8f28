// A weights file: the safetensors header, its tensors' bounds, and the model configuration in its
// durian.config metadata, read as `--weights` reads them before any tensor reaches LibTorch.
#include "FuzzInput.h"

#include "core/io/Safetensors.h"
#include "core/model/ModelConfig.h"

#include <memory>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return durian::fuzz::expectCleanError([&] {
        const auto file = durian::parseSafetensors(std::make_shared<const std::string>(durian::fuzz::text(data, size)), "fuzz.safetensors");
        const auto config = file.metadata.find("durian.config");
        if (config != file.metadata.end()) {
            durian::validateModelConfig(durian::parseModelConfig(config->second, "fuzz.safetensors"), "fuzz.safetensors");
        }
    });
}
