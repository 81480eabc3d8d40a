#include "locks/locksview.h"

#include "common/guiutil.h"
#include "common/messagestack.h"
#include "locks/lockgraphscene.h"
#include "models/locktreemodel.h"
#include "models/modelroles.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QSplitter>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWheelEvent>

namespace dbt::gui {

void LockGraphView::zoomBy(double factor) {
    const double current = transform().m11();
    const double next = std::clamp(current * factor, 0.05, 4.0);
    scale(next / current, next / current);
}

void LockGraphView::fit() {
    if (!scene() || scene()->items().isEmpty())
        return;
    fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    // Never blow a small graph up beyond its natural size, and keep a big one legible:
    // below 0.35 the user scrolls instead.
    const double s = transform().m11();
    const double target = std::clamp(s, 0.35, 1.0);
    if (s != target) {
        resetTransform();
        scale(target, target);
        centerOn(scene()->sceneRect().left() + viewport()->width() / (2 * target),
                 scene()->sceneRect().top() + viewport()->height() / (2 * target));
    }
}

void LockGraphView::wheelEvent(QWheelEvent* event) {
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

LocksView::LocksView(QWidget* parent)
    : QWidget(parent)
    , builder_(new LockForestBuilder(this))
    , scene_(new LockGraphScene(this))
    , view_(new LockGraphView(scene_, this))
    , model_(new LockTreeModel(this))
    , tree_(new QTreeView(this))
    , splitter_(new QSplitter(Qt::Horizontal, this))
    , summary_(new QLabel(this))
    , find_(new QLineEdit(this))
    , foldAbove_(new QSpinBox(this)) {
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout();
    makeHeading(summary_, 1.05);
    summary_->setWordWrap(true);
    bar->addWidget(summary_, 1);
    find_->setPlaceholderText(tr("Find PID"));
    find_->setClearButtonEnabled(true);
    find_->addAction(icon(QStringLiteral("search")), QLineEdit::LeadingPosition);
    find_->setMaximumWidth(160);
    bar->addWidget(find_);
    auto* foldLabel = new QLabel(tr("&Fold waiters above:"), this);
    foldLabel->setBuddy(foldAbove_);
    foldAbove_->setRange(1, 100000);
    foldAbove_->setValue(options_.aggregateAbove);
    foldAbove_->setToolTip(tr("Sibling sessions waiting the same way on the same object are "
                              "drawn as one box when there are more than this many."));
    bar->addWidget(foldLabel);
    bar->addWidget(foldAbove_);

    auto* tools = new QToolBar(this);
    tools->setIconSize(QSize(18, 18));
    tools->addAction(icon(QStringLiteral("zoom-in")), tr("Zoom in"), this,
                     [this] { view_->zoomBy(1.25); });
    tools->addAction(icon(QStringLiteral("zoom-out")), tr("Zoom out"), this,
                     [this] { view_->zoomBy(0.8); });
    tools->addAction(icon(QStringLiteral("zoom-fit")), tr("Fit"), this, [this] { view_->fit(); });
    tools->addSeparator();
    tools->addAction(icon(QStringLiteral("export")), tr("Export PNG…"), this,
                     [this] { exportDialog(false); });
    tools->addAction(icon(QStringLiteral("export")), tr("Export SVG…"), this,
                     [this] { exportDialog(true); });
    tools->setToolButtonStyle(Qt::ToolButtonIconOnly);
    for (QAction* a : tools->actions())
        a->setToolTip(a->text());
    bar->addWidget(tools);
    layout->addLayout(bar);

    view_->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    view_->setDragMode(QGraphicsView::ScrollHandDrag);
    view_->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    view_->setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);

    tree_->setModel(model_);
    tree_->setUniformRowHeights(true);
    tree_->setAlternatingRowColors(true);
    tree_->setSelectionBehavior(QAbstractItemView::SelectRows);
    tree_->header()->setStretchLastSection(true);
    const int w = tree_->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    tree_->setColumnWidth(LockTreeModel::SessionColumn, w * 24);
    tree_->setColumnWidth(LockTreeModel::State, w * 14);
    tree_->setColumnWidth(LockTreeModel::Age, w * 9);
    tree_->setColumnWidth(LockTreeModel::WaitsFor, w * 28);

    splitter_->addWidget(view_);
    splitter_->addWidget(tree_);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    splitter_->setChildrenCollapsible(false);
    splitter_->setSizes({820, 360});
    stack_ = new MessageStack(splitter_, this);
    layout->addWidget(stack_, 1);

    connect(find_, &QLineEdit::returnPressed, this, [this] {
        bool ok = false;
        const qint64 pid = find_->text().trimmed().toLongLong(&ok);
        if (!ok || !findPid(pid))
            find_->setStyleSheet(
                QStringLiteral("color: %1").arg(severityColor(Severity::Critical).name()));
        else
            find_->setStyleSheet(QString());
    });
    connect(find_, &QLineEdit::textChanged, this, [this] { find_->setStyleSheet(QString()); });
    connect(foldAbove_, &QSpinBox::valueChanged, this, &LocksView::setAggregateAbove);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    selectNode(int(current.internalId()), true);
            });
    connect(scene_, &QGraphicsScene::selectionChanged, this, [this] {
        const QList<QGraphicsItem*> selected = scene_->selectedItems();
        if (selected.size() == 1)
            if (auto* item = dynamic_cast<LockNodeItem*>(selected.first()))
                selectNode(item->node(), false);
    });
    connect(tree_, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.data(NodeKindRole).toInt() == 0)
            Q_EMIT showSessionRequested(index.data(PidRole).toLongLong());
    });
    connect(builder_, &LockForestBuilder::built, this, &LocksView::onBuilt);
    rebuild();
}

