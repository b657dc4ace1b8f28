#pragma once

// What every fuzz target shares: the input as text, and the rule it enforces. A parser given any bytes
// either returns or throws durian::Error with a message; any other exception escapes to libFuzzer,
// which reports it as a crash, as it does a sanitizer finding.

#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace durian::fuzz {

inline std::string text(const std::uint8_t* data, std::size_t size)
{
    return std::string(reinterpret_cast<const char*>(data), size);
}

template <typename Parse>
int expectCleanError(Parse&& parse)
{
    try {
        parse();
    } catch (const Error& e) {
        if (std::string(e.what()).empty()) {
            __builtin_trap(); // an error the user cannot read
        }
    }
    return 0;
}

} // namespace durian::fuzz
