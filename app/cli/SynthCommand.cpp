#include "app/cli/CommandLine.h"
#include "core/io/Image.h"
#include "core/io/Project.h"
#include "core/synth/SynthBench.h"
#include "core/synth/SynthExport.h"
#include "core/synth/SynthPeople.h"
#include "core/synth/SynthRender.h"

#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>

namespace durian::cli {

namespace {

std::uint64_t seedOf(const std::string& text, const std::string& what)
{
    try {
        std::size_t used = 0;
        const unsigned long long value = std::stoull(text, &used);
        if (used == text.size() && text.find('-') == std::string::npos) {
            return value;
        }
    } catch (const std::exception&) {
    }
    throw UsageError(what + " expects a non-negative whole number, got '" + text + "'");
}

// "hair:7,hat:12" -> (category, donor seed) pairs.
std::vector<std::pair<AttributeCategory, std::uint64_t>> parseSwaps(const std::string& text)
{
    std::vector<std::pair<AttributeCategory, std::uint64_t>> swaps;
    std::stringstream list(text);
    std::string item;
    while (std::getline(list, item, ',')) {
        const auto colon = item.find(':');
        const auto category = parseAttributeCategory(item.substr(0, colon));
        if (colon == std::string::npos || !category) {
            throw UsageError("--swap expects CATEGORY:SEED[,CATEGORY:SEED...] with CATEGORY one of hair, eyeglasses, hat, "
                             "beard; got '" + item + "'");
        }
        swaps.emplace_back(*category, seedOf(item.substr(colon + 1), "--swap " + item.substr(0, colon)));
    }
    return swaps;
}

SynthRenderOptions sizeOptions(const Arguments& a)
{
    SynthRenderOptions options;
    const int size = a.integerOr("size", 256, 16, 4096);
    options.width = a.integerOr("width", size, 16, 4096);
    options.height = a.integerOr("height", size, 16, 4096);
    options.supersample = a.integerOr("supersample", 2, 1, 4);
    return options;
}

int runSheet(const Arguments& a)
{
    const auto out = a.value("output");
    if (!out) {
        throw UsageError("--sheet needs -o FILE.png");
    }
    const int count = a.integerOr("count", 24, 1, 10000);
    const int cell = a.integerOr("size", 192, 16, 1024);
    const Image sheet = renderContactSheet(seedOf(a.valueOr("seed", "1"), "--seed"), count, cell);
    saveImage(sheet, *out);
    std::printf("wrote %s: %d people, %dx%d\n", out->c_str(), count, sheet.width, sheet.height);
    return kExitOk;
}

int runBench(const Arguments& a)
{
    const int frames = a.integerOr("frames", 400, 1, 1000000);
    const SynthRenderOptions options = sizeOptions(a);
    const SynthBenchResult r = benchmarkSynth(frames, options);
    std::printf("synth bench: %d frames at %dx%d (supersample %d), one thread\n", r.frames, options.width, options.height,
        options.supersample);
    std::printf("  %.1f frames/s, %.3f ms/frame (%d different people and their motions)\n", r.framesPerSecond, r.msPerFrame,
        r.people);
    return kExitOk;
}

int runDlibCheck(const Arguments& a)
{
    const int count = a.integerOr("count", 200, 1, 100000);
    const SynthRenderOptions options = sizeOptions(a);
    const SynthDlibReport r = checkSynthWithDlib(seedOf(a.valueOr("seed", "1"), "--seed"), count, options);
    std::printf("dlib check: %d frames at %dx%d\n", r.frames, options.width, options.height);
    std::printf("  face found (detection covers the true face): %d (%.1f%%)\n", r.detected, 100.0 * r.detected / r.frames);
    std::printf("  landmark error / inter-ocular distance: mean %.3f, median %.3f (over found faces)\n", r.meanError, r.medianError);
    std::printf("  found, frontal-ish (|yaw| < 15): %d of %d;  with sunglasses: %d of %d\n", r.detectedFrontal, r.frontal,
        r.detectedSunglasses, r.sunglasses);
    return kExitOk;
}

} // namespace

Command synthCommand()
{
    return {"synth",
        "synth --seed N -o DIR [--frames N] [--fps F] [--size PX | --width W --height H] [--supersample K] "
        "[--swap CATEGORY:SEED,...] [--expand CATEGORY] [--motion-seed S] | --sheet -o PNG [--count N] | --bench | --dlib-check",
        "Render the procedural portrait world: frames, masks, keypoints; contact sheets; benchmark",
        [](const std::vector<std::string>& args) {
            const Arguments a(args, {"sheet", "bench", "dlib-check"});
            if (!a.positionals().empty()) {
                throw UsageError("unexpected argument '" + a.positionals().front() + "'");
            }
            if (a.has("sheet")) {
                return runSheet(a);
            }
            if (a.has("bench")) {
                return runBench(a);
            }
            if (a.has("dlib-check")) {
                return runDlibCheck(a);
            }
            const auto out = a.value("output");
            if (!out || !a.value("seed")) {
                throw UsageError("expected --seed N and -o DIR (or --sheet, --bench, --dlib-check)");
            }
            const std::uint64_t seed = seedOf(*a.value("seed"), "--seed");
            const int frames = a.integerOr("frames", 1, 1, 100000);
            const double fps = a.numberOr("fps", 25.0);
            const SynthRenderOptions options = sizeOptions(a);
            Person person = randomPerson(seed);
            std::string description = "seed " + std::to_string(seed);
            for (const auto& [category, donor] : parseSwaps(a.valueOr("swap", ""))) {
                person = withAttribute(person, category, randomPerson(donor));
                description += ", " + toString(category) + " from seed " + std::to_string(donor);
            }
            if (const auto expand = a.value("expand")) {
                const auto category = parseAttributeCategory(*expand);
                if (!category) {
                    throw UsageError("--expand expects hair, eyeglasses, hat or beard, got '" + *expand + "'");
                }
                person.attributes = expandedAttributes(person.attributes, *category);
                description += ", expanded " + *expand;
            }
            const std::uint64_t motionSeed = a.value("motion-seed") ? seedOf(*a.value("motion-seed"), "--motion-seed") : seed;
            const std::vector<Pose> motion = frames == 1 && !a.value("motion-seed") ? std::vector<Pose>{Pose{}}
                                                                                      : randomMotion(motionSeed, frames, fps);
            const auto rendered = renderSynthSequence(person, motion, options);
            writeSynthFrames(rendered, motion, *out, description);
            std::printf("wrote %d frames (%dx%d) with masks and keypoints.json to %s\n", frames, options.width, options.height,
                out->c_str());
            return kExitOk;
        }};
}

} // namespace durian::cli
