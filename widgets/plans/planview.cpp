#include "plans/planview.h"

#include "common/guiutil.h"
#include "common/headerfit.h"
#include "common/messagestack.h"
#include "i18n/messagetext.h"
#include "plans/plandiagram.h"
#include "plans/render.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace dbt::gui {

namespace {

// Deeper than this, the tree table is not expanded (QTreeView lays expanded rows out
// recursively); the diagram, the insights and the details still show every node.
constexpr int kMaxTreeDepth = 300;

QString oneLine(const std::string& text, int max) {
    QString s = qs(text).simplified();
    if (s.size() > max)
        s = s.left(max - 1) + QStringLiteral("…");
    return s;
}

} // namespace

// Bars behind the time columns, severity colours in the insights column, a large row
// misestimate in the warning colour.
class PlanItemDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    double maxInclusive = 0;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        const int column = index.column();
        if (column != PlanModel::ExclusiveCol && column != PlanModel::InclusiveCol &&
            column != PlanModel::ShareCol && column != PlanModel::InsightsCol &&
            column != PlanModel::RowsCol) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt(option);
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear();
        QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const bool selected = opt.state & QStyle::State_Selected;
        QColor pen = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        double bar = -1;
        if (column == PlanModel::ExclusiveCol || column == PlanModel::ShareCol)
            bar = index.data(PlanModel::BarRole).toDouble();
        else if (column == PlanModel::InclusiveCol && maxInclusive > 0)
            bar = std::max(0.0, index.data(PlanModel::SortValueRole).toDouble()) / maxInclusive;
        painter->save();
        if (bar > 0) {
            QRectF r = QRectF(opt.rect).adjusted(3, 4, -3, -4);
            r.setWidth(std::max(2.0, r.width() * std::min(1.0, bar)));
            QColor fill = column == PlanModel::InclusiveCol ? QColor(0x25, 0x63, 0xeb)
                                                            : QColor(0xe0, 0x4f, 0x1a);
            fill.setAlphaF(isDarkPalette(opt.palette) ? 0.55 : 0.35);
            painter->fillRect(r, fill);
        }
        if (column == PlanModel::InsightsCol) {
            const int severity = index.data(PlanModel::MaxSeverityRole).toInt();
            if (severity >= 0) {
                const QColor accent = severityColor(Severity(severity));
                const int d = opt.rect.height() / 2;
                painter->setRenderHint(QPainter::Antialiasing);
                painter->setPen(Qt::NoPen);
                painter->setBrush(accent);
                painter->drawEllipse(
                    QRect(opt.rect.left() + 4, opt.rect.center().y() - d / 2, d, d));
                if (!selected)
                    pen = accent;
            }
        }
        if (column == PlanModel::RowsCol && !selected &&
            index.data(PlanModel::SortValueRole).toDouble() >= 10)
            pen = severityColor(Severity::Warning);
        painter->setPen(pen);
        painter->setFont(opt.font);
        const QRect textRect =
            opt.rect.adjusted(column == PlanModel::InsightsCol ? 18 : 4, 0, -4, 0);
        const Qt::Alignment align = column == PlanModel::InsightsCol
                                        ? (Qt::AlignLeft | Qt::AlignVCenter)
                                        : (Qt::AlignRight | Qt::AlignVCenter);
        painter->drawText(textRect, int(align),
                          opt.fontMetrics.elidedText(text, Qt::ElideLeft, textRect.width()));
        painter->restore();
    }
};

