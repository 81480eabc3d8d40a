// Sessions of the latest sample as a table; rows keyed by pid so a refresh keeps selections.
// Durations are computed against a clock the view advances (live between samples).
// A row points into the model's snapshot (immutable, kept alive by the model) instead of
// copying the session: with 50,000 sessions a sample refresh must not copy every query text.
#pragma once

#include "models/keyedtablemodel.h"
#include "snapshot.h"

#include <QString>
#include <vector>

namespace dbt {

struct SessionRow {
    const Session* session = nullptr;    // into SessionsModel::snapshot(); never null in a row
    std::vector<std::int64_t> blockedBy; // direct blockers
    std::int64_t blocksDirect = 0;
    std::int64_t blocksTotal = 0; // transitively, for root blockers
    OptMicros stateSince;         // what the In state column counts from (see stateSeconds)
    bool rootBlocker = false;
    bool idle = false; // IsIdleRole: idle, not blocking and not blocked
};

class SessionsModel final : public KeyedTableModel<SessionRow> {
    Q_OBJECT
public:
    enum Column {
        Pid,
        State,
        Duration,    // in the current state (active: since the query started)
        Transaction, // age of the open transaction
        Wait,
        BlockedBy,
        Blocks,
        User,
        Database,
        Application,
        Client,
        Query,
        ColumnCount
    };

    explicit SessionsModel(QObject* parent = nullptr);

    // Updates the rows in place (dataChanged), then one layout change that drops the rows gone
    // and lets a sorting proxy above re-filter and re-sort once with the new values, then
    // appends the new sessions. Selections and the current index stay on their pids.
    void setSnapshot(const SnapshotPtr& snapshot);
    // The time durations are measured against (micros, the server's clock). Emits
    // dataChanged for the duration columns only.
    void setNow(Micros now);
    Micros now() const { return now_; }
    SnapshotPtr snapshot() const { return snapshot_; }

    const SessionRow* rowAt(int row) const;
    int rowOfPid(std::int64_t pid) const;

    // Without QAbstractTableModel's virtual rowCount and columnCount calls: the proxy's sort
    // asks for two indexes per comparison, a million times for 50,000 rows.
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const final;

    static bool isIdleState(const std::string& state);
    // Seconds in the current state (active: since the query started); -1 when unknown.
    static double stateSeconds(const Session& s, Micros now);
    static double transactionSeconds(const Session& s, Micros now);
    // The text the view's filter matches words against (user, database, application, state,
    // query, client, pid).
    static QString filterText(const Session& s);
    // The order SortRole gives `column`, on the rows themselves (no QVariant per comparison:
    // sorting 50,000 rows calls it a million times); ties by pid.
    bool rowLess(int left, int right, int column) const;

private:
    SnapshotPtr snapshot_;
    Micros now_ = 0;
};

} // namespace dbt
