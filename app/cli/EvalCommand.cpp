#include "app/cli/CommandLine.h"
#include "core/eval/PhotoBenchmark.h"
#include "core/eval/PhotoCases.h"
#include "core/eval/TransferBenchmark.h"
#include "core/face/FaceNetworks.h"
#include "core/io/AtomicFile.h"
#include "core/pipeline/Pipeline.h"
#include "core/pipeline/ShippedModel.h"
#include "core/runtime/ComputeRuntime.h"

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

namespace durian::cli {

namespace {

void printInterpolation(const InterpolationCheck& check)
{
    std::printf("\ninterpolation (hair, black -> blond reference; world colours %.0f,%.0f,%.0f -> %.0f,%.0f,%.0f)\n",
        check.truthA[0], check.truthA[1], check.truthA[2], check.truthB[0], check.truthB[1], check.truthB[2]);
    std::printf("  alpha  mean RGB of the hair region   position\n");
    for (std::size_t i = 0; i < check.alphas.size(); ++i) {
        std::printf("  %.2f   %6.1f %6.1f %6.1f            %6.3f\n", check.alphas[i], check.colours[i][0],
            check.colours[i][1], check.colours[i][2], check.position[i]);
    }
    std::printf("  monotonic: %s\n", check.monotonic ? "yes" : "NO");
}

// `eval --photos DIR`: the real-photo benchmark (core/eval/PhotoBenchmark.h).
int runPhotoBenchmark(Generator* generator, const std::filesystem::path& dir, const TransferEvalOptions& worldOptions,
    const Arguments& arguments, const std::optional<std::string>& output)
{
    PhotoEvalOptions options;
    options.size = worldOptions.size;
    options.steps = worldOptions.steps;
    options.guidance = worldOptions.guidance;
    options.identityNetwork = arguments.valueOr("identity-network", (measureNetworksDir() / "faceres.onnx").string());
    if (!worldOptions.stillsDir.empty()) {
        options.stillsDir = std::filesystem::path(*output) / "photo-stills";
    }
    const auto photos = photosIn(dir);
    std::printf("durian eval --photos %s: %zu photos, %dx%d, %d steps, guidance %g, %s\n", dir.c_str(), photos.size(),
        options.size, options.size, options.steps, options.guidance, generator ? "the model and the baselines" : "baselines only");
    std::fflush(stdout);
    const auto report = runPhotoEval(generator, photos, options,
        [](const std::string& what) { std::fprintf(stderr, "\r%-90.90s", what.c_str()); }, stopOnInterrupt());
    std::fprintf(stderr, "\n");
    const std::string markdown = photoEvalMarkdown(report);
    std::printf("\n%s", markdown.c_str());
    if (output) {
        std::filesystem::create_directories(*output);
        writeFileAtomically(std::filesystem::path(*output) / "eval-photos.md", markdown);
        std::printf("\nwrote %s/eval-photos.md\n", output->c_str());
    }
    return report.used.empty() ? kExitFailure : kExitOk;
}

} // namespace

Command evalCommand()
{
    return {"eval",
        "eval [-o DIR] [--seed N] [--cases K] [--frames F] [--steps S] [--guidance G] [--size PX] [--model M] [--weights F | --untrained] "
        "[--baselines-only] [--autoencoder] [--ablation] [--ceiling] [--stills] [--no-interpolation] [--denoise-check] "
        "[--photos DIR [--identity-network ONNX]]",
        "Benchmark attribute transfer against the world's ground truth (or, with --photos, on real photos): the "
        "model, warp_composite and no_transfer",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {"untrained", "baselines-only", "autoencoder", "ablation", "ceiling", "stills", "no-interpolation", "denoise-check"});
            if (!arguments.positionals().empty()) {
                throw UsageError("eval takes no positional arguments");
            }
            TransferEvalOptions options;
            options.seed = static_cast<std::uint64_t>(arguments.integerOr("seed", 1, 0, 1 << 30));
            options.cases = arguments.integerOr("cases", 4, 1, 1000);
            options.frames = arguments.integerOr("frames", 8, 1, 480);
            options.steps = arguments.integerOr("steps", 20, 1, 1000);
            options.guidance = arguments.numberOr("guidance", options.guidance);
            options.autoencoderRow = arguments.has("autoencoder");
            options.ablation = arguments.has("ablation"); // the row "durian_no_references": the prior alone carries it
            options.ceilingRow = arguments.has("ceiling"); // the row "paste_back_ceiling": a perfect model's score
            const auto output = arguments.value("output");
            if (arguments.has("stills")) {
                if (!output) {
                    throw UsageError("--stills needs -o DIR");
                }
                options.stillsDir = std::filesystem::path(*output) / "stills";
            }

            std::unique_ptr<Generator> generator;
            std::string weightsName = "none";
            if (!arguments.has("baselines-only")) {
                GeneratorOptions generatorOptions;
                generatorOptions.model = arguments.valueOr("model", "default");
                if (const auto weights = arguments.value("weights")) {
                    generatorOptions.weights = *weights;
                } else if (!arguments.has("untrained") && generatorOptions.model == "default") {
                    const auto shipped = shippedModelWeights();
                    if (!shipped) {
                        throw Error("the trained default model (resources/models/default.safetensors) was not found; "
                                    "pass --weights FILE or --untrained");
                    }
                    generatorOptions.weights = *shipped;
                }
                weightsName = generatorOptions.weights.empty() ? "untrained" : generatorOptions.weights.string();
                generator = std::make_unique<Generator>(generatorOptions);
                options.size = generator->config().resolution;
                options.steps = generator->config().stepsFor(options.steps); // what the figures are of
            }
            options.size = arguments.integerOr("size", options.size, 32, 1024);

            if (const auto photos = arguments.value("photos")) {
                return runPhotoBenchmark(generator.get(), *photos, options, arguments, output);
            }
            std::printf("durian eval: seed %llu, %d cases per category, %d frames, %dx%d, %d steps, guidance %g, weights %s\n",
                static_cast<unsigned long long>(options.seed), options.cases, options.frames, options.size, options.size,
                options.steps, options.guidance, weightsName.c_str());
            std::fflush(stdout);
            if (arguments.has("denoise-check")) {
                if (!generator) {
                    throw UsageError("--denoise-check needs the model (not --baselines-only)");
                }
                // What the denoiser has learnt, without the sampler: truth frames noised and predicted back.
                std::printf("one-step prediction of the truth frame from noise at timestep t\n  t     PSNR (dB)\n");
                for (const auto& row : checkOneStepDenoising(*generator, options, {50, 200, 400, 600, 800, 950})) {
                    std::printf("  %-4d  %6.2f   (%d cases)\n", row.timestep, row.psnr, row.cases);
                }
                return kExitOk;
            }
            const auto report = runTransferEval(generator.get(), options,
                [&](int done, int total, const std::string& name) {
                    std::fprintf(stderr, "\rcase %d/%d %-20s", done + (name.empty() ? 0 : 1), total, name.c_str());
                    if (name.empty()) {
                        std::fprintf(stderr, "\n");
                    }
                },
                stopOnInterrupt());
            const auto markdown = transferTableMarkdown(report.rows);
            std::printf("\n%s", markdown.c_str());
            if (report.durianFrames > 0) {
                std::printf("\nmodel: %.2f s per frame (%d frames, %d DDIM steps, %d threads)\n",
                    report.durianSeconds / report.durianFrames, report.durianFrames, options.steps, computeThreads());
            }
            if (options.autoencoderRow) {
                std::printf("latent std after latent_scale: %.3f (the noise schedule assumes about 1)\n", report.latentStd);
            }
            std::optional<InterpolationCheck> interpolation;
            if (generator && !arguments.has("no-interpolation")) {
                interpolation = checkInterpolation(*generator, options.seed, options.size, options.steps);
                printInterpolation(*interpolation);
            }
            if (output) {
                const std::filesystem::path dir(*output);
                std::filesystem::create_directories(dir);
                writeFileAtomically(dir / "eval.csv", transferTableCsv(report.rows));
                writeFileAtomically(dir / "eval.md", markdown);
                if (interpolation) {
                    std::string csv = "alpha,r,g,b,position\n";
                    char line[128];
                    for (std::size_t i = 0; i < interpolation->alphas.size(); ++i) {
                        std::snprintf(line, sizeof line, "%.3f,%.2f,%.2f,%.2f,%.4f\n", interpolation->alphas[i],
                            interpolation->colours[i][0], interpolation->colours[i][1], interpolation->colours[i][2],
                            interpolation->position[i]);
                        csv += line;
                    }
                    writeFileAtomically(dir / "interpolation.csv", csv);
                }
                std::printf("\nwrote %s/eval.csv and eval.md\n", dir.c_str());
            }
            return interpolation && !interpolation->monotonic ? kExitFailure : kExitOk;
        }};
}

} // namespace durian::cli
