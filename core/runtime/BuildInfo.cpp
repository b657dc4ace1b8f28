#include "core/runtime/BuildInfo.h"

#include <dlib/revision.h>
#include <opencv2/core/version.hpp>
#include <torch/version.h>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
}

namespace durian {
namespace {

std::string avVersion(unsigned packed)
{
    return std::to_string(AV_VERSION_MAJOR(packed)) + "." + std::to_string(AV_VERSION_MINOR(packed)) + "."
        + std::to_string(AV_VERSION_MICRO(packed));
}

} // namespace

std::string durianVersion()
{
    return DURIAN_VERSION;
}

std::vector<std::pair<std::string, std::string>> coreLibraryVersions()
{
    // Run-time versions where the library reports one, so a mismatched shared library shows up here.
    const std::string ffmpeg = std::string(av_version_info()) + " (libavcodec " + avVersion(avcodec_version())
        + ", libavformat " + avVersion(avformat_version()) + ")";
    return {
        {"LibTorch", TORCH_VERSION},
        {"OpenCV", CV_VERSION},
        {"FFmpeg", ffmpeg},
        {"dlib", std::to_string(DLIB_MAJOR_VERSION) + "." + std::to_string(DLIB_MINOR_VERSION) + "."
                     + std::to_string(DLIB_PATCH_VERSION)},
    };
}

} // namespace durian
