// A generation request (`durian generate REQUEST.json`). The request sits in a scratch folder that holds
// small images p.png (RGB), m.png (a mask) and k.png (a keypoint image) and a keypoint track t.json, so
// that inputs naming them get past the image fields and the rest of the JSON is fuzzed too.
#include "FuzzInput.h"

#include "core/face/KeypointTrack.h"
#include "core/io/Image.h"
#include "core/pipeline/RequestFile.h"

#include <filesystem>
#include <unistd.h>

namespace {

std::filesystem::path scratch;

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    scratch = std::filesystem::temp_directory_path() / ("durian-fuzz-request-" + std::to_string(::getpid()));
    std::filesystem::create_directories(scratch);
    durian::Image rgb(16, 16, 3, 90), mask(16, 16, 1, 255);
    durian::saveImage(rgb, scratch / "p.png");
    durian::saveImage(mask, scratch / "m.png");
    durian::saveImage(rgb, scratch / "k.png");
    durian::KeypointTrack track;
    track.width = track.height = 16;
    track.frames.resize(2);
    track.detected = {true, true};
    durian::saveKeypointTrack(track, scratch / "t.json");
    std::atexit([] { std::filesystem::remove_all(scratch); });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return durian::fuzz::expectCleanError([&] {
        (void)durian::parseRequestFile(durian::fuzz::text(data, size), scratch / "request.json");
    });
}
