#pragma once

#include <cstdlib>
#include <unistd.h>

namespace durian {

// LibTorch's OpenMP runtime (libgomp) spins its threads for a while after every parallel region unless
// OMP_WAIT_POLICY says otherwise. With 2 cores shared by the UI, the worker and other programs, that
// spinning made a model step ~40x slower (54 ms passive vs ~2 s). libgomp reads the variable when it is
// loaded, before main() runs, so when the user has not chosen a policy we set PASSIVE and start again.
// Call first thing in main(); it returns only when no restart was needed or the restart failed.
inline void preferPassiveOpenMpWaiting(char** argv)
{
    if (std::getenv("OMP_WAIT_POLICY") != nullptr) {
        return;
    }
    ::setenv("OMP_WAIT_POLICY", "PASSIVE", 1);
    ::execv("/proc/self/exe", argv);
}

} // namespace durian
