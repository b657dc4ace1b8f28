#include "app/cli/CommandLine.h"
#include "core/video/VideoDecoder.h"

#include <cstdio>

namespace durian::cli {

Command probeCommand()
{
    return {"probe", "probe VIDEO [--count]",
        "Show what the video decoder sees: size, frame rate, duration, frames, codec, rotation, audio",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {"count"});
            if (arguments.positionals().size() != 1) {
                throw UsageError("expected one video file");
            }
            VideoDecoder decoder(arguments.positionals().front());
            const VideoInfo& info = decoder.info();
            std::printf("file      %s\n", arguments.positionals().front().c_str());
            std::printf("size      %dx%d\n", info.width, info.height);
            std::printf("fps       %.3f\n", info.fps);
            std::printf("duration  %.3f s\n", info.duration);
            std::printf("frames    %lld (%s)\n", static_cast<long long>(info.frameCount),
                info.frameCountExact ? "from the container" : "estimated");
            std::printf("codec     %s\n", info.codec.c_str());
            std::printf("rotation  %d\n", info.rotation);
            std::printf("audio     %s\n", info.hasAudio ? info.audioCodec.c_str() : "none");
            if (arguments.has("count")) {
                // Decodes every frame: the exact count, and proof that the whole file decodes.
                long long count = 0;
                VideoFrame frame;
                double last = 0;
                while (decoder.read(frame)) {
                    ++count;
                    last = frame.timestamp;
                }
                std::printf("decoded   %lld frames, last at %.3f s\n", count, last);
            }
            return kExitOk;
        }};
}

} // namespace durian::cli
