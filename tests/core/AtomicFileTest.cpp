#include "core/io/AtomicFile.h"
#include "core/util/Error.h"

#include "tests/common/ScratchDirectory.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {
using testsupport::freshDirectory;

std::size_t fileCount(const fs::path& dir)
{
    return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator()));
}
} // namespace

TEST(AtomicFile, WritesAndReplacesWholeFiles)
{
    const auto dir = freshDirectory("atomic-write");
    const auto path = dir / "a.txt";
    durian::writeFileAtomically(path, "first");
    EXPECT_EQ(durian::readFile(path), "first");
    durian::writeFileAtomically(path, "second, longer");
    EXPECT_EQ(durian::readFile(path), "second, longer");
    EXPECT_EQ(fileCount(dir), 1u) << "no temporary is left behind";
    const mode_t mask = ::umask(0);
    ::umask(mask);
    EXPECT_EQ(static_cast<mode_t>(fs::status(path).permissions()) & 0777, 0666 & ~mask) << "usual mode, not mkstemp's 0600";
    // Read from /proc, never by setting it (which raced with other threads' new files).
    EXPECT_EQ(durian::processUmask(), static_cast<unsigned>(mask));
}

TEST(AtomicFile, AnAbandonedWriteLeavesTheOldFileAndNoTemporary)
{
    const auto dir = freshDirectory("atomic-abandon");
    const auto path = dir / "clip.mp4";
    durian::writeFileAtomically(path, "good");
    {
        durian::AtomicFileTarget target(path);
        EXPECT_EQ(target.temporaryPath().extension(), ".mp4") << "encoders pick the format from the extension";
        EXPECT_EQ(target.temporaryPath().parent_path(), dir) << "beside the target, so rename stays on one disk";
        std::ofstream(target.temporaryPath()) << "half-written";
        // no commit: as on an error or a cancel
    }
    EXPECT_EQ(durian::readFile(path), "good");
    EXPECT_EQ(fileCount(dir), 1u);
}

TEST(AtomicFile, UnwritableDirectoryGivesAClearError)
{
    try {
        durian::writeFileAtomically("/nonexistent-dir/x.txt", "data");
        FAIL() << "expected an error";
    } catch (const durian::Error& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/x.txt"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("No such file or directory"), std::string::npos) << e.what();
    }
}

TEST(AtomicFile, FullDiskFailsWithoutDamagingTheExistingFile)
{
    // /dev/full accepts opens and fails every write with ENOSPC; a file-size limit does the same for a
    // regular file. Use RLIMIT_FSIZE on a child process so this test's own process is unaffected.
    const auto dir = freshDirectory("atomic-full");
    const auto path = dir / "project.durian";
    durian::writeFileAtomically(path, "precious");
    const pid_t child = ::fork();
    if (child == 0) {
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{1024, 1024};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        try {
            durian::writeFileAtomically(path, std::string(64 * 1024, 'x'));
        } catch (const durian::Error&) {
            ::_exit(fileCount(dir) == 1 ? 0 : 3);
        }
        ::_exit(2);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "2: no error raised, 3: temporary left behind";
    EXPECT_EQ(durian::readFile(path), "precious");
}
