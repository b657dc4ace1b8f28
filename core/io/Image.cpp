#include "core/io/Image.h"

#include "core/io/AtomicFile.h"
#include "core/util/Error.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <fstream>
#include <string>

namespace durian {

Image::Image(int width_, int height_, int channels_, std::uint8_t fill)
    : width(width_)
    , height(height_)
    , channels(channels_)
    , pixels(static_cast<std::size_t>(width_) * height_ * channels_, fill)
{
}

namespace {

cv::Mat readWithOpenCv(const std::filesystem::path& path, int flags)
{
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
        throw Error("Cannot open image " + path.string() + ": it is a folder, not an image file");
    }
    if (!std::filesystem::is_regular_file(path, error)) {
        throw Error("Cannot open image " + path.string() + ": no such file");
    }
    cv::Mat mat;
    try {
        mat = cv::imread(path.string(), flags);
    } catch (const cv::Exception& e) {
        throw Error("Cannot read image " + path.string() + ": " + e.what());
    }
    if (mat.empty()) {
        // OpenCV reads no GIF: say so rather than call a good file damaged.
        std::ifstream in(path, std::ios::binary);
        char magic[4] = {};
        in.read(magic, 4);
        if (std::string(magic, 4) == "GIF8") {
            throw Error("Cannot read image " + path.string() + ": GIF images (animated or not) are not supported; "
                "save it as PNG or JPEG");
        }
        throw Error("Cannot read image " + path.string() + ": not an image, or the file is damaged");
    }
    return mat;
}

} // namespace

Image loadMask(const std::filesystem::path& path)
{
    const cv::Mat gray = readWithOpenCv(path, cv::IMREAD_GRAYSCALE);
    Image mask(gray.cols, gray.rows, 1);
    gray.copyTo(cv::Mat(gray.rows, gray.cols, CV_8UC1, mask.pixels.data()));
    return mask;
}

Image loadImageRgb(const std::filesystem::path& path)
{
    const cv::Mat bgr = readWithOpenCv(path, cv::IMREAD_COLOR);
    Image image(bgr.cols, bgr.rows, 3);
    cv::Mat rgb(bgr.rows, bgr.cols, CV_8UC3, image.pixels.data());
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    return image;
}

void saveImage(const Image& image, const std::filesystem::path& path)
{
    if (image.empty() || (image.channels != 1 && image.channels != 3 && image.channels != 4)) {
        throw Error("Cannot save " + path.string() + ": the image is empty or has an unsupported channel count");
    }
    const int type = CV_8UC(image.channels);
    cv::Mat view(image.height, image.width, type, const_cast<std::uint8_t*>(image.pixels.data()));
    cv::Mat encodedOrder;
    if (image.channels == 3) {
        cv::cvtColor(view, encodedOrder, cv::COLOR_RGB2BGR);
    } else if (image.channels == 4) {
        cv::cvtColor(view, encodedOrder, cv::COLOR_RGBA2BGRA);
    } else {
        encodedOrder = view;
    }
    std::vector<std::uint8_t> bytes;
    std::string extension = path.extension().string();
    if (extension.empty()) {
        extension = ".png";
    }
    bool encoded = false;
    try {
        encoded = cv::imencode(extension, encodedOrder, bytes);
    } catch (const cv::Exception&) {
        encoded = false;
    }
    if (!encoded) {
        throw Error("Cannot save " + path.string() + ": unsupported image format '" + extension + "'");
    }
    writeFileAtomically(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

} // namespace durian
