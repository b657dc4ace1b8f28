#pragma once

#include <filesystem>
#include <string_view>

namespace durian {

// A file that appears at its target path whole or not at all. Writers write to temporaryPath(), a
// unique file beside the target with the same extension (so encoders that pick a format from the
// name still work); commit() flushes it to disk and renames it over the target. If commit() is never
// reached (error, cancel, exception) the temporary is removed and an existing target is untouched.
class AtomicFileTarget {
public:
    explicit AtomicFileTarget(std::filesystem::path target);
    ~AtomicFileTarget();
    AtomicFileTarget(const AtomicFileTarget&) = delete;
    AtomicFileTarget& operator=(const AtomicFileTarget&) = delete;

    const std::filesystem::path& targetPath() const { return target_; }
    const std::filesystem::path& temporaryPath() const { return temporary_; }

    // Syncs the temporary to disk and renames it to the target. Throws durian::Error on failure.
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path temporary_;
    bool committed_ = false;
};

// Writes bytes to path atomically (see AtomicFileTarget). Throws durian::Error with the path and the
// system's reason (for example "No space left on device").
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

// Reads a whole file. Throws durian::Error naming the path when it cannot be read.
std::string readFile(const std::filesystem::path& path);

// The process's umask, read without changing it: setting it to read it (umask(0), then back) raced with
// every file another thread created meanwhile. Read once, from /proc/self/status.
unsigned processUmask();

} // namespace durian
