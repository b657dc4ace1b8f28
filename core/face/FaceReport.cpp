#include "core/face/FaceReport.h"

#include "core/io/AtomicFile.h"
#include "core/util/Error.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace durian {

namespace {

double rounded(float v) { return std::round(static_cast<double>(v) * 100.0) / 100.0; }

nlohmann::json boxJson(const RectF& r) { return {rounded(r.x), rounded(r.y), rounded(r.width), rounded(r.height)}; }

} // namespace

void saveFaceReport(const FaceReport& report, const std::filesystem::path& path)
{
    nlohmann::json json{{"format", "durian-face"}, {"version", 1}, {"photo", report.photo},
        {"width", report.analysis.width}, {"height", report.analysis.height}};
    if (report.analysis.found()) {
        const FaceDetection& face = report.analysis.primary();
        nlohmann::json landmarks = nlohmann::json::array();
        for (const auto& p : face.landmarks) {
            landmarks.push_back(rounded(p.x));
            landmarks.push_back(rounded(p.y));
        }
        json["face"] = {{"box", boxJson(face.box)}, {"confidence", rounded(face.confidence)}, {"landmarks", landmarks}};
        nlohmann::json others = nlohmann::json::array();
        for (std::size_t i = 1; i < report.analysis.faces.size(); ++i) {
            others.push_back({{"box", boxJson(report.analysis.faces[i].box)},
                {"confidence", rounded(report.analysis.faces[i].confidence)}});
        }
        json["other_faces"] = others;
    }
    if (report.alignedSize > 0) {
        const Similarity& t = report.toAligned;
        json["aligned"] = {{"size", report.alignedSize}, {"file", report.alignedFile}, {"to_aligned", {t.a, t.b, t.tx, t.ty}}};
    }
    nlohmann::json masks = nlohmann::json::array();
    for (const auto& m : report.masks) {
        masks.push_back({{"kind", m.kind}, {"file", m.file}, {"confidence", rounded(m.confidence)}});
    }
    json["masks"] = masks;
    writeFileAtomically(path, json.dump(2) + "\n");
}

Landmarks loadLandmarks(const std::filesystem::path& path)
{
    const std::string text = readFile(path);
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw Error("Landmarks file " + path.string() + " is not valid JSON: " + e.what());
    }
    nlohmann::json numbers;
    if (json.is_array()) {
        numbers = json;
    } else if (json.is_object() && json.contains("face")) {
        numbers = json["face"].value("landmarks", nlohmann::json());
    } else if (json.is_object()) {
        numbers = json.value("landmarks", nlohmann::json());
    }
    if (!numbers.is_array() || numbers.size() != 2 * kLandmarkCount) {
        throw Error("Landmarks file " + path.string() + " must hold 136 numbers (68 x,y pairs)");
    }
    Landmarks landmarks;
    for (int k = 0; k < kLandmarkCount; ++k) {
        if (!numbers[2 * k].is_number() || !numbers[2 * k + 1].is_number()) {
            throw Error("Landmarks file " + path.string() + ": point " + std::to_string(k) + " is not a pair of numbers");
        }
        landmarks[k] = {numbers[2 * k].get<float>(), numbers[2 * k + 1].get<float>()};
    }
    return landmarks;
}

} // namespace durian
