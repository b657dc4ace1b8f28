#include "app/cli/CommandLine.h"
#include "core/face/FaceAnalyzer.h"
#include "core/pipeline/Pipeline.h"
#include "core/pipeline/RequestFile.h"
#include "core/pipeline/ShippedModel.h"

#include <cstdio>
#include <filesystem>

#include <sys/resource.h>

namespace durian::cli {

namespace {

// A model that refines the classical prior pastes the references by their faces: find the faces the
// request file does not give. A still (one frame, no motion) keeps the portrait's own pose.
void completeLandmarks(GenerationRequest& request)
{
    FaceAnalyzer analyzer;
    const auto face = [&](const Image& image, const std::string& what) {
        const auto analysis = analyzer.analyze(image);
        if (!analysis.found()) {
            throw Error("no face found in the " + what + "; the model pastes references by their faces");
        }
        return analysis.faces.front().landmarks;
    };
    if (!request.portraitLandmarks) {
        request.portraitLandmarks = face(request.portrait, "portrait");
    }
    for (std::size_t i = 0; i < request.attributes.size(); ++i) {
        auto& a = request.attributes[i];
        if (!a.landmarks) {
            a.landmarks = face(a.image, "reference " + std::to_string(i + 1) + " (" + toString(a.category) + ")");
        }
    }
    if (request.interpolation && !request.interpolation->landmarks) {
        request.interpolation->landmarks = face(request.interpolation->image, "interpolation reference");
    }
    if (request.motion.empty() && request.frames == 1) {
        request.motion = {*request.portraitLandmarks};
    }
    if (request.motion.empty()) {
        throw Error("the request has " + std::to_string(request.frames) + " frames but no \"motion\" (a keypoint track "
            "from 'durian motion'); this model needs the frames' landmarks");
    }
}

} // namespace

Command generateCommand()
{
    return {"generate", "generate REQUEST.json -o DIR [--model M] [--weights F | --untrained] [--preview-dir D] [--quiet]",
        "Render a generation request (JSON) to PNG frames",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {"quiet", "untrained"});
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
            if (options.weights.empty() && !arguments.has("untrained")) {
                // An untrained network draws noise: never that by accident.
                const auto shipped = options.model == "default" ? shippedModelWeights() : std::nullopt;
                if (!shipped) {
                    throw UsageError("no weights for model '" + options.model + "': pass --weights FILE (or "
                        "--untrained for random weights)");
                }
                options.weights = *shipped;
            }
            Generator generator(options);
            if (generator.config().prior) {
                completeLandmarks(file.request);
            }
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
            // Each frame is written as it is made: a long clip never sits in memory.
            std::filesystem::create_directories(*out);
            int written = 0, width = 0, height = 0;
            callbacks.frame = [&](int index, Image frame) {
                char name[32];
                std::snprintf(name, sizeof name, "frame_%04d.png", index);
                saveImage(frame, std::filesystem::path(*out) / name);
                ++written;
                width = frame.width;
                height = frame.height;
            };
            const auto result = generator.generate(file.request, callbacks);
            if (!quiet) {
                rusage usage{};
                ::getrusage(RUSAGE_SELF, &usage); // kilobytes on Linux
                std::printf("wrote %d frames (%dx%d) to %s in %.2f s, peak memory %ld MB\n", written, width, height,
                    out->c_str(), result.seconds, usage.ru_maxrss / 1024);
            }
            return kExitOk;
        }};
}

} // namespace durian::cli
