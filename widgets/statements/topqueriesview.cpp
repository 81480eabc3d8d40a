#include "statements/topqueriesview.h"

#include "common/guiutil.h"
#include "common/headerfit.h"
#include "common/messagestack.h"
#include "i18n/figures.h"
#include "models/modelroles.h"
#include "saturating.h"
#include "textutil.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <QValueAxis>

namespace dbt::gui {

namespace {

void themeChart(QChart* chart, const QPalette& pal) {
    chart->setBackgroundBrush(pal.color(QPalette::Base));
    chart->setBackgroundPen(Qt::NoPen);
    chart->legend()->setLabelColor(pal.color(QPalette::Text));
    chart->setTitleBrush(pal.color(QPalette::Text));
    for (QAbstractAxis* axis : chart->axes()) {
        axis->setLabelsColor(pal.color(QPalette::Text));
        axis->setGridLineColor(pal.color(QPalette::Mid));
        axis->setLinePenColor(pal.color(QPalette::Mid));
        axis->setTitleBrush(pal.color(QPalette::Text));
    }
}

// Sorts on the model's rows directly: 5,000 statements through QVariant per comparison cost
// a frame or more per refresh.
class StatementsProxy final : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const final {
        if (const auto* model = qobject_cast<const StatementsModel*>(sourceModel()))
            return model->rowLess(left.row(), right.row(), left.column());
        return QSortFilterProxyModel::lessThan(left, right);
    }
};

QString clock(Micros t) {
    return QDateTime::fromMSecsSinceEpoch(t / 1000).toString(QStringLiteral("HH:mm:ss"));
}

} // namespace

