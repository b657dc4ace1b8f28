// A directory of numbered PNG frames (frame_00001.png, ...), written into a temporary directory beside
// the target and moved in on success, so a reader never sees half a sequence. The tool never deletes a
// file it did not write: the target must be new, empty, or hold only an earlier sequence's frame files,
// which are the only files replaced or removed.
#include "core/io/AtomicFile.h"
#include "core/video/FfmpegUtil.h"
#include "core/video/VideoSink.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
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

bool isFrameFileName(const std::string& name)
{
    // frame_NNNNN.png, as write() names them (more digits past 99999 frames)
    if (name.size() < 15 || name.rfind("frame_", 0) != 0 || name.substr(name.size() - 4) != ".png") {
        return false;
    }
    return std::all_of(name.begin() + 6, name.end() - 4, [](char c) { return c >= '0' && c <= '9'; });
}

// The entries of `dir` that are not an earlier sequence's frames (at most a few, for the message).
std::vector<std::string> foreignEntries(const fs::path& dir)
{
    std::vector<std::string> foreign;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
        const auto name = entry.path().filename().string();
        if (!entry.is_regular_file(error) || !isFrameFileName(name)) {
            foreign.push_back(name);
        }
    }
    std::sort(foreign.begin(), foreign.end());
    return foreign;
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
    void checkOnlyFrames() const
    {
        const auto foreign = foreignEntries(target_);
        if (!foreign.empty()) {
            fail("the folder already holds other files (" + foreign.front() + (foreign.size() > 1 ? ", ..." : "") +
                "); PNG frames go into a new or empty folder, or one holding only earlier frames");
        }
    }
};

PngSequenceSink::PngSequenceSink(const fs::path& path, const VideoEncodeOptions& options)
    : target_(path)
{
    std::error_code error;
    if (fs::exists(target_, error) && !fs::is_directory(target_, error)) {
        fail("it exists and is not a directory (PNG frames are written into a directory)");
    }
    if (fs::is_directory(target_, error)) {
        checkOnlyFrames();
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
    if (!fs::exists(target_, error)) {
        // mkdtemp made it private (0700); a new folder gets the umask's mode, as files do.
        ::chmod(temporary_.c_str(), 0777 & ~static_cast<mode_t>(processUmask()));
        if (std::rename(temporary_.c_str(), target_.c_str()) != 0) {
            fail(std::strerror(errno));
        }
        committed_ = true;
        return;
    }
    checkOnlyFrames(); // again: someone may have put a file there while the frames were rendered
    // Each new frame replaces its namesake in one rename; then the earlier sequence's extra frames go.
    for (std::int64_t i = 1; i <= count_; ++i) {
        char name[32];
        std::snprintf(name, sizeof name, "frame_%05lld.png", static_cast<long long>(i));
        if (std::rename((temporary_ / name).c_str(), (target_ / name).c_str()) != 0) {
            fail(std::string("cannot move the frames in (") + std::strerror(errno) + ")");
        }
    }
    committed_ = true;
    for (const auto& entry : fs::directory_iterator(target_, error)) {
        const auto name = entry.path().filename().string();
        if (isFrameFileName(name) && std::stoll(name.substr(6, name.size() - 10)) > count_) {
            fs::remove(entry.path(), error);
        }
    }
    fs::remove_all(temporary_, error); // empty by now
}

} // namespace

std::unique_ptr<VideoEncoder::Sink> makePngSequenceSink(const fs::path& path, const VideoEncodeOptions& options)
{
    return std::make_unique<PngSequenceSink>(path, options);
}

} // namespace durian
