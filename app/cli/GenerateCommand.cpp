#include "app/cli/CommandLine.h"
#include "core/pipeline/Pipeline.h"
#include "core/pipeline/RequestFile.h"

#include <cstdio>
#include <filesystem>

namespace durian::cli {

Command generateCommand()
{
    return {"generate", "generate REQUEST.json -o DIR [--model M] [--weights F] [--preview-dir D] [--quiet]",
        "Render a generation request (JSON) to PNG frames",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {"quiet"});
            if (arguments.positionals().size() != 1) {
                throw UsageError("expected one request file");
            }
            const auto out = arguments.value("output");
            if (!out) {
                throw UsageError("missing -o/--output DIR (where the frames go)");
            }
            auto file = loadRequestFile(arguments.positionals().front());
            GeneratorOptions options;
            options.model = arguments.valueOr("model", file.model);
            options.weights = arguments.valueOr("weights", file.weights.string());
            Generator generator(options);
            const bool quiet = arguments.has("quiet");
            const auto previewDir = arguments.value("preview-dir");
            GenerationCallbacks callbacks;
            callbacks.progress = [&](int step, int total) {
                if (!quiet) {
                    std::fprintf(stderr, "\rstep %d/%d", step, total);
                    if (step == total) {
                        std::fprintf(stderr, "\n");
                    }
                }
            };
            if (previewDir) {
                std::filesystem::create_directories(*previewDir);
                callbacks.preview = [&](const Image& preview, int step, int) {
                    char name[32];
                    std::snprintf(name, sizeof name, "preview_%04d.png", step);
                    saveImage(preview, std::filesystem::path(*previewDir) / name);
                };
            }
            const auto result = generator.generate(file.request, callbacks);
            std::filesystem::create_directories(*out);
            for (std::size_t i = 0; i < result.frames.size(); ++i) {
                char name[32];
                std::snprintf(name, sizeof name, "frame_%04zu.png", i);
                saveImage(result.frames[i], std::filesystem::path(*out) / name);
            }
            if (!quiet) {
                std::printf("wrote %zu frames (%dx%d) to %s in %.2f s\n", result.frames.size(), result.frames[0].width,
                    result.frames[0].height, out->c_str(), result.seconds);
            }
            return kExitOk;
        }};
}

} // namespace durian::cli