TopQueriesView::TopQueriesView(const SnapshotHistory* history, QWidget* parent)
    : QWidget(parent)
    , history_(history)
    , model_(new StatementsModel(this))
    , proxy_(new StatementsProxy(this))
    , window_(new QComboBox(this))
    , sort_(new QComboBox(this))
    , filterEdit_(new QLineEdit(this))
    , scope_(new QLabel(this))
    , explain_(new QAction(icon(QStringLiteral("explain")), tr("Explain"), this))
    , table_(new QTableView(this))
    , stack_(new MessageStack(table_, this))
    , splitter_(new QSplitter(Qt::Vertical, this))
    , topSplitter_(new QSplitter(Qt::Horizontal, this))
    , bars_(new QChart())
    , barsView_(new QChartView(bars_, this))
    , detailTitle_(new QLabel(this))
    , detailFigures_(new QLabel(this))
    , detailQuery_(new QPlainTextEdit(this))
    , series_(new QChart())
    , seriesView_(new QChartView(series_, this)) {
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(SortRole);
    proxy_->setFilterRole(FilterTextRole);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setDynamicSortFilter(false); // sorted once per refresh, see refresh()

    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout();
    auto* windowLabel = new QLabel(tr("&Window:"), this);
    windowLabel->setBuddy(window_);
    window_->addItem(tr("Last 1 min"), int(StatementWindow::OneMinute));
    window_->addItem(tr("Last 5 min"), int(StatementWindow::FiveMinutes));
    window_->addItem(tr("Last 15 min"), int(StatementWindow::FifteenMinutes));
    window_->addItem(tr("Since connect"), int(StatementWindow::SinceConnect));
    window_->setCurrentIndex(1);
    auto* sortLabel = new QLabel(tr("&Sort by:"), this);
    sortLabel->setBuddy(sort_);
    sort_->addItem(tr("Total time"), int(StatementsModel::TotalTime));
    sort_->addItem(tr("Mean time"), int(StatementsModel::MeanTime));
    sort_->addItem(tr("Calls"), int(StatementsModel::Calls));
    sort_->addItem(tr("Rows"), int(StatementsModel::Rows));
    filterEdit_->setPlaceholderText(tr("Filter by statement text, database or user"));
    filterEdit_->setClearButtonEnabled(true);
    filterEdit_->addAction(icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    bar->addWidget(windowLabel);
    bar->addWidget(window_);
    bar->addWidget(sortLabel);
    bar->addWidget(sort_);
    bar->addWidget(filterEdit_, 1);
    auto* tools = new QToolBar(this);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->setIconSize(QSize(16, 16));
    explain_->setEnabled(false);
    explain_->setToolTip(tr("Show the plan of the selected statement with its insights (a "
                            "generic plan: the statement's parameter values are unknown)"));
    connect(explain_, &QAction::triggered, this, &TopQueriesView::explainSelected);
    tools->addAction(explain_);
    bar->addWidget(tools);
    layout->addLayout(bar);
    scope_->setWordWrap(true);
    scope_->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(scope_);

    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    const int w = table_->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    table_->setColumnWidth(StatementsModel::Query, w * 44);
    for (int c = StatementsModel::TotalTime; c <= StatementsModel::TempWritten; ++c)
        table_->setColumnWidth(c, w * 11);
    fitSectionsToLabels(table_->horizontalHeader()); // translated headers are wider
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setContextMenuPolicy(Qt::ActionsContextMenu);
    table_->addAction(explain_);
    suggest_ = new QAction(icon(QStringLiteral("indexes")),
                           tr("Suggest indexes for this statement"), this);
    suggest_->setEnabled(false);
    suggest_->setToolTip(tr("Index candidates for the selected statement in the Indexes view "
                            "(validated with HypoPG where it is installed; never created)"));
    connect(suggest_, &QAction::triggered, this, &TopQueriesView::suggestIndexesSelected);
    table_->addAction(suggest_);
    connect(table_, &QTableView::doubleClicked, this, &TopQueriesView::explainSelected);

    barsView_->setRenderHint(QPainter::Antialiasing);
    barsView_->setMinimumWidth(260);
    bars_->legend()->hide();
    bars_->setTitle(tr("Top %1 by total time").arg(kTopN));
    bars_->setMargins(QMargins(2, 2, 2, 2));
    topSplitter_->addWidget(stack_);
    topSplitter_->addWidget(barsView_);
    topSplitter_->setStretchFactor(0, 3);
    topSplitter_->setStretchFactor(1, 2);
    topSplitter_->setChildrenCollapsible(false);
    topSplitter_->setSizes({640, 420});

    auto* detail = new QWidget(this);
    auto* dl = new QHBoxLayout(detail);
    dl->setContentsMargins(0, 4, 0, 0);
    auto* textSide = new QVBoxLayout();
    makeHeading(detailTitle_, 1.05);
    detailTitle_->setWordWrap(true);
    detailFigures_->setWordWrap(true);
    detailFigures_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailQuery_->setReadOnly(true);
    detailQuery_->setFont(monospaceFont());
    detailQuery_->setPlaceholderText(tr("Select a statement to see its text and its figures "
                                        "over time."));
    textSide->addWidget(detailTitle_);
    textSide->addWidget(detailFigures_);
    textSide->addWidget(detailQuery_, 1);
    dl->addLayout(textSide, 3);
    seriesView_->setRenderHint(QPainter::Antialiasing);
    seriesView_->setMinimumWidth(260);
    series_->setMargins(QMargins(2, 2, 2, 2));
    series_->legend()->setAlignment(Qt::AlignBottom);
    dl->addWidget(seriesView_, 2);

    splitter_->addWidget(topSplitter_);
    splitter_->addWidget(detail);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    splitter_->setChildrenCollapsible(false);
    splitter_->setSizes({460, 300});
    layout->addWidget(splitter_, 1);

    connect(window_, &QComboBox::currentIndexChanged, this, &TopQueriesView::refresh);
    connect(sort_, &QComboBox::currentIndexChanged, this, &TopQueriesView::applySort);
    connect(filterEdit_, &QLineEdit::textChanged, proxy_,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TopQueriesView::updateDetails);
    applySort();
    themeChart(bars_, palette());
    themeChart(series_, palette());
    refresh();
}

StatementWindow TopQueriesView::window() const {
    return StatementWindow(window_->currentData().toInt());
}

void TopQueriesView::setWindow(StatementWindow window) {
    window_->setCurrentIndex(window_->findData(int(window)));
}

void TopQueriesView::applySort() {
    table_->sortByColumn(sort_->currentData().toInt(), Qt::DescendingOrder);
}

void TopQueriesView::selectRow(int proxyRow) {
    const QModelIndex index = proxy_->index(proxyRow, 0);
    if (index.isValid())
        table_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                             QItemSelectionModel::Rows);
}

