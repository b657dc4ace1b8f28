#include "app/cli/RankLauncher.h"

#include "core/train/DataParallelConfig.h"
#include "core/util/Error.h"

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace durian::cli {

int launchLocalRanks(int ranks, int threadsPerRank, int port, const std::string& command,
    const std::vector<std::string>& args, std::stop_token stop)
{
    if (port <= 0) {
        port = freeLoopbackPort();
    }
    std::vector<std::string> argv{"/proc/self/exe", "--threads", std::to_string(threadsPerRank), command};
    argv.insert(argv.end(), args.begin(), args.end());
    std::vector<char*> cargv;
    for (auto& a : argv) {
        cargv.push_back(a.data());
    }
    cargv.push_back(nullptr);

    std::vector<pid_t> children;
    for (int r = 0; r < ranks; ++r) {
        const pid_t pid = ::fork();
        if (pid < 0) {
            for (const pid_t child : children) {
                ::kill(child, SIGTERM);
            }
            throw Error(std::string("cannot start rank ") + std::to_string(r) + ": " + std::strerror(errno));
        }
        if (pid == 0) {
            ::setenv("MASTER_ADDR", "127.0.0.1", 1);
            ::setenv("MASTER_PORT", std::to_string(port).c_str(), 1);
            ::setenv("RANK", std::to_string(r).c_str(), 1);
            ::setenv("LOCAL_RANK", std::to_string(r).c_str(), 1);
            ::setenv("WORLD_SIZE", std::to_string(ranks).c_str(), 1);
            ::execv("/proc/self/exe", cargv.data());
            std::fprintf(stderr, "rank %d: cannot run this program again: %s\n", r, std::strerror(errno));
            ::_exit(127);
        }
        children.push_back(pid);
    }

    int status = 0;
    bool forwarded = false;
    std::size_t running = children.size();
    while (running > 0) {
        if (stop.stop_requested() && !forwarded) {
            // Ctrl-C reached the ranks already (one process group); SIGTERM to this process did not.
            for (const pid_t child : children) {
                if (child > 0) {
                    ::kill(child, SIGTERM);
                }
            }
            forwarded = true;
        }
        int raw = 0;
        const pid_t done = ::waitpid(-1, &raw, WNOHANG);
        if (done <= 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            continue;
        }
        for (auto& child : children) {
            if (child == done) {
                child = -1;
                --running;
                const int code = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
                if (status == 0) {
                    status = code;
                }
            }
        }
    }
    return status;
}

} // namespace durian::cli
