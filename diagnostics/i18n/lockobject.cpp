#include "i18n/lockobject.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace dbt::i18n {

QString localizedLockObject(const std::string& english) {
    const QString text = QString::fromStdString(english);
    // The table is named after the last " of " (a MySQL key value may hold ") of ").
    static const QRegularExpression row(QStringLiteral("^row \\((.*)\\) of (.+)$"));
    static const QRegularExpression rowOnly(QStringLiteral("^row \\((.*)\\)$"));
    static const QRegularExpression rowOf(QStringLiteral("^row of (.+)$"));
    static const QRegularExpression page(QStringLiteral("^page (\\d+) of (.+)$"));
    static const QRegularExpression extension(QStringLiteral("^extension of (.+)$"));
    static const QRegularExpression speculative(
        QStringLiteral("^speculative insertion of transaction (\\S+)$"));
    static const QRegularExpression virtualXid(QStringLiteral("^virtual transaction (\\S+)$"));
    static const QRegularExpression xid(QStringLiteral("^transaction (\\S+)$"));
    QRegularExpressionMatch m;
    if ((m = row.match(text)).hasMatch())
        return QCoreApplication::translate("LockObject", "row (%1) of %2")
            .arg(m.captured(1), m.captured(2));
    if ((m = rowOnly.match(text)).hasMatch())
        return QCoreApplication::translate("LockObject", "row (%1)").arg(m.captured(1));
    if ((m = rowOf.match(text)).hasMatch())
        return QCoreApplication::translate("LockObject", "row of %1").arg(m.captured(1));
    if (text == QLatin1String("row"))
        return QCoreApplication::translate("LockObject", "row");
    if ((m = page.match(text)).hasMatch())
        return QCoreApplication::translate("LockObject", "page %1 of %2")
            .arg(m.captured(1), m.captured(2));
    if ((m = extension.match(text)).hasMatch())
        return QCoreApplication::translate("LockObject", "extension of %1").arg(m.captured(1));
    if ((m = speculative.match(text)).hasMatch())
        return QCoreApplication::translate("LockObject", "speculative insertion of transaction %1")
            .arg(m.captured(1));
    if ((m = virtualXid.match(text)).hasMatch())
        return QCoreApplication::translate("LockObject", "virtual transaction %1")
            .arg(m.captured(1));
    if ((m = xid.match(text)).hasMatch())
        return QCoreApplication::translate("LockObject", "transaction %1").arg(m.captured(1));
    return text;
}

} // namespace dbt::i18n
