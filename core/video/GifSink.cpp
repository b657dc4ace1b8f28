// Animated GIF with one palette for the whole clip, as FFmpeg's two-pass palettegen/paletteuse recipe.
//
// Streaming and a global palette pull against each other: the palette needs every frame's colours
// before the first frame can be quantised. Pass 1 (write) feeds each frame to libavfilter's palettegen,
// which keeps only a colour histogram, and appends the raw RGB frame to an unlinked temporary file
// beside the target (lossless, W*H*3 bytes per frame on disk, nothing held in memory). Pass 2 (finish)
// reads the frames back through paletteuse (Sierra-2-4A error diffusion) into the GIF encoder.
#include "core/io/AtomicFile.h"
#include "core/video/FfmpegUtil.h"
#include "core/video/VideoSink.h"

extern "C" {
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
}

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace durian {

using namespace ffmpeg;

namespace {

class GifSink : public VideoEncoder::Sink {
public:
    GifSink(const std::filesystem::path& path, const VideoEncodeOptions& options);
    ~GifSink() override;
    void write(const Image& rgb) override;
    void finish(const std::function<void(std::int64_t, std::int64_t)>& tick) override;

private:
    std::string name_;
    AtomicFileTarget target_;
    AVRational fps_;
    const AVCodec* codec_ = nullptr;
    std::FILE* frames_ = nullptr; // the raw RGB frames of pass 1
    int width_ = 0;
    int height_ = 0;
    std::int64_t count_ = 0;
    GraphPtr statsGraph_;
    AVFilterContext* statsIn_ = nullptr;
    AVFilterContext* statsOut_ = nullptr;

    [[noreturn]] void fail(const std::string& what, int code) const;
    AVFilterContext* addFilter(AVFilterGraph& graph, const char* filter, const char* name, const std::string& args);
    std::string bufferArgs(int width, int height, int format, AVRational timeBase) const;
    void openStatsGraph();
    FramePtr rgbFrame(const Image& rgb, std::int64_t pts) const;
};

GifSink::GifSink(const std::filesystem::path& path, const VideoEncodeOptions& options)
    : name_(path.string())
    , target_(path)
    , fps_(rationalFps(options.fps))
{
    const char* encoderName = options.videoEncoder.empty() ? "gif" : options.videoEncoder.c_str();
    codec_ = avcodec_find_encoder_by_name(encoderName);
    if (codec_ == nullptr || codec_->type != AVMEDIA_TYPE_VIDEO) {
        throw Error("Cannot write " + name_ + ": this FFmpeg has no video encoder '" + encoderName + "'");
    }
    if (avfilter_get_by_name("palettegen") == nullptr || avfilter_get_by_name("paletteuse") == nullptr) {
        throw Error("Cannot write " + name_ + ": this FFmpeg lacks the palettegen/paletteuse filters");
    }
    // The frames' scratch file: beside the target (same disk, same space checks), unlinked at once so it
    // disappears with this process whatever happens.
    std::string pattern = (target_.temporaryPath().parent_path() / ".durian-gif-frames-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
        fail(std::strerror(errno), 0);
    }
    ::unlink(pattern.c_str());
    frames_ = ::fdopen(fd, "w+b");
}

GifSink::~GifSink()
{
    if (frames_ != nullptr) {
        std::fclose(frames_);
    }
}

[[noreturn]] void GifSink::fail(const std::string& what, int code) const
{
    throw Error("Cannot write " + name_ + ": " + what + (code < 0 ? " (" + errorText(code) + ")" : ""));
}

AVFilterContext* GifSink::addFilter(AVFilterGraph& graph, const char* filter, const char* name, const std::string& args)
{
    AVFilterContext* context = nullptr;
    const int code = avfilter_graph_create_filter(
        &context, avfilter_get_by_name(filter), name, args.empty() ? nullptr : args.c_str(), nullptr, &graph);
    if (code < 0) {
        fail(std::string("cannot set up the ") + filter + " filter", code);
    }
    return context;
}

std::string GifSink::bufferArgs(int width, int height, int format, AVRational timeBase) const
{
    return "video_size=" + std::to_string(width) + "x" + std::to_string(height) + ":pix_fmt="
        + std::to_string(format) + ":time_base=" + std::to_string(timeBase.num) + "/" + std::to_string(timeBase.den)
        + ":pixel_aspect=1/1";
}

void GifSink::openStatsGraph()
{
    statsGraph_.reset(avfilter_graph_alloc());
    statsIn_ = addFilter(*statsGraph_, "buffer", "in", bufferArgs(width_, height_, AV_PIX_FMT_RGB24, av_inv_q(fps_)));
    AVFilterContext* generate = addFilter(*statsGraph_, "palettegen", "palettegen", "stats_mode=full");
    statsOut_ = addFilter(*statsGraph_, "buffersink", "out", "");
    if (avfilter_link(statsIn_, 0, generate, 0) < 0 || avfilter_link(generate, 0, statsOut_, 0) < 0) {
        fail("cannot link the palette filters", 0);
    }
    if (const int code = avfilter_graph_config(statsGraph_.get(), nullptr); code < 0) {
        fail("cannot configure the palette filters", code);
    }
}

FramePtr GifSink::rgbFrame(const Image& rgb, std::int64_t pts) const
{
    FramePtr frame = makeFrame();
    frame->format = AV_PIX_FMT_RGB24;
    frame->width = rgb.width;
    frame->height = rgb.height;
    if (av_frame_get_buffer(frame.get(), 0) < 0) {
        throw Error("Out of memory for a GIF frame");
    }
    for (int y = 0; y < rgb.height; ++y) {
        std::memcpy(frame->data[0] + static_cast<std::ptrdiff_t>(y) * frame->linesize[0], rgb.row(y),
            static_cast<std::size_t>(rgb.width) * 3);
    }
    frame->pts = pts;
    return frame;
}

void GifSink::write(const Image& rgb)
{
    if (!statsGraph_) {
        width_ = rgb.width;
        height_ = rgb.height;
        openStatsGraph();
    }
    if (std::fwrite(rgb.pixels.data(), 1, rgb.pixels.size(), frames_) != rgb.pixels.size()) {
        fail(std::strerror(errno), 0);
    }
    FramePtr frame = rgbFrame(rgb, count_++);
    // PUSH runs palettegen on the frame now; without it the frame would wait in the graph's queue, and
    // the whole clip with it.
    if (const int code = av_buffersrc_add_frame_flags(statsIn_, frame.get(), AV_BUFFERSRC_FLAG_PUSH); code < 0) {
        fail("the palette filter failed", code);
    }
}

void GifSink::finish(const std::function<void(std::int64_t, std::int64_t)>& tick)
{
    // Pass 1 ends: palettegen emits the clip's palette (16x16 colours) at end of stream.
    if (const int code = av_buffersrc_add_frame(statsIn_, nullptr); code < 0) {
        fail("the palette filter failed", code);
    }
    FramePtr palette = makeFrame();
    if (const int code = av_buffersink_get_frame(statsOut_, palette.get()); code < 0) {
        fail("cannot compute the palette", code);
    }
    if (std::fflush(frames_) != 0 || std::fseek(frames_, 0, SEEK_SET) != 0) {
        fail(std::strerror(errno), 0);
    }

    GraphPtr graph(avfilter_graph_alloc());
    AVFilterContext* in = addFilter(*graph, "buffer", "in", bufferArgs(width_, height_, AV_PIX_FMT_RGB24, av_inv_q(fps_)));
    AVFilterContext* paletteIn
        = addFilter(*graph, "buffer", "palette", bufferArgs(palette->width, palette->height, palette->format, {1, 1}));
    AVFilterContext* use = addFilter(*graph, "paletteuse", "paletteuse", "dither=sierra2_4a");
    AVFilterContext* out = addFilter(*graph, "buffersink", "out", "");
    if (avfilter_link(in, 0, use, 0) < 0 || avfilter_link(paletteIn, 0, use, 1) < 0
        || avfilter_link(use, 0, out, 0) < 0) {
        fail("cannot link the palette filters", 0);
    }
    if (const int code = avfilter_graph_config(graph.get(), nullptr); code < 0) {
        fail("cannot configure the palette filters", code);
    }
    palette->pts = 0;
    if (av_buffersrc_add_frame(paletteIn, palette.get()) < 0 || av_buffersrc_add_frame(paletteIn, nullptr) < 0) {
        fail("the palette filter failed", 0);
    }

    CodecPtr encoder(avcodec_alloc_context3(codec_));
    encoder->width = width_;
    encoder->height = height_;
    encoder->pix_fmt = AV_PIX_FMT_PAL8;
    encoder->time_base = av_inv_q(fps_);
    encoder->framerate = fps_;
    if (const int code = avcodec_open2(encoder.get(), codec_, nullptr); code < 0) {
        fail(std::string("the ") + codec_->name + " encoder failed to start", code);
    }
    AVFormatContext* raw = nullptr;
    const std::string temporary = target_.temporaryPath().string();
    if (const int code = avformat_alloc_output_context2(&raw, nullptr, "gif", temporary.c_str()); code < 0) {
        fail("cannot create the GIF container", code);
    }
    OutputPtr output(raw);
    AVStream* stream = avformat_new_stream(output.get(), nullptr);
    if (stream == nullptr || avcodec_parameters_from_context(stream->codecpar, encoder.get()) < 0) {
        fail("cannot add the GIF stream", 0);
    }
    stream->time_base = encoder->time_base;
    if (const int code = avio_open(&output->pb, temporary.c_str(), AVIO_FLAG_WRITE); code < 0) {
        fail("cannot open the file", code);
    }
    if (const int code = avformat_write_header(output.get(), nullptr); code < 0) {
        fail("cannot write the header", code);
    }

    PacketPtr packet = makePacket();
    FramePtr quantised = makeFrame();
    auto encodeReady = [&](bool flush) {
        while (av_buffersink_get_frame(out, quantised.get()) >= 0) {
            quantised->pict_type = AV_PICTURE_TYPE_NONE;
            if (const int code = avcodec_send_frame(encoder.get(), quantised.get()); code < 0) {
                fail("the GIF encoder failed", code);
            }
            av_frame_unref(quantised.get());
        }
        if (flush) {
            avcodec_send_frame(encoder.get(), nullptr);
        }
        while (avcodec_receive_packet(encoder.get(), packet.get()) == 0) {
            packet->duration = 1;
            av_packet_rescale_ts(packet.get(), encoder->time_base, stream->time_base);
            packet->stream_index = stream->index;
            if (const int code = av_interleaved_write_frame(output.get(), packet.get()); code < 0) {
                fail("writing failed", code);
            }
        }
    };

    Image rgb(width_, height_, 3);
    for (std::int64_t i = 0; i < count_; ++i) {
        tick(i, count_);
        if (std::fread(rgb.pixels.data(), 1, rgb.pixels.size(), frames_) != rgb.pixels.size()) {
            fail("cannot read back its frames", 0);
        }
        FramePtr frame = rgbFrame(rgb, i);
        if (const int code = av_buffersrc_add_frame(in, frame.get()); code < 0) {
            fail("the palette filter failed", code);
        }
        encodeReady(false);
    }
    if (const int code = av_buffersrc_add_frame(in, nullptr); code < 0) {
        fail("the palette filter failed", code);
    }
    encodeReady(true);
    tick(count_, count_);
    if (const int code = av_write_trailer(output.get()); code < 0) {
        fail("cannot finish the file", code);
    }
    if (const int code = avio_closep(&output->pb); code < 0) {
        fail("cannot finish the file", code);
    }
    target_.commit();
}

} // namespace

std::unique_ptr<VideoEncoder::Sink> makeGifSink(const std::filesystem::path& path, const VideoEncodeOptions& options)
{
    return std::make_unique<GifSink>(path, options);
}

} // namespace durian
