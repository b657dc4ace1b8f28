#pragma once

// Model-internal (includes torch): never include from app/.
#include "core/train/DataParallelConfig.h"

#include <torch/torch.h>

#include <memory>
#include <vector>

namespace durian {

// One rank's membership of a data-parallel job, on PyTorch's own distributed engine: a c10d TCPStore for
// the rendezvous (hosted by rank 0) and a ProcessGroupGloo for the collectives (CPU tensors; a CUDA build
// would take ProcessGroupNCCL for CUDA tensors). Every collective either completes on all ranks or throws
// durian::Error on each survivor, naming the ranks it lost, within the configured timeout.
class DataParallel {
public:
    // Joins the job: waits for every rank to arrive (throws durian::Error naming those that did not).
    explicit DataParallel(const DataParallelConfig& config);
    ~DataParallel();
    DataParallel(const DataParallel&) = delete;
    DataParallel& operator=(const DataParallel&) = delete;

    int rank() const;
    int worldSize() const;

    // Every rank ends with the ranks' mean of each tensor, in place. Reduced in buckets of a few MB (one
    // collective per bucket, not per tensor); every rank must pass the same shapes in the same order.
    void averageInPlace(const std::vector<torch::Tensor>& tensors);
    // Rank 0's values into every rank's tensors, in place (the same bucketing).
    void broadcastFromRankZero(const std::vector<torch::Tensor>& tensors);
    // Element-wise sums of a few numbers over the ranks, in one collective (losses, flags, counts).
    std::vector<double> sum(const std::vector<double>& values);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace durian
