#include "core/video/VideoEncoder.h"

#include "core/video/FfmpegUtil.h"
#include "core/video/VideoSink.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace durian {

VideoFormat videoFormatFromPath(const std::filesystem::path& path)
{
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".mp4" || extension == ".m4v" || extension == ".mov") {
        return VideoFormat::Mp4;
    }
    if (extension == ".webm") {
        return VideoFormat::WebM;
    }
    if (extension == ".gif") {
        return VideoFormat::Gif;
    }
    if (extension.empty()) {
        return VideoFormat::PngSequence;
    }
    throw Error("Cannot tell the video format of " + path.string() + " from its extension '" + extension
        + "': use .mp4, .webm, .gif, or a directory name for PNG frames");
}

std::string toString(VideoFormat format)
{
    switch (format) {
    case VideoFormat::Mp4:
        return "mp4";
    case VideoFormat::WebM:
        return "webm";
    case VideoFormat::Gif:
        return "gif";
    case VideoFormat::PngSequence:
        return "png";
    }
    return "?";
}

namespace {

// Before any frame is made: a file can be created beside the target (a missing or read-only folder,
// /proc, a full quota fail here, not after minutes of rendering). The probe file is removed at once.
void checkWritableFolder(const std::filesystem::path& target)
{
    const auto parent = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
    std::string probe = (parent / ".durian-write-check-XXXXXX").string();
    const int fd = ::mkstemp(probe.data());
    if (fd < 0) {
        throw Error("Cannot write " + target.string() + ": " + std::strerror(errno) + " (folder " + parent.string() + ")");
    }
    ::close(fd);
    ::unlink(probe.c_str());
}

} // namespace

VideoEncoder::VideoEncoder(const std::filesystem::path& path, VideoEncodeOptions options)
    : path_(path)
    , options_(std::move(options))
{
    ffmpeg::limitLogging();
    if (options_.format == VideoFormat::Gif && options_.fps > 100.0) {
        throw Error("Cannot write " + path_.string() + ": a GIF's frame delays are whole hundredths of a second, so "
            "it plays at most 100 fps (asked for " + std::to_string(static_cast<int>(options_.fps)) + ")");
    }
    checkWritableFolder(path_);
    const bool carriesAudio = options_.format == VideoFormat::Mp4 || options_.format == VideoFormat::WebM;
    if (!options_.audioSource.empty() && !carriesAudio) {
        throw Error("Cannot add audio to " + path_.string() + ": " + toString(options_.format)
            + " output has no sound; choose MP4 or WebM");
    }
    switch (options_.format) {
    case VideoFormat::Mp4:
    case VideoFormat::WebM:
        sink_ = makeMuxedSink(path_, options_);
        break;
    case VideoFormat::Gif:
        sink_ = makeGifSink(path_, options_);
        break;
    case VideoFormat::PngSequence:
        sink_ = makePngSequenceSink(path_, options_);
        break;
    }
}

VideoEncoder::~VideoEncoder() = default;

// Called between frames, and from inside Sink::finish (whose caller then drops the sink).
void VideoEncoder::checkCancel()
{
    if (options_.stop.stop_requested()) {
        failed_ = true;
        throw Cancelled("Export to " + path_.string() + " was cancelled");
    }
}

void VideoEncoder::write(const Image& rgb)
{
    if (failed_ || finished_) {
        throw Error("Cannot write to " + path_.string() + ": the encoder has already "
            + (finished_ ? "finished" : "failed"));
    }
    try {
        checkCancel();
    } catch (const Cancelled&) {
        sink_.reset(); // removes the temporary now, not when the caller lets go of the encoder
        throw;
    }
    if (rgb.empty() || rgb.channels != 3) {
        throw Error("Cannot write to " + path_.string() + ": frames must be non-empty RGB images");
    }
    if (frames_ == 0) {
        width_ = rgb.width;
        height_ = rgb.height;
    } else if (rgb.width != width_ || rgb.height != height_) {
        throw Error("Cannot write to " + path_.string() + ": frame " + std::to_string(frames_ + 1) + " is "
            + std::to_string(rgb.width) + "x" + std::to_string(rgb.height) + ", the clip is "
            + std::to_string(width_) + "x" + std::to_string(height_));
    }
    try {
        sink_->write(rgb);
    } catch (...) {
        failed_ = true;
        sink_.reset();
        throw;
    }
    ++frames_;
    if (options_.progress) {
        options_.progress({frames_, options_.expectedFrames, false});
    }
}

void VideoEncoder::finish()
{
    if (failed_ || finished_) {
        throw Error("Cannot finish " + path_.string() + ": the encoder has already "
            + (finished_ ? "finished" : "failed"));
    }
    if (frames_ == 0) {
        failed_ = true;
        sink_.reset();
        throw Error("Cannot write " + path_.string() + ": no frames were given");
    }
    try {
        checkCancel();
        sink_->finish([this](std::int64_t done, std::int64_t total) {
            checkCancel();
            if (options_.progress) {
                options_.progress({done, total, true});
            }
        });
    } catch (...) {
        failed_ = true;
        sink_.reset();
        throw;
    }
    finished_ = true;
    sink_.reset();
}

} // namespace durian
