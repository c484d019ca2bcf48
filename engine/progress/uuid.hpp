// UUIDs for learning records (xAPI statement ids, attempt registrations), with libuuid:
// a random one (v4) for each event as it is recorded, and a name-based one (v5, SHA-1 in
// Cordée's own namespace) for rows recorded before ids existed, so that two migrations or two
// exports of the same file give the same ids. Also offered to SQL (cordee_uuid4(),
// cordee_uuid5(name)) so that the schema's triggers give an id to every event they log.
// Workload: microseconds per id. Never fails (libuuid falls back to a pseudo-random source).
#pragma once

#include <string>
#include <string_view>

struct sqlite3;

namespace cordee::progress {

std::string randomUuid();
std::string nameUuid(std::string_view name);
// Makes cordee_uuid4() and cordee_uuid5(text) callable on this connection.
bool registerUuidFunctions(sqlite3* db);

} // namespace cordee::progress
