#pragma once

// Helpers shared by the procedural-portrait tests.

#include "core/synth/SynthPeople.h"
#include "core/synth/SynthRender.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace synthtest {

using namespace durian;

inline Person plainPerson(std::uint64_t seed)
{
    Person p = randomPerson(seed);
    p.attributes.hair.style = HairStyle::Bald;
    p.attributes.eyeglasses.style = GlassesStyle::None;
    p.attributes.hat.style = HatStyle::None;
    p.attributes.beard.style = BeardStyle::None;
    return p;
}

inline SynthRenderOptions size(int w, int h)
{
    SynthRenderOptions o;
    o.width = w;
    o.height = h;
    return o;
}

inline int at(const Image& image, int x, int y, int c = 0)
{
    x = std::clamp(x, 0, image.width - 1);
    y = std::clamp(y, 0, image.height - 1);
    return image.row(y)[x * image.channels + c];
}

// A 0/1 map of pixels where the mask is above zero, grown by `radius` pixels.
inline std::vector<std::uint8_t> grown(const Image& mask, int radius)
{
    std::vector<std::uint8_t> out(static_cast<std::size_t>(mask.width) * mask.height, 0);
    for (int y = 0; y < mask.height; ++y) {
        for (int x = 0; x < mask.width; ++x) {
            if (at(mask, x, y) == 0) {
                continue;
            }
            for (int dy = -radius; dy <= radius; ++dy) {
                for (int dx = -radius; dx <= radius; ++dx) {
                    const int xx = x + dx, yy = y + dy;
                    if (xx >= 0 && yy >= 0 && xx < mask.width && yy < mask.height) {
                        out[static_cast<std::size_t>(yy) * mask.width + xx] = 1;
                    }
                }
            }
        }
    }
    return out;
}

inline long area(const Image& mask)
{
    long n = 0;
    for (const auto v : mask.pixels) {
        n += v > 127;
    }
    return n;
}

// Pixels whose colour differs by more than `threshold` in some channel.
inline std::vector<std::uint8_t> changed(const Image& a, const Image& b, int threshold)
{
    std::vector<std::uint8_t> out(static_cast<std::size_t>(a.width) * a.height, 0);
    for (std::size_t i = 0; i < out.size(); ++i) {
        for (int c = 0; c < 3; ++c) {
            if (std::abs(a.pixels[3 * i + c] - b.pixels[3 * i + c]) > threshold) {
                out[i] = 1;
            }
        }
    }
    return out;
}

} // namespace synthtest
