#pragma once

#include <stop_token>
#include <string>
#include <vector>

namespace durian::cli {

// `durian train ... --nproc N`: this machine's data-parallel job. Starts N copies of this program, one
// rank each, with torchrun's environment (MASTER_ADDR 127.0.0.1, a free MASTER_PORT unless `port` > 0,
// RANK, WORLD_SIZE, LOCAL_RANK) and `threadsPerRank` compute threads, running `command` with `args`.
// Waits for all of them; a stop (Ctrl-C, SIGTERM) is passed on to every rank, which stop together after
// a checkpoint. Returns the first non-zero exit status of a rank (a signal counts as 128 + its number), or 0.
int launchLocalRanks(int ranks, int threadsPerRank, int port, const std::string& command,
    const std::vector<std::string>& args, std::stop_token stop);

} // namespace durian::cli
