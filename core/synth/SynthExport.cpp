#include "core/synth/SynthExport.h"

#include "core/io/Image.h"
#include "core/synth/SynthPeople.h"
#include "core/synth/SynthRender.h"
#include "core/io/AtomicFile.h"
#include "core/util/Error.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace durian {

namespace {

std::string numbered(const std::string& prefix, std::size_t index)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "_%05zu.png", index);
    return prefix + buffer;
}

} // namespace

std::string synthKeypointsJson(const std::vector<SynthFrame>& frames, const std::vector<Pose>& motion, const std::string& description)
{
    nlohmann::json doc;
    doc["format"] = "durian-synth-keypoints";
    doc["version"] = 1;
    doc["layout"] = "dlib-68";
    doc["width"] = frames.empty() ? 0 : frames.front().rgb.width;
    doc["height"] = frames.empty() ? 0 : frames.front().rgb.height;
    doc["description"] = description;
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i = 0; i < frames.size(); ++i) {
        nlohmann::json frame;
        frame["index"] = i;
        if (i < motion.size()) {
            const Pose& p = motion[i];
            frame["pose"] = {{"yaw", p.yaw}, {"pitch", p.pitch}, {"roll", p.roll}, {"scale", p.scale}, {"tx", p.tx}, {"ty", p.ty},
                {"mouthOpen", p.mouthOpen}, {"blink", p.blink}, {"smile", p.smile}};
        }
        nlohmann::json points = nlohmann::json::array();
        for (const SynthPoint& k : frames[i].keypoints) {
            points.push_back({std::round(k.x * 1000.f) / 1000.f, std::round(k.y * 1000.f) / 1000.f});
        }
        frame["keypoints"] = std::move(points);
        list.push_back(std::move(frame));
    }
    doc["frames"] = std::move(list);
    return doc.dump(1);
}

void writeSynthFrames(const std::vector<SynthFrame>& frames, const std::vector<Pose>& motion, const std::filesystem::path& directory,
    const std::string& description)
{
    std::error_code error;
    std::filesystem::create_directories(directory, error);
    if (error || !std::filesystem::is_directory(directory)) {
        throw Error("Cannot create the output folder " + directory.string() + ": " + (error ? error.message() : "not a folder"));
    }
    for (std::size_t i = 0; i < frames.size(); ++i) {
        saveImage(frames[i].rgb, directory / numbered("frame", i));
        for (int m = 0; m < kSynthMaskCount; ++m) {
            saveImage(frames[i].masks[static_cast<std::size_t>(m)], directory / numbered("mask_" + toString(static_cast<SynthMask>(m)), i));
        }
    }
    writeFileAtomically(directory / "keypoints.json", synthKeypointsJson(frames, motion, description));
}

Image renderContactSheet(std::uint64_t firstSeed, int count, int cellSize, int columns)
{
    if (count < 1 || count > 10000) {
        throw Error("Contact sheet: count " + std::to_string(count) + " is out of range (1 to 10000)");
    }
    if (columns <= 0) {
        columns = std::max(1, static_cast<int>(std::ceil(std::sqrt(count * 1.5))));
    }
    const int rows = (count + columns - 1) / columns;
    SynthRenderOptions options;
    options.width = options.height = cellSize;
    validateSynthOptions(options);
    Image sheet(columns * cellSize, rows * cellSize, 3, 255);
    for (int i = 0; i < count; ++i) {
        const std::uint64_t seed = firstSeed + static_cast<std::uint64_t>(i);
        const std::vector<Pose> motion = randomMotion(seed, 40);
        const SynthFrame frame = renderSynthFrame(randomPerson(seed), motion[static_cast<std::size_t>(seed % 40)], options);
        const int x0 = (i % columns) * cellSize, y0 = (i / columns) * cellSize;
        for (int y = 0; y < cellSize; ++y) {
            std::copy_n(frame.rgb.row(y), 3 * cellSize, sheet.row(y0 + y) + 3 * x0);
        }
    }
    return sheet;
}

} // namespace durian
