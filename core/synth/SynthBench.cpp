#include "core/synth/SynthBench.h"

#include "core/synth/SynthPeople.h"
#include "core/synth/SynthRender.h"
#include "core/util/Error.h"

#include <opencv2/core.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace durian {

SynthBenchResult benchmarkSynth(int frames, const SynthRenderOptions& options)
{
    if (frames < 1) {
        throw Error("Synth benchmark: the frame count must be at least 1");
    }
    validateSynthOptions(options);
    constexpr int kPeople = 16;
    std::vector<Person> people;
    std::vector<std::vector<Pose>> motions;
    for (int i = 0; i < kPeople; ++i) {
        people.push_back(randomPerson(static_cast<std::uint64_t>(1000 + i)));
        motions.push_back(randomMotion(static_cast<std::uint64_t>(1000 + i), 100));
    }
    const int previousThreads = cv::getNumThreads();
    cv::setNumThreads(1); // one core, as the trainer's data workers use it
    renderSynthFrame(people[0], motions[0][0], options); // warm-up
    const auto start = std::chrono::steady_clock::now();
    std::size_t checksum = 0;
    for (int f = 0; f < frames; ++f) {
        const SynthFrame frame = renderSynthFrame(people[static_cast<std::size_t>(f % kPeople)],
            motions[static_cast<std::size_t>(f % kPeople)][static_cast<std::size_t>((f / kPeople) % 100)], options);
        checksum += frame.rgb.pixels[frame.rgb.pixels.size() / 2];
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    cv::setNumThreads(previousThreads);
    SynthBenchResult r;
    r.frames = frames;
    r.people = kPeople + static_cast<int>(checksum % 1); // checksum keeps the renders from being optimised away
    r.framesPerSecond = frames / seconds;
    r.msPerFrame = 1000.0 * seconds / frames;
    return r;
}

} // namespace durian
