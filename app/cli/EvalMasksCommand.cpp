#include "app/cli/CommandLine.h"
#include "core/eval/MaskQuality.h"

#include <cstdio>

namespace durian::cli {

Command evalMasksCommand()
{
    return {"eval-masks", "eval-masks [--count N] [--seed S] [--size PX]",
        "Measure the automatic masks against the portrait world's exact masks (IoU per category)",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {});
            const int count = arguments.integerOr("count", 100, 1, 100000);
            const int seed = arguments.integerOr("seed", 1000, 0, 1 << 30);
            const int size = arguments.integerOr("size", 256, 64, 2048);
            const auto rows = measureAutoMaskQuality(count, static_cast<std::uint64_t>(seed), size);
            std::printf("%d portraits of the portrait world (seeds %d..%d, %dx%d), true keypoints\n\n", count, seed,
                seed + count - 1, size, size);
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
