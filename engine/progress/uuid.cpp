#include "progress/uuid.hpp"

#include <sqlite3.h>
#include <uuid/uuid.h>

namespace cordee::progress {

namespace {

// Cordée's namespace for name-based ids: itself the v5 id of "cordee" in the URL namespace
// (RFC 4122 appendix C: 6ba7b811-…), written out so it can never drift.
constexpr const char* kNamespace = "2ce21264-ab4b-5cec-8eb9-deff23249783";

std::string text(const uuid_t u) {
    char out[37];
    uuid_unparse_lower(u, out);
    return out;
}

void sqlUuid4(sqlite3_context* ctx, int, sqlite3_value**) {
    const std::string id = randomUuid();
    sqlite3_result_text(ctx, id.c_str(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
}

void sqlUuid5(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const unsigned char* name = sqlite3_value_text(argv[0]);
    const int size = sqlite3_value_bytes(argv[0]);
    const std::string id = nameUuid(std::string_view(
        reinterpret_cast<const char*>(name ? name : reinterpret_cast<const unsigned char*>("")),
        name ? size : 0));
    sqlite3_result_text(ctx, id.c_str(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
}

} // namespace

std::string randomUuid() {
    uuid_t u;
    uuid_generate_random(u);
    return text(u);
}

std::string nameUuid(std::string_view name) {
    uuid_t ns, u;
    uuid_parse(kNamespace, ns);
    uuid_generate_sha1(u, ns, name.data(), name.size());
    return text(u);
}

bool registerUuidFunctions(sqlite3* db) {
    // v4 is not deterministic: SQLite must not fold or cache it.
    return sqlite3_create_function(db, "cordee_uuid4", 0, SQLITE_UTF8, nullptr, sqlUuid4, nullptr,
                                   nullptr) == SQLITE_OK &&
           sqlite3_create_function(db, "cordee_uuid5", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                   sqlUuid5, nullptr, nullptr) == SQLITE_OK;
}

} // namespace cordee::progress
