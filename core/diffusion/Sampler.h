#pragma once

// Model-internal (includes torch): never include from app/.
#include "core/diffusion/Scheduler.h"
#include "core/model/DurianModel.h"

#include <cstdint>
#include <functional>
#include <stop_token>

namespace durian::diffusion {

struct SamplingOptions {
    SolverKind solver = SolverKind::Ddim;
    int steps = 20;
    double guidance = 1.0; // classifier-free guidance scale; 1 skips the unconditional branch
    std::uint64_t seed = 1;
    int window = 8;        // temporal window (frames)
    int overlap = 2;
    // Every frame starts from the same noise: what then differs between frames is their pose and prior,
    // never their noise, so a one-step model's frames do not flicker with it.
    bool sharedNoise = false;
};

struct SamplingHooks {
    std::stop_token stop;                                             // checked before every step
    std::function<void(int step, int total)> progress;                // after every step
    std::function<void(int step, const torch::Tensor& x0)> preview;   // data prediction after every step
};

// Thrown when the latents stop being finite numbers (damaged weights): `step` counts from 1.
struct NonFiniteSample {
    int step = 0;
};

// The denoising loop for one sample of `frames` frames: seeded noise [F, L, h, w]; per step DNet runs
// on every temporal window (conditional, plus unconditional without references when guidance != 1),
// overlapping windows' noise predictions are blended, and the solver advances. Returns clean latents.
// pose: [F, c0, h, w] or undefined; prior: [F, priorChannels, h, w] (DurianModelImpl::priorInput), defined
// exactly for a model with a prior, which both branches of guidance see.
// anchor: [A, L, h, w] clean latents the first A frames are held to (the end of the chunk before, see
// planGenerationChunks): before every step those frames are set to the anchor noised to that step's
// level, so the new frames are sampled to continue them; they come back as the anchor exactly.
torch::Tensor sampleLatents(model::DurianModel& model, int frames, int latentHeight, int latentWidth,
    const torch::Tensor& pose, const model::DenoiseReferences& references, const model::ReferenceMix& mix,
    const SamplingOptions& options, const SamplingHooks& hooks = {}, const torch::Tensor& prior = {},
    const torch::Tensor& anchor = {});

} // namespace durian::diffusion
