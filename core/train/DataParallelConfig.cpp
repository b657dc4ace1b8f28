#include "core/train/DataParallelConfig.h"

#include "core/util/Error.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

namespace durian {

namespace {

int integerVariable(const char* name, int fallback)
{
    const char* text = std::getenv(name);
    if (!text || !*text) {
        return fallback;
    }
    std::size_t used = 0;
    int value = 0;
    try {
        value = std::stoi(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used == 0 || text[used] != '\0') {
        throw Error(std::string("the environment variable ") + name + " is '" + text + "', not a whole number");
    }
    return value;
}

} // namespace

DataParallelConfig dataParallelFromEnvironment(DataParallelConfig c)
{
    if (const char* addr = std::getenv("MASTER_ADDR"); addr && *addr) {
        c.masterAddr = addr;
    }
    c.masterPort = integerVariable("MASTER_PORT", c.masterPort);
    c.rank = integerVariable("RANK", c.rank);
    c.worldSize = integerVariable("WORLD_SIZE", c.worldSize);
    c.localRank = integerVariable("LOCAL_RANK", c.localRank);
    return c;
}

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        throw Error(std::string("cannot open a socket to find a free port: ") + std::strerror(errno));
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    ::close(fd);
    if (!ok) {
        throw Error(std::string("cannot find a free port on 127.0.0.1: ") + std::strerror(errno));
    }
    return ntohs(address.sin_port);
}

void validateDataParallelConfig(const DataParallelConfig& c)
{
    if (c.worldSize < 1) {
        throw Error("the world size must be at least 1 (got " + std::to_string(c.worldSize) + ")");
    }
    if (c.rank < 0 || c.rank >= c.worldSize) {
        throw Error("the rank must be in [0, " + std::to_string(c.worldSize) + ") for a world of " +
            std::to_string(c.worldSize) + " (got " + std::to_string(c.rank) + ")");
    }
    if (c.localRank < 0) {
        throw Error("the local rank must not be negative (got " + std::to_string(c.localRank) + ")");
    }
    if (c.distributed() && (c.masterPort < 1 || c.masterPort > 65535)) {
        throw Error("the master port must be in 1..65535 (got " + std::to_string(c.masterPort) + ")");
    }
    if (c.distributed() && c.masterAddr.empty()) {
        throw Error("a data-parallel job needs the master address (MASTER_ADDR or --master-addr)");
    }
    if (c.timeout.count() < 1) {
        throw Error("the peer timeout must be at least 1 s");
    }
}

} // namespace durian
