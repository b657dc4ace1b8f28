#pragma once

#include "core/io/Image.h"
#include "core/util/Cancellation.h"

#include <stop_token>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

namespace durian {

enum class VideoFormat {
    Mp4,         // H.264 (libx264), yuv420p, +faststart; AAC audio
    WebM,        // VP9 (libvpx-vp9), yuv420p, constant quality; Opus audio
    Gif,         // one palette for the whole clip (FFmpeg's palettegen), dithered (paletteuse); no audio.
                 // Frames wait in an unlinked scratch file beside the target (W*H*3 bytes each) until finish().
    PngSequence, // a directory of frame_00001.png, frame_00002.png, ...; no audio
};

// The width or height a frame of `pixels` is written at: yuv420p (MP4, WebM) needs even sizes, so an odd
// one is padded by a repeated row or column (never cropped).
inline int encodedDimension(VideoFormat format, int pixels)
{
    return (format == VideoFormat::Mp4 || format == VideoFormat::WebM) ? pixels + (pixels & 1) : pixels;
}

// .mp4/.m4v/.mov -> Mp4, .webm -> WebM, .gif -> Gif, no extension (a directory) -> PngSequence.
// Throws durian::Error naming the path for any other extension.
VideoFormat videoFormatFromPath(const std::filesystem::path& path);
std::string toString(VideoFormat format);

struct EncodeProgress {
    std::int64_t framesDone = 0;
    std::int64_t framesTotal = 0; // VideoEncodeOptions::expectedFrames; 0 when not known
    bool finishing = false;       // finish() is writing (GIF: the palette pass over all frames)
};

struct VideoEncodeOptions {
    VideoFormat format = VideoFormat::Mp4;
    double fps = 24; // any positive rate; GIF stores delays in 1/100 s (rounded per frame, and browsers
                     // slow down rates above 50 fps)
    int crf = -1;                    // quality, lower is better; -1: 18 for MP4 (0-51), 32 for WebM (0-63)
    std::string preset = "medium";   // x264 preset name; WebM maps it to a libvpx speed
    std::filesystem::path audioSource; // a video or audio file whose first audio stream is carried over
    std::int64_t expectedFrames = 0; // only for progress reports
    std::function<void(const EncodeProgress&)> progress;
    std::stop_token stop; // a stop makes write()/finish() throw durian::Cancelled; the target stays as it was
    std::string videoEncoder;        // FFmpeg encoder name overriding the format's default (for tests, tuning)
};


// Streams RGB frames into a video file: each write() encodes one frame, so a clip is never held in
// memory. The output appears at `path` only when finish() succeeds; until then it is a temporary beside
// it, removed on error, cancel or destruction, so an existing file at `path` is untouched.
//
// All frames must have the first frame's size. Odd sizes are padded to even ones for MP4 and WebM
// (yuv420p needs them) by repeating the last row/column: the video is at most one pixel larger, never
// cropped. Audio from options.audioSource is transcoded (AAC for MP4, Opus for WebM) and cut at the
// clip's end. Errors (unwritable path, full disk, missing encoder, bad audio source) throw durian::Error.
class VideoEncoder {
public:
    VideoEncoder(const std::filesystem::path& path, VideoEncodeOptions options);
    ~VideoEncoder();
    VideoEncoder(const VideoEncoder&) = delete;
    VideoEncoder& operator=(const VideoEncoder&) = delete;

    void write(const Image& rgb);
    void finish();
    std::int64_t framesWritten() const { return frames_; }

    // Internal: one per format (MP4/WebM, GIF, PNG sequence), defined in core/video.
    class Sink;

private:
    std::filesystem::path path_;
    VideoEncodeOptions options_;
    std::unique_ptr<Sink> sink_;
    std::int64_t frames_ = 0;
    int width_ = 0;
    int height_ = 0;
    bool finished_ = false;
    bool failed_ = false;

    void checkCancel();
};

} // namespace durian
