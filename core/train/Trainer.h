#pragma once

#include "core/io/Project.h"
#include "core/train/DataParallelConfig.h"
#include "core/train/TrainConfig.h"

#include <stop_token>
#include <filesystem>
#include <functional>
#include <string>
#include <memory>
#include <vector>

namespace durian {

struct TrainProgress {
    int step = 0;               // steps done
    int steps = 0;              // steps of the run
    double loss = 0.0;          // of the last step
    double averageLoss = 0.0;   // mean over the steps since the last report
    double stepsPerSecond = 0.0;
    double secondsLeft = 0.0;
};

// The next step's loss with and without its references (Trainer::referenceCheck).
struct ReferenceCheck {
    int step = 0; // steps done when it was measured
    AttributeCategory category = AttributeCategory::Hair;
    int trueSwaps = 0, barePriors = 0; // samples of the batch that are cross-identity swaps, or have a prior without the attribute
    double withReferences = 0.0, withoutReferences = 0.0;
    double predictionChange = 0.0; // |with - without| / |without| of the network's output
};

// Trains one stage of the Durian network on self-reconstruction samples (see SelfReconstructionData).
// AdamW with decoupled weight decay, global gradient-norm clipping, an EMA of the trained weights, fp32.
// Deterministic: the data, the timesteps and the noise of step k depend only on the seed and k, so a run
// resumed from a checkpoint continues exactly as one that was never stopped.
//
// Files in the run directory: config.json, loss.csv (step,loss,lr,seconds), reference-check.csv (every
// reference_check_every steps, when set), checkpoint-NNNNNNN.safetensors
// (weights, EMA, optimizer moments; metadata holds the step and both configs; run() keeps the newest 3)
// and model.safetensors (the EMA weights, loadable as a model) at every checkpoint and at the end.
//
// Data-parallel (`parallel` with a world size above 1, see DataParallel.h): `config.batch` is the job's
// batch, and each rank trains on its own share of it (rank r takes samples r*b .. r*b+b-1 of every step's
// batch, b = batch / world size), so the job sees the same samples, timesteps and noise as one process at
// that batch, and a checkpoint resumes with any world size that divides the batch. Gradients are averaged
// over the ranks every step; only rank 0 writes files.
class Trainer {
public:
    // runDir empty: nothing is written (tests). With several ranks, joins the job (waits for its peers).
    Trainer(const TrainConfig& config, const std::filesystem::path& runDir, const DataParallelConfig& parallel = {});
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    // Restores weights, EMA, optimizer state and step from a checkpoint of the same model configuration.
    void resume(const std::filesystem::path& checkpoint);

    int stepsDone() const;
    int rank() const;
    int worldSize() const;
    long long trainableParameters() const;
    // Where the samples come from, for the log: "the portrait world", or the videos used and skipped.
    std::string dataSummary() const;
    // One optimizer step; returns its loss.
    double trainStep();
    // What the references are worth to the network now: the next step's batch (not trained on yet) with
    // and without them, the same noise and timesteps. Changes nothing.
    ReferenceCheck referenceCheck();
    // Writes checkpoint-NNNNNNN.safetensors and model.safetensors into `dir`; returns the checkpoint's path.
    std::filesystem::path saveCheckpoint(const std::filesystem::path& dir);
    // Runs to config.steps: logs every step, reports every logEvery steps, checkpoints every
    // checkpointEvery steps and at the end. Stops (after a checkpoint) when `stop` is requested.
    void run(const std::function<void(const TrainProgress&)>& progress, std::stop_token stop = {});

    // Every trained value (weights, then EMA), flattened: for exactness checks.
    std::vector<float> trainedValues() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace durian
