#pragma once

// Internal to core/video: the per-format back ends behind VideoEncoder.

#include "core/video/VideoEncoder.h"

#include <functional>

namespace durian {

class VideoEncoder::Sink {
public:
    virtual ~Sink() = default;
    // Frames arrive with one size (VideoEncoder checks), at least one before finish().
    virtual void write(const Image& rgb) = 0;
    // Completes and commits the output. `tick(done, total)` reports progress of work done here (the GIF
    // palette pass) and throws durian::Cancelled when a stop was asked for.
    virtual void finish(const std::function<void(std::int64_t, std::int64_t)>& tick) = 0;
};

std::unique_ptr<VideoEncoder::Sink> makeMuxedSink(const std::filesystem::path& path, const VideoEncodeOptions& options);
std::unique_ptr<VideoEncoder::Sink> makeGifSink(const std::filesystem::path& path, const VideoEncodeOptions& options);
std::unique_ptr<VideoEncoder::Sink> makePngSequenceSink(
    const std::filesystem::path& path, const VideoEncodeOptions& options);

} // namespace durian
