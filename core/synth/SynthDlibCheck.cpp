// How well dlib's real-photo face pipeline copes with rendered people: detection rate and landmark error.
#include "core/synth/SynthBench.h"

#include "core/synth/SynthPeople.h"
#include "core/synth/SynthRender.h"
#include "core/util/Error.h"

#include <dlib/image_processing.h>
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_transforms.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace durian {

SynthDlibReport checkSynthWithDlib(std::uint64_t firstSeed, int count, const SynthRenderOptions& options,
    const std::filesystem::path& model)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(model, error)) {
        throw Error("dlib landmark model not found: " + model.string() + " (install the Debian package libdlib-data)");
    }
    dlib::shape_predictor predictor;
    try {
        dlib::deserialize(model.string()) >> predictor;
    } catch (const std::exception& e) {
        throw Error("Cannot read the dlib landmark model " + model.string() + ": " + e.what());
    }
    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    SynthDlibReport report;
    std::vector<double> errors;
    for (int i = 0; i < count; ++i) {
        const std::uint64_t seed = firstSeed + static_cast<std::uint64_t>(i);
        const Person person = randomPerson(seed);
        const Pose pose = randomMotion(seed, 60)[static_cast<std::size_t>(seed % 60)];
        const SynthFrame frame = renderSynthFrame(person, pose, options);
        dlib::array2d<dlib::rgb_pixel> image(frame.rgb.height, frame.rgb.width);
        for (int y = 0; y < frame.rgb.height; ++y) {
            const std::uint8_t* row = frame.rgb.row(y);
            for (int x = 0; x < frame.rgb.width; ++x) {
                image[y][x] = dlib::rgb_pixel(row[3 * x], row[3 * x + 1], row[3 * x + 2]);
            }
        }
        dlib::pyramid_up(image); // faces here are small for dlib's 80x80 window
        const auto& truth = frame.keypoints;
        const bool frontal = std::abs(pose.yaw) < 15.f;
        const bool sunglasses = person.attributes.eyeglasses.style == GlassesStyle::Sunglasses;
        ++report.frames;
        report.frontal += frontal;
        report.sunglasses += sunglasses;
        const dlib::point nose(static_cast<long>(2.f * truth[30].x), static_cast<long>(2.f * truth[30].y));
        const dlib::rectangle* best = nullptr;
        const std::vector<dlib::rectangle> faces = detector(image);
        for (const auto& face : faces) {
            if (face.contains(nose) && (!best || face.area() > best->area())) {
                best = &face;
            }
        }
        if (!best) {
            continue;
        }
        ++report.detected;
        report.detectedFrontal += frontal;
        report.detectedSunglasses += sunglasses;
        const dlib::full_object_detection shape = predictor(image, *best);
        auto eyeCentre = [&](int first) {
            float x = 0.f, y = 0.f;
            for (int k = first; k < first + 6; ++k) {
                x += truth[static_cast<std::size_t>(k)].x / 6.f;
                y += truth[static_cast<std::size_t>(k)].y / 6.f;
            }
            return std::pair<float, float>{x, y};
        };
        const auto [lx, ly] = eyeCentre(36);
        const auto [rx, ry] = eyeCentre(42);
        const double iod = std::hypot(rx - lx, ry - ly);
        double sum = 0.0;
        for (unsigned k = 0; k < 68 && k < shape.num_parts(); ++k) {
            sum += std::hypot(shape.part(k).x() / 2.0 - truth[k].x, shape.part(k).y() / 2.0 - truth[k].y);
        }
        errors.push_back(sum / 68.0 / std::max(1.0, iod));
    }
    if (!errors.empty()) {
        double total = 0.0;
        for (double e : errors) {
            total += e;
        }
        report.meanError = total / errors.size();
        std::sort(errors.begin(), errors.end());
        report.medianError = errors[errors.size() / 2];
    }
    return report;
}

} // namespace durian
