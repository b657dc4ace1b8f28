#include "app/cli/CommandLine.h"
#include "core/train/Trainer.h"

#include <cstdio>

namespace durian::cli {

namespace {

std::string duration(double seconds)
{
    const long s = static_cast<long>(seconds + 0.5);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    return buf;
}

} // namespace

Command trainCommand()
{
    return {"train", "train CONFIG.json [--resume CHECKPOINT] [--init WEIGHTS] -o RUN_DIR",
        "Train a stage of the model on self-reconstruction samples of the portrait world",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {});
            if (arguments.positionals().size() != 1) {
                throw UsageError("expected one training configuration file");
            }
            const auto output = arguments.value("output");
            if (!output || output->empty()) {
                throw UsageError("the run directory (-o RUN_DIR) is required");
            }
            TrainConfig config = loadTrainConfig(arguments.positionals().front());
            if (const auto init = arguments.value("init")) {
                config.init = *init; // the previous stage's model.safetensors
            }
            Trainer trainer(config, *output);
            if (const auto resume = arguments.value("resume")) {
                trainer.resume(*resume);
                std::fprintf(stderr, "resumed at step %d from %s\n", trainer.stepsDone(), resume->c_str());
            }
            std::fprintf(stderr, "stage %s, model %s, %dx%d px, batch %d, %lld trained parameters, steps %d..%d\n",
                toString(config.stage).c_str(), config.model.c_str(), config.imageSize(), config.imageSize(),
                config.batch, trainer.trainableParameters(), trainer.stepsDone() + 1, config.steps);
            std::fprintf(stderr, "data: %s\n", trainer.dataSummary().c_str());
            const auto stop = stopOnInterrupt();
            trainer.run(
                [](const TrainProgress& p) {
                    std::fprintf(stderr, "step %d/%d  loss %.5f (mean %.5f)  %.3f it/s  %s left\n", p.step, p.steps,
                        p.loss, p.averageLoss, p.stepsPerSecond, duration(p.secondsLeft).c_str());
                },
                stop);
            std::fprintf(stderr, "%s at step %d; checkpoint and model.safetensors in %s\n",
                stop.stop_requested() ? "stopped" : "finished", trainer.stepsDone(), output->c_str());
            return stop.stop_requested() ? kExitFailure : kExitOk;
        }};
}

} // namespace durian::cli
