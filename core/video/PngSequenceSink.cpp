// A directory of numbered PNG frames (frame_00001.png, ...), written into a temporary directory beside
// the target and swapped in on success, so a reader never sees half a sequence.
#include "core/video/FfmpegUtil.h"
#include "core/video/VideoSink.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace durian {

using namespace ffmpeg;
namespace fs = std::filesystem;

namespace {

fs::path makeTemporaryDirectory(const fs::path& target, const std::string& tag)
{
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string name = ".";
    name.append(target.filename().string()).append(".").append(tag).append("-XXXXXX");
    std::string pattern = (parent / name).string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw Error("Cannot write " + target.string() + ": " + std::strerror(errno));
    }
    return pattern;
}

class PngSequenceSink : public VideoEncoder::Sink {
public:
    PngSequenceSink(const fs::path& path, const VideoEncodeOptions& options);
    ~PngSequenceSink() override;
    void write(const Image& rgb) override;
    void finish(const std::function<void(std::int64_t, std::int64_t)>& tick) override;

private:
    fs::path target_;
    fs::path temporary_;
    bool committed_ = false;
    const AVCodec* codec_ = nullptr;
    CodecPtr encoder_;
    RgbToFrame converter_;
    FramePtr frame_ = makeFrame();
    PacketPtr packet_ = makePacket();
    std::int64_t count_ = 0;

    [[noreturn]] void fail(const std::string& what) const { throw Error("Cannot write " + target_.string() + ": " + what); }
};

PngSequenceSink::PngSequenceSink(const fs::path& path, const VideoEncodeOptions& options)
    : target_(path)
{
    std::error_code error;
    if (fs::exists(target_, error) && !fs::is_directory(target_, error)) {
        fail("it exists and is not a directory (PNG frames are written into a directory)");
    }
    const char* encoderName = options.videoEncoder.empty() ? "png" : options.videoEncoder.c_str();
    codec_ = avcodec_find_encoder_by_name(encoderName);
    if (codec_ == nullptr || codec_->type != AVMEDIA_TYPE_VIDEO) {
        fail(std::string("this FFmpeg has no video encoder '") + encoderName + "'");
    }
    temporary_ = makeTemporaryDirectory(target_, "partial");
}

PngSequenceSink::~PngSequenceSink()
{
    if (!committed_) {
        std::error_code ignored;
        fs::remove_all(temporary_, ignored);
    }
}

void PngSequenceSink::write(const Image& rgb)
{
    if (!encoder_) {
        encoder_.reset(avcodec_alloc_context3(codec_));
        encoder_->width = rgb.width;
        encoder_->height = rgb.height;
        encoder_->pix_fmt = AV_PIX_FMT_RGB24;
        encoder_->time_base = AVRational{1, 25};
        // FFmpeg's PNG encoder filters nothing by default; Paeth prediction makes files ~8x smaller.
        AVDictionary* settings = nullptr;
        av_dict_set(&settings, "pred", "paeth", 0);
        const int code = avcodec_open2(encoder_.get(), codec_, &settings);
        av_dict_free(&settings);
        if (code < 0) {
            fail("the PNG encoder failed to start (" + errorText(code) + ")");
        }
    }
    converter_.convert(rgb, *frame_, AV_PIX_FMT_RGB24, rgb.width, rgb.height);
    frame_->pts = count_;
    int code = avcodec_send_frame(encoder_.get(), frame_.get());
    if (code >= 0) {
        code = avcodec_receive_packet(encoder_.get(), packet_.get());
    }
    if (code < 0) {
        fail("the PNG encoder failed (" + errorText(code) + ")");
    }
    char name[32];
    std::snprintf(name, sizeof name, "frame_%05lld.png", static_cast<long long>(++count_));
    const fs::path file = temporary_ / name;
    std::FILE* out = std::fopen(file.c_str(), "wb");
    if (out == nullptr) {
        fail(std::strerror(errno));
    }
    const bool written = std::fwrite(packet_->data, 1, packet_->size, out) == static_cast<std::size_t>(packet_->size);
    const int writeError = errno;
    const bool closed = std::fclose(out) == 0; // a full disk may show only when the buffer is flushed
    const int closeError = errno;
    av_packet_unref(packet_.get());
    if (!written || !closed) {
        fail(std::strerror(written ? closeError : writeError));
    }
}

void PngSequenceSink::finish(const std::function<void(std::int64_t, std::int64_t)>& tick)
{
    tick(count_, count_);
    // The frames reach the disk before they replace anything (one sync for the whole file system).
    if (const int fd = ::open(temporary_.c_str(), O_RDONLY | O_DIRECTORY); fd >= 0) {
        ::syncfs(fd);
        ::close(fd);
    }
    std::error_code error;
    fs::path previous;
    if (fs::exists(target_, error)) {
        // Move the old sequence aside (onto an empty directory of our own), swap, then delete it.
        previous = makeTemporaryDirectory(target_, "old");
        if (std::rename(target_.c_str(), previous.c_str()) != 0) {
            const int reason = errno;
            fs::remove(previous, error);
            throw Error("Cannot replace " + target_.string() + ": " + std::strerror(reason));
        }
    }
    if (std::rename(temporary_.c_str(), target_.c_str()) != 0) {
        const int reason = errno;
        if (!previous.empty()) {
            std::rename(previous.c_str(), target_.c_str());
        }
        throw Error("Cannot replace " + target_.string() + ": " + std::strerror(reason));
    }
    committed_ = true;
    if (!previous.empty()) {
        fs::remove_all(previous, error);
    }
}

} // namespace

std::unique_ptr<VideoEncoder::Sink> makePngSequenceSink(const fs::path& path, const VideoEncodeOptions& options)
{
    return std::make_unique<PngSequenceSink>(path, options);
}

} // namespace durian
