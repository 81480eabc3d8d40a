#include "overview/connectionchart.h"

#include "common/guiutil.h"
#include "common/messagestack.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>
#include <set>

namespace dbt::gui {

namespace {

// States stacked bottom-up: the worrying ones at the bottom where they are easy to read.
int stateRank(const std::string& state) {
    if (state == "active")
        return 0;
    if (state.rfind("idle in transaction", 0) == 0)
        return 1;
    if (state == "idle")
        return 3;
    return 2;
}

} // namespace

ConnectionChart::ConnectionChart(const SnapshotHistory* history, QWidget* parent)
    : QWidget(parent)
    , history_(history)
    , window_(new QComboBox(this))
    , chart_(new QChart())
    , view_(new QChartView(chart_, this))
    , stack_(new MessageStack(view_, this))
    , axisX_(new QDateTimeAxis(chart_))
    , axisY_(new QValueAxis(chart_))
    , note_(new QLabel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* header = new QHBoxLayout();
    auto* title = new QLabel(tr("Connections by state"), this);
    makeHeading(title, 1.1);
    header->addWidget(title);
    note_->setForegroundRole(QPalette::PlaceholderText);
    header->addWidget(note_);
    header->addStretch();
    auto* windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(window_);
    header->addWidget(windowLabel);
    window_->addItem(tr("5 min"), 5);
    window_->addItem(tr("15 min"), 15);
    window_->addItem(tr("30 min"), 30);
    window_->setCurrentIndex(1);
    header->addWidget(window_);
    layout->addLayout(header);
    layout->addWidget(stack_, 1);

    view_->setRenderHint(QPainter::Antialiasing);
    view_->setMinimumHeight(220);
    chart_->setMargins(QMargins(4, 4, 4, 4));
    chart_->legend()->setAlignment(Qt::AlignBottom);
    chart_->addAxis(axisX_, Qt::AlignBottom);
    chart_->addAxis(axisY_, Qt::AlignLeft);
    axisX_->setFormat(QStringLiteral("HH:mm"));
    axisX_->setTickCount(6);
    axisY_->setLabelFormat(QStringLiteral("%d"));
    applyTheme();
    connect(window_, &QComboBox::currentIndexChanged, this, &ConnectionChart::refresh);
}

int ConnectionChart::windowMinutes() const {
    return window_->currentData().toInt();
}

void ConnectionChart::setWindowMinutes(int minutes) {
    const int i = window_->findData(minutes);
    if (i >= 0)
        window_->setCurrentIndex(i);
}

int ConnectionChart::seriesCount() const {
    return int(chart_->series().size());
}

void ConnectionChart::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QWidget::changeEvent(event);
}

void ConnectionChart::applyTheme() {
    const QPalette pal = palette();
    chart_->setBackgroundBrush(pal.color(QPalette::Base));
    chart_->setBackgroundPen(Qt::NoPen);
    chart_->legend()->setLabelColor(pal.color(QPalette::Text));
    for (QAbstractAxis* axis :
         {static_cast<QAbstractAxis*>(axisX_), static_cast<QAbstractAxis*>(axisY_)}) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setGridLineColor(pal.color(QPalette::Mid));
        axis->setLinePenColor(pal.color(QPalette::Mid));
    }
    view_->setBackgroundBrush(pal.color(QPalette::Base));
}