PlansView::PlansView(QWidget* parent)
    : QWidget(parent)
    , model_(new PlanModel(this))
    , delegate_(new PlanItemDelegate(this))
    , list_(new QListWidget(this))
    , stack_(nullptr)
    , splitter_(new QSplitter(Qt::Horizontal, this))
    , planSplitter_(new QSplitter(Qt::Vertical, this))
    , bottomSplitter_(new QSplitter(Qt::Horizontal, this))
    , message_(new QLabel(this))
    , cancel_(new QPushButton(tr("Cancel"), this))
    , messageBar_(new QWidget(this))
    , title_(new QLabel(this))
    , generic_(new QLabel(this))
    , notes_(new QLabel(this))
    , statement_(new QPlainTextEdit(this))
    , tree_(new QTreeView(this))
    , scene_(new PlanDiagramScene(this))
    , diagram_(new PlanDiagramView(scene_, this))
    , insights_(new QTreeWidget(this))
    , detailTitle_(new QLabel(this))
    , detailInsights_(new QLabel(this))
    , details_(new QTreeWidget(this)) {
    setObjectName(QStringLiteral("PlansView"));
    auto* layout = new QVBoxLayout(this);

    auto* tools = new QToolBar(this);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->setIconSize(QSize(16, 16));
    // Starts from the shown plan's statement (to run it again, e.g. with ANALYZE).
    explainAction_ =
        tools->addAction(icon(QStringLiteral("explain")), tr("Explain SQL…"), this, [this] {
            const PlanDocumentPtr doc = currentDocument();
            explainDialog(doc ? qs(doc->statement) : QString());
        });
    explainAction_->setToolTip(
        tr("Explain a statement on the connected server: a generic plan for statements with "
           "placeholders, ANALYZE only for a plain SELECT, always rolled back"));
    QAction* paste = tools->addAction(icon(QStringLiteral("copy")), tr("Paste plan…"), this,
                                      [this] { pasteDialog(); });
    paste->setToolTip(tr("Paste a plan in any supported format; no connection needed (Ctrl+V "
                         "pastes the clipboard at once)"));
    QAction* open = tools->addAction(icon(QStringLiteral("open")), tr("Open plan file…"), this,
                                     [this] { openDialog(); });
    open->setToolTip(tr("Open a saved plan: EXPLAIN output as JSON or text"));
    tools->addSeparator();
    copyAction_ = tools->addAction(icon(QStringLiteral("copy")), tr("Copy as text"), this,
                                   &PlansView::copyAsText);
    copyAction_->setToolTip(tr("Copy the plan tree and its insights as text, as the command line "
                               "prints them"));
    pngAction_ = tools->addAction(icon(QStringLiteral("export")), tr("Export PNG…"), this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export plan diagram as PNG"),
                                         QStringLiteral("plan.png"), tr("PNG images (*.png)"));
        if (path.isEmpty())
            return;
        if (exportPng(path))
            showMessage(tr("Wrote %1.").arg(QDir::toNativeSeparators(path)), false, false);
        else
            showError(tr("Could not write %1: check that the folder exists and is writable.")
                          .arg(QDir::toNativeSeparators(path)));
    });
    svgAction_ = tools->addAction(icon(QStringLiteral("export")), tr("Export SVG…"), this, [this] {
        const QString path =
            QFileDialog::getSaveFileName(this, tr("Export plan diagram as SVG"),
                                         QStringLiteral("plan.svg"), tr("SVG images (*.svg)"));
        if (path.isEmpty())
            return;
        if (exportSvg(path))
            showMessage(tr("Wrote %1.").arg(QDir::toNativeSeparators(path)), false, false);
        else
            showError(tr("Could not write %1: check that the folder exists and is writable.")
                          .arg(QDir::toNativeSeparators(path)));
    });
    tools->addSeparator();
    tools->addAction(icon(QStringLiteral("zoom-in")), tr("Zoom in"), this,
                     [this] { diagram_->zoomBy(1.25); });
    tools->addAction(icon(QStringLiteral("zoom-out")), tr("Zoom out"), this,
                     [this] { diagram_->zoomBy(0.8); });
    tools->addAction(icon(QStringLiteral("zoom-fit")), tr("Fit"), this,
                     [this] { diagram_->fit(); });
    layout->addWidget(tools);

    auto* pasteShortcut = new QAction(this);
    pasteShortcut->setShortcut(QKeySequence::Paste);
    pasteShortcut->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(pasteShortcut, &QAction::triggered, this, [this] { pasteFromClipboard(); });
    addAction(pasteShortcut);

    // The message line: a running EXPLAIN (with Cancel), an error sentence, a note.
    auto* ml = new QHBoxLayout(messageBar_);
    ml->setContentsMargins(8, 4, 8, 4);
    message_->setWordWrap(true);
    message_->setTextFormat(Qt::PlainText);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    ml->addWidget(message_, 1);
    ml->addWidget(cancel_);
    auto* dismiss = new QPushButton(tr("Dismiss"), messageBar_);
    ml->addWidget(dismiss);
    connect(dismiss, &QPushButton::clicked, this, &PlansView::clearMessage);
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (progressJob_ != 0)
            emit cancelRequested(progressJob_);
    });
    messageBar_->setAutoFillBackground(true);
    messageBar_->hide();
    layout->addWidget(messageBar_);

    // Left: the plans of this session.
    list_->setMinimumWidth(150);
    list_->setWordWrap(false);
    list_->setTextElideMode(Qt::ElideRight);
    list_->setIconSize(QSize(16, 16));

    // Right: header, tree | diagram, insights | details.
    auto* content = new QWidget(this);
    auto* cl = new QVBoxLayout(content);
    cl->setContentsMargins(0, 0, 0, 0);
    makeHeading(title_, 1.1);
    title_->setWordWrap(true);
    title_->setTextFormat(Qt::PlainText);
    cl->addWidget(title_);
    generic_->setWordWrap(true);
    generic_->setTextFormat(Qt::PlainText);
    generic_->setAutoFillBackground(true);
    generic_->setMargin(4);
    cl->addWidget(generic_);
    statement_->setReadOnly(true);
    statement_->setFont(monospaceFont());
    statement_->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    cl->addWidget(statement_);
    notes_->setWordWrap(true);
    notes_->setTextFormat(Qt::PlainText);
    notes_->setForegroundRole(QPalette::PlaceholderText);
    notes_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    cl->addWidget(notes_);

    tree_->setModel(model_);
    tree_->setItemDelegate(delegate_);
    tree_->setUniformRowHeights(true);
    tree_->setAlternatingRowColors(true);
    tree_->setSelectionBehavior(QAbstractItemView::SelectRows);
    tree_->setSelectionMode(QAbstractItemView::SingleSelection);
    tree_->setIndentation(14);
    tree_->setAllColumnsShowFocus(true);
    const int w = tree_->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    tree_->header()->setStretchLastSection(true);
    tree_->setColumnWidth(PlanModel::NodeCol, w * 34);
    tree_->setColumnWidth(PlanModel::ExclusiveCol, w * 13);
    tree_->setColumnWidth(PlanModel::InclusiveCol, w * 13);
    tree_->setColumnWidth(PlanModel::ShareCol, w * 9);
    tree_->setColumnWidth(PlanModel::RowsCol, w * 22);
    tree_->setColumnWidth(PlanModel::LoopsCol, w * 7);
    tree_->setColumnWidth(PlanModel::BuffersCol, w * 19);
    fitSectionsToLabels(tree_->header()); // translated headers are wider

    insights_->setColumnCount(4);
    insights_->setHeaderLabels({tr("Severity"), tr("Node"), tr("What and why"), tr("What to try")});
    insights_->setRootIsDecorated(false);
    insights_->setAlternatingRowColors(true);
    insights_->setWordWrap(true);
    insights_->setColumnWidth(0, w * 11);
    insights_->setColumnWidth(1, w * 30);
    insights_->setColumnWidth(2, w * 72);
    fitSectionsToLabels(insights_->header());
    auto* detailBox = new QWidget(this);
    auto* dl = new QVBoxLayout(detailBox);
    dl->setContentsMargins(0, 0, 0, 0);
    detailTitle_->setWordWrap(true);
    detailTitle_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    detailTitle_->setTextFormat(Qt::PlainText);
    makeHeading(detailTitle_, 1.0);
    dl->addWidget(detailTitle_);
    detailInsights_->setWordWrap(true);
    // Wrapped to whatever width the splitter gives; its long lines must not widen the pane.
    detailInsights_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    detailInsights_->setTextFormat(Qt::PlainText);
    detailInsights_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    dl->addWidget(detailInsights_);
    details_->setColumnCount(2);
    details_->setHeaderLabels({tr("Field"), tr("Value")});
    details_->setRootIsDecorated(false);
    details_->setAlternatingRowColors(true);
    details_->setColumnWidth(0, w * 22);
    dl->addWidget(details_, 1);
    // Tree (full width, every column readable) over diagram | details over the insights
    // (full width: their sentences are long).
    bottomSplitter_->addWidget(diagram_);
    bottomSplitter_->addWidget(detailBox);
    bottomSplitter_->setStretchFactor(0, 3);
    bottomSplitter_->setStretchFactor(1, 2);
    bottomSplitter_->setChildrenCollapsible(false);
    bottomSplitter_->setSizes({640, 420});

    planSplitter_->addWidget(tree_);
    planSplitter_->addWidget(bottomSplitter_);
    planSplitter_->addWidget(insights_);
    planSplitter_->setStretchFactor(0, 3);
    planSplitter_->setStretchFactor(1, 3);
    planSplitter_->setStretchFactor(2, 2);
    planSplitter_->setChildrenCollapsible(false);
    cl->addWidget(planSplitter_, 1);

    stack_ = new MessageStack(content, this);
    splitter_->addWidget(list_);
    splitter_->addWidget(stack_);
    splitter_->setStretchFactor(0, 1);
    splitter_->setStretchFactor(1, 5);
    splitter_->setChildrenCollapsible(false);
    splitter_->setSizes({190, 1100});
    layout->addWidget(splitter_, 1);

    connect(list_, &QListWidget::currentRowChanged, this, &PlansView::showPlan);
    connect(tree_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (!syncing_ && current.isValid())
                    selectNode(current.data(PlanModel::NodeIndexRole).toInt());
            });
    connect(scene_, &PlanDiagramScene::nodeSelected, this, [this](int node) {
        if (!syncing_)
            selectNode(node);
    });
    connect(insights_, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (!syncing_ && item)
            selectNode(item->data(0, Qt::UserRole).toInt());
    });
    showPlan(-1);
}

