#include "app/cli/CommandLine.h"
#include "app/cli/RankLauncher.h"
#include "core/runtime/ComputeRuntime.h"
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

// The job this process belongs to: torchrun's environment, overridden by the flags.
DataParallelConfig dataParallelOptions(const Arguments& arguments)
{
    auto c = dataParallelFromEnvironment();
    c.masterAddr = arguments.valueOr("master-addr", c.masterAddr);
    c.masterPort = arguments.integerOr("master-port", c.masterPort, 1, 65535);
    c.worldSize = arguments.integerOr("world-size", c.worldSize, 1, 4096);
    c.rank = arguments.integerOr("rank", c.rank, 0, 4095);
    c.localRank = arguments.integerOr("local-rank", c.localRank, 0, 4095);
    c.timeout = std::chrono::seconds(arguments.integerOr("peer-timeout", static_cast<int>(c.timeout.count()), 1, 86400));
    validateDataParallelConfig(c);
    return c;
}

// The arguments without "--nproc N", for the ranks it starts.
std::vector<std::string> withoutNproc(const std::vector<std::string>& args)
{
    std::vector<std::string> out;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--nproc") {
            ++i;
        } else if (args[i].rfind("--nproc=", 0) != 0) {
            out.push_back(args[i]);
        }
    }
    return out;
}

} // namespace

Command trainCommand()
{
    return {"train",
        "train CONFIG.json [--resume CHECKPOINT] [--init WEIGHTS] -o RUN_DIR [--nproc N] [--rank R --world-size W "
        "--master-addr HOST --master-port PORT --local-rank L] [--peer-timeout S]",
        "Train a stage of the model on self-reconstruction samples of the portrait world (data-parallel over N "
        "local ranks with --nproc, or as one rank of a job: torchrun's MASTER_ADDR, MASTER_PORT, RANK, "
        "WORLD_SIZE, LOCAL_RANK or the flags)",
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
            if (const int nproc = arguments.integerOr("nproc", 0, 0, 256); nproc > 0) {
                if (arguments.has("rank") || arguments.has("world-size")) {
                    throw UsageError("--nproc starts the ranks itself: give it without --rank and --world-size");
                }
                if (config.batch % nproc != 0) {
                    throw UsageError("the configuration's batch (" + std::to_string(config.batch) +
                        ", the whole job's) must be a multiple of --nproc");
                }
                // The machine's compute threads, split between the ranks.
                const int threads = std::max(1, computeThreads() / nproc);
                std::fprintf(stderr, "starting %d ranks on this machine, %d compute thread%s each\n", nproc, threads,
                    threads == 1 ? "" : "s");
                const int port = arguments.has("master-port") ? arguments.integerOr("master-port", 0, 1, 65535) : 0;
                return launchLocalRanks(nproc, threads, port, "train", withoutNproc(args), stopOnInterrupt());
            }
            const auto parallel = dataParallelOptions(arguments);
            Trainer trainer(config, *output, parallel);
            const bool leader = trainer.rank() == 0;
            if (const auto resume = arguments.value("resume")) {
                trainer.resume(*resume);
                std::fprintf(stderr, "resumed at step %d from %s\n", trainer.stepsDone(), resume->c_str());
            }
            if (!leader) {
                // Rank 0 reports for the job; the others speak only when something goes wrong.
                const auto stop = stopOnInterrupt();
                trainer.run({}, stop);
                return trainer.stepsDone() < config.steps ? kExitFailure : kExitOk;
            }
            std::string batch = std::to_string(config.batch);
            if (trainer.worldSize() > 1) {
                batch += " (" + std::to_string(trainer.worldSize()) + " ranks x " + std::to_string(config.batch / trainer.worldSize()) + ")";
            }
            std::fprintf(stderr, "stage %s, model %s, %dx%d px, batch %s, %lld trained parameters, steps %d..%d\n",
                toString(config.stage).c_str(), config.model.c_str(), config.imageSize(), config.imageSize(),
                batch.c_str(), trainer.trainableParameters(), trainer.stepsDone() + 1, config.steps);
            std::fprintf(stderr, "data: %s\n", trainer.dataSummary().c_str());
            const auto stop = stopOnInterrupt();
            trainer.run(
                [](const TrainProgress& p) {
                    std::fprintf(stderr, "step %d/%d  loss %.5f (mean %.5f)  %.3f it/s  %s left\n", p.step, p.steps,
                        p.loss, p.averageLoss, p.stepsPerSecond, duration(p.secondsLeft).c_str());
                },
                stop);
            const bool stopped = trainer.stepsDone() < config.steps;
            std::fprintf(stderr, "%s at step %d; checkpoint and model.safetensors in %s\n",
                stopped ? "stopped" : "finished", trainer.stepsDone(), output->c_str());
            return stopped ? kExitFailure : kExitOk;
        }};
}

} // namespace durian::cli
