// MP4 (H.264) and WebM (VP9) output through libavformat, with optional transcoded audio.
#include "core/io/AtomicFile.h"
#include "core/video/AudioTranscoder.h"
#include "core/video/FfmpegUtil.h"
#include "core/video/VideoSink.h"

extern "C" {
#include <libavutil/opt.h>
}

#include <algorithm>
#include <array>
#include <optional>

namespace durian {

using namespace ffmpeg;

namespace {

constexpr std::array<const char*, 10> kX264Presets = {
    "ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo"};

// libvpx has no presets; its speed ("cpu-used", 0 slowest .. 8 fastest) stands in for them.
int vp9Speed(const std::string& preset)
{
    static constexpr std::array<int, 10> speeds = {8, 7, 6, 5, 5, 4, 2, 1, 0, 0};
    for (std::size_t i = 0; i < kX264Presets.size(); ++i) {
        if (preset == kX264Presets[i]) {
            return speeds[i];
        }
    }
    return 4;
}

class MuxedSink : public VideoEncoder::Sink {
public:
    MuxedSink(const std::filesystem::path& path, const VideoEncodeOptions& options);
    void write(const Image& rgb) override;
    void finish(const std::function<void(std::int64_t, std::int64_t)>& tick) override;

private:
    std::string name_; // the user's path, for messages
    VideoEncodeOptions options_;
    bool mp4_;
    AtomicFileTarget target_;
    const AVCodec* codec_ = nullptr;
    std::optional<AudioTranscoder> audio_;
    AVRational fps_;
    OutputPtr output_;
    CodecPtr video_;
    AVStream* stream_ = nullptr;
    RgbToFrame converter_;
    FramePtr frame_ = makeFrame();
    PacketPtr packet_ = makePacket();
    std::int64_t frames_ = 0;

