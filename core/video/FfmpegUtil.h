#pragma once

// Internal to core/video: RAII owners and error text for FFmpeg objects. Included only by .cpp files of
// this folder, so FFmpeg's headers never reach a public header.

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavfilter/avfilter.h>
#include <libavformat/avformat.h>
#include <libavutil/audio_fifo.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include "core/io/Image.h"

#include <memory>
#include <string>

namespace durian::ffmpeg {

struct InputDeleter {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct OutputDeleter { // closes the file too, when one was opened
    void operator()(AVFormatContext* c) const;
};
struct CodecDeleter {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsDeleter {
    void operator()(SwsContext* c) const { sws_freeContext(c); }
};
struct SwrDeleter {
    void operator()(SwrContext* c) const { swr_free(&c); }
};
struct GraphDeleter {
    void operator()(AVFilterGraph* g) const { avfilter_graph_free(&g); }
};
struct FifoDeleter {
    void operator()(AVAudioFifo* f) const { av_audio_fifo_free(f); }
};

using InputPtr = std::unique_ptr<AVFormatContext, InputDeleter>;
using OutputPtr = std::unique_ptr<AVFormatContext, OutputDeleter>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;
using SwrPtr = std::unique_ptr<SwrContext, SwrDeleter>;
using GraphPtr = std::unique_ptr<AVFilterGraph, GraphDeleter>;
using FifoPtr = std::unique_ptr<AVAudioFifo, FifoDeleter>;

// FFmpeg's own log lines are for developers; users get durian::Error messages. Keeps errors only
// (set DURIAN_FFMPEG_LOG=verbose to see everything). Called by every entry point of core/video.
void limitLogging();

FramePtr makeFrame();
PacketPtr makePacket();

// FFmpeg's text for an error code, e.g. "No space left on device".
std::string errorText(int code);

// Copies an RGB image into a frame of the given pixel format and size (the frame is allocated here).
// When the frame is larger than the image (even-size padding), the last row and column are repeated.
class RgbToFrame {
public:
    void convert(const Image& rgb, AVFrame& frame, AVPixelFormat format, int width, int height);

private:
    SwsPtr sws_;
    FramePtr source_; // the RGB input, copied into an aligned and padded buffer
};

// A frame rate as an exact fraction where it is one (30000/1001 for 29.97). Throws for fps <= 0.
AVRational rationalFps(double fps);

} // namespace durian::ffmpeg
