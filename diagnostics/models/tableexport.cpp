#include "models/tableexport.h"

#include <QAbstractItemModel>
#include <QStringList>

namespace dbt {

namespace {

QString markdownCell(QString text) {
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}

QString csvCell(const QString& text) {
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

QString exportRows(const QAbstractItemModel& model, const QList<int>& rows, TableFormat format,
                   const QList<int>& columnsIn) {
    QList<int> columns = columnsIn;
    if (columns.isEmpty()) {
        for (int c = 0; c < model.columnCount(); ++c)
            columns << c;
    }
    QStringList lines;
    auto lineOf = [&](const QStringList& cells) -> QString {
        if (format == TableFormat::Csv) {
            QStringList out;
            for (const QString& cell : cells)
                out << csvCell(cell);
            return out.join(QLatin1Char(','));
        }
        QStringList out;
        for (const QString& cell : cells)
            out << markdownCell(cell);
        return QStringLiteral("| ") + out.join(QStringLiteral(" | ")) + QStringLiteral(" |");
    };

    QStringList header;
    for (int c : columns)
        header << model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString();
    lines << lineOf(header);
    if (format == TableFormat::Markdown) {
        QStringList rule;
        for (qsizetype i = 0; i < columns.size(); ++i)
            rule << QStringLiteral("---");
        lines << QStringLiteral("|") + rule.join(QStringLiteral("|")) + QStringLiteral("|");
    }
    for (int r : rows) {
        QStringList cells;
        for (int c : columns)
            cells << model.data(model.index(r, c), Qt::DisplayRole).toString();
        lines << lineOf(cells);
    }
    QString text =
        lines.join(format == TableFormat::Csv ? QStringLiteral("\r\n") : QStringLiteral("\n"));
    text += format == TableFormat::Csv ? QStringLiteral("\r\n") : QStringLiteral("\n");
    return text;
}

} // namespace dbt
