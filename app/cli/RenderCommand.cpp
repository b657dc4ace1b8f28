#include "app/cli/CommandLine.h"
#include "core/io/Project.h"
#include "core/render/ProjectRender.h"

#include <cstdio>
#include <unistd.h>

namespace durian::cli {

Command renderCommand()
{
    return {"render", "render PROJECT -o OUTPUT [--quiet]",
        "Render a project's animation to a video (.mp4, .webm, .gif) or a folder of PNG frames",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {"quiet"});
            if (arguments.positionals().size() != 1) {
                throw UsageError("expected one project file");
            }
            const auto output = arguments.value("output");
            if (!output) {
                throw UsageError("the output file (-o OUTPUT) is required");
            }
            const Project project = loadProject(arguments.positionals().front());
            ProjectRenderCallbacks callbacks;
            callbacks.cancel = cancelOnInterrupt();
            if (!arguments.has("quiet") && ::isatty(STDERR_FILENO)) { // a progress line is for a person watching
                callbacks.progress = [](const std::string& stage, int done, int total) {
                    std::fprintf(stderr, "\r%-10s %d/%d frames", stage.c_str(), done, total);
                    if (stage == "encoding") {
                        std::fprintf(stderr, "\n");
                    }
                };
            }
            try {
                const auto result = renderProjectVideo(project, *output, callbacks);
                std::printf("method    %s\n", result.method.c_str());
                std::printf("frames    %d at %dx%d, %g fps\n", result.frames, result.width, result.height,
                    project.motion.fps);
                std::printf("%s\n", result.output.c_str());
            } catch (const RenderCancelled&) {
                std::fprintf(stderr, "\ndurian render: cancelled; nothing was written\n");
                return 130;
            }
            return kExitOk;
        }};
}

} // namespace durian::cli
