// Copy-paste friendly text of table rows: a Markdown table (GitHub/GitLab, most ticket
// systems) or CSV (RFC 4180). Reads the display texts of the given rows of any model.
#pragma once

#include <QList>
#include <QString>

class QAbstractItemModel;

namespace dbt {

enum class TableFormat { Markdown, Csv };

// rows: row numbers of `model` (top level) in the order to write; columns: the columns to
// write (all when empty). The header comes from headerData.
QString exportRows(const QAbstractItemModel& model, const QList<int>& rows, TableFormat format,
                   const QList<int>& columns = {});

} // namespace dbt