int PlansView::addDocument(PlanDocumentPtr document, const QString& title) {
    if (!document)
        return -1;
    Entry e;
    e.document = std::move(document);
    e.title = title;
    if (e.title.isEmpty()) {
        if (!e.document->statement.empty())
            e.title = oneLine(e.document->statement, 60);
        else
            e.title = qs(e.document->source);
    }
    const int row = int(entries_.size());
    entries_.push_back(e);
    auto* item = new QListWidgetItem(e.title, list_);
    int worst = -1;
    for (const auto& insight : e.document->insights)
        worst = std::max(worst, int(insight.severity));
    item->setIcon(worst >= 0 ? severityIcon(Severity(worst)) : icon(QStringLiteral("ok")));
    QString tip = qs(e.document->source);
    if (!e.document->statement.empty())
        tip += QLatin1Char('\n') + oneLine(e.document->statement, 400);
    item->setToolTip(tip);
    list_->setCurrentRow(row);
    return row;
}

bool PlansView::addPlanText(const QByteArray& text, const QString& source, QString* error) {
    try {
        auto document = makePlanDocument(
            std::string_view(text.constData(), std::size_t(text.size())), source.toStdString());
        clearMessage();
        addDocument(std::move(document), source);
        return true;
    } catch (const std::exception& e) {
        const QString sentence =
            tr("%1 is not a plan dbtriage can read: %2").arg(source, qs(e.what()));
        showError(sentence);
        if (error)
            *error = sentence;
        return false;
    }
}

