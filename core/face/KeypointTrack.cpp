#include "core/face/KeypointTrack.h"

#include "core/io/AtomicFile.h"
#include "core/util/Error.h"
#include "core/util/JsonSettings.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace durian {

void fillMissingFrames(KeypointTrack& track)
{
    const int n = track.size();
    track.detected.resize(track.frames.size(), false);
    std::vector<int> known;
    for (int i = 0; i < n; ++i) {
        if (track.detected[i]) {
            known.push_back(i);
        }
    }
    if (known.empty()) {
        throw Error("No face was found in any of the " + std::to_string(n) + " frames");
    }
    std::size_t next = 0; // index into `known` of the first detected frame at or after i
    for (int i = 0; i < n; ++i) {
        while (next < known.size() && known[next] < i) {
            ++next;
        }
        if (track.detected[i]) {
            continue;
        }
        if (next == 0) {
            track.frames[i] = track.frames[known.front()];
        } else if (next == known.size()) {
            track.frames[i] = track.frames[known.back()];
        } else {
            const int before = known[next - 1];
            const int after = known[next];
            const float w = static_cast<float>(i - before) / static_cast<float>(after - before);
            for (int k = 0; k < kLandmarkCount; ++k) {
                const Point2f a = track.frames[before][k], b = track.frames[after][k];
                track.frames[i][k] = {a.x + w * (b.x - a.x), a.y + w * (b.y - a.y)};
            }
        }
    }
}

double trackJitter(const KeypointTrack& track)
{
    const int n = track.size();
    if (n < 3) {
        return 0.0;
    }
    double interocular = 0.0;
    for (const auto& f : track.frames) {
        interocular += distance(partCenter(f, kRightEye), partCenter(f, kLeftEye));
    }
    interocular = std::max(interocular / n, 1e-6);
    double sum = 0.0;
    for (int t = 1; t + 1 < n; ++t) {
        for (int k = 0; k < kLandmarkCount; ++k) {
            const Point2f a = track.frames[t - 1][k], b = track.frames[t][k], c = track.frames[t + 1][k];
            sum += std::hypot(c.x - 2 * b.x + a.x, c.y - 2 * b.y + a.y);
        }
    }
    return sum / (static_cast<double>(n - 2) * kLandmarkCount) / interocular;
}

void saveKeypointTrack(const KeypointTrack& track, const std::filesystem::path& path)
{
    nlohmann::json frames = nlohmann::json::array();
    for (const auto& f : track.frames) {
        nlohmann::json coords = nlohmann::json::array();
        for (const auto& p : f) {
            // Two decimals: sub-pixel precision without 17-digit floats.
            coords.push_back(std::round(p.x * 100.0) / 100.0);
            coords.push_back(std::round(p.y * 100.0) / 100.0);
        }
        frames.push_back(std::move(coords));
    }
    std::vector<bool> detected = track.detected;
    detected.resize(track.frames.size(), true);
    const nlohmann::json json{{"format", "durian-keypoints"}, {"version", 1}, {"fps", track.fps},
        {"width", track.width}, {"height", track.height}, {"frames", frames}, {"detected", detected}};
    writeFileAtomically(path, json.dump() + "\n");
}

KeypointTrack loadKeypointTrack(const std::filesystem::path& path) { return parseKeypointTrack(readFile(path), path); }

KeypointTrack parseKeypointTrack(const std::string& text, const std::filesystem::path& path)
{
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw Error("Keypoint track " + path.string() + " is not valid JSON: " + e.what());
    }
    try {
        if (json.value("format", std::string()) != "durian-keypoints") {
            throw Error("Keypoint track " + path.string() + " is not a durian-keypoints file");
        }
        using jsonsettings::strictValue;
        KeypointTrack track;
        track.fps = strictValue<double>(json.at("fps"));
        track.width = strictValue<int>(json.at("width"));
        track.height = strictValue<int>(json.at("height"));
        if (track.fps <= 0.0 || track.width <= 0 || track.height <= 0) {
            throw Error("Keypoint track " + path.string() + ": 'fps', 'width' and 'height' must be positive");
        }
        if (!json.at("frames").is_array()) {
            throw Error("Keypoint track " + path.string() + ": 'frames' must be a list");
        }
        for (const auto& frame : json.at("frames")) {
            if (!frame.is_array() || frame.size() != 2 * kLandmarkCount) {
                throw Error("Keypoint track " + path.string() + ": frame " + std::to_string(track.frames.size()) +
                    " has " + std::to_string(frame.size()) + " numbers, expected 136");
            }
            Landmarks l;
            for (int k = 0; k < kLandmarkCount; ++k) {
                l[k] = {strictValue<float>(frame[2 * k]), strictValue<float>(frame[2 * k + 1])};
            }
            track.frames.push_back(l);
        }
        track.detected = json.value("detected", std::vector<bool>(track.frames.size(), true));
        track.detected.resize(track.frames.size(), true);
        return track;
    } catch (const nlohmann::json::exception& e) {
        throw Error("Keypoint track " + path.string() + " has a missing or wrong field: " + e.what());
    }
}

} // namespace durian
