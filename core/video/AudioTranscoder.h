#pragma once

// Internal to core/video: carries the first audio stream of a file into an MP4/WebM being written,
// transcoded to the container's codec and cut at the clip's length. It is pulled along with the video
// (encodeUntil(t) after each frame) so the muxer interleaves without buffering the clip.

#include "core/video/FfmpegUtil.h"

#include <filesystem>
#include <functional>

namespace durian {

class AudioTranscoder {
public:
    using PacketWriter = std::function<void(AVPacket& packet, AVRational codecTimeBase, AVStream* stream)>;

    // Opens the source and finds the encoder; throws durian::Error naming the source when it is missing,
    // has no audio, or the encoder is not in this FFmpeg.
    AudioTranscoder(const std::filesystem::path& source, AVCodecID codec);
    ~AudioTranscoder();

    // Adds the audio stream to `output` (before its header is written) and opens the encoder.
    void addStream(AVFormatContext& output);

    // Encodes source audio up to `seconds` of output.
    void encodeUntil(double seconds, const PacketWriter& write);
    // Encodes up to exactly `seconds` (or the source's end, if shorter) and flushes the encoder.
    void finish(double seconds, const PacketWriter& write);

private:
    std::string sourceName_;
    ffmpeg::InputPtr input_;
    int streamIndex_ = -1;
    ffmpeg::CodecPtr decoder_;
    const AVCodec* encoderCodec_ = nullptr;
    ffmpeg::CodecPtr encoder_;
    AVStream* stream_ = nullptr;
    ffmpeg::SwrPtr resampler_;
    ffmpeg::FifoPtr fifo_;
    ffmpeg::PacketPtr packet_ = ffmpeg::makePacket();
    ffmpeg::FramePtr decoded_ = ffmpeg::makeFrame();
    std::int64_t samplesEncoded_ = 0;
    bool sourceEnded_ = false;
    int frameSize_ = 1024;

    bool decodeMore(); // false at the source's end
    void resample(const AVFrame* input);
    void encodeFrame(int samples, const PacketWriter& write, int frameSamples = 0);
    void drainEncoder(const PacketWriter& write);
};

} // namespace durian
