#include "core/pipeline/Benchmark.h"

#include "core/face/KeypointImage.h"
#include "core/synth/SynthLandmarks.h"
#include "core/synth/SynthPeople.h"
#include "core/synth/SynthRender.h"

#include "core/pipeline/Pipeline.h"
#include "core/pipeline/TensorImage.h"
#include "core/runtime/ComputeRuntime.h"

#include <ATen/record_function.h>
#include <torch/torch.h>

#include <atomic>
#include <chrono>

namespace durian {

namespace {

// Counts floating-point operations of the dispatched ops that dominate: convolutions and matrix products.
std::atomic<double> countedFlops{0.0};

std::unique_ptr<at::ObserverContext> countFlops(const at::RecordFunction& fn)
{
    const std::string name = fn.name();
    const auto inputs = fn.inputs();
    auto tensorAt = [&](std::size_t i) -> const at::Tensor* {
        return i < inputs.size() && inputs[i].isTensor() ? &inputs[i].toTensor() : nullptr;
    };
    double flops = 0.0;
    if (name == "aten::convolution") {
        const auto* in = tensorAt(0);
        const auto* w = tensorAt(1);
        if (in && w && in->dim() == 4 && w->dim() == 4 && inputs.size() > 5) {
            const auto stride = inputs[3].toIntVector(), padding = inputs[4].toIntVector(), dilation = inputs[5].toIntVector();
            double outPositions = 1.0;
            for (int d = 0; d < 2; ++d) {
                const auto k = w->size(2 + d);
                outPositions *= static_cast<double>((in->size(2 + d) + 2 * padding[d] - dilation[d] * (k - 1) - 1) / stride[d] + 1);
            }
            flops = 2.0 * in->size(0) * w->size(0) * outPositions * w->size(1) * w->size(2) * w->size(3);
        }
    } else if (name == "aten::addmm" || name == "aten::mm") {
        const std::size_t first = name == "aten::addmm" ? 1 : 0;
        const auto *a = tensorAt(first), *b = tensorAt(first + 1);
        if (a && b && a->dim() == 2 && b->dim() == 2) {
            flops = 2.0 * a->size(0) * a->size(1) * b->size(1);
        }
    } else if (name == "aten::bmm") {
        const auto *a = tensorAt(0), *b = tensorAt(1);
        if (a && b && a->dim() == 3 && b->dim() == 3) {
            flops = 2.0 * a->size(0) * a->size(1) * a->size(2) * b->size(2);
        }
    }
    if (flops > 0.0) {
        countedFlops.store(countedFlops.load() + flops);
    }
    return nullptr;
}

class FlopCounter {
public:
    FlopCounter() : handle_(at::addThreadLocalCallback(at::RecordFunctionCallback(&countFlops).needsInputs(true)))
    {
        countedFlops.store(0.0);
    }
    ~FlopCounter() { at::removeCallback(handle_); }
    double flops() const { return countedFlops.load(); }

private:
    at::CallbackHandle handle_;
};

double millisecondsOf(const std::function<void()>& work)
{
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

double matmulPeak(torch::ScalarType dtype)
{
    torch::NoGradGuard noGrad;
    const int n = 1024;
    const auto a = torch::randn({n, n}).to(dtype), b = torch::randn({n, n}).to(dtype);
    auto c = torch::mm(a, b);
    const int repeats = 6;
    const double ms = millisecondsOf([&] {
        for (int i = 0; i < repeats; ++i) {
            c = torch::mm(a, b);
        }
    });
    return 2.0 * n * n * static_cast<double>(n) * repeats / (ms / 1000.0) / 1e9;
}

} // namespace

BenchmarkFigures runBenchmark(const BenchmarkOptions& options, const std::function<void(const std::string&)>& log)
{
    auto say = [&](const std::string& line) {
        if (log) {
            log(line);
        }
    };
    BenchmarkFigures f;
    f.model = options.model;
    f.dtype = options.bfloat16 ? "bf16" : "f32";
    f.threads = computeThreads();
    say("building model '" + options.model + "'");
    GeneratorOptions generatorOptions;
    generatorOptions.model = options.model;
    generatorOptions.bfloat16 = options.bfloat16;
    generatorOptions.weights = options.weights;
    f.weights = options.weights.empty() ? "random" : options.weights;
    Generator generator(generatorOptions);
    f.model = generator.config().name;
    f.parameters = generator.parameterCounts();
    f.totalParameters = generator.parameterCount();
    f.resolution = generator.config().resolution;
    f.latentSize = generator.config().latentSize(f.resolution);

    const int size = f.resolution;
    // People of the portrait world, with their landmarks: a model with a classical prior needs the faces.
    SynthRenderOptions render;
    render.width = render.height = size;
    const SynthFrame portrait = renderSynthFrame(randomPerson(1), Pose{}, render);
    const SynthFrame donor = renderSynthFrame(randomPersonWearing(2, AttributeCategory::Hair), Pose{}, render);
    const SynthFrame donorB = renderSynthFrame(randomPersonWearing(4, AttributeCategory::Hair), Pose{}, render);
    GenerationRequest request;
    request.portrait = portrait.rgb;
    request.portraitMask = portrait.mask(SynthMask::Hair);
    request.portraitLandmarks = landmarksOf(portrait);
    request.attributes.push_back(
        {AttributeCategory::Hair, donor.rgb, donor.mask(SynthMask::Hair), 1.0, landmarksOf(donor)});
    request.motion = {landmarksOf(portrait)};
    request.keypoints.push_back(renderKeypointImage(request.motion.front(), size, size));
    request.frames = 1;
    request.steps = 1;

    say("warm-up");
    generator.generate(request); // thread pools, allocator, preview-free first run
    generator.clearReferenceCache();
    say("cold 1-step generation (references encoded)");
    f.coldOneStepMs = millisecondsOf([&] { generator.generate(request); });
    say("warm 1-step generation (references cached)");
    double flopsOne = 0.0;
    f.warmOneStepMs = millisecondsOf([&] {
        FlopCounter counter;
        generator.generate(request);
        flopsOne = counter.flops();
    });
    f.referenceEncodeMs = f.coldOneStepMs - f.warmOneStepMs;

    const int k = std::max(1, options.measuredSteps);
    const auto& config = generator.config();
    if (config.stepsFor(1 + k) == 1 + k) { // a model sampled in a fixed number of steps has no step to isolate
        request.steps = 1 + k;
        say("warm " + std::to_string(1 + k) + "-step generation");
        double flopsMany = 0.0;
        const double manyMs = millisecondsOf([&] {
            FlopCounter counter;
            generator.generate(request);
            flopsMany = counter.flops();
        });
        f.dnetStepMs = (manyMs - f.warmOneStepMs) / k;
        f.dnetStepGflop = (flopsMany - flopsOne) / k / 1e9;
        f.achievedGflops = f.dnetStepGflop / (f.dnetStepMs / 1000.0);
    }
    f.matmulPeakGflops = matmulPeak(options.bfloat16 ? torch::kBFloat16 : torch::kFloat32);

    say("preview latency after an alpha change");
    request.steps = 20;
    request.interpolation =
        InterpolationInput{0, donorB.rgb, donorB.mask(SynthMask::Hair), 0.3, landmarksOf(donorB)};
    request.guidance = RenderSettings{}.guidance; // the default settings, as the editor's preview runs them
    auto preview = previewRequest(request);
    f.previewSteps = config.stepsFor(preview.steps);
    generator.generate(preview); // encodes reference B once, as the first slider touch would
    preview.interpolation->alpha = 0.6;
    f.alphaToPreviewMs = millisecondsOf([&] { generator.generate(preview); });

    if (options.clipFrames > 0) {
        const RenderSettings defaults; // what a new project renders with
        f.clipFrames = options.clipFrames;
        f.clipSteps = config.stepsFor(defaults.steps);
        say("a " + std::to_string(f.clipFrames) + "-frame clip, " + std::to_string(f.clipSteps) + " DDIM steps");
        GenerationRequest clip = request;
        clip.interpolation.reset();
        clip.steps = defaults.steps;
        clip.guidance = defaults.guidance;
        clip.frames = f.clipFrames;
        clip.keypoints.clear();
        clip.motion.clear();
        // The portrait's own person moving: landmarks of the world's motion, rendered as keypoint images.
        for (const auto& pose : randomMotion(3, f.clipFrames)) {
            clip.motion.push_back(landmarksOf(renderSynthFrame(randomPerson(1), pose, render)));
            clip.keypoints.push_back(renderKeypointImage(clip.motion.back(), size, size));
        }
        f.clipSeconds = millisecondsOf([&] { generator.generate(clip); }) / 1000.0;
    }
    return f;
}

} // namespace durian
