#include "core/video/VideoDecoder.h"

#include "core/util/Error.h"
#include "core/video/FfmpegUtil.h"

extern "C" {
#include <libavutil/display.h>
}

#include <cmath>
#include <cstring>
#include <limits>

namespace durian {

using namespace ffmpeg;

namespace {

// Rotates an RGB image clockwise by 90, 180 or 270 degrees.
Image rotateClockwise(const Image& in, int degrees)
{
    const bool swap = degrees == 90 || degrees == 270;
    Image out(swap ? in.height : in.width, swap ? in.width : in.height, in.channels);
    const int c = in.channels;
    for (int y = 0; y < in.height; ++y) {
        const std::uint8_t* source = in.row(y);
        for (int x = 0; x < in.width; ++x) {
            int ox = x;
            int oy = y;
            if (degrees == 90) {
                ox = in.height - 1 - y;
                oy = x;
            } else if (degrees == 180) {
                ox = in.width - 1 - x;
                oy = in.height - 1 - y;
            } else if (degrees == 270) {
                ox = y;
                oy = in.width - 1 - x;
            }
            std::memcpy(out.row(oy) + static_cast<std::size_t>(ox) * c, source + static_cast<std::size_t>(x) * c,
                static_cast<std::size_t>(c));
        }
    }
    return out;
}

// The clockwise rotation a player applies, from the stream's display matrix (0 when there is none).
int displayRotation(const AVStream& stream)
{
    const auto* matrix = reinterpret_cast<const std::int32_t*>(
        av_stream_get_side_data(&stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr));
    if (matrix == nullptr) {
        return 0;
    }
    const double counterClockwise = av_display_rotation_get(matrix);
    if (std::isnan(counterClockwise)) {
        return 0;
    }
    const int quarter = static_cast<int>(std::lround(-counterClockwise / 90.0));
    return ((quarter % 4) + 4) % 4 * 90;
}

double toSeconds(std::int64_t value, AVRational base)
{
    return static_cast<double>(value) * av_q2d(base);
}

} // namespace

struct VideoDecoder::Impl {
    std::string path;
    InputPtr input;
    CodecPtr codec;
    int streamIndex = -1;
    AVStream* stream = nullptr;
    VideoInfo info;
    PacketPtr packet = makePacket();
    FramePtr decoded = makeFrame();
    SwsPtr sws;
    FramePtr rgbFrame; // swscale's output, aligned and padded (convert())
    bool inputEnded = false;
    bool decoderEnded = false;
    bool anyFrameDecoded = false;
    double skipBefore = -std::numeric_limits<double>::infinity();
    double lastTimestamp = -1;

