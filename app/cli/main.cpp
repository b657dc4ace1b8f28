#include "app/cli/CommandLine.h"
#include "app/common/ProcessSetup.h"
#include "core/runtime/ComputeRuntime.h"
#include "core/util/Cancellation.h"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <regex>
#include <set>
#include <exception>
#include <string>
#include <vector>

namespace {

std::vector<durian::cli::Command> commands()
{
    using namespace durian::cli;
    return {
        versionCommand(),
        inspectCommand(),
        synthCommand(),
        encodeCommand(),
        probeCommand(),
        benchVideoCommand(),
        analyzeCommand(),
        motionCommand(),
        renderCommand(),
        evalMasksCommand(),
        evalLandmarksCommand(),
        generateCommand(),
        benchCommand(),
        trainCommand(),
        evalCommand(),
        packCommand(),
        identityCommand(),
    };
}

void printHelp()
{
    std::printf("Usage: durian COMMAND [ARGS...]\n\nDurian Studio's command-line tool.\n\nCommands:\n");
    for (const auto& command : commands()) {
        if (command.usage.size() > 28) { // long usages get a line of their own
            std::printf("  %s\n  %-28s %s\n", command.usage.c_str(), "", command.summary.c_str());
        } else {
            std::printf("  %-28s %s\n", command.usage.c_str(), command.summary.c_str());
        }
    }
    std::printf("\nOptions for every command:\n  --threads N                  compute threads (default: one per core)\n"
                "\n`durian --version` is `durian version`.\n");
}

// The options a command's usage names ("-o" stands for --output). The usage is the one list: an option it
// does not name is a typo, and a typo must not quietly fall back to a default ("--weigths F").
std::set<std::string> usageOptions(const std::string& usage)
{
    std::set<std::string> names;
    static const std::regex option("--([a-z0-9][a-z0-9-]*)");
    for (auto it = std::sregex_iterator(usage.begin(), usage.end(), option); it != std::sregex_iterator(); ++it) {
        names.insert((*it)[1]);
    }
    if (usage.find("-o ") != std::string::npos) {
        names.insert("output");
    }
    return names;
}

bool asksForHelp(const std::vector<std::string>& args)
{
    return std::any_of(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; });
}

void rejectUnknownOptions(const std::vector<std::string>& args, const std::string& usage)
{
    const auto known = usageOptions(usage);
    for (const auto& arg : args) {
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            continue;
        }
        const std::string name = arg.substr(2, arg.find('=') == std::string::npos ? std::string::npos : arg.find('=') - 2);
        if (known.count(name) == 0) {
            throw durian::cli::UsageError("unknown option --" + name);
        }
    }
}

// --threads N may come anywhere; it is taken out before the command sees its arguments.
int takeThreadsOption(std::vector<std::string>& args)
{
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
        if (args[i] == "--threads") {
            const int threads = std::stoi(args[i + 1]);
            args.erase(args.begin() + static_cast<long>(i), args.begin() + static_cast<long>(i) + 2);
            return threads;
        }
    }
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    durian::preferPassiveOpenMpWaiting(argv);
    // Past the file size limit a write should fail with EFBIG (and the full-disk message), not kill us.
    std::signal(SIGXFSZ, SIG_IGN);
    std::vector<std::string> args(argv + 1, argv + argc);
    int threads = 0;
    try {
        threads = takeThreadsOption(args);
    } catch (const std::exception&) {
        std::fprintf(stderr, "durian: --threads expects a number\n");
        return durian::cli::kExitUsage;
    }
    if (args.empty() || args.front() == "--help" || args.front() == "-h" || args.front() == "help") {
        printHelp();
        return args.empty() ? durian::cli::kExitUsage : durian::cli::kExitOk;
    }
    if (args.front() == "--version" || args.front() == "-V") {
        args.front() = "version";
    }
    const std::string name = args.front();
    args.erase(args.begin());
    for (const auto& command : commands()) {
        if (command.name != name) {
            continue;
        }
        if (asksForHelp(args)) {
            std::printf("usage: durian %s\n\n%s\n", command.usage.c_str(), command.summary.c_str());
            return durian::cli::kExitOk;
        }
        try {
            rejectUnknownOptions(args, command.usage);
            durian::initializeComputeThreads(threads);
            return command.run(args);
        } catch (const durian::Cancelled&) { // Ctrl-C or SIGTERM (stopOnInterrupt)
            std::fprintf(stderr, "\ndurian %s: cancelled; nothing was written\n", name.c_str());
            return durian::cli::kExitInterrupted;
        } catch (const durian::cli::UsageError& e) {
            std::fprintf(stderr, "durian %s: %s\nusage: durian %s\n", name.c_str(), e.what(), command.usage.c_str());
            return durian::cli::kExitUsage;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "durian %s: %s\n", name.c_str(), e.what());
            return durian::cli::kExitFailure;
        }
    }
    std::fprintf(stderr, "durian: unknown command '%s' (see durian --help)\n", name.c_str());
    return durian::cli::kExitUsage;
}
