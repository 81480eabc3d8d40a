#include "common/guiutil.h"

#include "i18n/figures.h"
#include "i18n/messagetext.h"
#include "textutil.h"

#include <QFontDatabase>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QPalette>
#include <QSvgGenerator>
#include <QWidget>
#include <algorithm>
#include <cstring>
#include <utility>

namespace dbt::gui {

QIcon icon(const QString& name) {
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
}

QIcon severityIcon(Severity severity) {
    switch (severity) {
    case Severity::Critical:
        return icon(QStringLiteral("critical"));
    case Severity::Warning:
        return icon(QStringLiteral("warning"));
    case Severity::Info:
        return icon(QStringLiteral("info"));
    }
    return {};
}

QString severityText(Severity severity) {
    switch (severity) {
    case Severity::Critical:
        return QWidget::tr("Critical");
    case Severity::Warning:
        return QWidget::tr("Warning");
    case Severity::Info:
        return QWidget::tr("Info");
    }
    return {};
}

QColor severityColor(Severity severity) {
    switch (severity) {
    case Severity::Critical:
        return QColor(0xdc, 0x26, 0x26);
    case Severity::Warning:
        return QColor(0xd9, 0x77, 0x06);
    case Severity::Info:
        return QColor(0x25, 0x63, 0xeb);
    }
    return {};
}

QColor stateColor(const QString& state) {
    if (state == QLatin1String("active"))
        return QColor(0x22, 0xa0, 0x6b);
    if (state.startsWith(QLatin1String("idle in transaction")))
        return QColor(0xe0, 0x8a, 0x1e);
    if (state == QLatin1String("idle"))
        return QColor(0x8c, 0x96, 0xa5);
    if (state.isEmpty())
        return QColor(0xa8, 0x8b, 0xd8);
    return QColor(0x4c, 0x8b, 0xe0);
}

QColor tint(const QPalette& palette, const QColor& accent, double amount) {
    const QColor base = palette.color(QPalette::Base);
    const auto mix = [amount](int a, int b) { return int(a * (1 - amount) + b * amount); };
    return QColor(mix(base.red(), accent.red()), mix(base.green(), accent.green()),
                  mix(base.blue(), accent.blue()));
}

bool isDarkPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128;
}

QString durationText(double seconds) {
    return seconds < 0 ? QString() : i18n::localizedDuration(seconds);
}

QString probeProblem(const Snapshot& snapshot, const std::string& probe) {
    for (const ProbeNote& note : snapshot.probes) {
        if (note.probe == probe && !note.ok())
            return qs(note.status);
    }
    return {};
}

QString probeSentence(const Snapshot& snapshot, const std::string& probe, const QString& what) {
    const ProbeNote* note = nullptr;
    for (const ProbeNote& n : snapshot.probes) {
        if (n.probe == probe && !n.ok()) {
            note = &n;
            break;
        }
    }
    if (!note)
        return {};
    if (note->status == "skipped: statement timeout")
        return QWidget::tr("%1 could not be read in this sample: the query ran longer than "
                           "dbtriage's statement timeout (the server is busy or the view is "
                           "large). The next sample tries again.")
            .arg(what);
    if (note->status == "skipped: lock timeout")
        return QWidget::tr("%1 could not be read in this sample: the query waited too long for a "
                           "lock. The next sample tries again.")
            .arg(what);
    QString reason = qs(note->status);
    enum { Failed, Unavailable, Partial } kind = Failed;
    for (const auto& [prefix, k] :
         {std::pair{"failed:", Failed}, std::pair{"skipped:", Failed},
          std::pair{"unavailable:", Unavailable}, std::pair{"partial:", Partial}}) {
        if (reason.startsWith(QLatin1String(prefix))) {
            reason = reason.mid(int(std::strlen(prefix))).trimmed();
            kind = k;
            break;
        }
    }
    // "permission denied (ERROR:  permission denied for view pg_locks)": the server's words.
    const bool denied = reason.contains(QLatin1String("permission denied"), Qt::CaseInsensitive) ||
                        reason.contains(QLatin1String("access denied"), Qt::CaseInsensitive) ||
                        reason.contains(QLatin1String("command denied"), Qt::CaseInsensitive);
    const int open = reason.indexOf(QLatin1Char('('));
    if (denied && reason.startsWith(QLatin1String("permission denied")) && open > 0 &&
        reason.endsWith(QLatin1Char(')')))
        reason = reason.mid(open + 1, reason.size() - open - 2).trimmed();
    if (reason.startsWith(QLatin1String("ERROR:")))
        reason = reason.mid(6).trimmed();
    while (reason.endsWith(QLatin1Char('.')))
        reason.chop(1);
    QString text = kind == Partial ? QWidget::tr("%1 are incomplete: %2.").arg(what, reason)
                   : kind == Unavailable && !denied
                       ? QWidget::tr("%1 are not available: %2.").arg(what, reason)
                       : QWidget::tr("%1 could not be read: %2.").arg(what, reason);
    if (denied) {
        const QString user = snapshot.server.user.empty() ? QWidget::tr("the monitoring user")
                                                          : qs(snapshot.server.user);
        if (snapshot.server.engine == Engine::PostgreSQL)
            text += QLatin1Char(' ') +
                    QWidget::tr("Ask a DBA to grant pg_monitor to %1 (GRANT pg_monitor TO %1;), "
                                "or connect as a role that has it.")
                        .arg(user);
        else
            text += QLatin1Char(' ') +
                    QWidget::tr("Ask a DBA to grant PROCESS and SELECT on performance_schema to "
                                "%1, or connect as a user that has them.")
                        .arg(user);
    }
    return text;
}

QString findingSentence(const Snapshot& snapshot, std::initializer_list<const char*> codes) {
    for (const Finding& f : snapshot.findings) {
        for (const char* code : codes) {
            if (f.code == code) {
                QString text = i18n::findingSummary(f);
                if (!f.nextStep.empty())
                    text += QLatin1Char(' ') + i18n::findingNextStep(f);
                return text;
            }
        }
    }
    return {};
}

void makeHeading(QWidget* widget, double scale) {
    QFont f = widget->font();
    f.setPointSizeF(f.pointSizeF() * scale);
    f.setBold(true);
    widget->setFont(f);
}

QFont monospaceFont() {
    return QFontDatabase::systemFont(QFontDatabase::FixedFont);
}

bool exportSceneToPng(QGraphicsScene& scene, const QString& path, double scale, double minScale) {
    const QRectF source = scene.sceneRect();
    const double longest = std::max(source.width(), source.height());
    if (longest * scale > 16000)
        scale = std::max(minScale, 16000 / longest);
    QImage image((source.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return false;
    image.fill(scene.backgroundBrush().color());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, QRectF(QPointF(0, 0), image.size()), source);
    painter.end();
    return image.save(path, "PNG");
}

bool exportSceneToSvg(QGraphicsScene& scene, const QString& path, const QString& title,
                      const QString& description) {
    const QRectF source = scene.sceneRect();
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(source.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), source.size()));
    svg.setTitle(title);
    svg.setDescription(description);
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    painter.fillRect(QRectF(QPointF(0, 0), source.size()), scene.backgroundBrush());
    scene.render(&painter, QRectF(QPointF(0, 0), source.size()), source);
    return painter.end();
}

} // namespace dbt::gui