QString TopQueriesView::scopeText() const {
    return scope_->text();
}

void TopQueriesView::refresh() {
    const SnapshotPtr latest = history_->latest();
    SnapshotPtr shown;
    // A window needs two reads of the counters; with one (the first samples after connecting:
    // counters are read on a slower cadence than the sample) there is none yet.
    const SnapshotPtr windowed =
        history_->size() >= 2 ? history_->statementWindow(window()) : SnapshotPtr();
    if (!latest) {
        scope_->clear();
    } else if (windowed) {
        shown = windowed;
        const double seconds = double(shown->collectedAt - shown->statementWindowStart) / 1e6;
        const int asked = windowSeconds(window());
        QString text = tr("Work done between %1 and %2 (%3): deltas between samples, not "
                          "counters since the last reset.")
                           .arg(clock(shown->statementWindowStart), clock(shown->collectedAt),
                                durationText(seconds));
        if (asked > 0 && seconds + 5 < asked)
            text += QLatin1Char(' ') +
                    tr("Connected for less than the window; it fills as samples arrive.");
        scope_->setText(text);
    } else {
        shown = latest;
        if (latest->statementScope == StatementScope::Window)
            scope_->setText(
                tr("Work done between %1 and %2, as recorded in the snapshot.")
                    .arg(clock(latest->statementWindowStart), clock(latest->collectedAt)));
        else if (history_->size() >= 2)
            scope_->setText(tr("Statement counters read once so far: counters since the last "
                               "statistics reset. The window's deltas appear from the next read "
                               "on."));
        else
            scope_->setText(tr("One sample so far: counters since the last statistics reset. "
                               "The window's deltas appear from the next sample on."));
    }
    // Statement counters are read on a slower cadence than the sample (every 10 s): between
    // two reads the window is the same snapshot, and the table, bars and details stay as they
    // are (5,000 statements re-sorted and a chart rebuilt every second cost more than a frame).
    const bool unchanged = shown && shown == model_->snapshot();
    if (!unchanged)
        model_->setSnapshot(shown);
    // The latest read of the counters failed (a timeout, say): the table shows the last ones
    // read, and says so.
    const QString failed =
        latest ? probeSentence(*latest, "statements", tr("Statement statistics")) : QString();
    if (!failed.isEmpty() && model_->rowCount() > 0)
        scope_->setText(
            scope_->text() + QLatin1Char(' ') + failed + QLatin1Char(' ') +
            tr("The table shows the counters read at %1.").arg(clock(latest->statementsAt())));
    if (unchanged)
        return;
    proxy_->invalidate();
    proxy_->sort(table_->horizontalHeader()->sortIndicatorSection(),
                 table_->horizontalHeader()->sortIndicatorOrder());

    if (!shown) {
        stack_->showMessage(tr("Not connected."),
                            tr("Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O)."));
    } else if (model_->rowCount() == 0) {
        const QString problem = probeSentence(*shown, "statements", tr("Statement statistics"));
        const QString finding =
            findingSentence(*shown, {"pg-stat-statements-missing", "performance-schema-off",
                                     "statements-unavailable"});
        if (!finding.isEmpty() || !problem.isEmpty())
            stack_->showMessage(tr("Statement statistics are not available."),
                                finding.isEmpty() ? problem : finding, QStringLiteral("warning"));
        else if (shown->statementScope == StatementScope::Window)
            stack_->showMessage(tr("No statement ran in this window."),
                                tr("Pick a longer window, or wait for the next samples."),
                                QStringLiteral("info"));
        else
            stack_->showMessage(tr("No statement statistics in this sample."),
                                tr("The server reported none."), QStringLiteral("info"));
    } else {
        stack_->showContent();
    }
    if (!table_->selectionModel()->currentIndex().isValid() && proxy_->rowCount() > 0)
        selectRow(0);
    updateBars();
    updateDetails();
}

