#pragma once

#include "core/io/Image.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace durian {

// What the decoder sees in a video file. Sizes are as displayed: rotation metadata already applied.
struct VideoInfo {
    int width = 0;
    int height = 0;
    double fps = 0;             // average frame rate; 0 when the file does not say
    double duration = 0;        // seconds; 0 when unknown
    std::int64_t frameCount = 0; // from the container when it says, else duration * fps (an estimate)
    bool frameCountExact = false;
    std::string codec;          // e.g. "h264"
    int rotation = 0;           // clockwise degrees applied to the stored frames: 0, 90, 180 or 270
    bool hasAudio = false;
    std::string audioCodec;     // empty without audio
};

struct VideoFrame {
    Image image;          // RGB, upright
    double timestamp = 0; // seconds from the start of the stream
};

// Reads the video stream of anything FFmpeg opens (mp4, mov, mkv, webm, avi, animated GIF, ...).
// Frames come out in presentation order as RGB. Throws durian::Error naming the file when it is
// missing, not a video, damaged, or in a format this FFmpeg cannot decode.
class VideoDecoder {
public:
    explicit VideoDecoder(const std::filesystem::path& path);
    ~VideoDecoder();
    VideoDecoder(const VideoDecoder&) = delete;
    VideoDecoder& operator=(const VideoDecoder&) = delete;

    const VideoInfo& info() const;

    // The next frame, or false at the end of the stream.
    bool read(VideoFrame& frame);

    // Positions the stream so that the next read() returns the first frame at or after `seconds`
    // (decodes from the preceding key frame, so the result is exact, not the nearest key frame).
    void seek(double seconds);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace durian
