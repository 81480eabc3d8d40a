// The engine driver interface. One EngineSession owns one monitoring connection and is
// used by exactly one thread. Drivers only read: every statement they send is read-only,
// bounded by a statement timeout and a short lock timeout, and tagged "dbtriage".
#pragma once

#include "message.h"
#include "snapshot.h"

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace dbt {

struct ConnectOptions {
    std::string target;            // URI, libpq keyword string, service=NAME, mysql://...
    int statementTimeoutMs = 5000; // per statement
    int lockTimeoutMs = 500;       // never queue behind another session's lock longer
    int connectTimeoutS = 5;
    int idleInTransactionTimeoutMs = 10000;
    bool redact = true;
};

// A failure with a sentence fit for the user (never a password, never a stack trace).
// what() is English (it may end up in a bundle); a failure built from a Message (a DBT_TR
// template in the context "Engine") is shown in the user's language by
// i18n::errorText (diagnostics/i18n/messagetext.h).
class EngineError : public std::runtime_error {
public:
    enum class Kind {
        Usage,   // the connection string itself is wrong
        Connect, // host unreachable, refused, timed out, not a database of that kind
        Auth,    // authentication failed / no such role / database does not exist
        Lost,    // the connection broke during a sample
        Query    // a statement failed (permission, timeout, ...)
    };
    EngineError(Kind kind, const std::string& sentence)
        : std::runtime_error(sentence)
        , kind_(kind) {}
    EngineError(Kind kind, const Message& sentence)
        : std::runtime_error(englishText(sentence))
        , kind_(kind)
        , message_(std::make_shared<const Message>(sentence)) {}
    Kind kind() const { return kind_; }
    // The sentence as a template with its arguments, or nullptr (built from a plain string).
    const Message* message() const { return message_.get(); }

private:
    Kind kind_;
    std::shared_ptr<const Message> message_;
};

// EXPLAIN on demand (issue 5). A statement typed by the user, a session's current query or a
// normalised statement from the top-queries list (PostgreSQL `$1`, MySQL `?`).
struct ExplainRequest {
    std::string sql;
    bool analyze = false;   // only on explicit request and only for a plain SELECT
    std::string database;   // PG: the statement's database (empty: the connected one);
                            // MySQL: the default schema (empty: the connected one)
    std::string searchPath; // PG only: SET LOCAL search_path for this EXPLAIN (empty: keep)
};

struct ExplainResult {
    std::string plan;               // the engine's output (JSON for every engine we run)
    std::string dialect;            // plans::dialectName(), e.g. "postgres-json", "mariadb-json"
    bool genericPlan = false;       // planned with unknown parameters (PREPARE + generic plan)
    bool analyzed = false;          // ANALYZE ran (inside a read-only transaction, rolled back)
    std::string explained;          // the statement text actually explained (after rewrites)
    std::vector<std::string> notes; // plain sentences: "generic plan ...", "rewrote interval $1"
    std::vector<Message> noteTexts; // the same notes as Messages (for the user's language)
};

// Adds a note: its English sentence to notes, the Message to noteTexts.
inline void addNote(ExplainResult& result, const Message& note) {
    result.notes.push_back(englishText(note));
    result.noteTexts.push_back(note);
}

class EngineSession {
public:
    virtual ~EngineSession() = default;
    EngineSession() = default;
    EngineSession(const EngineSession&) = delete;
    EngineSession& operator=(const EngineSession&) = delete;

    // Opens the monitoring connection, makes it read-only with the timeouts, verifies
    // that, and reads server info (version, extensions, privileges). Throws EngineError.
    virtual ServerInfo connect() = 0;
    virtual bool connected() const = 0;
    virtual void disconnect() = 0;

    // Findings about the monitoring set-up itself (privileges, missing extensions,
    // instrumentation off), computed at connect time.
    virtual std::vector<Finding> preflightFindings() const = 0;

    // Fills the raw parts of one sample: connections, sessions (texts unredacted: the
    // collector redacts), lockWaits, heldLocks, statements (cumulative counters), health,
    // probes. A probe that fails adds a ProbeNote and the sample goes on. Throws
    // EngineError(Lost) when the connection is gone.
    virtual void sample(Snapshot& snapshot) = 0;

    // EXPLAIN in the read-only session. Returns JSON text.
    virtual std::string explainJson(const std::string& sql, bool analyze) = 0;

    // EXPLAIN as the user asked for it (generic plans for parameterised statements, ANALYZE
    // only for a plain SELECT, read-only transaction rolled back, timeouts). Throws
    // EngineError(Query) with a sentence when refused or failed, EngineError(Lost) when the
    // connection broke. The default only forwards to explainJson (drivers override it).
    virtual ExplainResult explain(const ExplainRequest& request) {
        ExplainResult result;
        result.plan = explainJson(request.sql, request.analyze);
        result.explained = request.sql;
        return result;
    }
};

// Chooses the driver from the target: mysql:// and mariadb:// are MySQL, anything else
// is handed to libpq (URIs, keyword strings, service names).
std::unique_ptr<EngineSession> openEngine(const ConnectOptions& options);

// A target with any password replaced by "***", for display.
std::string describeTarget(const std::string& target);

} // namespace dbt