bool PlansView::openPlanFile(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        const QString sentence =
            tr("Cannot read %1: %2.").arg(QDir::toNativeSeparators(path), file.errorString());
        showError(sentence);
        if (error)
            *error = sentence;
        return false;
    }
    return addPlanText(file.readAll(), QFileInfo(path).fileName(), error);
}

bool PlansView::pasteFromClipboard(QString* error) {
    const QString text = QGuiApplication::clipboard()->text();
    if (text.trimmed().isEmpty()) {
        const QString sentence = tr("The clipboard holds no text: copy a plan (EXPLAIN output) "
                                    "first, or use Paste plan… to type it.");
        showError(sentence);
        if (error)
            *error = sentence;
        return false;
    }
    ++pasted_;
    return addPlanText(text.toUtf8(), tr("Pasted plan %1").arg(pasted_), error);
}

void PlansView::setBundlePlans(const std::map<QString, QByteArray>& plans) {
    std::vector<BundlePlanEntry> entries;
    for (const auto& [path, data] : plans) {
        BundlePlanEntry e;
        e.jsonPath = path;
        e.json = data;
        entries.push_back(std::move(e));
    }
    setBundlePlans(entries);
}

void PlansView::setBundlePlans(const std::vector<BundlePlanEntry>& plans,
                               const std::vector<PlanSummary>& failures) {
    const int before = currentPlan();
    const bool shownWasBundle =
        before >= 0 && before < int(entries_.size()) && entries_[std::size_t(before)].fromBundle;
    for (int i = int(entries_.size()) - 1; i >= 0; --i) {
        if (!entries_[std::size_t(i)].fromBundle)
            continue;
        entries_.erase(entries_.begin() + i);
        delete list_->takeItem(i);
    }
    QStringList failed;
    for (const BundlePlanEntry& p : plans) {
        try {
            auto parsed =
                makePlanDocument(std::string_view(p.json.constData(), std::size_t(p.json.size())),
                                 p.jsonPath.toStdString());
            auto document = std::make_shared<PlanDocument>(*parsed);
            if (!p.statement.isEmpty())
                document->statement = p.statement.toStdString();
            const PlanSummary& s = p.summary;
            if (!s.statementId.empty()) {
                document->genericPlan = document->genericPlan || s.genericPlan;
                document->analyzed = document->analyzed || s.analyzed;
            }
            const QString title =
                s.rank > 0 && !s.statementId.empty()
                    ? tr("Bundle #%1: statement %2 (%3 % of window time)")
                          .arg(s.rank)
                          .arg(qs(s.statementId))
                          .arg(QLocale().toString(s.share * 100.0, 'f', s.share >= 0.1 ? 0 : 1))
                    : tr("Bundle: %1").arg(p.jsonPath);
            const int row = addDocument(std::move(document), title);
            entries_[std::size_t(row)].fromBundle = true;
        } catch (const std::exception& e) {
            failed << tr("%1: %2").arg(p.jsonPath, qs(e.what()));
        }
    }
    QStringList notExplained;
    for (const PlanSummary& f : failures)
        notExplained << tr("statement %1: %2").arg(qs(f.statementId), qs(f.error));
    if (!failed.isEmpty())
        showError(tr("Some plans of the bundle could not be read: %1")
                      .arg(failed.join(QStringLiteral("; "))));
    else if (!notExplained.isEmpty())
        showMessage(tr("The bundle says some statements were not explained: %1")
                        .arg(notExplained.join(QStringLiteral("; "))),
                    false, false);
    if (plans.empty() && shownWasBundle)
        list_->setCurrentRow(int(entries_.size()) - 1);
    if (entries_.empty())
        showPlan(-1);
}

