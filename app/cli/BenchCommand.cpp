#include "app/cli/CommandLine.h"
#include "core/pipeline/Benchmark.h"
#include "core/pipeline/ShippedModel.h"
#include "core/runtime/ComputeRuntime.h"

#include <cstdio>
#include <sstream>

namespace durian::cli {

namespace {

void print(const BenchmarkFigures& f)
{
    std::printf("== %s (%s, %d threads, %dx%d px, latent %dx%d, weights %s)\n", f.model.c_str(), f.dtype.c_str(),
        f.threads, f.resolution, f.resolution, f.latentSize, f.latentSize, f.weights.c_str());
    std::printf("parameters            %.2f M total\n", f.totalParameters / 1e6);
    for (const auto& [name, count] : f.parameters) {
        std::printf("  %-19s %.2f M\n", name.c_str(), count / 1e6);
    }
    if (f.dnetStepMs > 0) {
        std::printf("DNet step, 1 frame    %.1f ms  (%.2f GFLOP -> %.1f GFLOP/s; matmul peak %.1f GFLOP/s = %.0f%%)\n",
            f.dnetStepMs, f.dnetStepGflop, f.achievedGflops, f.matmulPeakGflops,
            100.0 * f.achievedGflops / std::max(1e-9, f.matmulPeakGflops));
    } else {
        std::printf("DNet step, 1 frame    (the model is sampled in %d step%s: see the 1-step run)\n", f.previewSteps,
            f.previewSteps == 1 ? "" : "s");
    }
    std::printf("reference nets        %.1f ms per generation saved by the cache (1-step run: %.1f ms cold, %.1f ms warm)\n",
        f.referenceEncodeMs, f.coldOneStepMs, f.warmOneStepMs);
    std::printf("alpha -> preview      %.1f ms (%d DPM-Solver++(2M) step%s, 1 frame, VAE decode)\n", f.alphaToPreviewMs,
        f.previewSteps, f.previewSteps == 1 ? "" : "s");
    if (f.clipFrames > 0) {
        std::printf("clip                  %.1f s for %d frames at %d DDIM step%s (%.2f s per frame)\n", f.clipSeconds,
            f.clipFrames, f.clipSteps, f.clipSteps == 1 ? "" : "s", f.clipSeconds / f.clipFrames);
    }
    std::fflush(stdout);
}

} // namespace

Command benchCommand()
{
    return {"bench", "bench [--model default,sd15] [--bf16] [--steps N] [--clip FRAMES] [--quiet]",
        "Measure parameter counts, DNet step time, GFLOP/s, cache savings and preview latency",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {"bf16", "quiet"});
            if (!arguments.positionals().empty()) {
                throw UsageError("bench takes no positional arguments");
            }
            const int steps = static_cast<int>(arguments.numberOr("steps", 2));
            if (steps < 1) {
                throw UsageError("--steps must be at least 1");
            }
            std::stringstream models(arguments.valueOr("model", "default,sd15"));
            std::string model;
            const bool quiet = arguments.has("quiet");
            std::printf("blas: %s\n", loadedBlasLibrary().c_str());
            while (std::getline(models, model, ',')) {
                BenchmarkOptions options;
                options.model = model;
                options.bfloat16 = arguments.has("bf16");
                options.measuredSteps = steps;
                options.clipFrames = arguments.integerOr("clip", 0, 0, 100000);
                if (model == "default") { // time what the app runs: the shipped model where it is installed
                    options.weights = shippedModelWeights().value_or(std::filesystem::path()).string();
                }
                print(runBenchmark(options, [&](const std::string& line) {
                    if (!quiet) {
                        std::fprintf(stderr, "[%s] %s\n", model.c_str(), line.c_str());
                    }
                }));
            }
            return kExitOk;
        }};
}

} // namespace durian::cli
