#include "app/cli/CommandLine.h"
#include "core/eval/MaskQuality.h"

#include <cstdio>
#include <filesystem>

namespace durian::cli {

Command evalMasksCommand()
{
    return {"eval-masks", "eval-masks [--count N] [--seed S] [--size PX] [--classical] [--overlays DIR]",
        "Measure the automatic masks against the portrait world's exact masks (IoU per category)",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {"classical"});
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
