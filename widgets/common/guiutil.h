// Small helpers shared by the views: texts, icons, severity accents, fonts.
#pragma once

#include "snapshot.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QGraphicsScene;
class QPalette;
class QWidget;

namespace dbt::gui {

inline QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// An icon from resources/icons (":/icons/NAME.svg").
QIcon icon(const QString& name);
QIcon severityIcon(Severity severity);
QString severityText(Severity severity);

// Accents that read on light and dark palettes alike; everything else uses palette roles.
QColor severityColor(Severity severity);
// A colour per session state for charts: active, idle in transaction, idle, other.
QColor stateColor(const QString& state);
// `accent` mixed into the palette's base colour: tinted backgrounds that follow the theme.
QColor tint(const QPalette& palette, const QColor& accent, double amount = 0.14);
bool isDarkPalette(const QPalette& palette);

QString durationText(double seconds); // "" for negative (unknown)

// English plurals without a translation file: `one` for 1, else `many` with %1 = n.
// (tr()'s %n needs a .qm with numerus forms to drop the "(s)".)
inline QString countText(qint64 n, const QString& one, const QString& many) {
    return n == 1 ? one : many.arg(n);
}

// The sentence of a probe that did not complete ("" when it is ok or absent), prefixed
// with what it means for the panel: e.g. "statements" unavailable → the reason.
QString probeProblem(const Snapshot& snapshot, const std::string& probe);
// The same as a sentence for people: what could not be read (`what`, e.g. "Lock waits"), why,
// and what to do next ("Lock waits could not be read: permission denied for view pg_locks. Ask
// a DBA to grant pg_monitor to monitor …"). "" when the probe is ok or absent.
QString probeSentence(const Snapshot& snapshot, const std::string& probe, const QString& what);
// The first finding with one of the codes, as "summary next step".
QString findingSentence(const Snapshot& snapshot, std::initializer_list<const char*> codes);

// Headings and monospaced text.
void makeHeading(QWidget* label, double scale = 1.25);
QFont monospaceFont();

// A scene's sceneRect() as a PNG at `scale`, lowered (not below `minScale`) so the longest side
// stays within 16,000 px for image viewers and memory; false when it cannot be written.
bool exportSceneToPng(QGraphicsScene& scene, const QString& path, double scale, double minScale);
// The same as SVG with a title and description; false when it cannot be written.
bool exportSceneToSvg(QGraphicsScene& scene, const QString& path, const QString& title,
                      const QString& description);

} // namespace dbt::gui
