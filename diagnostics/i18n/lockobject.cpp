#include "i18n/lockobject.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <vector>

namespace dbt::i18n {

namespace {

// The engines' shapes, most specific first: the English pattern (its groups are the server's
// names and values, kept as they are) and the template they are shown with.
struct Shape {
    QRegularExpression pattern;
    const char* text;
};

const std::vector<Shape>& shapes() {
    // The table is named after the last " of " (a MySQL key value may hold ") of ").
    static const std::vector<Shape> all = {
        {QRegularExpression(QStringLiteral("^row \\((.*)\\) of (.+)$")),
         QT_TRANSLATE_NOOP("LockObject", "row (%1) of %2")},
        {QRegularExpression(QStringLiteral("^row \\((.*)\\)$")),
         QT_TRANSLATE_NOOP("LockObject", "row (%1)")},
        {QRegularExpression(QStringLiteral("^row of (.+)$")),
         QT_TRANSLATE_NOOP("LockObject", "row of %1")},
        {QRegularExpression(QStringLiteral("^row$")), QT_TRANSLATE_NOOP("LockObject", "row")},
        {QRegularExpression(QStringLiteral("^page (\\d+) of (.+)$")),
         QT_TRANSLATE_NOOP("LockObject", "page %1 of %2")},
        {QRegularExpression(QStringLiteral("^extension of (.+)$")),
         QT_TRANSLATE_NOOP("LockObject", "extension of %1")},
        {QRegularExpression(QStringLiteral("^speculative insertion of transaction (\\S+)$")),
         QT_TRANSLATE_NOOP("LockObject", "speculative insertion of transaction %1")},
        {QRegularExpression(QStringLiteral("^virtual transaction (\\S+)$")),
         QT_TRANSLATE_NOOP("LockObject", "virtual transaction %1")},
        {QRegularExpression(QStringLiteral("^transaction (\\S+)$")),
         QT_TRANSLATE_NOOP("LockObject", "transaction %1")},
    };
    return all;
}

} // namespace

QString localizedLockObject(const std::string& english) {
    const QString text = QString::fromStdString(english);
    for (const Shape& shape : shapes()) {
        const QRegularExpressionMatch m = shape.pattern.match(text);
        if (!m.hasMatch())
            continue;
        const QString pattern = QCoreApplication::translate("LockObject", shape.text);
        // One arg() call for both groups, so that a "%2" inside the first stays as it is.
        switch (shape.pattern.captureCount()) {
        case 0:
            return pattern;
        case 1:
            return pattern.arg(m.captured(1));
        default:
            return pattern.arg(m.captured(1), m.captured(2));
        }
    }
    return text;
}

} // namespace dbt::i18n
