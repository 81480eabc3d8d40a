// Item data roles shared by dbtriage's models and views.
#pragma once

#include <Qt>

namespace dbt {

enum ModelRole : int {
    SortRole = Qt::UserRole + 1, // numbers as numbers, for QSortFilterProxyModel
    FilterTextRole,              // the texts a filter box searches, joined
    PidRole,                     // qint64 session id
    KeyRole,                     // stable row key (QString)
    SeverityRole,                // int(dbt::Severity) when the row deserves an accent
    IsIdleRole,                  // bool: an idle session (hidden by default)
    NodeKindRole,                // lock tree: 0 session, 1 aggregate
};

} // namespace dbt
