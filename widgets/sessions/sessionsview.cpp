#include "sessions/sessionsview.h"

#include "common/guiutil.h"
#include "common/headerfit.h"
#include "common/messagestack.h"
#include "i18n/lockobject.h"
#include "models/modelroles.h"
#include "models/tableexport.h"
#include "waitgraph.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace dbt::gui {

void SessionsFilter::setShowIdle(bool show) {
    if (show == showIdle_)
        return;
    showIdle_ = show;
    invalidateRowsFilter();
}

void SessionsFilter::setText(const QString& text) {
    words_ = text.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

QVariant SessionsFilter::data(const QModelIndex& index, int role) const {
    if (role == Qt::DecorationRole && index.column() == SessionsModel::Pid) {
        const QVariant severity = index.data(SeverityRole);
        if (severity.isValid())
            return severityIcon(Severity(severity.toInt()));
    }
    return QSortFilterProxyModel::data(index, role);
}

void SessionsFilter::setSourceModel(QAbstractItemModel* model) {
    sessions_ = qobject_cast<const SessionsModel*>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

bool SessionsFilter::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    // Every row of every sample comes through here: read the row itself, no QVariant.
    if (const SessionRow* row = sessions_ ? sessions_->rowAt(sourceRow) : nullptr) {
        if (!showIdle_ && row->idle)
            return false;
        if (words_.isEmpty())
            return true;
        const QString haystack = SessionsModel::filterText(*row->session);
        for (const QString& word : words_) {
            if (!haystack.contains(word, Qt::CaseInsensitive))
                return false;
        }
        return true;
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!showIdle_ && index.data(IsIdleRole).toBool())
        return false;
    if (words_.isEmpty())
        return true;
    const QString haystack = index.data(FilterTextRole).toString();
    for (const QString& word : words_) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool SessionsFilter::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    if (sessions_)
        return sessions_->rowLess(left.row(), right.row(), left.column());
    return QSortFilterProxyModel::lessThan(left, right);
}

SessionsView::SessionsView(QWidget* parent)
    : QWidget(parent)
    , model_(new SessionsModel(this))
    , filter_(new SessionsFilter(this))
    , filterEdit_(new QLineEdit(this))
    , showIdle_(new QCheckBox(tr("Show &idle sessions"), this))
    , count_(new QLabel(this))
    , table_(new QTableView(this))
    , stack_(new MessageStack(table_, this))
    , splitter_(new QSplitter(Qt::Vertical, this))
    , detailTitle_(new QLabel(this))
    , detailWait_(new QLabel(this))
    , detailBlocks_(new QLabel(this))
    , detailQuery_(new QPlainTextEdit(this)) {
    filter_->setSourceModel(model_);
    filter_->setSortRole(SortRole);
    // Sorted and filtered once per sample, on the layout change the model emits for it (see
    // SessionsModel::setSnapshot): a dynamic sort would re-sort thousands of rows on every
    // one-second duration tick, where the order cannot change.
    filter_->setDynamicSortFilter(false);

    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout();
    filterEdit_->setPlaceholderText(
        tr("Filter by user, database, application, state, client, PID or query text"));
    filterEdit_->setClearButtonEnabled(true);
    filterEdit_->addAction(icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    bar->addWidget(filterEdit_, 1);
    bar->addWidget(showIdle_);
    bar->addWidget(count_);
    auto* copy = new QToolButton(this);
    copy->setText(tr("Copy"));
    copy->setIcon(icon(QStringLiteral("copy")));
    copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    copy->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(copy);
    menu->addAction(tr("As Markdown table"), this,
                    [this] { copySelection(int(TableFormat::Markdown)); });
    menu->addAction(tr("As CSV"), this, [this] { copySelection(int(TableFormat::Csv)); });
    copy->setMenu(menu);
    copy->setToolTip(tr("Copy the selected sessions (all shown when none is selected)"));
    bar->addWidget(copy);
    layout->addLayout(bar);

    table_->setModel(filter_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(SessionsModel::Duration, Qt::DescendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSectionsMovable(true);
    table_->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* copyMd = new QAction(tr("Copy as Markdown table"), table_);
    copyMd->setShortcut(QKeySequence::Copy);
    copyMd->setShortcutContext(Qt::WidgetShortcut);
    connect(copyMd, &QAction::triggered, this,
            [this] { copySelection(int(TableFormat::Markdown)); });
    auto* copyCsv = new QAction(tr("Copy as CSV"), table_);
    connect(copyCsv, &QAction::triggered, this, [this] { copySelection(int(TableFormat::Csv)); });
    auto* explain = new QAction(icon(QStringLiteral("explain")), tr("Explain query"), table_);
    explain->setToolTip(tr("Show the plan of this session's query (a generic plan: the "
                           "redacted values are unknown)"));
    connect(explain, &QAction::triggered, this, &SessionsView::explainCurrent);
    table_->addActions({copyMd, copyCsv, explain});
    connect(table_, &QTableView::doubleClicked, this, &SessionsView::explainCurrent);
    const int w = table_->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    table_->setColumnWidth(SessionsModel::Pid, w * 11); // room for the severity icon
    table_->setColumnWidth(SessionsModel::State, w * 17);
    table_->setColumnWidth(SessionsModel::Duration, w * 12);
    table_->setColumnWidth(SessionsModel::Transaction, w * 12);
    table_->setColumnWidth(SessionsModel::Wait, w * 20);
    table_->setColumnWidth(SessionsModel::BlockedBy, w * 10);
    table_->setColumnWidth(SessionsModel::Blocks, w * 14);
    table_->setColumnWidth(SessionsModel::Client, w * 18);
    table_->setColumnWidth(SessionsModel::Application, w * 16);
    table_->setColumnWidth(SessionsModel::Query, w * 60);
    fitSectionsToLabels(table_->horizontalHeader()); // translated headers are wider
    // Who and what first; where from last.
    QHeaderView* header = table_->horizontalHeader();
    header->moveSection(header->visualIndex(SessionsModel::Application),
                        header->visualIndex(SessionsModel::User));
    header->moveSection(header->visualIndex(SessionsModel::Query),
                        header->visualIndex(SessionsModel::User));

    auto* details = new QWidget(splitter_);
    auto* dl = new QVBoxLayout(details);
    dl->setContentsMargins(0, 4, 0, 0);
    makeHeading(detailTitle_, 1.05);
    for (QLabel* l : {detailTitle_, detailWait_, detailBlocks_}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        dl->addWidget(l);
    }
    detailQuery_->setReadOnly(true);
    detailQuery_->setFont(monospaceFont());
    detailQuery_->setPlaceholderText(tr("Select a session to see its whole query."));
    dl->addWidget(detailQuery_, 1);
    splitter_->addWidget(stack_);
    splitter_->addWidget(details);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 1);
    splitter_->setChildrenCollapsible(false);
    splitter_->setSizes({560, 220});
    layout->addWidget(splitter_, 1);

    connect(filterEdit_, &QLineEdit::textChanged, this, [this](const QString& text) {
        filter_->setText(text);
        updateCounts();
    });
    connect(showIdle_, &QCheckBox::toggled, this, [this](bool on) {
        filter_->setShowIdle(on);
        updateCounts();
    });
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SessionsView::updateDetails);
    updateCounts();
    updateDetails();
}

void SessionsView::setSnapshot(const SnapshotPtr& snapshot) {
    // No invalidate() or sort() here: the model's layout change already made the proxy
    // re-filter and re-sort with the new values (each would do all rows once more).
    model_->setSnapshot(snapshot);
    updateCounts();
    updateDetails();
}

void SessionsView::tick(Micros serverNow) {
    if (model_->rowCount() > 0)
        model_->setNow(serverNow);
}

void SessionsView::selectPid(qint64 pid) {
    int row = model_->rowOfPid(pid);
    if (row < 0)
        return;
    QModelIndex proxy = filter_->mapFromSource(model_->index(row, 0));
    if (!proxy.isValid()) {
        // Hidden by the filter: show it anyway.
        filterEdit_->clear();
        showIdle_->setChecked(true);
        proxy = filter_->mapFromSource(model_->index(row, 0));
    }
    table_->selectionModel()->setCurrentIndex(proxy, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    table_->scrollTo(proxy);
}

QString SessionsView::selectionAs(int format) const {
    QList<int> rows;
    const QModelIndexList selected = table_->selectionModel()->selectedRows();
    if (!selected.isEmpty()) {
        for (const QModelIndex& i : selected)
            rows << i.row();
        std::sort(rows.begin(), rows.end());
    } else {
        for (int r = 0; r < filter_->rowCount(); ++r)
            rows << r;
    }
    return exportRows(*filter_, rows, TableFormat(format));
}

void SessionsView::copySelection(int format) {
    QApplication::clipboard()->setText(selectionAs(format));
}

void SessionsView::updateCounts() {
    const int all = model_->rowCount();
    const int shown = filter_->rowCount();
    count_->setText(all == 1 ? tr("%1 of 1 session").arg(shown)
                             : tr("%1 of %2 sessions").arg(shown).arg(all));
    const SnapshotPtr s = model_->snapshot();
    if (!s) {
        stack_->showMessage(tr("Not connected."),
                            tr("Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O)."));
        return;
    }
    if (all == 0) {
        const QString problem = probeSentence(*s, "activity", tr("Sessions"));
        stack_->showMessage(tr("No sessions in this sample."),
                            problem.isEmpty() ? tr("The server reported no client sessions.")
                                              : problem,
                            problem.isEmpty() ? QStringLiteral("info") : QStringLiteral("warning"));
        return;
    }
    if (shown == 0) {
        if (!filter_->showIdle() && filterEdit_->text().trimmed().isEmpty())
            stack_->showMessage(
                countText(all, tr("The only session is idle."), tr("All %1 sessions are idle.")),
                tr("Tick \"Show idle sessions\" to list them."), QStringLiteral("ok"));
        else
            stack_->showMessage(
                tr("No session matches the filter."),
                countText(all, tr("1 session in this sample."), tr("%1 sessions in this sample.")) +
                    QLatin1Char(' ') + tr("Clear the filter or tick \"Show idle sessions\"."));
        return;
    }
    stack_->showContent();
}

void SessionsView::explainCurrent() {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    const SessionRow* row =
        current.isValid() ? model_->rowAt(filter_->mapToSource(current).row()) : nullptr;
    if (row && !row->session->query.empty())
        emit explainRequested(qs(row->session->query), qs(row->session->database));
}

void SessionsView::updateDetails() {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    const SessionRow* row =
        current.isValid() ? model_->rowAt(filter_->mapToSource(current).row()) : nullptr;
    if (!row) {
        detailTitle_->setText(tr("No session selected"));
        detailWait_->clear();
        detailBlocks_->clear();
        detailQuery_->clear();
        return;
    }
    const Session& s = *row->session;
    QStringList who;
    if (!s.user.empty())
        who << tr("%1 on %2").arg(qs(s.user), qs(s.database));
    if (!s.application.empty())
        who << qs(s.application);
    if (!s.client.empty())
        who << qs(s.client);
    const double inState = SessionsModel::stateSeconds(s, model_->now());
    detailTitle_->setText(
        tr("PID %1 · %2%3 · %4")
            .arg(s.pid)
            .arg(s.state.empty() ? tr("no state") : qs(s.state))
            .arg(inState >= 0 ? tr(" for %1").arg(durationText(inState)) : QString())
            .arg(who.join(QStringLiteral(" · "))));

    QStringList wait;
    if (!s.waitEventType.empty() || !s.waitEvent.empty())
        wait << tr("Waits on %1")
                    .arg(qs(s.waitEventType + (s.waitEvent.empty() ? "" : ": ") + s.waitEvent));
    const SnapshotPtr snap = model_->snapshot();
    if (!row->blockedBy.empty() && snap) {
        QStringList blockers;
        for (std::int64_t pid : row->blockedBy) {
            QString text = QString::number(pid);
            for (const LockWait& w : snap->lockWaits) {
                if (w.waitingPid == s.pid && w.blockingPid == pid) {
                    text = tr("PID %1 (%2 on %3%4)")
                               .arg(pid)
                               .arg(qs(w.mode),
                                    w.object.empty() ? qs(w.lockType)
                                                     : i18n::localizedLockObject(w.object),
                                    w.hard ? QString() : tr(", queued ahead"));
                    break;
                }
            }
            blockers << text;
        }
        wait << tr("blocked by %1").arg(blockers.join(QStringLiteral(", ")));
    }
    if (s.transactionStart)
        wait << tr("transaction open for %1")
                    .arg(durationText(SessionsModel::transactionSeconds(s, model_->now())));
    detailWait_->setText(wait.isEmpty() ? tr("Not waiting.") : wait.join(QStringLiteral("; ")));

    if (row->blocksTotal > 0 && snap) {
        const std::vector<std::int64_t> behind = blockedBy(s.pid, snap->lockWaits);
        QStringList pids;
        for (std::size_t i = 0; i < behind.size() && i < 30; ++i)
            pids << QString::number(behind[i]);
        if (behind.size() > 30)
            pids << tr("and %1 more").arg(behind.size() - 30);
        detailBlocks_->setText(
            countText(qint64(behind.size()), tr("Blocks 1 session"), tr("Blocks %1 sessions")) +
            (row->rootBlocker ? tr(" as a root blocker") : QString()) + QStringLiteral(": ") +
            pids.join(QStringLiteral(", ")));
        QPalette pal = detailBlocks_->palette();
        pal.setColor(QPalette::WindowText, severityColor(Severity::Critical));
        detailBlocks_->setPalette(pal);
    } else {
        detailBlocks_->setText(tr("Blocks nobody."));
        detailBlocks_->setPalette(palette());
    }
    const QString query = s.query.empty() ? tr("(no query text)") : qs(s.query);
    if (detailQuery_->toPlainText() != query) // keep the reader's scroll position
        detailQuery_->setPlainText(query);
}

} // namespace dbt::gui
