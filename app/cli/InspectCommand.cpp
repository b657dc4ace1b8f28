#include "app/cli/CommandLine.h"
#include "core/io/Project.h"

#include <cstdio>

namespace durian::cli {

Command inspectCommand()
{
    return {"inspect", "inspect PROJECT", "Check a project file and list its portrait, references and motion",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {});
            if (arguments.positionals().size() != 1) {
                throw UsageError("expected one project file");
            }
            const Project project = loadProject(arguments.positionals().front());
            std::printf("project   %s\n", project.name.c_str());
            std::printf("portrait  %s\n", project.portraitImage.c_str());
            for (const auto& attribute : project.attributes) {
                std::printf("attribute %-10s strength %.2f  %s\n", toString(attribute.category).c_str(),
                    attribute.strength, attribute.image.c_str());
            }
            const auto& motion = project.motion;
            std::printf("motion    %s, %d frames at %g fps\n",
                motion.drivingVideo.empty() ? ("preset " + motion.preset).c_str() : motion.drivingVideo.c_str(),
                motion.frames, motion.fps);
            std::printf("render    %dx%d, %d steps, guidance %g, seed %llu\n", project.render.resolution,
                project.render.resolution, project.render.steps, project.render.guidance,
                static_cast<unsigned long long>(project.render.seed));
            const auto problems = findProjectProblems(project);
            for (const auto& problem : problems) {
                std::fprintf(stderr, "problem: %s\n", problem.c_str());
            }
            return problems.empty() ? kExitOk : kExitFailure;
        }};
}

} // namespace durian::cli