void PlansView::setCanExplain(bool can, const QString& reason) {
    cannotExplain_ = can ? QString() : reason;
}

void PlansView::showMessage(const QString& sentence, bool error, bool cancellable) {
    messageError_ = error;
    message_->setText(sentence);
    cancel_->setVisible(cancellable);
    QPalette pal = messageBar_->palette();
    const QColor accent = severityColor(error ? Severity::Critical : Severity::Info);
    pal.setColor(QPalette::Window, tint(palette(), accent, error ? 0.22 : 0.12));
    messageBar_->setPalette(pal);
    messageBar_->show();
}

void PlansView::showProgress(quint64 job, const QString& sentence) {
    progressJob_ = job;
    showMessage(sentence, false, job != 0);
}

void PlansView::showError(const QString& sentence) {
    progressJob_ = 0;
    showMessage(sentence, true, false);
}

void PlansView::clearMessage() {
    progressJob_ = 0;
    messageError_ = false;
    message_->clear();
    messageBar_->hide();
}

QString PlansView::messageText() const {
    return messageBar_->isHidden() ? QString() : message_->text();
}

int PlansView::currentPlan() const {
    return list_->currentRow();
}

void PlansView::setCurrentPlan(int row) {
    list_->setCurrentRow(row);
}

PlanDocumentPtr PlansView::currentDocument() const {
    return shown_ >= 0 && shown_ < int(entries_.size()) ? entries_[std::size_t(shown_)].document
                                                        : nullptr;
}

