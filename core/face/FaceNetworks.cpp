#include "core/face/FaceNetworks.h"

#include "core/face/Alignment.h"
#include "core/face/OpenCvBridge.h"
#include "core/util/Error.h"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>
#include <numeric>

namespace durian {

namespace {

cv::dnn::Net loadNetwork(const std::filesystem::path& path, const std::string& remedy)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        throw Error("The face network " + path.string() + " is missing: " + remedy);
    }
    try {
        cv::dnn::Net net = cv::dnn::readNetFromONNX(path.string());
        if (net.empty()) {
            throw Error("The face network " + path.string() + " has no layers: " + remedy);
        }
        return net;
    } catch (const cv::Exception& e) {
        throw Error("The face network " + path.string() + " is damaged (" + e.err + "): " + remedy);
    }
}

// An upright square crop of `side` pixels whose box is `scale` times the landmarks' extent, centred on them.
// Returns the photo -> crop transform.
Similarity uprightCrop(const Landmarks& landmarks, int side, float scale)
{
    const Point2f right = partCenter(landmarks, kRightEye), left = partCenter(landmarks, kLeftEye);
    const float angle = std::atan2(left.y - right.y, left.x - right.x);
    const float c = std::cos(-angle), s = std::sin(-angle);
    float minX = 1e9f, minY = 1e9f, maxX = -1e9f, maxY = -1e9f;
    for (const auto& p : landmarks) { // in the upright frame (rotation about the origin)
        const float x = c * p.x - s * p.y, y = s * p.x + c * p.y;
        minX = std::min(minX, x), maxX = std::max(maxX, x), minY = std::min(minY, y), maxY = std::max(maxY, y);
    }
    const float extent = std::max({maxX - minX, maxY - minY, 1.0f}) * scale;
    const float k = static_cast<float>(side) / extent;
    Similarity t;
    t.a = k * c;
    t.b = k * s;
    t.tx = static_cast<float>(side) / 2.0f - k * (minX + maxX) / 2.0f;
    t.ty = static_cast<float>(side) / 2.0f - k * (minY + maxY) / 2.0f;
    return t;
}

cv::Mat warped(const Image& rgb, const Similarity& toCrop, int side)
{
    const cv::Mat m = (cv::Mat_<double>(2, 3) << toCrop.a, -toCrop.b, toCrop.tx, toCrop.b, toCrop.a, toCrop.ty);
    cv::Mat crop;
    cv::warpAffine(cvbridge::rgb(rgb), crop, m, cv::Size(side, side), cv::INTER_AREA, cv::BORDER_CONSTANT);
    return crop;
}

cv::Mat forward(cv::dnn::Net& net, const cv::Mat& rgb8, double scale, const std::string& output, const std::string& what)
{
    net.setInput(cv::dnn::blobFromImage(rgb8, scale, cv::Size(), cv::Scalar(), false, false, CV_32F));
    cv::Mat out = net.forward(output);
    if (!cv::checkRange(out)) {
        throw Error("The " + what + " network gave invalid numbers (NaN or infinity): its file is damaged");
    }
    return out;
}

constexpr const char* kShippedRemedy = "reinstall Durian Studio (the file ships in share/durian-studio/networks)";

} // namespace

std::filesystem::path faceNetworksDir()
{
    if (const char* dir = std::getenv("DURIAN_NETWORKS_DIR"); dir && *dir) {
        return dir;
    }
    std::error_code error;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
    return exe.parent_path().parent_path() / "share/durian-studio/networks";
}

std::filesystem::path measureNetworksDir()
{
    if (const char* dir = std::getenv("DURIAN_MEASURE_NETWORKS_DIR"); dir && *dir) {
        return dir;
    }
    if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data) {
        return std::filesystem::path(data) / "durian-studio/measure";
    }
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home ? home : "/") / ".local/share/durian-studio/measure";
}

struct FaceNetworks::Impl {
    std::mutex mutex; // cv::dnn::Net keeps its buffers between passes: one pass at a time
    cv::dnn::Net selfie;
    cv::dnn::Net mesh;
};

