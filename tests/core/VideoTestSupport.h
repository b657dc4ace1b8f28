#pragma once

// Helpers for the video tests: natural-looking frames, PSNR, and the ffmpeg/ffprobe command-line tools
// (the independent referee for what our encoder writes).

#include "core/io/Image.h"
#include "core/video/VideoDecoder.h"
#include "tests/common/ScratchDirectory.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

namespace videotest {

namespace fs = std::filesystem;

using testsupport::freshDirectory;

inline std::size_t fileCount(const fs::path& dir)
{
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}

// Runs a shell command; returns its stdout. Fails the test when it exits non-zero.
inline std::string shell(const std::string& command)
{
    std::string output;
    std::FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
    if (pipe == nullptr) {
        ADD_FAILURE() << "cannot run " << command;
        return output;
    }
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        output.append(buffer, n);
    }
    const int status = ::pclose(pipe);
    EXPECT_EQ(status, 0) << command;
    while (!output.empty() && (output.back() == '\n' || output.back() == '\r')) {
        output.pop_back();
    }
    return output;
}

// One ffprobe field of the first stream selected, e.g. probe(f, "v:0", "stream=codec_name").
inline std::string probe(const fs::path& file, const std::string& stream, const std::string& entry)
{
    return shell("ffprobe -v error -select_streams " + stream + " -show_entries " + entry
        + " -of default=nw=1:nk=1 '" + file.string() + "'");
}

inline long long countFrames(const fs::path& file)
{
    return std::stoll(shell("ffprobe -v error -select_streams v:0 -count_frames -show_entries stream=nb_read_frames"
                            " -of default=nw=1:nk=1 '"
        + file.string() + "'"));
}

inline double formatDuration(const fs::path& file)
{
    return std::stod(shell("ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 '" + file.string() + "'"));
}

// The demo portrait (a real photo), a window panned and zoomed in a little per frame: natural content
// with motion, as an animation export has. zoomBase is source pixels per output pixel at frame 0; above
// 1 the bilinear sampling aliases (harder than natural content), at or below 1 it is the photo itself.
inline std::vector<durian::Image> portraitClip(int width, int height, int frames, double zoomBase = 1.0)
{
    const durian::Image portrait = durian::loadImageRgb(fs::path(DURIAN_SOURCE_DIR) / "tests/data/photos/astronaut.png");
    std::vector<durian::Image> clip;
    for (int f = 0; f < frames; ++f) {
        const double zoom = zoomBase - 0.01 * f;
        const double x0 = 100 + 3.0 * f;
        const double y0 = 80 + 2.0 * f;
        durian::Image frame(width, height, 3);
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) {
                // Bilinear sample, so the pan is smooth (sub-pixel), as a rendered camera move is.
                const double sx = x0 + x * zoom;
                const double sy = y0 + y * zoom;
                const int ix = std::min(static_cast<int>(sx), portrait.width - 2);
                const int iy = std::min(static_cast<int>(sy), portrait.height - 2);
                const double fx = sx - ix;
                const double fy = sy - iy;
                for (int c = 0; c < 3; ++c) {
                    const double top = portrait.row(iy)[ix * 3 + c] * (1 - fx) + portrait.row(iy)[(ix + 1) * 3 + c] * fx;
                    const double bottom
                        = portrait.row(iy + 1)[ix * 3 + c] * (1 - fx) + portrait.row(iy + 1)[(ix + 1) * 3 + c] * fx;
                    frame.row(y)[x * 3 + c] = static_cast<std::uint8_t>(std::lround(top * (1 - fy) + bottom * fy));
                }
            }
        }
        clip.push_back(std::move(frame));
    }
    return clip;
}

// PSNR over the region both images cover (a padded output is compared on the source's area).
inline double psnr(const durian::Image& a, const durian::Image& b)
{
    const int w = std::min(a.width, b.width);
    const int h = std::min(a.height, b.height);
    double sum = 0;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w * 3; ++x) {
            const double d = double(a.row(y)[x]) - double(b.row(y)[x]);
            sum += d * d;
        }
    }
    const double mse = sum / (double(w) * h * 3);
    return mse == 0 ? 99.0 : 10 * std::log10(255.0 * 255.0 / mse);
}

inline std::vector<durian::VideoFrame> decodeAll(const fs::path& file)
{
    durian::VideoDecoder decoder(file);
    std::vector<durian::VideoFrame> frames;
    durian::VideoFrame frame;
    while (decoder.read(frame)) {
        frames.push_back(frame);
    }
    return frames;
}

// Mean PSNR of a decoded clip against its source frames (fails when the counts differ).
inline double meanPsnr(const std::vector<durian::Image>& source, const std::vector<durian::VideoFrame>& decoded)
{
    EXPECT_EQ(decoded.size(), source.size());
    double sum = 0;
    const std::size_t n = std::min(source.size(), decoded.size());
    for (std::size_t i = 0; i < n; ++i) {
        sum += psnr(source[i], decoded[i].image);
    }
    return n == 0 ? 0 : sum / double(n);
}

} // namespace videotest
