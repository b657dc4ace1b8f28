#pragma once

// Model-internal (includes torch): never include from app/.
#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace durian::diffusion {

enum class SolverKind { Ddim, DpmSolver2M };

// The training noise schedule: Stable Diffusion's "scaled linear" betas (0.00085 .. 0.012, 1000 steps).
struct NoiseSchedule {
    std::vector<double> alphasCumprod;

    // zeroTerminalSnr: rescaled (Lin et al. 2023, "Common Diffusion Noise Schedules and Sample Steps Are
    // Flawed") so that sqrt(alpha-bar) falls from its first value to kTerminalSignal at the last step, where
    // SD's schedule still keeps 0.068 of the clean sample. A model sampled from pure noise in one step was
    // trained on inputs that carry that much of the answer, and leaned on it (one step from t = 950 of the
    // truth: 25.7 dB; from pure noise: 24.7). Not exactly zero: the solvers divide by sqrt(alpha-bar).
    static NoiseSchedule stableDiffusion(int trainSteps = 1000, bool zeroTerminalSnr = false);
    static constexpr double kTerminalSignal = 1e-3;
    int trainSteps() const { return static_cast<int>(alphasCumprod.size()); }
    // alpha-bar at t; t < 0 means "clean" (1).
    double alphaBar(int t) const { return t < 0 ? 1.0 : alphasCumprod.at(static_cast<std::size_t>(t)); }
    // Forward process for training: sqrt(a) x0 + sqrt(1-a) noise, per batch row's timestep.
    torch::Tensor addNoise(const torch::Tensor& x0, const torch::Tensor& noise, const torch::Tensor& timesteps) const;
    // The v-prediction target: sqrt(a) noise - sqrt(1-a) x0, per batch row's timestep.
    torch::Tensor velocity(const torch::Tensor& x0, const torch::Tensor& noise, const torch::Tensor& timesteps) const;
};

// The noise a network output stands for at x (noised to alpha-bar a), by ModelConfig::prediction: the output
// itself for "epsilon", sqrt(1-a) x + sqrt(a) v for "v", (x - sqrt(a) x0) / sqrt(1-a) for "sample" (the
// network predicts the clean x0). The solvers work in noise terms.
torch::Tensor noiseFromOutput(const torch::Tensor& output, const torch::Tensor& x, double alphaBar,
    const std::string& prediction);

// `steps` sampling timesteps, descending, "trailing" spacing (the first is trainSteps-1).
std::vector<int> samplingTimesteps(int steps, int trainSteps);

// One deterministic solver run over the timesteps (eta = 0). DPM-Solver++(2M) uses the previous step's
// data prediction; its last step is first order and lands on the clean sample.
class Solver {
public:
    Solver(SolverKind kind, const NoiseSchedule& schedule, int steps);
    const std::vector<int>& timesteps() const { return timesteps_; }
    // x at timesteps()[i] and the predicted noise -> x at the next timestep (clean after the last).
    // predictedX0 (if given) receives the data prediction used for previews.
    torch::Tensor step(int i, const torch::Tensor& x, const torch::Tensor& eps, torch::Tensor* predictedX0 = nullptr);

private:
    SolverKind kind_;
    const NoiseSchedule& schedule_;
    std::vector<int> timesteps_;
    torch::Tensor previousX0_;
};

// Standard normal noise from our own generator (mt19937_64 + Box-Muller), so a seed gives the same
// noise on every machine and LibTorch version.
torch::Tensor seededNoise(const std::vector<std::int64_t>& shape, std::uint64_t seed);

} // namespace durian::diffusion
