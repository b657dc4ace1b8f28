#include "app/cli/CommandLine.h"
#include "core/eval/LandmarkAccuracy.h"

#include <cstdio>

namespace durian::cli {

Command evalLandmarksCommand()
{
    return {"eval-landmarks", "eval-landmarks XML",
        "Measure the 68 landmarks against an imglab file's (dlib's testing_with_face_landmarks.xml)",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {});
            if (arguments.positionals().size() != 1) {
                throw UsageError("expected one imglab XML file");
            }
            const auto errors = measureLandmarkAccuracy(arguments.positionals().front());
            double detected = 0.0, inBox = 0.0;
            int found = 0;
            std::printf("| image | detected | error, detected face | error, in the file's box |\n| --- | --- | ---: | ---: |\n");
            for (const auto& e : errors) {
                std::printf("| %s | %s | %s | %.3f |\n", e.image.c_str(), e.detected ? "yes" : "no",
                    e.detected ? std::to_string(e.detectedError).substr(0, 5).c_str() : "-", e.inBoxError);
                inBox += e.inBoxError;
                if (e.detected) detected += e.detectedError, ++found;
            }
            const double n = static_cast<double>(errors.size());
            std::printf("\n%zu faces, %d detected; mean error over the inter-ocular distance: detected %.4f, in the "
                        "file's box %.4f\n", errors.size(), found, found > 0 ? detected / found : 0.0, inBox / n);
            return kExitOk;
        }};
}

} // namespace durian::cli