void PlansView::showPlan(int row) {
    shown_ = row >= 0 && row < int(entries_.size()) ? row : -1;
    const PlanDocumentPtr doc = currentDocument();
    syncing_ = true;
    model_->setDocument(doc);
    delegate_->maxInclusive = 0;
    depth_.clear();
    int maxDepth = 0;
    if (doc) {
        const bool times = model_->hasTimes();
        const auto& nodes = doc->plan.nodes;
        depth_.assign(nodes.size(), 0);
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const auto& node = nodes[i];
            const auto& v = times ? node.derived.inclusiveTimeMs : node.derived.inclusiveCost;
            delegate_->maxInclusive = std::max(delegate_->maxInclusive, v.value_or(0));
            if (node.parent >= 0 && std::size_t(node.parent) < i)
                depth_[i] = depth_[std::size_t(node.parent)] + 1;
            maxDepth = std::max(maxDepth, depth_[i]);
        }
    }
    if (maxDepth <= kMaxTreeDepth)
        tree_->expandAll();
    else
        tree_->expandToDepth(kMaxTreeDepth);
    scene_->setDocument(doc, palette());
    syncing_ = false;
    selectedNode_ = -1;
    updateHeader();
    fillInsights();
    updateActions();
    if (!doc) {
        stack_->showMessage(tr("No plan yet."),
                            tr("Explain a statement from Top queries or Sessions, or open/paste "
                               "a plan (any EXPLAIN output: PostgreSQL JSON or text, MySQL 8, "
                               "MariaDB)."));
        updateDetails();
        return;
    }
    stack_->showContent();
    diagram_->fit();
    QTimer::singleShot(0, diagram_, [this] { diagram_->fit(); });
    if (insights_->topLevelItemCount() > 0)
        activateInsight(0);
    else
        selectNode(0);
}

void PlansView::updateHeader() {
    const PlanDocumentPtr doc = currentDocument();
    if (!doc) {
        title_->clear();
        generic_->hide();
        statement_->hide();
        notes_->hide();
        return;
    }
    const auto& plan = doc->plan;
    QStringList parts;
    parts << (shown_ >= 0 ? entries_[std::size_t(shown_)].title : qs(doc->source));
    parts << qs(std::string(plans::dialectName(plan.dialect)));
    parts << tr("%1 nodes").arg(plan.nodes.size());
    if (plan.executionTimeMs)
        parts << tr("executed in %1 ms").arg(QLocale().toString(*plan.executionTimeMs, 'f', 1));
    title_->setText(parts.join(QStringLiteral(" · ")));

    QString flag;
    if (doc->genericPlan)
        flag = tr("Generic plan: parameter values unknown, costs are estimates.");
    if (doc->analyzed)
        flag += (flag.isEmpty() ? QString() : QStringLiteral(" ")) +
                tr("ANALYZE ran: actual times and rows (read-only, rolled back).");
    else if (!doc->genericPlan)
        flag = tr("Estimates only: ANALYZE did not run.");
    generic_->setText(flag);
    QPalette pal = generic_->palette();
    pal.setColor(QPalette::Window,
                 tint(palette(),
                      severityColor(doc->genericPlan ? Severity::Warning : Severity::Info),
                      doc->genericPlan ? 0.22 : 0.10));
    generic_->setPalette(pal);
    generic_->show();

    if (doc->statement.empty()) {
        statement_->hide();
    } else {
        const QString text = qs(doc->statement);
        statement_->setPlainText(text);
        // As tall as the statement (wrapped at about 120 characters), at most four lines.
        const int lines =
            std::clamp(int(text.count(QLatin1Char('\n'))) + 1 + int(text.size() / 120), 1, 4);
        statement_->setFixedHeight(statement_->fontMetrics().height() * lines + 14);
        statement_->show();
    }
    QStringList notes;
    for (const std::string& n : doc->notes)
        notes << tr("Note: %1").arg(qs(n));
    notes_->setText(notes.join(QLatin1Char('\n')));
    notes_->setVisible(!notes.isEmpty());
}