    void open(int width, int height);
    void drain();
    void writePacket(AVPacket& packet, AVRational codecTimeBase, AVStream* stream);
    [[noreturn]] void fail(const std::string& what, int code) const;
};

MuxedSink::MuxedSink(const std::filesystem::path& path, const VideoEncodeOptions& options)
    : name_(path.string())
    , options_(options)
    , mp4_(options.format == VideoFormat::Mp4)
    , target_(path)
    , fps_(rationalFps(options.fps))
{
    const char* encoderName = options.videoEncoder.empty() ? (mp4_ ? "libx264" : "libvpx-vp9")
                                                           : options.videoEncoder.c_str();
    codec_ = avcodec_find_encoder_by_name(encoderName);
    if (codec_ == nullptr || codec_->type != AVMEDIA_TYPE_VIDEO) {
        throw Error("Cannot write " + name_ + ": this FFmpeg has no video encoder '" + encoderName
            + "' (install an FFmpeg built with it, or choose another format)");
    }
    if (mp4_ && std::find(kX264Presets.begin(), kX264Presets.end(), options.preset) == kX264Presets.end()) {
        throw Error("Unknown preset '" + options.preset
            + "': use ultrafast, superfast, veryfast, faster, fast, medium, slow, slower or veryslow");
    }
    const int maxCrf = mp4_ ? 51 : 63;
    if (options.crf > maxCrf) {
        throw Error("Quality (CRF) " + std::to_string(options.crf) + " is out of range: use 0 to "
            + std::to_string(maxCrf) + " (lower is better)");
    }
    if (!options.audioSource.empty()) {
        audio_.emplace(options.audioSource, mp4_ ? AV_CODEC_ID_AAC : AV_CODEC_ID_OPUS);
    }
}

[[noreturn]] void MuxedSink::fail(const std::string& what, int code) const
{
    throw Error("Cannot write " + name_ + ": " + what + (code < 0 ? " (" + errorText(code) + ")" : ""));
}

void MuxedSink::open(int width, int height)
{
    AVFormatContext* raw = nullptr;
    const std::string temporary = target_.temporaryPath().string();
    if (const int code = avformat_alloc_output_context2(&raw, nullptr, mp4_ ? "mp4" : "webm", temporary.c_str());
        code < 0) {
        fail("cannot create the container", code);
    }
    output_.reset(raw);

    video_.reset(avcodec_alloc_context3(codec_));
    AVCodecContext& enc = *video_;
    enc.width = width;
    enc.height = height;
    enc.pix_fmt = AV_PIX_FMT_YUV420P;
    enc.framerate = fps_;
    enc.time_base = av_inv_q(fps_);
    enc.sample_aspect_ratio = AVRational{1, 1};
    enc.colorspace = AVCOL_SPC_BT709;
    enc.color_primaries = AVCOL_PRI_BT709;
    enc.color_trc = AVCOL_TRC_BT709;
    enc.color_range = AVCOL_RANGE_MPEG;
    enc.thread_count = 0;
    if (output_->oformat->flags & AVFMT_GLOBALHEADER) {
        enc.flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    }
    AVDictionary* codecOptions = nullptr;
    const int crf = options_.crf >= 0 ? options_.crf : (mp4_ ? 18 : 32);
    av_dict_set(&codecOptions, "crf", std::to_string(crf).c_str(), 0);
    if (mp4_) {
        av_dict_set(&codecOptions, "preset", options_.preset.c_str(), 0);
    } else {
        enc.bit_rate = 0; // with crf: constant quality, no bitrate cap
        av_dict_set(&codecOptions, "deadline", "good", 0);
        av_dict_set(&codecOptions, "cpu-used", std::to_string(vp9Speed(options_.preset)).c_str(), 0);
        av_dict_set(&codecOptions, "row-mt", "1", 0);
    }
    const int opened = avcodec_open2(&enc, codec_, &codecOptions);
    av_dict_free(&codecOptions);
    if (opened < 0) {
        fail(std::string("the ") + codec_->name + " encoder rejected " + std::to_string(width) + "x"
                + std::to_string(height) + " yuv420p",
            opened);
    }
    stream_ = avformat_new_stream(output_.get(), nullptr);
    if (stream_ == nullptr || avcodec_parameters_from_context(stream_->codecpar, &enc) < 0) {
        fail("cannot add the video stream", 0);
    }
    stream_->time_base = enc.time_base;
    stream_->avg_frame_rate = fps_;
    if (audio_) {
        audio_->addStream(*output_);
    }
    if (const int code = avio_open(&output_->pb, temporary.c_str(), AVIO_FLAG_WRITE); code < 0) {
        fail("cannot open the file", code);
    }
    AVDictionary* muxOptions = nullptr;
    if (mp4_) {
        // Index at the front, so playback (and web upload previews) can start before the download ends.
        av_dict_set(&muxOptions, "movflags", "+faststart", 0);
    }
    const int header = avformat_write_header(output_.get(), &muxOptions);
    av_dict_free(&muxOptions);
    if (header < 0) {
        fail("cannot write the header", header);
    }
}

void MuxedSink::writePacket(AVPacket& packet, AVRational codecTimeBase, AVStream* stream)
{
    if (packet.duration == 0 && stream == stream_) {
        packet.duration = 1; // one frame; the muxer needs it for the last frame's length
    }
    av_packet_rescale_ts(&packet, codecTimeBase, stream->time_base);
    packet.stream_index = stream->index;
    if (const int code = av_interleaved_write_frame(output_.get(), &packet); code < 0) {
        fail("writing failed", code);
    }
}

void MuxedSink::drain()
{
    while (true) {
        const int code = avcodec_receive_packet(video_.get(), packet_.get());
        if (code == AVERROR(EAGAIN) || code == AVERROR_EOF) {
            return;
        }
        if (code < 0) {
            fail("the video encoder failed", code);
        }
        writePacket(*packet_, video_->time_base, stream_);
        av_packet_unref(packet_.get());
    }
}

void MuxedSink::write(const Image& rgb)
{
    if (!output_) {
        open(encodedDimension(VideoFormat::Mp4, rgb.width), encodedDimension(VideoFormat::Mp4, rgb.height));
    }
    converter_.convert(rgb, *frame_, AV_PIX_FMT_YUV420P, video_->width, video_->height);
    frame_->pts = frames_++;
    if (const int code = avcodec_send_frame(video_.get(), frame_.get()); code < 0) {
        fail("the video encoder failed", code);
    }
    drain();
    if (audio_) {
        const AudioTranscoder::PacketWriter writer = [this](AVPacket& p, AVRational tb, AVStream* s) {
            writePacket(p, tb, s);
        };
        audio_->encodeUntil(static_cast<double>(frames_) / av_q2d(fps_), writer);
    }
}

void MuxedSink::finish(const std::function<void(std::int64_t, std::int64_t)>& tick)
{
    avcodec_send_frame(video_.get(), nullptr);
    drain();
    if (audio_) {
        audio_->finish(static_cast<double>(frames_) / av_q2d(fps_),
            [this](AVPacket& p, AVRational tb, AVStream* s) { writePacket(p, tb, s); });
    }
    tick(frames_, frames_);
    if (const int code = av_write_trailer(output_.get()); code < 0) {
        fail("cannot finish the file", code);
    }
    if (const int code = avio_closep(&output_->pb); code < 0) {
        fail("cannot finish the file", code);
    }
    target_.commit();
}

} // namespace

std::unique_ptr<VideoEncoder::Sink> makeMuxedSink(const std::filesystem::path& path, const VideoEncodeOptions& options)
{
    return std::make_unique<MuxedSink>(path, options);
}

} // namespace durian
