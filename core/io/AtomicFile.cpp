#include "core/io/AtomicFile.h"

#include "core/util/Error.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <fstream>
#include <sstream>
#include <string>
#include <unistd.h>

namespace durian {
namespace {

std::string systemReason(int error)
{
    return std::strerror(error);
}

} // namespace

AtomicFileTarget::AtomicFileTarget(std::filesystem::path target)
    : target_(std::move(target))
{
    const auto directory = target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
    const std::string extension = target_.extension().string();
    // Hidden, and named after the target so a leftover from a killed process is recognisable.
    std::string name = ".";
    name.append(target_.stem().string()).append(".partial-XXXXXX").append(extension);
    std::string pattern = (directory / name).string();
    const int fd = ::mkstemps(pattern.data(), static_cast<int>(extension.size()));
    if (fd < 0) {
        throw Error("Cannot write " + target_.string() + ": " + systemReason(errno));
    }
    // mkstemps creates the file 0600; give it the mode any new file of this user gets (0666 minus umask).
    ::fchmod(fd, 0666 & ~static_cast<mode_t>(processUmask()));
    ::close(fd);
    temporary_ = pattern;
}

AtomicFileTarget::~AtomicFileTarget()
{
    if (!committed_) {
        std::error_code ignored;
        std::filesystem::remove(temporary_, ignored);
    }
}

void AtomicFileTarget::commit()
{
    const int fd = ::open(temporary_.c_str(), O_RDONLY);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int error = errno;
        if (fd >= 0) {
            ::close(fd);
        }
        throw Error("Cannot write " + target_.string() + ": " + systemReason(error));
    }
    ::close(fd);
    if (std::rename(temporary_.c_str(), target_.c_str()) != 0) {
        throw Error("Cannot replace " + target_.string() + ": " + systemReason(errno));
    }
    committed_ = true;
    // The rename itself reaches the disk only with its folder: without this a crash can bring back the old file.
    const auto directory = target_.has_parent_path() ? target_.parent_path() : std::filesystem::path(".");
    if (const int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

unsigned processUmask()
{
    static const unsigned mask = [] {
        std::ifstream status("/proc/self/status");
        std::string line;
        while (std::getline(status, line)) {
            if (line.rfind("Umask:", 0) == 0) {
                return static_cast<unsigned>(std::stoul(line.substr(6), nullptr, 8));
            }
        }
        const mode_t m = ::umask(022); // kernels before 4.7 have no Umask line: the old way, once
        ::umask(m);
        return static_cast<unsigned>(m);
    }();
    return mask;
}

void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes)
{
    AtomicFileTarget target(path);
    std::FILE* file = std::fopen(target.temporaryPath().c_str(), "wb");
    if (file == nullptr) {
        throw Error("Cannot write " + path.string() + ": " + systemReason(errno));
    }
    const bool written = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    const int writeError = errno;
    const bool closed = std::fclose(file) == 0; // a full disk often shows only when the buffer is flushed
    const int closeError = errno;
    if (!written || !closed) {
        throw Error("Cannot write " + path.string() + ": " + systemReason(written ? closeError : writeError));
    }
    target.commit();
}

std::string readFile(const std::filesystem::path& path)
{
    // Only a regular file has an end: /dev/zero or a pipe would be read until memory runs out.
    std::error_code error;
    const auto status = std::filesystem::status(path, error);
    if (!error && std::filesystem::is_directory(status)) {
        throw Error("Cannot read " + path.string() + ": it is a folder, not a file");
    }
    if (!error && !std::filesystem::is_regular_file(status)) {
        throw Error("Cannot read " + path.string() + ": it is not a regular file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error("Cannot read " + path.string() + ": " + systemReason(errno));
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    if (in.bad()) {
        throw Error("Cannot read " + path.string() + ": read error");
    }
    return contents.str();
}

} // namespace durian