FaceNetworks::FaceNetworks(const std::filesystem::path& dir) : impl_(std::make_unique<Impl>())
{
    impl_->selfie = loadNetwork(dir / "selfie.onnx", kShippedRemedy);
    impl_->mesh = loadNetwork(dir / "facemesh.onnx", kShippedRemedy);
}

FaceNetworks::~FaceNetworks() = default;

const FaceNetworks& FaceNetworks::shared()
{
    static const FaceNetworks networks;
    return networks;
}

Image FaceNetworks::personMatte(const Image& rgb) const
{
    constexpr int kSide = 256;
    cv::Mat small;
    cv::resize(cvbridge::rgb(rgb), small, cv::Size(kSide, kSide), 0, 0, cv::INTER_AREA);
    cv::Mat out;
    {
        std::lock_guard lock(impl_->mutex);
        out = forward(impl_->selfie, small, 1.0 / 255.0, "activation_10", "selfie segmentation").clone();
    }
    cv::Mat matte(kSide, kSide, CV_32F, out.ptr<float>());
    cv::Mat full;
    cv::resize(matte, full, cv::Size(rgb.width, rgb.height), 0, 0, cv::INTER_LINEAR);
    full.convertTo(full, CV_8U, 255.0);
    return cvbridge::toImage(full);
}

FaceMesh FaceNetworks::faceMesh(const Image& rgb, const Landmarks& landmarks) const
{
    constexpr int kSide = 192;
    const Similarity toCrop = uprightCrop(landmarks, kSide, 1.5f);
    const cv::Mat crop = warped(rgb, toCrop, kSide);
    cv::Mat points, flag;
    {
        std::lock_guard lock(impl_->mutex);
        impl_->mesh.setInput(cv::dnn::blobFromImage(crop, 1.0 / 255.0, cv::Size(), cv::Scalar(), false, false, CV_32F));
        std::vector<cv::Mat> outs;
        impl_->mesh.forward(outs, std::vector<cv::String>{"Identity_2", "Identity_1"});
        points = outs[0].clone();
        flag = outs[1].clone();
    }
    if (!cv::checkRange(points) || !cv::checkRange(flag) || points.total() != 3 * kMeshPointCount) {
        throw Error("The face mesh network gave invalid numbers (NaN or infinity): its file is damaged");
    }
    FaceMesh mesh;
    mesh.confidence = std::clamp(flag.at<float>(0), 0.0f, 1.0f);
    const Similarity back = toCrop.inverse();
    const float* xyz = points.ptr<float>();
    for (int i = 0; i < kMeshPointCount; ++i) {
        mesh.points.push_back(back.apply(Point2f{xyz[3 * i], xyz[3 * i + 1]}));
    }
    return mesh;
}

struct FaceIdentity::Impl {
    std::mutex mutex;
    cv::dnn::Net net;
};

FaceIdentity::FaceIdentity(const std::filesystem::path& onnx) : impl_(std::make_unique<Impl>())
{
    impl_->net = loadNetwork(onnx, "make it with packaging/install-measure-networks.sh (it needs npm and python3-onnx)");
}

FaceIdentity::~FaceIdentity() = default;

std::vector<float> FaceIdentity::embedding(const Image& rgb, const Landmarks& landmarks) const
{
    constexpr int kSide = 224;
    const cv::Mat crop = warped(rgb, uprightCrop(landmarks, kSide, 1.1f), kSide);
    cv::Mat out;
    {
        std::lock_guard lock(impl_->mutex);
        out = forward(impl_->net, crop, 1.0, "global_pooling_Mean", "face identity").clone();
    }
    return {out.ptr<float>(), out.ptr<float>() + out.total()};
}

float cosineSimilarity(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.size() != b.size() || a.empty()) {
        throw Error("Cannot compare embeddings of different lengths");
    }
    const double dot = std::inner_product(a.begin(), a.end(), b.begin(), 0.0);
    const double na = std::sqrt(std::inner_product(a.begin(), a.end(), a.begin(), 0.0));
    const double nb = std::sqrt(std::inner_product(b.begin(), b.end(), b.begin(), 0.0));
    return static_cast<float>(dot / std::max(na * nb, 1e-12));
}

} // namespace durian
