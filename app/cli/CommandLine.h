#pragma once

#include <stop_token>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace durian::cli {

// Exit codes shared by every command.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1; // the work failed (bad input file, encoder error, ...)
inline constexpr int kExitUsage = 2;   // the command line was wrong
inline constexpr int kExitInterrupted = 130; // stopped by Ctrl-C or SIGTERM, as a shell reports SIGINT

// Arguments of one sub-command: positionals, "--name value" (or "--name=value") options and "--flag"
// switches. "-o" is short for "--output".
class Arguments {
public:
    // flagNames lists the options that take no value; every other --option takes one.
    Arguments(const std::vector<std::string>& args, const std::vector<std::string>& flagNames);

    const std::vector<std::string>& positionals() const { return positionals_; }
    bool has(const std::string& name) const;
    std::optional<std::string> value(const std::string& name) const;
    std::string valueOr(const std::string& name, const std::string& fallback) const;
    // Throws UsageError when the value is present but not a number.
    double numberOr(const std::string& name, double fallback) const;
    // Throws UsageError when the value is present but not a whole number in [low, high].
    int integerOr(const std::string& name, int fallback, int low, int high) const;

private:
    std::vector<std::string> positionals_;
    std::map<std::string, std::string> options_;
};

// A mistake in the command line: printed with the command's usage, exit code kExitUsage.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Makes Ctrl-C (SIGINT) and SIGTERM stop the returned token instead of killing the process, so a long command
// stops at its next check (durian::Cancelled) and leaves no partial file behind.
std::stop_token stopOnInterrupt();

struct Command {
    std::string name;
    std::string usage;   // e.g. "inspect PROJECT"
    std::string summary; // one line for `durian --help`
    std::function<int(const std::vector<std::string>& args)> run;
};

// The commands, in the order `durian --help` lists them. Each is defined in its own *Command.cpp.
Command versionCommand();
Command inspectCommand();
Command synthCommand();
Command encodeCommand();
Command probeCommand();
Command benchVideoCommand();
Command analyzeCommand();
Command motionCommand();
Command renderCommand();
Command evalMasksCommand();
Command generateCommand();
Command benchCommand();
Command trainCommand();
Command evalCommand();
Command packCommand();
Command identityCommand();
Command evalLandmarksCommand();

} // namespace durian::cli
