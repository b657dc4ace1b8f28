#include "app/cli/CommandLine.h"
#include "core/video/VideoDecoder.h"
#include "core/video/VideoEncoder.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <unistd.h>

namespace durian::cli {
namespace {

namespace fs = std::filesystem;

// A smooth, moving picture (gradients and soft discs), closer to rendered frames than noise is.
Image syntheticFrame(int size, int index)
{
    Image image(size, size, 3);
    const double t = index * 0.08;
    const double cx = size * (0.5 + 0.3 * std::cos(t));
    const double cy = size * (0.5 + 0.3 * std::sin(1.3 * t));
    for (int y = 0; y < size; ++y) {
        std::uint8_t* row = image.row(y);
        for (int x = 0; x < size; ++x) {
            const double d = std::hypot(x - cx, y - cy) / size;
            const double disc = 1.0 / (1.0 + std::exp((d - 0.18) * 60.0));
            row[x * 3 + 0] = static_cast<std::uint8_t>(255 * (0.2 + 0.6 * x / size) * (1 - disc) + 230 * disc);
            row[x * 3 + 1] = static_cast<std::uint8_t>(255 * (0.3 + 0.5 * y / size) * (1 - disc) + 120 * disc);
            row[x * 3 + 2] = static_cast<std::uint8_t>(128 + 100 * std::sin(x * 0.03 + y * 0.02 + t) * (1 - disc));
        }
    }
    return image;
}

double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

} // namespace

Command benchVideoCommand()
{
    return {"bench-video", "bench-video [--frames N] [--formats mp4,webm,gif,png] [--keep DIR]",
        "Measure video encode and decode speed (frames/s) at 256x256 and 512x512",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {});
            const int frames = arguments.integerOr("frames", 48, 1, 100000);
            if (frames < 1) {
                throw UsageError("--frames must be at least 1");
            }
            const std::string formats = arguments.valueOr("formats", "mp4,webm,gif");
            // --keep DIR leaves the outputs there (to compare with other tools on the same frames).
            const bool keep = arguments.has("keep");
            const fs::path directory = keep ? fs::path(*arguments.value("keep"))
                                            : fs::temp_directory_path() / ("durian-bench-video-" + std::to_string(::getpid()));
            std::error_code error;
            fs::create_directories(directory, error);
            std::printf("%-6s %-9s %7s %12s %12s %10s\n", "format", "size", "frames", "encode f/s", "decode f/s",
                "bytes");
            for (const int size : {256, 512}) {
                // Frames are made before timing, so only the encoder is measured.
                std::vector<Image> clip;
                for (int i = 0; i < frames; ++i) {
                    clip.push_back(syntheticFrame(size, i));
                }
                for (const char* name : {"mp4", "webm", "gif", "png"}) {
                    if (formats.find(name) == std::string::npos) {
                        continue;
                    }
                    const bool sequence = std::string(name) == "png";
                    const fs::path path
                        = directory / (std::to_string(size) + (sequence ? "-frames" : std::string(".") + name));
                    VideoEncodeOptions options;
                    options.format = videoFormatFromPath(path);
                    options.fps = 24;
                    auto start = std::chrono::steady_clock::now();
                    VideoEncoder encoder(path, options);
                    for (const auto& frame : clip) {
                        encoder.write(frame);
                    }
                    encoder.finish();
                    const double encodeTime = seconds(start);

                    const std::string label = std::to_string(size) + "x" + std::to_string(size);
                    if (sequence) {
                        std::uintmax_t bytes = 0;
                        for (const auto& file : fs::directory_iterator(path)) {
                            bytes += file.file_size();
                        }
                        std::printf("%-6s %-9s %7d %12.1f %12s %10ju\n", name, label.c_str(), frames,
                            frames / encodeTime, "-", bytes);
                        continue;
                    }
                    start = std::chrono::steady_clock::now();
                    VideoDecoder decoder(path);
                    VideoFrame frame;
                    int decoded = 0;
                    while (decoder.read(frame)) {
                        ++decoded;
                    }
                    const double decodeTime = seconds(start);
                    std::printf("%-6s %-9s %7d %12.1f %12.1f %10ju\n", name, label.c_str(), frames,
                        frames / encodeTime, decoded / decodeTime, fs::file_size(path));
                    std::fflush(stdout);
                }
            }
            if (!keep) {
                fs::remove_all(directory);
            }
            return kExitOk;
        }};
}

} // namespace durian::cli