void PlansView::fillInsights() {
    syncing_ = true;
    insights_->clear();
    const PlanDocumentPtr doc = currentDocument();
    if (doc) {
        QList<QTreeWidgetItem*> items;
        for (const auto& insight : doc->insights) {
            auto* item = new QTreeWidgetItem();
            item->setIcon(0, severityIcon(insight.severity));
            item->setText(0, severityText(insight.severity));
            item->setForeground(0, severityColor(insight.severity));
            QString node = QStringLiteral("#%1").arg(insight.node);
            if (insight.node >= 0 && std::size_t(insight.node) < doc->plan.nodes.size())
                node += QLatin1Char(' ') +
                        qs(plans::nodeLabel(doc->plan.nodes[std::size_t(insight.node)]));
            item->setText(1, node);
            const QString message = i18n::insightMessage(insight);
            const QString suggestion = i18n::insightSuggestion(insight);
            item->setText(2, message);
            item->setText(3, suggestion);
            item->setToolTip(2, message);
            item->setToolTip(3, suggestion);
            item->setToolTip(1, qs(insight.code));
            item->setData(0, Qt::UserRole, insight.node);
            items << item;
        }
        insights_->addTopLevelItems(items);
        if (items.isEmpty()) {
            auto* none = new QTreeWidgetItem(insights_);
            none->setText(2, tr("No insight: nothing in this plan looks wrong by dbtriage's "
                                "rules."));
            none->setFlags(Qt::NoItemFlags);
            none->setData(0, Qt::UserRole, -1);
        }
    }
    syncing_ = false;
}

void PlansView::activateInsight(int row) {
    QTreeWidgetItem* item = insights_->topLevelItem(row);
    if (!item || !(item->flags() & Qt::ItemIsEnabled))
        return;
    syncing_ = true;
    insights_->setCurrentItem(item);
    syncing_ = false;
    selectNode(item->data(0, Qt::UserRole).toInt());
}

void PlansView::selectNode(int node) {
    const PlanDocumentPtr doc = currentDocument();
    if (!doc || node < 0 || std::size_t(node) >= doc->plan.nodes.size())
        return;
    const bool outer = !syncing_;
    syncing_ = true;
    selectedNode_ = node;
    const auto& nodes = doc->plan.nodes;
    // Tree: expand the ancestors top-down (iteratively), unless the node lies too deep.
    if (std::size_t(node) < depth_.size() && depth_[std::size_t(node)] <= kMaxTreeDepth) {
        std::vector<int> chain;
        for (int p = nodes[std::size_t(node)].parent; p >= 0; p = nodes[std::size_t(p)].parent)
            chain.push_back(p);
        for (auto it = chain.rbegin(); it != chain.rend(); ++it)
            tree_->expand(model_->indexForNode(*it));
        const QModelIndex index = model_->indexForNode(node);
        tree_->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                            QItemSelectionModel::Rows);
        tree_->scrollTo(index);
    } else {
        tree_->selectionModel()->clearSelection();
    }
    scene_->selectNode(node);
    diagram_->showNode(node);
    // Insights: keep the chosen one if it is about this node, else the node's first.
    QTreeWidgetItem* current = insights_->currentItem();
    if (!current || current->data(0, Qt::UserRole).toInt() != node) {
        QTreeWidgetItem* match = nullptr;
        for (int i = 0; i < insights_->topLevelItemCount() && !match; ++i)
            if (insights_->topLevelItem(i)->data(0, Qt::UserRole).toInt() == node &&
                (insights_->topLevelItem(i)->flags() & Qt::ItemIsEnabled))
                match = insights_->topLevelItem(i);
        if (match)
            insights_->setCurrentItem(match);
        else
            insights_->clearSelection();
    }
    updateDetails();
    if (outer)
        syncing_ = false;
}

