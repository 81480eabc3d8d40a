// For the window's live tests: find a statement in Top queries.
#pragma once

#include "models/statementsmodel.h"
#include "statements/topqueriesview.h"

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>
#include <QString>

namespace dbt::test {

// The proxy row of Top queries whose text mentions `needle`, or -1.
inline int rowWith(const gui::TopQueriesView& view, const QString& needle) {
    const QAbstractItemModel* proxy = view.proxy();
    for (int r = 0; r < proxy->rowCount(); ++r)
        if (proxy->index(r, StatementsModel::Query).data().toString().contains(needle))
            return r;
    return -1;
}

} // namespace dbt::test
