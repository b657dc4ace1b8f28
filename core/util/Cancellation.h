#pragma once

#include "core/util/Error.h"

#include <stop_token>
#include <string>

namespace durian {

// Long work (generating, rendering, encoding, training, evaluating) stops one way: the caller keeps a
// std::stop_source and hands the work its std::stop_token; the work checks it between steps and throws
// Cancelled, which leaves every output as it was.
class Cancelled : public Error {
public:
    explicit Cancelled(const std::string& what = "cancelled") : Error(what) {}
};

inline void throwIfStopped(const std::stop_token& stop)
{
    if (stop.stop_requested()) {
        throw Cancelled();
    }
}

} // namespace durian
