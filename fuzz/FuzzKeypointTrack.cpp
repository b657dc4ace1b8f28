// A keypoint track (`durian track` writes it; a request's "motion" and the editor's driving video read it).
#include "FuzzInput.h"

#include "core/face/KeypointTrack.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    return durian::fuzz::expectCleanError([&] {
        auto track = durian::parseKeypointTrack(durian::fuzz::text(data, size), "fuzz.keypoints.json");
        if (!track.frames.empty()) {
            durian::fillMissingFrames(track);
            (void)durian::trackJitter(track);
        }
    });
}
