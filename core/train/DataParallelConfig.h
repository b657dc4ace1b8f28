#pragma once

#include <chrono>
#include <string>

namespace durian {

// Where this process sits in a data-parallel training job, with torchrun's conventions: rank 0 hosts the
// rendezvous (a c10d TCPStore) at masterAddr:masterPort and writes every file; the others train beside it.
// A world of one is an ordinary run and opens no socket.
struct DataParallelConfig {
    std::string masterAddr = "127.0.0.1";
    int masterPort = 29500;
    int rank = 0;
    int worldSize = 1;
    int localRank = 0; // this machine's index of the rank (CUDA builds pick their device by it)
    // How long a rank waits for a peer (to arrive, or to answer in a step) before it stops with an error.
    std::chrono::seconds timeout{120};

    bool distributed() const { return worldSize > 1; }
};

// MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE and LOCAL_RANK from the environment over `defaults`.
// Throws durian::Error naming the variable when one is not a number or out of range.
DataParallelConfig dataParallelFromEnvironment(DataParallelConfig defaults = {});

// A TCP port on 127.0.0.1 that nothing listened on a moment ago (the kernel's choice), for a job on
// this machine.
int freeLoopbackPort();

// Throws durian::Error naming the field (rank outside [0, world size), port outside 1..65535, ...).
void validateDataParallelConfig(const DataParallelConfig& config);

} // namespace durian
