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

    static NoiseSchedule stableDiffusion(int trainSteps = 1000);
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