void TopQueriesView::explainSelected() {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    const StatementStat* st =
        current.isValid() ? model_->rowAt(proxy_->mapToSource(current).row()) : nullptr;
    if (st && !st->query.empty())
        emit explainRequested(qs(st->query), qs(st->database));
}

void TopQueriesView::suggestIndexesSelected() {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    const StatementStat* st =
        current.isValid() ? model_->rowAt(proxy_->mapToSource(current).row()) : nullptr;
    if (st) {
        const double total = model_->totalTimeMs();
        emit suggestIndexesRequested(*st, total > 0 ? st->totalTimeMs / total : 1.0);
    }
}

void TopQueriesView::updateBars() {
    bars_->removeAllSeries();
    for (QAbstractAxis* axis : bars_->axes()) {
        bars_->removeAxis(axis);
        delete axis;
    }
    barCount_ = 0;
    // Top N by total time regardless of the table's sort.
    std::vector<const StatementStat*> top;
    for (int r = 0; r < model_->rowCount(); ++r)
        top.push_back(model_->rowAt(r));
    std::sort(top.begin(), top.end(), [](const StatementStat* a, const StatementStat* b) {
        return a->totalTimeMs > b->totalTimeMs;
    });
    if (top.size() > std::size_t(kTopN))
        top.resize(std::size_t(kTopN));
    if (top.empty())
        return;
    auto* set = new QBarSet(tr("Total time (s)"));
    set->setColor(QColor(0x7c, 0x5c, 0xd6));
    QStringList categories;
    // Horizontal bars are drawn bottom-up: add the largest last so it is on top.
    for (auto it = top.rbegin(); it != top.rend(); ++it) {
        *set << (*it)->totalTimeMs / 1000.0;
        QString label = qs(oneLine((*it)->query, 34));
        if (label.isEmpty())
            label = qs((*it)->id);
        categories << tr("#%1 %2").arg(std::distance(it, top.rend())).arg(label);
    }
    auto* series = new QHorizontalBarSeries();
    series->append(set);
    series->setBarWidth(0.7);
    bars_->addSeries(series);
    auto* axisY = new QBarCategoryAxis();
    axisY->append(categories);
    auto* axisX = new QValueAxis();
    axisX->setLabelFormat(QStringLiteral("%.1f"));
    axisX->setTitleText(tr("seconds"));
    bars_->addAxis(axisY, Qt::AlignLeft);
    bars_->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisY);
    series->attachAxis(axisX);
    axisX->setMin(0);
    axisX->applyNiceNumbers();
    QFont small = axisY->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    axisY->setLabelsFont(small);
    axisX->setLabelsFont(small);
    themeChart(bars_, palette());
    barCount_ = int(top.size());
}

