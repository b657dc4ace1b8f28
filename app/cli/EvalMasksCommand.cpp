#include "app/cli/CommandLine.h"
#include "core/eval/MaskQuality.h"
#include "core/util/Error.h"

#include <cstdio>
#include <filesystem>

namespace durian::cli {

Command evalMasksCommand()
{
    return {"eval-masks", "eval-masks [--count N] [--seed S] [--size PX] [--classical] [--overlays DIR] | --truth DIR --photos DIR [--classical]",
        "Measure the automatic masks against the portrait world's exact masks, or against masks painted on real "
        "photos (--truth: PHOTO.CATEGORY.png files; --photos: the folder of those photos); IoU per category",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {"classical"});
            if (arguments.has("truth") || arguments.has("photos")) {
                const auto truth = arguments.value("truth"), photos = arguments.value("photos");
                if (!truth || !photos || truth->empty() || photos->empty()) {
                    throw UsageError("--truth and --photos go together: the painted masks and the photos they were painted on");
                }
                if (arguments.has("count") || arguments.has("seed") || arguments.has("size") || arguments.has("overlays")) {
                    throw UsageError("--count, --seed, --size and --overlays are for the portrait world, not --truth");
                }
                const bool classical = arguments.has("classical");
                const auto quality = measurePhotoMaskQuality(*truth, *photos, classical);
                std::printf("%zu painted masks on real photos (%s), %s\n\n", quality.cases.size(), truth->c_str(),
                    classical ? "classical cues alone" : "with the face networks");
                std::printf("| photo | mask | IoU | confidence |\n| --- | --- | ---: | ---: |\n");
                for (const auto& c : quality.cases) {
                    std::printf("| %s | %s | %.3f | %.2f |\n", c.photo.c_str(), c.category.c_str(), c.iou, c.confidence);
                }
                std::printf("\n| mask | photos with it | mean IoU |\n| --- | ---: | ---: |\n");
                for (const auto& row : quality.rows) {
                    std::printf("| %s | %d | %.3f |\n", row.kind.c_str(), row.present, row.meanIoU);
                }
                for (const auto& m : quality.missing) {
                    std::fprintf(stderr, "not measured: %s\n", m.c_str());
                }
                if (quality.cases.empty()) {
                    throw Error("no painted mask could be measured (see above)");
                }
                return kExitOk;
            }
            const int count = arguments.integerOr("count", 100, 1, 100000);
            const int seed = arguments.integerOr("seed", 1000, 0, 1 << 30);
            const int size = arguments.integerOr("size", 256, 64, 2048);
            const bool classical = arguments.has("classical");
            const std::filesystem::path overlays = arguments.valueOr("overlays", "");
            if (!overlays.empty()) {
                std::filesystem::create_directories(overlays);
            }
            const auto rows = measureAutoMaskQuality(count, static_cast<std::uint64_t>(seed), size, classical, overlays);
            std::printf("%d portraits of the portrait world (seeds %d..%d, %dx%d), true keypoints, %s\n\n", count, seed,
                seed + count - 1, size, size, classical ? "classical cues alone" : "with the face networks");
            std::printf("| mask | portraits with it | mean IoU | portraits without it | false alarms |\n");
            std::printf("| --- | ---: | ---: | ---: | ---: |\n");
            for (const auto& row : rows) {
                std::printf("| %s | %d | %.3f | %d | %d |\n", row.kind.c_str(), row.present, row.meanIoU, row.absent,
                    row.falseAlarms);
            }
            return kExitOk;
        }};
}

} // namespace durian::cli
