#pragma once

// Test photos for the face tests: astronaut.png is committed; the opencv-doc photos are fetched into the
// build folder by tests/data/fetch-deb-data.sh (ctest fixtures) and may be missing offline.

#include "core/face/FaceAnalyzer.h"
#include "core/io/Image.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace durian::testing {

inline std::filesystem::path committedPhoto(const std::string& name)
{
    return std::filesystem::path(DURIAN_SOURCE_DIR) / "tests/data/photos" / name;
}

inline std::filesystem::path fetchedPhoto(const std::string& name)
{
    return std::filesystem::path(DURIAN_TEST_PHOTOS_DIR) / name;
}

// One analyzer per test process: the model takes about a second to load.
inline FaceAnalyzer& sharedAnalyzer()
{
    static FaceAnalyzer analyzer;
    return analyzer;
}

inline float pixelGray(const Image& image, float x, float y)
{
    const auto* p = image.row(static_cast<int>(y)) + static_cast<int>(x) * image.channels;
    return image.channels == 1 ? p[0] : (p[0] + p[1] + p[2]) / 3.0f;
}

inline bool maskAt(const Image& mask, float x, float y) { return pixelGray(mask, x, y) >= 128; }

} // namespace durian::testing

// Skips the test with a clear message when a fetched photo is not there.
#define DURIAN_REQUIRE_FETCHED_PHOTO(name)                                                                        \
    do {                                                                                                          \
        if (!std::filesystem::exists(durian::testing::fetchedPhoto(name))) {                                      \
            GTEST_SKIP() << name << " is missing from " DURIAN_TEST_PHOTOS_DIR                                    \
                         << ": tests/data/fetch-deb-data.sh could not fetch it (see the data.Fetch* tests' output)"; \
        }                                                                                                         \
    } while (false)