void LocksView::setSnapshot(const SnapshotPtr& snapshot) {
    snapshot_ = snapshot;
    rebuild();
}

void LocksView::setAggregateAbove(int threshold) {
    if (foldAbove_->value() != threshold)
        foldAbove_->setValue(threshold); // comes back here through valueChanged
    if (options_.aggregateAbove == threshold)
        return;
    options_.aggregateAbove = threshold;
    fitPending_ = true;
    rebuild();
}

QString LocksView::summaryText() const {
    return summary_->text();
}

void LocksView::rebuild() {
    const quint64 generation = ++generation_;
    if (!snapshot_ || int(snapshot_->lockWaits.size()) <= syncLimit_) {
        awaiting_ = 0; // a build still running for an older request is dropped on arrival
        apply(buildLockGraph(generation, snapshot_, options_));
        return;
    }
    awaiting_ = generation;
    builder_->submit(generation, snapshot_, options_);
}

void LocksView::onBuilt(const LockForestBuildPtr& build) {
    if (build->generation == awaiting_)
        awaiting_ = 0;
    const LockForestOptions& o = build->options;
    const bool sameOptions = o.aggregateAbove == options_.aggregateAbove &&
                             o.keepLongest == options_.keepLongest &&
                             o.maxRoots == options_.maxRoots;
    if (build->generation <= shown_ || !sameOptions) {
        ++dropped_;
        Q_EMIT buildDropped();
        return;
    }
    apply(build);
}

void LocksView::apply(const LockForestBuildPtr& build) {
    // Remember the selected session across the rebuild.
    qint64 selectedPid = 0;
    if (const LockNode* n = model_->nodeAt(tree_->currentIndex()))
        selectedPid = n->pid;

    shown_ = build->generation;
    shownSnapshot_ = build->snapshot;
    layout_ = build->layout;
    model_->setForest(build->forest);
    const LockForest& forest = *build->forest;
    if (!shownSnapshot_) {
        summary_->setText(tr("Locks"));
        stack_->showMessage(tr("Not connected."),
                            tr("Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O)."));
    } else if (forest.nodes.empty()) {
        summary_->setText(tr("Locks"));
        const QString problem = probeSentence(*shownSnapshot_, "locks", tr("Lock waits"));
        if (problem.isEmpty())
            stack_->showMessage(tr("No lock waits right now."),
                                tr("No session waits on another session's lock in this "
                                   "sample."),
                                QStringLiteral("ok"));
        else
            stack_->showMessage(tr("Lock waits could not be read."), problem,
                                QStringLiteral("warning"));
    } else {
        QString text =
            countText(qint64(forest.roots.size()), tr("1 root blocker"), tr("%1 root blockers"));
        text += QStringLiteral(" · ") + countText(forest.waitingSessions, tr("1 session waiting"),
                                                  tr("%1 sessions waiting"));
        if (forest.aggregatedSessions > 0)
            text += tr(" · %1 folded").arg(forest.aggregatedSessions);
        if (forest.hiddenRoots > 0)
            text += tr(" · %1 more blockers not drawn").arg(forest.hiddenRoots);
        summary_->setText(text);
        stack_->showContent();
    }
    // Expand what stays readable; big trees are folded already.
    if (forest.nodes.size() <= 400)
        tree_->expandAll();
    else
        tree_->expandToDepth(1);
    sceneDirty_ = true;
    if (isVisible())
        rebuildScene();
    if (selectedPid != 0) {
        const int node = model_->forest().indexOfPid(selectedPid);
        if (node >= 0)
            tree_->setCurrentIndex(model_->indexOfNode(node));
    }
    Q_EMIT forestShown();
}

void LocksView::rebuildScene() {
    if (!sceneDirty_)
        return;
    sceneDirty_ = false;
    const QSignalBlocker block(scene_);
    scene_->setLayout(layout_, palette());
    if (fitPending_ && scene_->nodeItemCount() > 0) {
        fitPending_ = false;
        view_->fit();
    }
}

void LocksView::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    rebuildScene();
}

void LocksView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        sceneDirty_ = true;
        if (isVisible())
            rebuildScene();
    }
    QWidget::changeEvent(event);
}

bool LocksView::findPid(qint64 pid) {
    rebuildScene();
    LockNodeItem* item = scene_->itemForPid(pid);
    if (!item)
        return false;
    scene_->highlight(item);
    view_->centerOn(item);
    tree_->setCurrentIndex(model_->indexOfNode(item->node()));
    return true;
}

void LocksView::selectNode(int node, bool fromTree) {
    if (fromTree) {
        rebuildScene();
        if (LockNodeItem* item = scene_->itemForNode(node)) {
            scene_->highlight(item);
            view_->ensureVisible(item, 40, 40);
        }
    } else {
        const QModelIndex index = model_->indexOfNode(node);
        tree_->scrollTo(index);
        tree_->setCurrentIndex(index);
    }
}

bool LocksView::exportPng(const QString& path) {
    rebuildScene();
    return scene_->exportPng(path);
}

bool LocksView::exportSvg(const QString& path) {
    rebuildScene();
    return scene_->exportSvg(path);
}

void LocksView::exportDialog(bool svg) {
    const QString path = QFileDialog::getSaveFileName(
        this, svg ? tr("Export lock graph as SVG") : tr("Export lock graph as PNG"),
        svg ? QStringLiteral("lock-graph.svg") : QStringLiteral("lock-graph.png"),
        svg ? tr("SVG images (*.svg)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    const bool ok = svg ? exportSvg(path) : exportPng(path);
    if (!ok)
        summary_->setText(tr("Could not write %1.").arg(path));
}

} // namespace dbt::gui