void TopQueriesView::updateDetails() {
    series_->removeAllSeries();
    for (QAbstractAxis* axis : series_->axes()) {
        series_->removeAxis(axis);
        delete axis;
    }
    const QModelIndex current = table_->selectionModel()->currentIndex();
    const StatementStat* st =
        current.isValid() ? model_->rowAt(proxy_->mapToSource(current).row()) : nullptr;
    explain_->setEnabled(st && !st->query.empty());
    suggest_->setEnabled(st != nullptr);
    if (!st) {
        detailTitle_->setText(tr("No statement selected"));
        detailFigures_->clear();
        detailQuery_->clear();
        series_->setTitle(QString());
        return;
    }
    const QLocale locale;
    const double total = model_->totalTimeMs();
    detailTitle_->setText(
        tr("Statement %1 · %2 · %3")
            .arg(st->id.empty() ? tr("(no id)") : qs(st->id), qs(st->database), qs(st->user)));
    QStringList figures;
    figures << tr("%1 total (%2 of all statements' time)")
                   .arg(formatMillis(st->totalTimeMs),
                        qs(formatPercent(total > 0 ? st->totalTimeMs / total : 0)));
    figures << (st->calls == 1 ? tr("1 call")
                               : tr("%1 calls").arg(locale.toString(qint64(st->calls))));
    figures << tr("%1 mean").arg(formatMillis(st->meanTimeMs));
    figures << tr("%1 rows").arg(locale.toString(qint64(st->rows)));
    if (const std::int64_t blocks = saturatingAdd(st->sharedBlksHit, st->sharedBlksRead);
        blocks > 0)
        figures << tr("cache hit %1")
                       .arg(qs(formatPercent(double(st->sharedBlksHit) / double(blocks))));
    if (st->tempBlksWritten > 0)
        figures << tr("%1 written to temp files")
                       .arg(i18n::localizedBytes(blocksToBytes(st->tempBlksWritten)));
    if (st->rowsExamined > 0)
        figures << tr("%1 rows examined").arg(locale.toString(qint64(st->rowsExamined)));
    if (st->noIndexUsed > 0)
        figures << tr("%1 calls without an index").arg(locale.toString(qint64(st->noIndexUsed)));
    detailFigures_->setText(figures.join(QStringLiteral(" · ")));
    const QString text = st->query.empty() ? tr("(text not available)") : qs(st->query);
    if (detailQuery_->toPlainText() != text)
        detailQuery_->setPlainText(text);

    const std::vector<StatementPoint> points =
        history_->statementSeries(st->id, st->database, st->user);
    if (points.size() < 2) {
        series_->setTitle(tr("Figures over time appear after a few samples."));
        themeChart(series_, palette());
        return;
    }
    series_->setTitle(tr("Over time (per sample interval)"));
    auto* rate = new QLineSeries();
    rate->setName(tr("calls/s"));
    auto* mean = new QLineSeries();
    mean->setName(tr("mean ms"));
    double maxRate = 0;
    double maxMean = 0;
    for (const StatementPoint& p : points) {
        const double x = double(p.at / 1000);
        const double r = p.seconds > 0 ? double(p.calls) / p.seconds : 0;
        rate->append(x, r);
        mean->append(x, p.meanTimeMs);
        maxRate = std::max(maxRate, r);
        maxMean = std::max(maxMean, p.meanTimeMs);
    }
    series_->addSeries(rate);
    series_->addSeries(mean);
    auto* axisX = new QDateTimeAxis();
    // Seconds while the history is short, so that the ticks do not all read the same minute.
    const Micros span = points.back().at - points.front().at;
    axisX->setFormat(span < Micros(180) * 1'000'000 ? QStringLiteral("HH:mm:ss")
                                                    : QStringLiteral("HH:mm"));
    axisX->setTickCount(4);
    // Round ranges and steps (0, 0.25, 0.5 … would print as 0.3 and 0.8 with one decimal).
    auto* axisRate = new QValueAxis();
    axisRate->setRange(0, std::max(1.0, maxRate * 1.15));
    axisRate->applyNiceNumbers();
    axisRate->setLabelFormat(axisRate->max() < 10 ? QStringLiteral("%.1f")
                                                  : QStringLiteral("%.0f"));
    auto* axisMean = new QValueAxis();
    axisMean->setRange(0, std::max(1.0, maxMean * 1.15));
    axisMean->applyNiceNumbers();
    axisMean->setLabelFormat(axisMean->max() < 10 ? QStringLiteral("%.1f")
                                                  : QStringLiteral("%.0f"));
    series_->addAxis(axisX, Qt::AlignBottom);
    series_->addAxis(axisRate, Qt::AlignLeft);
    series_->addAxis(axisMean, Qt::AlignRight);
    rate->attachAxis(axisX);
    rate->attachAxis(axisRate);
    mean->attachAxis(axisX);
    mean->attachAxis(axisMean);
    rate->setColor(QColor(0x25, 0x63, 0xeb));
    mean->setColor(QColor(0xd9, 0x77, 0x06));
    axisRate->setLinePenColor(rate->color());
    axisMean->setLinePenColor(mean->color());
    themeChart(series_, palette());
}

} // namespace dbt::gui
