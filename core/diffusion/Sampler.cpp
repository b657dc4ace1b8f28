#include "core/diffusion/Sampler.h"

#include "core/diffusion/TemporalWindows.h"
#include "core/util/Cancellation.h"

#include <cmath>

namespace durian::diffusion {

torch::Tensor sampleLatents(model::DurianModel& model, int frames, int latentHeight, int latentWidth,
    const torch::Tensor& pose, const model::DenoiseReferences& references, const model::ReferenceMix& mix,
    const SamplingOptions& options, const SamplingHooks& hooks, const torch::Tensor& prior, const torch::Tensor& anchor)
{
    torch::NoGradGuard noGrad;
    const auto& config = model->config();
    const auto dtype = model->dnet->parameters().front().dtype();
    const NoiseSchedule schedule = NoiseSchedule::stableDiffusion(1000, config.zeroTerminalSnr);
    Solver solver(options.solver, schedule, options.steps);
    auto x = options.sharedNoise
        ? seededNoise({1, config.latentChannels, latentHeight, latentWidth}, options.seed).repeat({frames, 1, 1, 1})
        : seededNoise({frames, config.latentChannels, latentHeight, latentWidth}, options.seed);
    const std::int64_t anchored = anchor.defined() ? anchor.size(0) : 0;
    const auto anchorNoise = anchored > 0 ? x.narrow(0, 0, anchored).clone() : torch::Tensor();
    const auto windows = planTemporalWindows(frames, options.window, options.overlap);
    const int total = static_cast<int>(solver.timesteps().size());
    for (int i = 0; i < total; ++i) {
        throwIfStopped(hooks.stop);
        const double t = solver.timesteps()[static_cast<std::size_t>(i)];
        if (anchored > 0) {
            const double a = schedule.alphaBar(static_cast<int>(t));
            x.narrow(0, 0, anchored).copy_(std::sqrt(a) * anchor + std::sqrt(1.0 - a) * anchorNoise);
        }
        auto eps = torch::zeros_like(x);
        const auto weightSum = windows.size() > 1 ? torch::zeros({frames, 1, 1, 1}) : torch::Tensor();
        for (const auto& w : windows) {
            const auto xw = x.narrow(0, w.start, w.length).to(dtype);
            const auto poseW = pose.defined() ? pose.narrow(0, w.start, w.length) : torch::Tensor();
            const auto priorW = prior.defined() ? prior.narrow(0, w.start, w.length) : torch::Tensor();
            const auto ts = torch::full({w.length}, t, torch::kFloat32);
            // Guidance 0 is the unconditional branch alone (the references dropped): no conditional pass.
            auto e = options.guidance == 0.0 ? torch::Tensor()
                : model->denoise(xw, ts, poseW, w.length, &references, mix, priorW).to(torch::kFloat32);
            if (options.guidance != 1.0) {
                const auto u = model->denoise(xw, ts, poseW, w.length, nullptr, model::ReferenceMix{}, priorW)
                                   .to(torch::kFloat32);
                e = options.guidance == 0.0 ? u : u + options.guidance * (e - u);
            }
            if (windows.size() == 1) {
                eps = e;
            } else {
                const auto weights = temporalBlendWeights(w, frames, options.overlap);
                const auto wt = torch::tensor(weights).view({w.length, 1, 1, 1});
                eps.narrow(0, w.start, w.length).add_(e * wt);
                weightSum.narrow(0, w.start, w.length).add_(wt);
            }
        }
        if (weightSum.defined()) {
            eps = eps / weightSum;
        }
        eps = noiseFromOutput(eps, x, schedule.alphaBar(static_cast<int>(t)), config.prediction);
        torch::Tensor x0;
        x = solver.step(i, x, eps, hooks.preview ? &x0 : nullptr);
        if (!torch::isfinite(x).all().item<bool>()) {
            throw NonFiniteSample{i + 1};
        }
        if (hooks.progress) {
            hooks.progress(i + 1, total);
        }
        if (hooks.preview) {
            hooks.preview(i + 1, x0);
        }
    }
    if (anchored > 0) {
        x.narrow(0, 0, anchored).copy_(anchor);
    }
    return x;
}

} // namespace durian::diffusion
