#include "app/cli/CommandLine.h"
#include "core/pipeline/Pipeline.h"

#include <cstdio>
#include <filesystem>
#include <memory>

namespace durian::cli {

Command packCommand()
{
    return {"pack", "pack WEIGHTS -o OUT [--model M] [--dtype bf16|f16|f32] [--vae-from WEIGHTS2]",
        "Write a model file for shipping: a trained model's weights (strictly checked) in a smaller type; "
        "--vae-from takes the autoencoder from another run (a decoder fine-tuned on the same encoder); the "
        "configuration is --model's, else the one the weights record",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {});
            if (arguments.positionals().size() != 1) {
                throw UsageError("expected one weights file");
            }
            const auto output = arguments.value("output");
            if (!output || output->empty()) {
                throw UsageError("the output file (-o OUT) is required");
            }
            const std::string dtypeName = arguments.valueOr("dtype", "bf16");
            TensorDType dtype = TensorDType::BF16;
            if (dtypeName == "f16") {
                dtype = TensorDType::F16;
            } else if (dtypeName == "f32") {
                dtype = TensorDType::F32;
            } else if (dtypeName != "bf16") {
                throw UsageError("--dtype must be bf16, f16 or f32");
            }
            const std::filesystem::path weights = arguments.positionals().front();
            GeneratorOptions options;
            std::unique_ptr<Generator> generator;
            if (const auto model = arguments.value("model")) {
                options.model = *model; // the output's configuration, whatever the weights were trained in
                generator = std::make_unique<Generator>(options);
                generator->loadWeights(weights); // a strict load: every tensor, right shapes
            } else {
                options.weights = weights; // in the configuration the weights record
                generator = std::make_unique<Generator>(options);
            }
            if (const auto vae = arguments.value("vae-from")) {
                generator->loadWeights(*vae, "vae.");
                std::printf("autoencoder from %s\n", vae->c_str());
            }
            generator->saveWeights(*output, dtype);
            std::printf("%s (%.1f MB) -> %s (%s, %.1f MB)\n", weights.c_str(), std::filesystem::file_size(weights) / 1e6,
                output->c_str(), dtypeName.c_str(), std::filesystem::file_size(*output) / 1e6);
            return kExitOk;
        }};
}

} // namespace durian::cli
