#include "core/video/AudioTranscoder.h"

#include "core/util/Error.h"

extern "C" {
#include <libavutil/channel_layout.h>
}

#include <algorithm>
#include <cmath>

namespace durian {

using namespace ffmpeg;

AudioTranscoder::AudioTranscoder(const std::filesystem::path& source, AVCodecID codec)
    : sourceName_(source.string())
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(source, error)) {
        throw Error("Cannot use audio from " + sourceName_ + ": no such file");
    }
    AVFormatContext* raw = nullptr;
    if (const int code = avformat_open_input(&raw, sourceName_.c_str(), nullptr, nullptr); code < 0) {
        throw Error("Cannot use audio from " + sourceName_ + ": not a file FFmpeg can read (" + errorText(code) + ")");
    }
    input_.reset(raw);
    if (const int code = avformat_find_stream_info(input_.get(), nullptr); code < 0) {
        throw Error("Cannot use audio from " + sourceName_ + ": the file is damaged (" + errorText(code) + ")");
    }
    const AVCodec* decoder = nullptr;
    streamIndex_ = av_find_best_stream(input_.get(), AVMEDIA_TYPE_AUDIO, -1, -1, &decoder, 0);
    if (streamIndex_ < 0 || decoder == nullptr) {
        throw Error("Cannot use audio from " + sourceName_
            + (streamIndex_ == AVERROR_DECODER_NOT_FOUND ? ": this FFmpeg cannot decode its audio"
                                                          : ": it has no audio stream"));
    }
    for (unsigned i = 0; i < input_->nb_streams; ++i) {
        if (static_cast<int>(i) != streamIndex_) {
            input_->streams[i]->discard = AVDISCARD_ALL;
        }
    }
    decoder_.reset(avcodec_alloc_context3(decoder));
    avcodec_parameters_to_context(decoder_.get(), input_->streams[streamIndex_]->codecpar);
    decoder_->pkt_timebase = input_->streams[streamIndex_]->time_base;
    if (const int code = avcodec_open2(decoder_.get(), decoder, nullptr); code < 0) {
        throw Error("Cannot use audio from " + sourceName_ + ": its decoder failed (" + errorText(code) + ")");
    }
    if (decoder_->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC) {
        const int channels = decoder_->ch_layout.nb_channels;
        av_channel_layout_uninit(&decoder_->ch_layout);
        av_channel_layout_default(&decoder_->ch_layout, channels);
    }
    // Prefer the external libopus over FFmpeg's experimental native Opus encoder.
    encoderCodec_ = codec == AV_CODEC_ID_OPUS ? avcodec_find_encoder_by_name("libopus") : nullptr;
    if (encoderCodec_ == nullptr) {
        encoderCodec_ = avcodec_find_encoder(codec);
    }
    if (encoderCodec_ == nullptr) {
        throw Error(std::string("Cannot encode audio: this FFmpeg has no ") + avcodec_get_name(codec) + " encoder");
    }
}

AudioTranscoder::~AudioTranscoder() = default;

void AudioTranscoder::addStream(AVFormatContext& output)
{
    encoder_.reset(avcodec_alloc_context3(encoderCodec_));
    AVCodecContext& enc = *encoder_;
    // The source's rate when the encoder takes it (Opus only takes a few), else 48 kHz.
    enc.sample_rate = 48000;
    if (encoderCodec_->supported_samplerates == nullptr) {
        enc.sample_rate = decoder_->sample_rate;
    } else {
        for (const int* rate = encoderCodec_->supported_samplerates; *rate != 0; ++rate) {
            if (*rate == decoder_->sample_rate) {
                enc.sample_rate = *rate;
            }
        }
    }
    av_channel_layout_default(&enc.ch_layout, std::min(decoder_->ch_layout.nb_channels, 2));
    enc.sample_fmt = encoderCodec_->sample_fmts != nullptr ? encoderCodec_->sample_fmts[0] : AV_SAMPLE_FMT_FLTP;
    enc.bit_rate = enc.ch_layout.nb_channels > 1 ? 160000 : 96000;
    enc.time_base = AVRational{1, enc.sample_rate};
    if (output.oformat->flags & AVFMT_GLOBALHEADER) {
        enc.flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    }
    if (const int code = avcodec_open2(&enc, encoderCodec_, nullptr); code < 0) {
        throw Error(std::string("Cannot encode audio from ") + sourceName_ + " as " + encoderCodec_->name + ": "
            + errorText(code));
    }
    frameSize_ = enc.frame_size > 0 ? enc.frame_size : 1024;
    stream_ = avformat_new_stream(&output, nullptr);
    if (stream_ == nullptr || avcodec_parameters_from_context(stream_->codecpar, &enc) < 0) {
        throw Error("Cannot add an audio stream to the output");
    }
    stream_->time_base = enc.time_base;

    SwrContext* swr = nullptr;
    if (swr_alloc_set_opts2(&swr, &enc.ch_layout, enc.sample_fmt, enc.sample_rate, &decoder_->ch_layout,
            decoder_->sample_fmt, decoder_->sample_rate, 0, nullptr) < 0
        || swr_init(swr) < 0) {
        swr_free(&swr);
        throw Error("Cannot convert the audio of " + sourceName_ + " (unsupported sample layout)");
    }
    resampler_.reset(swr);
    fifo_.reset(av_audio_fifo_alloc(enc.sample_fmt, enc.ch_layout.nb_channels, frameSize_ * 4));
    if (!fifo_) {
        throw Error("Out of memory for audio");
    }
}

