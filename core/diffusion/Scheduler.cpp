#include "core/diffusion/Scheduler.h"

#include "core/util/Error.h"

#include <cmath>
#include <numbers>
#include <random>

namespace durian::diffusion {

NoiseSchedule NoiseSchedule::stableDiffusion(int trainSteps, bool zeroTerminalSnr)
{
    NoiseSchedule s;
    const double a = std::sqrt(0.00085), b = std::sqrt(0.012);
    double product = 1.0;
    for (int i = 0; i < trainSteps; ++i) {
        const double root = trainSteps > 1 ? a + (b - a) * i / (trainSteps - 1) : a;
        product *= 1.0 - root * root;
        s.alphasCumprod.push_back(product);
    }
    if (zeroTerminalSnr && trainSteps > 1) {
        // sqrt(alpha-bar) shifted and scaled: the first value kept, the last kTerminalSignal.
        const double first = std::sqrt(s.alphasCumprod.front()), last = std::sqrt(s.alphasCumprod.back());
        for (auto& value : s.alphasCumprod) {
            const double root = (std::sqrt(value) - last) * (first - kTerminalSignal) / (first - last) + kTerminalSignal;
            value = root * root;
        }
    }
    return s;
}

namespace {

// alpha-bar per batch row, shaped to broadcast over x.
torch::Tensor alphaBarRows(const std::vector<double>& table, const torch::Tensor& timesteps, const torch::Tensor& x)
{
    const auto all = torch::tensor(table, torch::kFloat64);
    const auto a = all.index_select(0, timesteps.to(torch::kLong).cpu()).to(x.dtype()).to(x.device());
    std::vector<std::int64_t> shape(static_cast<std::size_t>(x.dim()), 1);
    shape[0] = -1;
    return a.view(shape);
}

} // namespace

torch::Tensor NoiseSchedule::addNoise(const torch::Tensor& x0, const torch::Tensor& noise, const torch::Tensor& timesteps) const
{
    const auto a = alphaBarRows(alphasCumprod, timesteps, x0);
    return torch::sqrt(a) * x0 + torch::sqrt(1.0 - a) * noise;
}

torch::Tensor NoiseSchedule::velocity(const torch::Tensor& x0, const torch::Tensor& noise, const torch::Tensor& timesteps) const
{
    const auto a = alphaBarRows(alphasCumprod, timesteps, x0);
    return torch::sqrt(a) * noise - torch::sqrt(1.0 - a) * x0;
}

torch::Tensor noiseFromOutput(const torch::Tensor& output, const torch::Tensor& x, double alphaBar,
    const std::string& prediction)
{
    if (prediction == "v") {
        return std::sqrt(1.0 - alphaBar) * x + std::sqrt(alphaBar) * output;
    }
    if (prediction == "sample") {
        return (x - std::sqrt(alphaBar) * output) / std::sqrt(std::max(1.0 - alphaBar, 1e-8));
    }
    return output;
}

std::vector<int> samplingTimesteps(int steps, int trainSteps)
{
    if (steps < 1 || steps > trainSteps) {
        throw Error("steps must be between 1 and " + std::to_string(trainSteps) + " (got " + std::to_string(steps) + ")");
    }
    std::vector<int> out;
    for (int i = 0; i < steps; ++i) {
        out.push_back(static_cast<int>(std::lround(trainSteps - i * static_cast<double>(trainSteps) / steps)) - 1);
    }
    return out;
}

Solver::Solver(SolverKind kind, const NoiseSchedule& schedule, int steps)
    : kind_(kind), schedule_(schedule), timesteps_(samplingTimesteps(steps, schedule.trainSteps()))
{
}

torch::Tensor Solver::step(int i, const torch::Tensor& x, const torch::Tensor& eps, torch::Tensor* predictedX0)
{
    const int t = timesteps_.at(static_cast<std::size_t>(i));
    const int next = i + 1 < static_cast<int>(timesteps_.size()) ? timesteps_[static_cast<std::size_t>(i) + 1] : -1;
    const double aT = schedule_.alphaBar(t), aN = schedule_.alphaBar(next);
    const double alphaT = std::sqrt(aT), sigmaT = std::sqrt(1.0 - aT);
    const double alphaN = std::sqrt(aN), sigmaN = std::sqrt(1.0 - aN);
    const auto x0 = (x - sigmaT * eps) / alphaT;
    if (predictedX0) {
        *predictedX0 = x0;
    }
    if (next < 0) {
        previousX0_ = x0;
        return x0; // both solvers land on the data prediction at the clean end
    }
    torch::Tensor result;
    if (kind_ == SolverKind::Ddim) {
        result = alphaN * x0 + sigmaN * eps;
    } else {
        const double lambdaT = std::log(alphaT / sigmaT), lambdaN = std::log(alphaN / sigmaN);
        const double h = lambdaN - lambdaT;
        torch::Tensor d = x0;
        if (previousX0_.defined() && i > 0) {
            const int prev = timesteps_[static_cast<std::size_t>(i) - 1];
            const double aP = schedule_.alphaBar(prev);
            const double hPrev = lambdaT - std::log(std::sqrt(aP) / std::sqrt(1.0 - aP));
            const double r = hPrev / h;
            d = (1.0 + 0.5 / r) * x0 - (0.5 / r) * previousX0_;
        }
        result = (sigmaN / sigmaT) * x - alphaN * std::expm1(-h) * d;
    }
    previousX0_ = x0;
    return result;
}

torch::Tensor seededNoise(const std::vector<std::int64_t>& shape, std::uint64_t seed)
{
    std::int64_t n = 1;
    for (auto d : shape) {
        n *= d;
    }
    std::vector<float> values(static_cast<std::size_t>(n));
    std::mt19937_64 engine(seed);
    auto uniform = [&] { return (static_cast<double>(engine() >> 11) + 0.5) * (1.0 / 9007199254740992.0); };
    for (std::int64_t i = 0; i < n; i += 2) {
        const double r = std::sqrt(-2.0 * std::log(uniform()));
        const double theta = 2.0 * std::numbers::pi * uniform();
        values[static_cast<std::size_t>(i)] = static_cast<float>(r * std::cos(theta));
        if (i + 1 < n) {
            values[static_cast<std::size_t>(i) + 1] = static_cast<float>(r * std::sin(theta));
        }
    }
    return torch::from_blob(values.data(), shape, torch::kFloat32).clone();
}

} // namespace durian::diffusion