    void open();
    bool receive(VideoFrame& out);
    void convert(VideoFrame& out);
};

void VideoDecoder::Impl::open()
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        throw Error("Cannot open video " + path + ": no such file");
    }
    AVFormatContext* raw = nullptr;
    if (const int code = avformat_open_input(&raw, path.c_str(), nullptr, nullptr); code < 0) {
        throw Error("Cannot open video " + path + ": not a video FFmpeg can read, or the file is damaged ("
            + errorText(code) + ")");
    }
    input.reset(raw);
    if (const int code = avformat_find_stream_info(input.get(), nullptr); code < 0) {
        throw Error("Cannot read video " + path + ": the file is damaged (" + errorText(code) + ")");
    }
    const AVCodec* decoder = nullptr;
    streamIndex = av_find_best_stream(input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
    if (streamIndex == AVERROR_STREAM_NOT_FOUND) {
        throw Error("Cannot open video " + path + ": it has no video stream");
    }
    if (streamIndex < 0 || decoder == nullptr) {
        // A video stream exists, but no decoder for it: name its codec.
        const int any = av_find_best_stream(input.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
        std::string name = "unknown";
        if (any >= 0) {
            const AVCodecParameters& parameters = *input->streams[any]->codecpar;
            char fourcc[AV_FOURCC_MAX_STRING_SIZE] = {};
            av_fourcc_make_string(fourcc, parameters.codec_tag);
            name = parameters.codec_id != AV_CODEC_ID_NONE ? std::string(avcodec_get_name(parameters.codec_id))
                                                           : "fourcc " + std::string(fourcc);
        }
        throw Error("Cannot decode video " + path + ": this FFmpeg has no decoder for its codec '" + name + "'");
    }
    stream = input->streams[streamIndex];
    const char* codecName = avcodec_get_name(stream->codecpar->codec_id);
    codec.reset(avcodec_alloc_context3(decoder));
    if (!codec || avcodec_parameters_to_context(codec.get(), stream->codecpar) < 0) {
        throw Error("Cannot decode video " + path + ": unsupported codec parameters");
    }
    codec->thread_count = 0; // one per core
    codec->pkt_timebase = stream->time_base;
    if (const int code = avcodec_open2(codec.get(), decoder, nullptr); code < 0) {
        throw Error("Cannot decode video " + path + ": " + codecName + " decoder failed to start ("
            + errorText(code) + ")");
    }
    if (stream->codecpar->width <= 0 || stream->codecpar->height <= 0) {
        throw Error("Cannot open video " + path + ": the video stream has no picture size (damaged file?)");
    }

    info.codec = codecName;
    info.rotation = displayRotation(*stream);
    const bool swap = info.rotation == 90 || info.rotation == 270;
    info.width = swap ? stream->codecpar->height : stream->codecpar->width;
    info.height = swap ? stream->codecpar->width : stream->codecpar->height;
    AVRational rate = stream->avg_frame_rate;
    if (rate.num <= 0 || rate.den <= 0) {
        rate = stream->r_frame_rate;
    }
    info.fps = rate.num > 0 && rate.den > 0 ? av_q2d(rate) : 0;
    if (stream->duration != AV_NOPTS_VALUE && stream->duration > 0) {
        info.duration = toSeconds(stream->duration, stream->time_base);
    } else if (input->duration != AV_NOPTS_VALUE && input->duration > 0) {
        info.duration = static_cast<double>(input->duration) / AV_TIME_BASE;
    }
    if (stream->nb_frames > 0) {
        info.frameCount = stream->nb_frames;
        info.frameCountExact = true;
    } else {
        info.frameCount = std::llround(info.duration * info.fps);
    }
    const int audio = av_find_best_stream(input.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
    info.hasAudio = audio >= 0;
    if (info.hasAudio) {
        info.audioCodec = avcodec_get_name(input->streams[audio]->codecpar->codec_id);
    }
    // Only the video stream is read; the demuxer drops the others' packets early.
    for (unsigned i = 0; i < input->nb_streams; ++i) {
        if (static_cast<int>(i) != streamIndex) {
            input->streams[i]->discard = AVDISCARD_ALL;
        }
    }
}

void VideoDecoder::Impl::convert(VideoFrame& out)
{
    const AVFrame& f = *decoded;
    sws.reset(sws_getCachedContext(sws.release(), f.width, f.height, static_cast<AVPixelFormat>(f.format), f.width,
        f.height, AV_PIX_FMT_RGB24, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr, nullptr,
        nullptr));
    if (!sws) {
        throw Error("Cannot decode video " + path + ": unsupported pixel format");
    }
    // Honour the file's colour matrix and range (BT.601 when it does not say, as FFmpeg does).
    const int space = f.colorspace == AVCOL_SPC_UNSPECIFIED ? SWS_CS_DEFAULT : static_cast<int>(f.colorspace);
    const bool fullRange = f.color_range == AVCOL_RANGE_JPEG;
    int* invTable = nullptr;
    int* table = nullptr;
    int srcRange = 0;
    int dstRange = 0;
    int brightness = 0;
    int contrast = 0;
    int saturation = 0;
    if (sws_getColorspaceDetails(sws.get(), &invTable, &srcRange, &table, &dstRange, &brightness, &contrast,
            &saturation) >= 0) {
        sws_setColorspaceDetails(sws.get(), sws_getCoefficients(space),
            fullRange ? 1 : (f.color_range == AVCOL_RANGE_MPEG ? 0 : srcRange), table, 1,
            brightness, contrast, saturation);
    }
    // Into an FFmpeg frame buffer (aligned, padded: swscale's SIMD may write past a row's end), then rows out.
    if (!rgbFrame || rgbFrame->width != f.width || rgbFrame->height != f.height) {
        rgbFrame = makeFrame();
        rgbFrame->format = AV_PIX_FMT_RGB24;
        rgbFrame->width = f.width;
        rgbFrame->height = f.height;
        if (av_frame_get_buffer(rgbFrame.get(), 0) < 0) {
            throw Error("Out of memory decoding video " + path);
        }
    }
    sws_scale(sws.get(), f.data, f.linesize, 0, f.height, rgbFrame->data, rgbFrame->linesize);
    Image rgb(f.width, f.height, 3);
    for (int y = 0; y < f.height; ++y) {
        std::memcpy(rgb.row(y), rgbFrame->data[0] + static_cast<std::ptrdiff_t>(y) * rgbFrame->linesize[0],
            static_cast<std::size_t>(f.width) * 3);
    }
    out.image = info.rotation == 0 ? std::move(rgb) : rotateClockwise(rgb, info.rotation);

    const std::int64_t pts = f.best_effort_timestamp;
    const std::int64_t start = stream->start_time == AV_NOPTS_VALUE ? 0 : stream->start_time;
    if (pts != AV_NOPTS_VALUE) {
        out.timestamp = toSeconds(pts - start, stream->time_base);
    } else {
        out.timestamp = lastTimestamp < 0 ? 0 : lastTimestamp + (info.fps > 0 ? 1.0 / info.fps : 0.04);
    }
    lastTimestamp = out.timestamp;
}

// Pulls one decoded frame that is not before the seek target; false when the decoder needs input.
bool VideoDecoder::Impl::receive(VideoFrame& out)
{
    while (true) {
        const int code = avcodec_receive_frame(codec.get(), decoded.get());
        if (code == AVERROR(EAGAIN)) {
            return false;
        }
        if (code == AVERROR_EOF) {
            decoderEnded = true;
            return false;
        }
        if (code < 0) {
            throw Error("Cannot decode video " + path + ": the file is damaged (" + errorText(code) + ")");
        }
        anyFrameDecoded = true;
        convert(out);
        av_frame_unref(decoded.get());
        if (out.timestamp >= skipBefore) {
            skipBefore = -std::numeric_limits<double>::infinity();
            return true;
        }
    }
}

VideoDecoder::VideoDecoder(const std::filesystem::path& path)
    : impl_(std::make_unique<Impl>())
{
    impl_->path = path.string();
    ffmpeg::limitLogging();
    impl_->open();
}

VideoDecoder::~VideoDecoder() = default;

const VideoInfo& VideoDecoder::info() const
{
    return impl_->info;
}

bool VideoDecoder::read(VideoFrame& frame)
{
    Impl& d = *impl_;
    while (!d.decoderEnded) {
        if (d.receive(frame)) {
            return true;
        }
        if (d.decoderEnded) {
            break;
        }
        if (d.inputEnded) {
            avcodec_send_packet(d.codec.get(), nullptr); // drain the frames still inside the decoder
            continue;
        }
        const int code = av_read_frame(d.input.get(), d.packet.get());
        if (code == AVERROR_EOF || (code < 0 && avio_feof(d.input->pb))) {
            d.inputEnded = true;
            avcodec_send_packet(d.codec.get(), nullptr);
            continue;
        }
        if (code < 0) {
            throw Error("Cannot read video " + d.path + ": " + errorText(code));
        }
        if (d.packet->stream_index == d.streamIndex) {
            const int sent = avcodec_send_packet(d.codec.get(), d.packet.get());
            // A damaged packet is skipped, as players do; a file where nothing decodes fails below.
            if (sent < 0 && sent != AVERROR_INVALIDDATA && sent != AVERROR(EAGAIN)) {
                av_packet_unref(d.packet.get());
                throw Error("Cannot decode video " + d.path + ": " + errorText(sent));
            }
        }
        av_packet_unref(d.packet.get());
    }
    if (!d.anyFrameDecoded) {
        throw Error("Cannot decode video " + d.path + ": no frame could be decoded (the file is damaged)");
    }
    return false;
}

void VideoDecoder::seek(double seconds)
{
    Impl& d = *impl_;
    const std::int64_t start = d.stream->start_time == AV_NOPTS_VALUE ? 0 : d.stream->start_time;
    const std::int64_t target = start + av_rescale_q(std::llround(std::max(0.0, seconds) * AV_TIME_BASE),
                                            AV_TIME_BASE_Q, d.stream->time_base);
    int code = av_seek_frame(d.input.get(), d.streamIndex, target, AVSEEK_FLAG_BACKWARD);
    if (code < 0) {
        // Formats without an index (animated GIF, raw streams): start over and decode forward.
        code = avformat_seek_file(d.input.get(), -1, std::numeric_limits<std::int64_t>::min(), 0, 0,
            AVSEEK_FLAG_BYTE);
    }
    if (code < 0) {
        throw Error("Cannot seek in video " + d.path + ": " + errorText(code));
    }
    avcodec_flush_buffers(d.codec.get());
    d.inputEnded = false;
    d.decoderEnded = false;
    d.lastTimestamp = -1;
    // A little tolerance, so a target computed as frame / fps returns that frame despite rounding.
    d.skipBefore = seconds - 1e-4;
}

} // namespace durian