void PlansView::updateDetails() {
    details_->clear();
    detailInsights_->clear();
    detailInsights_->hide();
    const PlanDocumentPtr doc = currentDocument();
    if (!doc || selectedNode_ < 0 || std::size_t(selectedNode_) >= doc->plan.nodes.size()) {
        detailTitle_->setText(doc ? tr("Select a node to see every field the engine printed.")
                                  : QString());
        return;
    }
    const auto& node = doc->plan.nodes[std::size_t(selectedNode_)];
    detailTitle_->setText(tr("Node #%1: %2").arg(selectedNode_).arg(qs(plans::nodeLabel(node))));
    // The node's insights in full, with what to try (the list's columns cut them short).
    QStringList said;
    for (const auto& insight : doc->insights)
        if (insight.node == selectedNode_)
            said << tr("%1: %2 Try: %3")
                        .arg(severityText(insight.severity), i18n::insightMessage(insight),
                             i18n::insightSuggestion(insight));
    if (!said.isEmpty()) {
        detailInsights_->setText(said.join(QLatin1Char('\n')));
        detailInsights_->show();
    }
    const QStringList fields =
        model_->indexForNode(selectedNode_).data(PlanModel::RawFieldsRole).toStringList();
    QList<QTreeWidgetItem*> items;
    for (const QString& line : fields) {
        const qsizetype colon = line.indexOf(QStringLiteral(": "));
        auto* item = new QTreeWidgetItem();
        item->setText(0, colon < 0 ? line : line.left(colon));
        const QString value = colon < 0 ? QString() : line.mid(colon + 2);
        item->setText(1, value);
        item->setToolTip(1, value);
        items << item;
    }
    details_->addTopLevelItems(items);
}

QStringList PlansView::detailLines() const {
    QStringList out;
    for (int i = 0; i < details_->topLevelItemCount(); ++i)
        out << details_->topLevelItem(i)->text(0) + QStringLiteral(": ") +
                   details_->topLevelItem(i)->text(1);
    return out;
}

QString PlansView::headerText() const {
    return title_->text();
}

QString PlansView::genericText() const {
    return generic_->isHidden() ? QString() : generic_->text();
}

void PlansView::updateActions() {
    const bool has = currentDocument() != nullptr;
    copyAction_->setEnabled(has);
    pngAction_->setEnabled(has);
    svgAction_->setEnabled(has);
}

QString PlansView::planText() const {
    const PlanDocumentPtr doc = currentDocument();
    if (!doc)
        return {};
    QString header;
    if (!doc->statement.empty())
        header += tr("Statement: %1").arg(qs(doc->statement)) + QLatin1Char('\n');
    if (doc->genericPlan)
        header +=
            tr("Generic plan: parameter values unknown, costs are estimates.") + QLatin1Char('\n');
    for (const std::string& n : doc->notes)
        header += tr("Note: %1").arg(qs(n)) + QLatin1Char('\n');
    if (!header.isEmpty())
        header += QLatin1Char('\n');
    return header + qs(plans::renderPlanText(doc->plan, doc->insights));
}

void PlansView::copyAsText() {
    const QString text = planText();
    if (text.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(text);
    showMessage(tr("Copied the plan and its insights as text."), false, false);
}

bool PlansView::exportPng(const QString& path) {
    return currentDocument() && scene_->exportPng(path);
}

bool PlansView::exportSvg(const QString& path) {
    return currentDocument() && scene_->exportSvg(path);
}

void PlansView::explainDialog(const QString& sql, const QString& database) {
    if (!cannotExplain_.isEmpty()) {
        showError(cannotExplain_);
        return;
    }
    ExplainChoice initial;
    initial.sql = sql;
    initial.database = database.isEmpty() ? defaultDatabase_ : database;
    ExplainDialog dialog(initial, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExplainChoice choice = dialog.choice();
    if (choice.sql.isEmpty())
        return;
    emit explainRequested(choice);
}

void PlansView::pasteDialog() {
    PastePlanDialog dialog(QGuiApplication::clipboard()->text(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ++pasted_;
    addPlanText(dialog.text().toUtf8(), tr("Pasted plan %1").arg(pasted_));
}

void PlansView::openDialog() {
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open plan file"), QString(),
                                     tr("Plans (*.json *.txt *.sql *.plan);;All files (*)"));
    if (!path.isEmpty())
        openPlanFile(path);
}

} // namespace dbt::gui
