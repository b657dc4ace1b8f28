// A model configuration file (`--model cfg.json`, the trainer's "model").
#include "FuzzInput.h"

#include "core/model/ModelConfig.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return durian::fuzz::expectCleanError([&] {
        durian::validateModelConfig(durian::parseModelConfig(durian::fuzz::text(data, size), "fuzz.json"), "fuzz.json");
    });
}
