#include "app/cli/CommandLine.h"
#include "core/face/FaceAnalyzer.h"
#include "core/face/FaceNetworks.h"
#include "core/io/Image.h"
#include "core/util/Error.h"

#include <cstdio>
#include <filesystem>

namespace durian::cli {

Command identityCommand()
{
    return {"identity", "identity IMAGE_A IMAGE_B [--network ONNX]",
        "How alike the main faces of two images are (FaceRes cosine similarity, the benchmark's CSIM)",
        [](const std::vector<std::string>& args) {
            const Arguments arguments(args, {});
            if (arguments.positionals().size() != 2) {
                throw UsageError("expected two images");
            }
            const std::filesystem::path network =
                arguments.valueOr("network", (measureNetworksDir() / "faceres.onnx").string());
            const FaceIdentity identity(network);
            FaceAnalyzer analyzer;
            std::vector<std::vector<float>> embeddings;
            for (const std::filesystem::path path : arguments.positionals()) {
                const Image image = loadImageRgb(path);
                const FaceAnalysis analysis = analyzer.analyze(image);
                if (!analysis.found()) {
                    throw Error("No face found in " + path.string() + ": identity compares the main faces of two images");
                }
                const RectF box = analysis.primary().box;
                std::printf("%s: main face of %zu at %.0f,%.0f (%.0fx%.0f)\n", path.string().c_str(),
                    analysis.faces.size(), box.x, box.y, box.width, box.height);
                embeddings.push_back(identity.embedding(image, analysis.primary().landmarks));
            }
            std::printf("identity similarity %.4f\n", cosineSimilarity(embeddings[0], embeddings[1]));
            return kExitOk;
        }};
}

} // namespace durian::cli