void AudioTranscoder::resample(const AVFrame* input)
{
    const int inSamples = input != nullptr ? input->nb_samples : 0;
    const int capacity = swr_get_out_samples(resampler_.get(), inSamples);
    if (capacity <= 0) {
        return;
    }
    FramePtr out = makeFrame();
    out->format = encoder_->sample_fmt;
    out->nb_samples = capacity;
    av_channel_layout_copy(&out->ch_layout, &encoder_->ch_layout);
    if (av_frame_get_buffer(out.get(), 0) < 0) {
        throw Error("Out of memory for audio");
    }
    const int converted = swr_convert(resampler_.get(), out->data, capacity,
        input != nullptr ? const_cast<const std::uint8_t**>(input->extended_data) : nullptr, inSamples);
    if (converted < 0) {
        throw Error("Cannot convert the audio of " + sourceName_ + ": " + errorText(converted));
    }
    if (converted > 0 && av_audio_fifo_write(fifo_.get(), reinterpret_cast<void**>(out->data), converted) < converted) {
        throw Error("Out of memory for audio");
    }
}

bool AudioTranscoder::decodeMore()
{
    while (!sourceEnded_) {
        const int received = avcodec_receive_frame(decoder_.get(), decoded_.get());
        if (received == 0) {
            resample(decoded_.get());
            av_frame_unref(decoded_.get());
            return true;
        }
        if (received == AVERROR_EOF) {
            resample(nullptr); // what the resampler still holds
            sourceEnded_ = true;
            break;
        }
        if (received != AVERROR(EAGAIN)) {
            throw Error("Cannot decode the audio of " + sourceName_ + ": " + errorText(received));
        }
        const int read = av_read_frame(input_.get(), packet_.get());
        if (read < 0) {
            avcodec_send_packet(decoder_.get(), nullptr); // end of file (or damage): drain what is decoded
            continue;
        }
        if (packet_->stream_index == streamIndex_) {
            avcodec_send_packet(decoder_.get(), packet_.get()); // a damaged packet is skipped
        }
        av_packet_unref(packet_.get());
    }
    return false;
}

void AudioTranscoder::drainEncoder(const PacketWriter& write)
{
    while (avcodec_receive_packet(encoder_.get(), packet_.get()) == 0) {
        packet_->stream_index = stream_->index;
        write(*packet_, encoder_->time_base, stream_);
        av_packet_unref(packet_.get());
    }
}

void AudioTranscoder::encodeFrame(int samples, const PacketWriter& write, int frameSamples)
{
    frameSamples = std::max(samples, frameSamples);
    FramePtr frame = makeFrame();
    frame->format = encoder_->sample_fmt;
    frame->nb_samples = frameSamples;
    frame->sample_rate = encoder_->sample_rate;
    av_channel_layout_copy(&frame->ch_layout, &encoder_->ch_layout);
    if (av_frame_get_buffer(frame.get(), 0) < 0) {
        throw Error("Out of memory for audio");
    }
    av_samples_set_silence(frame->data, 0, frameSamples, encoder_->ch_layout.nb_channels, encoder_->sample_fmt);
    av_audio_fifo_read(fifo_.get(), reinterpret_cast<void**>(frame->data), samples);
    frame->pts = samplesEncoded_;
    samplesEncoded_ += frameSamples;
    if (const int code = avcodec_send_frame(encoder_.get(), frame.get()); code < 0) {
        throw Error(std::string("Cannot encode audio: ") + errorText(code));
    }
    drainEncoder(write);
}

void AudioTranscoder::encodeUntil(double seconds, const PacketWriter& write)
{
    const std::int64_t limit = std::llround(seconds * encoder_->sample_rate);
    while (samplesEncoded_ + frameSize_ <= limit) {
        while (av_audio_fifo_size(fifo_.get()) < frameSize_ && decodeMore()) {
        }
        if (av_audio_fifo_size(fifo_.get()) < frameSize_) {
            return; // the source ended; finish() writes the rest
        }
        encodeFrame(frameSize_, write);
    }
}

void AudioTranscoder::finish(double seconds, const PacketWriter& write)
{
    encodeUntil(seconds, write);
    const std::int64_t limit = std::llround(seconds * encoder_->sample_rate);
    while (av_audio_fifo_size(fifo_.get()) < frameSize_ && decodeMore()) {
    }
    const std::int64_t rest = std::min<std::int64_t>(av_audio_fifo_size(fifo_.get()), limit - samplesEncoded_);
    if (rest > 0) {
        // Encoders without small-last-frame support get a whole frame, padded with silence.
        const bool small = encoderCodec_->capabilities & AV_CODEC_CAP_SMALL_LAST_FRAME;
        encodeFrame(static_cast<int>(rest), write, small ? static_cast<int>(rest) : frameSize_);
    }
    avcodec_send_frame(encoder_.get(), nullptr);
    drainEncoder(write);
}

} // namespace durian
