#include "i18n/figures.h"

#include "textutil.h"

#include <QLocale>

namespace dbt::i18n {

QString localizedFigure(const QString& english) {
    const QLocale locale;
    const QString group = locale.groupSeparator();
    const QString point = locale.decimalPoint();
    if (group == QLatin1String(",") && point == QLatin1String("."))
        return english;
    QString out;
    out.reserve(english.size() + 4);
    const auto digit = [&](qsizetype i) {
        return i >= 0 && i < english.size() && english.at(i).isDigit();
    };
    for (qsizetype i = 0; i < english.size(); ++i) {
        const QChar c = english.at(i);
        if ((c == QLatin1Char(',') || c == QLatin1Char('.')) && digit(i - 1) && digit(i + 1))
            out += c == QLatin1Char(',') ? group : point;
        else
            out += c;
    }
    return out;
}

QString localizedFigure(const std::string& english) {
    return localizedFigure(QString::fromStdString(english));
}

QString localizedDuration(double seconds) {
    return localizedFigure(formatDuration(seconds));
}

QString localizedBytes(std::int64_t bytes) {
    return localizedFigure(formatBytes(bytes));
}

QString localizedPercent(double percent, int decimals) {
    return QLocale().toString(percent, 'f', decimals) + QStringLiteral(" %");
}

} // namespace dbt::i18n
