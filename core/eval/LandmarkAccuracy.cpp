#include "core/eval/LandmarkAccuracy.h"

#include "core/face/FaceAnalyzer.h"
#include "core/io/Image.h"
#include "core/util/Error.h"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

namespace durian {

namespace {

struct TruthFace {
    std::string image;
    RectF box;
    Landmarks landmarks{};
};

double attribute(const std::string& tag, const std::string& name)
{
    const std::regex pattern(name + "='(-?[0-9.]+)'");
    std::smatch match;
    return std::regex_search(tag, match, pattern) ? std::stod(match[1]) : 0.0;
}

// The <image file=...><box ...><part name='NN' x y/>... entries of an imglab file.
std::vector<TruthFace> readImglab(const std::filesystem::path& xml)
{
    std::ifstream in(xml);
    if (!in) {
        throw Error("Cannot read " + xml.string());
    }
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    std::vector<TruthFace> faces;
    const std::regex tag("<(image|box|part)\\b[^>]*>");
    std::string image;
    int parts = 0;
    for (auto it = std::sregex_iterator(s.begin(), s.end(), tag); it != std::sregex_iterator(); ++it) {
        const std::string t = (*it)[0], kind = (*it)[1];
        if (kind == "image") {
            std::smatch file;
            image = std::regex_search(t, file, std::regex("file='([^']+)'")) ? file[1].str() : "";
        } else if (kind == "box") {
            faces.push_back({image, {static_cast<float>(attribute(t, "left")), static_cast<float>(attribute(t, "top")),
                                        static_cast<float>(attribute(t, "width")), static_cast<float>(attribute(t, "height"))}});
            parts = 0;
        } else if (!faces.empty()) {
            const int index = static_cast<int>(attribute(t, "name"));
            if (index >= 0 && index < kLandmarkCount) {
                faces.back().landmarks[static_cast<std::size_t>(index)] = {static_cast<float>(attribute(t, "x")),
                    static_cast<float>(attribute(t, "y"))};
                ++parts;
            }
        }
    }
    if (faces.empty()) {
        throw Error(xml.string() + " holds no <box> with landmarks");
    }
    return faces;
}

double normalisedError(const Landmarks& ours, const Landmarks& truth)
{
    double sum = 0.0;
    for (int i = 0; i < kLandmarkCount; ++i) {
        sum += distance(ours[static_cast<std::size_t>(i)], truth[static_cast<std::size_t>(i)]);
    }
    const double interOcular = std::max(1.0f, distance(partCenter(truth, kRightEye), partCenter(truth, kLeftEye)));
    return sum / kLandmarkCount / interOcular;
}

double overlap(const RectF& a, const RectF& b)
{
    const float w = std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
    const float h = std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
    const float inter = std::max(0.0f, w) * std::max(0.0f, h);
    return inter / std::max(1e-6f, a.area() + b.area() - inter);
}

} // namespace

std::vector<LandmarkError> measureLandmarkAccuracy(const std::filesystem::path& xml)
{
    const auto faces = readImglab(xml);
    FaceAnalyzer analyzer;
    std::vector<LandmarkError> errors;
    std::string loadedName;
    Image image;
    FaceAnalysis analysis;
    for (const auto& face : faces) {
        if (face.image != loadedName) {
            image = loadImageRgb(xml.parent_path() / face.image);
            analysis = analyzer.analyze(image);
            loadedName = face.image;
        }
        LandmarkError e;
        e.image = face.image;
        e.inBoxError = normalisedError(analyzer.landmarksIn(image, face.box), face.landmarks);
        const auto best = std::max_element(analysis.faces.begin(), analysis.faces.end(),
            [&](const FaceDetection& a, const FaceDetection& b) { return overlap(a.box, face.box) < overlap(b.box, face.box); });
        if (best != analysis.faces.end() && overlap(best->box, face.box) > 0.3) {
            e.detected = true;
            e.detectedError = normalisedError(best->landmarks, face.landmarks);
        }
        errors.push_back(e);
    }
    return errors;
}

} // namespace durian
