#pragma once

// Internal to core/synth: a seeded generator whose output is the same with every compiler and standard
// library (std:: distributions are not), so a seed renders the same person everywhere.

#include <cmath>
#include <cstdint>
#include <string_view>

namespace durian::synth {

class Random {
public:
    explicit Random(std::uint64_t seed, std::string_view stream = {})
        : state_(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull)
    {
        for (const char ch : stream) { // independent streams per purpose: adding one leaves the others alone
            state_ = (state_ ^ static_cast<std::uint8_t>(ch)) * 0x100000001B3ull;
        }
        next();
    }

    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    float uniform() { return static_cast<float>(next() >> 40) * (1.f / 16777216.f); } // [0, 1)
    float uniform(float lo, float hi) { return lo + (hi - lo) * uniform(); }
    int below(int n) { return static_cast<int>(uniform() * static_cast<float>(n)) % n; }
    bool chance(float p) { return uniform() < p; }
    float normal()
    {
        const float u1 = 1.f - uniform(), u2 = uniform();
        return std::sqrt(-2.f * std::log(u1)) * std::cos(6.2831853f * u2);
    }

private:
    std::uint64_t state_;
};

} // namespace durian::synth
