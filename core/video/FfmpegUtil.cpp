#include "core/video/FfmpegUtil.h"

#include "core/util/Error.h"

extern "C" {
#include <libavutil/imgutils.h>
#include <libavutil/pixdesc.h>
}

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace durian::ffmpeg {

void OutputDeleter::operator()(AVFormatContext* c) const
{
    if (c->pb != nullptr && !(c->oformat->flags & AVFMT_NOFILE)) {
        avio_closep(&c->pb);
    }
    avformat_free_context(c);
}

void limitLogging()
{
    static const bool once = [] {
        const char* setting = std::getenv("DURIAN_FFMPEG_LOG");
        av_log_set_level(setting != nullptr && std::string(setting) == "verbose" ? AV_LOG_VERBOSE : AV_LOG_ERROR);
        return true;
    }();
    (void)once;
}

FramePtr makeFrame()
{
    FramePtr frame(av_frame_alloc());
    if (!frame) {
        throw Error("Out of memory allocating a video frame");
    }
    return frame;
}

PacketPtr makePacket()
{
    PacketPtr packet(av_packet_alloc());
    if (!packet) {
        throw Error("Out of memory allocating a video packet");
    }
    return packet;
}

std::string errorText(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

void RgbToFrame::convert(const Image& rgb, AVFrame& frame, AVPixelFormat format, int width, int height)
{
    // swscale's SIMD reads past the end of a row, and of the last one: it gets a copy in an FFmpeg frame
    // buffer (aligned, padded). An exactly sized std::vector ending at a page boundary made it crash.
    if (!source_ || source_->width != width || source_->height != height) {
        source_ = makeFrame();
        source_->format = AV_PIX_FMT_RGB24;
        source_->width = width;
        source_->height = height;
        if (av_frame_get_buffer(source_.get(), 0) < 0) {
            throw Error("Out of memory allocating a video frame");
        }
    }
    // Even-size padding: repeat the last column and row, so the added pixels blend with the edge.
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* in = rgb.row(std::min(y, rgb.height - 1));
        std::uint8_t* out = source_->data[0] + static_cast<std::ptrdiff_t>(y) * source_->linesize[0];
        std::memcpy(out, in, static_cast<std::size_t>(rgb.width) * 3);
        for (int x = rgb.width; x < width; ++x) {
            std::memcpy(out + x * 3, in + (rgb.width - 1) * 3, 3);
        }
    }
    // A fresh buffer per frame: encoders may keep a reference to the previous one.
    av_frame_unref(&frame);
    frame.format = format;
    frame.width = width;
    frame.height = height;
    if (av_frame_get_buffer(&frame, 0) < 0) {
        throw Error("Out of memory allocating a video frame");
    }
    sws_.reset(sws_getCachedContext(sws_.release(), width, height, AV_PIX_FMT_RGB24, width, height, format,
        SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP, nullptr, nullptr, nullptr));
    if (!sws_) {
        throw Error(std::string("FFmpeg cannot convert RGB to ") + av_get_pix_fmt_name(format));
    }
    const AVPixFmtDescriptor* descriptor = av_pix_fmt_desc_get(format);
    if (descriptor != nullptr && !(descriptor->flags & AV_PIX_FMT_FLAG_RGB) && descriptor->nb_components >= 3) {
        // Video: BT.709, limited range, and the frame says so (players then decode the same colours).
        const int* coefficients = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(sws_.get(), sws_getCoefficients(SWS_CS_DEFAULT), 1, coefficients, 0, 0,
            1 << 16, 1 << 16);
        frame.colorspace = AVCOL_SPC_BT709;
        frame.color_primaries = AVCOL_PRI_BT709;
        frame.color_trc = AVCOL_TRC_BT709;
        frame.color_range = AVCOL_RANGE_MPEG;
    }
    sws_scale(sws_.get(), source_->data, source_->linesize, 0, height, frame.data, frame.linesize);
}

AVRational rationalFps(double fps)
{
    if (!(fps > 0) || !std::isfinite(fps)) {
        throw Error("Frame rate must be a positive number, got " + std::to_string(fps));
    }
    // 29.97 and friends are 30000/1001; everything else is taken as close as 1/1000 allows.
    const double ntsc = fps * 1.001;
    if (std::abs(ntsc - std::round(ntsc)) < 1e-3 && std::abs(fps - std::round(fps)) > 1e-3) {
        return AVRational{static_cast<int>(std::lround(ntsc)) * 1000, 1001};
    }
    return av_d2q(fps, 100000);
}

} // namespace durian::ffmpeg
