#include "app/cli/CommandLine.h"
#include "core/face/Alignment.h"
#include "core/face/FaceAnalyzer.h"
#include "core/face/FaceNetworks.h"
#include "core/face/FaceReport.h"
#include "core/face/KeypointImage.h"
#include "core/io/Image.h"
#include "core/masks/AutoMasks.h"
#include "core/masks/MaskOps.h"
#include "core/util/Error.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace durian::cli {

namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A copy of the photo with a small green cross on each point.
Image drawPoints(const Image& photo, const std::vector<Point2f>& points)
{
    Image out = photo;
    const int arm = std::max(1, std::min(photo.width, photo.height) / 400);
    for (const auto& p : points) {
        const int cx = static_cast<int>(std::lround(p.x)), cy = static_cast<int>(std::lround(p.y));
        for (int d = -arm; d <= arm; ++d) {
            for (const auto& [x, y] : {std::pair{cx + d, cy}, std::pair{cx, cy + d}}) {
                if (x >= 0 && y >= 0 && x < out.width && y < out.height) {
                    std::uint8_t* px = out.row(y) + x * out.channels;
                    px[0] = 0;
                    if (out.channels >= 3) px[1] = 255, px[2] = 0;
                }
            }
        }
    }
    return out;
}

} // namespace

Command analyzeCommand()
{
    return {"analyze", "analyze PHOTO -o DIR [--size N] [--face I] [--landmarks JSON] [--truth DIR]",
        "Find the face in a photo: landmarks, aligned crop, automatic masks",
        [](const std::vector<std::string>& rawArgs) {
            const Arguments arguments(rawArgs, {});
            if (arguments.positionals().size() != 1) {
                throw UsageError("expected one photo");
            }
            const auto output = arguments.value("output");
            if (!output) {
                throw UsageError("the output folder (-o DIR) is required");
            }
            const int size = static_cast<int>(arguments.numberOr("size", 256));
            if (size < 16 || size > 4096) {
                throw UsageError("--size must be between 16 and 4096");
            }
            const std::filesystem::path photoPath = arguments.positionals().front();
            const std::filesystem::path dir = *output;
            const Image photo = loadImageRgb(photoPath);

            const auto start = std::chrono::steady_clock::now();
            FaceAnalysis analysis;
            analysis.width = photo.width;
            analysis.height = photo.height;
            double loadSeconds = 0.0;
            if (const auto given = arguments.value("landmarks")) {
                analysis.faces.push_back(faceFromLandmarks(loadLandmarks(*given)));
            } else {
                FaceAnalyzer analyzer;
                loadSeconds = secondsSince(start);
                analysis = analyzer.analyze(photo);
            }
            const double detectSeconds = secondsSince(start) - loadSeconds;
            if (!analysis.found()) {
                throw Error("No face found in " + photoPath.string() + " (" + std::to_string(photo.width) + "x" +
                    std::to_string(photo.height) + "); faces need to be frontal and at least about 40 pixels wide");
            }
            std::error_code error;
            std::filesystem::create_directories(dir, error);
            if (error) {
                throw Error("Cannot create output folder " + dir.string() + ": " + error.message());
            }

            // --face I picks another face (0 = the chosen one, 1.. = the others in the order listed).
            const int faceIndex = static_cast<int>(arguments.numberOr("face", 0));
            if (faceIndex < 0 || faceIndex >= static_cast<int>(analysis.faces.size())) {
                throw UsageError("--face must be between 0 and " + std::to_string(analysis.faces.size() - 1) +
                    ": the photo has " + std::to_string(analysis.faces.size()) + " face(s)");
            }
            std::swap(analysis.faces[0], analysis.faces[static_cast<std::size_t>(faceIndex)]);
            const FaceDetection& face = analysis.primary();
            const AlignedFace aligned = alignFace(photo, face.landmarks, size);
            saveImage(aligned.image, dir / "aligned.png");
            saveImage(renderKeypointImage(aligned.landmarks, size, size), dir / "keypoints.png");

            const auto maskStart = std::chrono::steady_clock::now();
            const std::vector<AutoMask> masks = computeAutoMasks(photo, face.landmarks);
            const double maskSeconds = secondsSince(maskStart);
            FaceReport report;
            report.photo = std::filesystem::absolute(photoPath).string();
            report.analysis = analysis;
            report.alignedSize = size;
            report.alignedFile = "aligned.png";
            report.toAligned = aligned.toAligned;
            for (const auto& m : masks) {
                const std::string file = "mask_" + toString(m.kind) + ".png";
                saveImage(m.mask, dir / file);
                report.masks.push_back({toString(m.kind), file, m.confidence});
            }
            saveImage(maskOverlay(photo, masks), dir / "overlay.png");
            // What the face networks see, for a look at why a mask went where it did.
            const FaceNetworks& networks = FaceNetworks::shared();
            saveImage(networks.personMatte(photo), dir / "matte.png");
            const FaceMesh mesh = networks.faceMesh(photo, face.landmarks);
            saveImage(drawPoints(photo, mesh.points), dir / "mesh.png");
            saveFaceReport(report, dir / "face.json");

            std::printf("face      box %.0f,%.0f %.0fx%.0f  confidence %.2f\n", face.box.x, face.box.y, face.box.width,
                face.box.height, face.confidence);
            if (analysis.faces.size() > 1) {
                std::printf("others    %zu more face(s) ignored:", analysis.faces.size() - 1);
                for (std::size_t i = 1; i < analysis.faces.size(); ++i) {
                    const auto& b = analysis.faces[i].box;
                    std::printf(" [%.0f,%.0f %.0fx%.0f]", b.x, b.y, b.width, b.height);
                }
                std::printf("\n");
            }
            for (const auto& m : masks) {
                std::printf("mask      %-10s confidence %.2f\n", toString(m.kind).c_str(), m.confidence);
            }
            // --truth DIR: true masks (mask_<kind>.png, the photo's size) to score the automatic ones against.
            if (const auto truth = arguments.value("truth")) {
                for (const auto& m : masks) {
                    const std::filesystem::path file = std::filesystem::path(*truth) / ("mask_" + toString(m.kind) + ".png");
                    if (!std::filesystem::exists(file)) {
                        continue;
                    }
                    std::printf("iou       %-10s %.3f\n", toString(m.kind).c_str(), maskIoU(m.mask, loadMask(file)));
                }
            }
            std::printf("timing    model load %.2f s, detect+landmarks %.3f s, masks %.3f s\n", loadSeconds,
                detectSeconds, maskSeconds);
            std::printf("written   %s\n", (dir / "face.json").string().c_str());
            return kExitOk;
        }};
}

} // namespace durian::cli
