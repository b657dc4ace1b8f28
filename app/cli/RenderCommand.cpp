#include "app/cli/CommandLine.h"
#include "core/io/Project.h"
#include "core/render/ProjectRender.h"

#include <cstdio>
#include <unistd.h>

namespace durian::cli {

Command renderCommand()
{
    return {"render",
        "render PROJECT -o OUTPUT [--fps N] [--quality high|medium|low] [--size PIXELS] [--no-audio] "
        "[--weights FILE | --classical] [--quiet]",
        "Render a project's animation to a video (.mp4, .webm, .gif) or a folder of PNG frames",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {"quiet", "no-audio", "classical"});
            if (arguments.positionals().size() != 1) {
                throw UsageError("expected one project file");
            }
            const auto output = arguments.value("output");
            if (!output) {
                throw UsageError("the output file (-o OUTPUT) is required");
            }
            // The Export dialog's settings; left out, the project's own frame rate and resolution.
            ExportOptions exportOptions;
            exportOptions.fps = arguments.numberOr("fps", 0);
            if (exportOptions.fps != 0 && !(exportOptions.fps >= 1 && exportOptions.fps <= 240)) {
                throw UsageError("--fps must be between 1 and 240");
            }
            const std::string quality = arguments.valueOr("quality", "high");
            const auto parsedQuality = parseExportQuality(quality);
            if (!parsedQuality) {
                throw UsageError("--quality must be high, medium or low, not '" + quality + "'");
            }
            exportOptions.quality = *parsedQuality;
            exportOptions.size = arguments.value("size") ? arguments.integerOr("size", 0, 16, 4096) : 0;
            exportOptions.audio = !arguments.has("no-audio");
            // The model: a weights file, else the shipped default; --classical: the warp-and-composite method.
            exportOptions.modelWeights = arguments.valueOr("weights", "");
            exportOptions.classical = arguments.has("classical");
            if (exportOptions.classical && !exportOptions.modelWeights.empty()) {
                throw UsageError("--weights and --classical exclude each other");
            }
            const Project project = loadProject(arguments.positionals().front());
            ProjectRenderCallbacks callbacks;
            callbacks.stop = stopOnInterrupt();
            if (!arguments.has("quiet") && ::isatty(STDERR_FILENO)) { // a progress line is for a person watching
                callbacks.progress = [](const std::string& stage, int done, int total) {
                    std::fprintf(stderr, "\r%-10s %d/%d %s", stage.c_str(), done, total,
                        stage == "generating" ? "steps " : "frames");
                    if (stage == "encoding") {
                        std::fprintf(stderr, "\n");
                    }
                };
            }
            const auto result = renderProjectVideo(project, *output, exportOptions, callbacks);
            std::printf("method    %s\n", result.method.c_str());
            std::printf("frames    %d at %dx%d, %g fps\n", result.frames, result.width, result.height,
                exportOptions.fps > 0 ? exportOptions.fps : project.motion.fps);
            std::printf("%s\n", result.output.c_str());
            return kExitOk;
        }};
}

} // namespace durian::cli