void ConnectionChart::refresh() {
    const auto& points = history_->connectionPoints();
    chart_->removeAllSeries();
    // Fresh axes per refresh: a QDateTimeAxis that outlived its series kept its labels empty
    // after the range changed (seen offscreen with Qt 6.4).
    for (QAbstractAxis* axis : chart_->axes()) {
        chart_->removeAxis(axis);
        delete axis;
    }
    axisX_ = new QDateTimeAxis();
    axisY_ = new QValueAxis();
    axisX_->setFormat(QStringLiteral("HH:mm"));
    axisY_->setLabelFormat(QStringLiteral("%d"));
    chart_->addAxis(axisX_, Qt::AlignBottom);
    chart_->addAxis(axisY_, Qt::AlignLeft);
    applyTheme();
    note_->clear();
    if (points.empty()) {
        stack_->showMessage(tr("No samples yet."), tr("The chart fills as samples arrive."),
                            QStringLiteral("info"));
        return;
    }
    const Micros end = points.back().at;
    const Micros start = end - Micros(windowMinutes()) * 60'000'000;
    std::vector<const ConnectionPoint*> shown;
    for (const ConnectionPoint& p : points) {
        if (p.at >= start)
            shown.push_back(&p);
    }
    if (shown.size() < 2) {
        stack_->showMessage(
            countText(points.back().total, tr("1 connection now."), tr("%1 connections now.")),
            tr("The trend appears from the second sample on; the chart fills as samples "
               "arrive."),
            QStringLiteral("info"));
        return;
    }
    stack_->showContent();

    // Labels of a QDateTimeAxis stay empty when its range is set after the series were
    // attached in the same pass; set the ranges first (the y range is updated below).
    axisX_->setRange(QDateTime::fromMSecsSinceEpoch(shown.front()->at / 1000),
                     QDateTime::fromMSecsSinceEpoch(shown.back()->at / 1000));
    std::set<std::pair<int, std::string>> states;
    for (const ConnectionPoint* p : shown) {
        for (const auto& [state, count] : p->byState)
            states.emplace(stateRank(state), state);
    }
    std::vector<double> lower(shown.size(), 0.0);
    double maxY = 1;
    for (const auto& [rank, state] : states) {
        auto* upperSeries = new QLineSeries();
        auto* lowerSeries = new QLineSeries();
        QList<QPointF> up;
        QList<QPointF> low;
        up.reserve(qsizetype(shown.size()));
        low.reserve(qsizetype(shown.size()));
        for (std::size_t i = 0; i < shown.size(); ++i) {
            const double x = double(shown[i]->at / 1000);
            auto it = shown[i]->byState.find(state);
            const double v = it == shown[i]->byState.end() ? 0.0 : double(it->second);
            low.append(QPointF(x, lower[i]));
            lower[i] += v;
            up.append(QPointF(x, lower[i]));
            maxY = std::max(maxY, lower[i]);
        }
        upperSeries->replace(up);
        lowerSeries->replace(low);
        auto* area = new QAreaSeries(upperSeries, lowerSeries);
        upperSeries->setParent(area);
        lowerSeries->setParent(area);
        const QString name = state.empty() ? tr("(no state)") : qs(state);
        area->setName(name);
        QColor c = stateColor(name);
        QColor fill = c;
        fill.setAlphaF(0.75);
        area->setBrush(fill);
        area->setPen(QPen(c, 1));
        chart_->addSeries(area);
        area->attachAxis(axisX_);
        area->attachAxis(axisY_);
    }
    // The usable maximum as a line when it is near enough to matter; far above the peak it
    // would squash the states into a flat band, so it goes into the title instead.
    const std::int64_t usable = shown.back()->usable;
    const double peak = maxY;
    note_->setText(usable > 0 && double(usable) > peak * 3
                       ? tr("peak %1 of %2 usable").arg(peak).arg(usable)
                       : QString());
    if (usable > 0 && double(usable) <= peak * 3) {
        auto* limit = new QLineSeries();
        limit->setName(tr("usable maximum (%1)").arg(usable));
        QList<QPointF> pts;
        for (const ConnectionPoint* p : shown)
            pts.append(QPointF(double(p->at / 1000), double(p->usable)));
        limit->replace(pts);
        QPen pen(severityColor(Severity::Critical), 2, Qt::DashLine);
        limit->setPen(pen);
        chart_->addSeries(limit);
        limit->attachAxis(axisX_);
        limit->attachAxis(axisY_);
        maxY = std::max(maxY, double(usable));
    }
    axisX_->setRange(QDateTime::fromMSecsSinceEpoch(shown.front()->at / 1000),
                     QDateTime::fromMSecsSinceEpoch(shown.back()->at / 1000));
    const qint64 spanS = (shown.back()->at - shown.front()->at) / 1'000'000;
    axisX_->setFormat(spanS < 180 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    axisX_->setTickCount(int(std::clamp<qint64>(spanS / (spanS < 180 ? 1 : 60) + 1, 2, 6)));
    axisY_->setRange(0, std::ceil(maxY * 1.1));
    axisY_->applyNiceNumbers();
}

} // namespace dbt::gui
