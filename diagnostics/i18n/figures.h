// Figures that the Qt-free core formats the English way ("1,234.56", "0.042 ms", "1.4 MiB",
// "12.3 %") shown with the separators of the user's locale ("1.234,56" in German,
// "1 234,56" in French), so that a German reader never takes "176,471" rows for a fraction.
// The core's rounding and units stay; only a ',' or '.' between two digits changes.
#pragma once

#include <QString>
#include <cstdint>
#include <string>

namespace dbt::i18n {

// `english` with the default QLocale's group separator and decimal point.
QString localizedFigure(const std::string& english);
QString localizedFigure(const QString& english);

// formatDuration() and formatBytes() (textutil.h) with the locale's separators:
// "4,5 s", "1,4 MiB" in German.
QString localizedDuration(double seconds);
QString localizedBytes(std::int64_t bytes);

// A percentage with one decimal in the default locale: 12.3 -> "12,3 %" in German.
QString localizedPercent(double percent, int decimals = 1);

} // namespace dbt::i18n
