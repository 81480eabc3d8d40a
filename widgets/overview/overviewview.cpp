#include "overview/overviewview.h"

#include "common/guiutil.h"
#include "i18n/figures.h"
#include "i18n/messagetext.h"
#include "overview/connectionchart.h"
#include "textutil.h"

#include <QApplication>
#include <QClipboard>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>
#include <set>
#include <vector>

namespace dbt::gui {

// One figure: a caption, a big value and a line of context.
class KeyFigure final : public QFrame {
public:
    explicit KeyFigure(const QString& caption, QWidget* parent = nullptr)
        : QFrame(parent)
        , caption_(new QLabel(caption, this))
        , value_(new QLabel(this))
        , note_(new QLabel(this)) {
        setFrameShape(QFrame::StyledPanel);
        setAutoFillBackground(true);
        setBackgroundRole(QPalette::Base);
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(10, 6, 10, 6);
        layout->setSpacing(0);
        caption_->setForegroundRole(QPalette::PlaceholderText);
        makeHeading(value_, 1.6);
        note_->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(caption_);
        layout->addWidget(value_);
        layout->addWidget(note_);
        setMinimumWidth(130);
    }
    void set(const QString& value, const QString& note, std::optional<Severity> accent = {}) {
        value_->setText(value);
        note_->setText(note);
        QPalette pal = value_->palette();
        if (accent)
            pal.setColor(QPalette::WindowText, severityColor(*accent));
        else
            pal = palette();
        value_->setPalette(pal);
    }
    QString value() const { return value_->text(); }

private:
    QLabel* caption_;
    QLabel* value_;
    QLabel* note_;
};

// One finding: severity accent and icon, the sentence, the next step and the command with a
// Copy button. Updated in place from sample to sample (setFinding), so that a card the user
// is reading, selecting text in or copying from stays put.
class FindingCard final : public QFrame {
public:
    FindingCard(const Finding& f, bool allClear, QWidget* parent)
        : QFrame(parent)
        , summary_(new QLabel(this))
        , next_(new QLabel(this))
        , command_(new QLineEdit(this)) {
        setObjectName(QStringLiteral("findingCard"));
        setFrameShape(QFrame::StyledPanel);
        setAutoFillBackground(true);
        QPalette pal = palette();
        pal.setColor(QPalette::Window, tint(pal, severityColor(f.severity), 0.10));
        setPalette(pal);

        auto* outer = new QHBoxLayout(this);
        outer->setContentsMargins(0, 0, 8, 0);
        auto* accent = new QFrame(this);
        accent->setFixedWidth(5);
        accent->setAutoFillBackground(true);
        QPalette apal = accent->palette();
        apal.setColor(QPalette::Window, severityColor(f.severity));
        accent->setPalette(apal);
        outer->addWidget(accent);

        auto* iconLabel = new QLabel(this);
        iconLabel->setPixmap((allClear ? icon(QStringLiteral("ok")) : severityIcon(f.severity))
                                 .pixmap(QSize(22, 22)));
        iconLabel->setToolTip(severityText(f.severity));
        iconLabel->setAlignment(Qt::AlignTop);
        iconLabel->setContentsMargins(4, 8, 0, 0);
        outer->addWidget(iconLabel);

        auto* body = new QVBoxLayout();
        body->setContentsMargins(4, 8, 0, 8);
        body->setSpacing(4);
        summary_->setWordWrap(true);
        summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
        QFont bold = summary_->font();
        bold.setBold(true);
        summary_->setFont(bold);
        body->addWidget(summary_);
        next_->setWordWrap(true);
        next_->setTextInteractionFlags(Qt::TextSelectableByMouse);
        body->addWidget(next_);
        commandRow_ = new QWidget(this);
        auto* row = new QHBoxLayout(commandRow_);
        row->setContentsMargins(0, 0, 0, 0);
        command_->setReadOnly(true);
        command_->setFont(monospaceFont());
        command_->setToolTip(QWidget::tr("For a senior to review and run; dbtriage never runs "
                                         "it."));
        auto* copy = new QToolButton(this);
        copy->setIcon(icon(QStringLiteral("copy")));
        copy->setText(QWidget::tr("Copy"));
        copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        copy->setToolTip(QWidget::tr("Copy the command to the clipboard"));
        QObject::connect(copy, &QToolButton::clicked, this,
                         [this] { QApplication::clipboard()->setText(command_->text()); });
        row->addWidget(command_, 1);
        row->addWidget(copy);
        body->addWidget(commandRow_);
        outer->addLayout(body, 1);
        setFinding(f);
    }

    // Same finding (code and severity), new sample: only texts that changed are set, so a
    // selection in a label or the command line survives an unchanged text.
    void setFinding(const Finding& f) {
        setIfChanged(summary_, i18n::findingSummary(f));
        next_->setVisible(!f.nextStep.empty());
        if (!f.nextStep.empty())
            setIfChanged(next_, QWidget::tr("Next step: %1").arg(i18n::findingNextStep(f)));
        commandRow_->setVisible(!f.command.empty());
        const QString command = qs(f.command);
        if (command_->text() != command) {
            command_->setText(command);
            command_->setCursorPosition(0);
        }
    }

    QString summary() const { return summary_->text(); }
    QString command() const { return command_->text(); }

private:
    static void setIfChanged(QLabel* label, const QString& text) {
        if (label->text() != text)
            label->setText(text);
    }

    QLabel* summary_;
    QLabel* next_;
    QWidget* commandRow_ = nullptr;
    QLineEdit* command_;
};

namespace {

// Which card shows a finding: its code and severity, and which of that code it is.
QStringList cardKeys(const std::vector<Finding>& findings) {
    QStringList keys;
    QHash<QString, int> seen;
    for (const Finding& f : findings) {
        const QString code = qs(f.code);
        keys << QStringLiteral("%1/%2/%3").arg(code).arg(int(f.severity)).arg(seen[code]++);
    }
    if (keys.isEmpty())
        keys << QStringLiteral("all-clear");
    return keys;
}

} // namespace

OverviewView::OverviewView(const SnapshotHistory* history, QWidget* parent)
    : QWidget(parent)
    , history_(history)
    , splitter_(new QSplitter(Qt::Horizontal, this))
    , cardsWidget_(new QWidget())
    , cardsLayout_(new QVBoxLayout(cardsWidget_))
    , findingsTitle_(new QLabel(tr("Findings"), this))
    , chart_(new ConnectionChart(history, this)) {
    auto* layout = new QVBoxLayout(this);
    auto* figures = new QHBoxLayout();
    figures->setSpacing(8);
    for (const QString& caption :
         {tr("Connections"), tr("Active"), tr("Waiting on locks"), tr("Idle in transaction"),
          tr("Longest transaction"), tr("Cache hit ratio"), tr("Temp files")}) {
        auto* figure = new KeyFigure(caption, this);
        figures->addWidget(figure);
        figures_ << figure;
    }
    layout->addLayout(figures);

    auto* left = new QWidget(splitter_);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    makeHeading(findingsTitle_, 1.1);
    leftLayout->addWidget(findingsTitle_);
    auto* scroll = new QScrollArea(left);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(cardsWidget_);
    cardsLayout_->setContentsMargins(0, 0, 6, 0);
    cardsLayout_->setSpacing(8);
    cardsLayout_->addStretch();
    leftLayout->addWidget(scroll, 1);
    splitter_->addWidget(left);
    splitter_->addWidget(chart_);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    splitter_->setChildrenCollapsible(false);
    splitter_->setSizes({620, 420});
    layout->addWidget(splitter_, 1);
    clear();
}

void OverviewView::clear() {
    removeCards();
    findingCount_ = 0;
    auto* hint = new QLabel(tr("Connect to a server (Ctrl+N) or open a snapshot file (Ctrl+O) "
                               "to see its findings here."),
                            cardsWidget_);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    cardsLayout_->insertWidget(0, hint);
    for (KeyFigure* f : figures_)
        f->set(QStringLiteral("–"), QString());
    chart_->refresh();
}

void OverviewView::refresh() {
    const SnapshotPtr latest = history_->latest();
    if (!latest) {
        clear();
        return;
    }
    showFindings(*latest);
    showFigures(*latest);
    chart_->refresh();
}

void OverviewView::showFindings(const Snapshot& s) {
    std::vector<Finding> shown = s.findings;
    const bool allClear = shown.empty();
    if (allClear) {
        Finding ok;
        ok.severity = Severity::Info;
        ok.summary = tr("Nothing needs attention in the latest sample.").toStdString();
        ok.nextStep = tr("Connections, locks, long transactions and idle sessions look normal.")
                          .toStdString();
        shown.push_back(std::move(ok));
    }
    const QStringList keys = cardKeys(s.findings);
    if (keys == cardKeys_ && int(cards_.size()) == int(shown.size())) {
        // The same findings as in the last sample: texts updated in place, no card rebuilt.
        for (std::size_t i = 0; i < shown.size(); ++i)
            cards_[i]->setFinding(shown[i]);
    } else {
        cardsWidget_->setUpdatesEnabled(false);
        removeCards();
        for (const Finding& f : shown) {
            auto* card = new FindingCard(f, allClear, cardsWidget_);
            cardsLayout_->insertWidget(int(cards_.size()), card);
            cards_.push_back(card);
        }
        cardKeys_ = keys;
        cardsWidget_->setUpdatesEnabled(true);
    }
    findingCount_ = int(s.findings.size());
    int critical = 0;
    int warning = 0;
    for (const Finding& f : s.findings) {
        critical += f.severity == Severity::Critical;
        warning += f.severity == Severity::Warning;
    }
    if (critical + warning > 0)
        findingsTitle_->setText(
            tr("Findings: %1 critical, %2")
                .arg(critical)
                .arg(warning == 1 ? tr("1 warning") : tr("%1 warnings").arg(warning)));
    else
        findingsTitle_->setText(tr("Findings"));
}

void OverviewView::removeCards() {
    while (cardsLayout_->count() > 1) {
        QLayoutItem* item = cardsLayout_->takeAt(0);
        delete item->widget();
        delete item;
    }
    cards_.clear();
    cardKeys_.clear();
}

QWidget* OverviewView::findingCard(int i) const {
    return i >= 0 && i < int(cards_.size()) ? cards_[std::size_t(i)] : nullptr;
}

QString OverviewView::cardSummary(int i) const {
    return i >= 0 && i < int(cards_.size()) ? cards_[std::size_t(i)]->summary() : QString();
}

void OverviewView::showFigures(const Snapshot& s) {
    const ConnectionCounts& c = s.connections;
    auto state = [&c](const char* name) {
        auto it = c.byState.find(name);
        return it == c.byState.end() ? std::int64_t(0) : it->second;
    };
    const std::int64_t usable = c.usable();
    const double ratio = usable > 0 ? double(c.total) / double(usable) : 0;
    figures_[0]->set(
        QString::number(c.total),
        usable > 0
            ? tr("of %1 usable (%2)").arg(usable).arg(i18n::localizedFigure(formatPercent(ratio)))
            : QString(),
        ratio >= 0.95  ? std::optional(Severity::Critical)
        : ratio >= 0.8 ? std::optional(Severity::Warning)
                       : std::nullopt);
    figures_[1]->set(QString::number(state("active")), tr("running now"));

    std::set<std::int64_t> waiting;
    for (const LockWait& w : s.lockWaits)
        waiting.insert(w.waitingPid);
    if (waiting.empty() && !probeProblem(s, "locks").isEmpty())
        figures_[2]->set(QStringLiteral("?"), tr("not read in this sample (see Locks)"),
                         Severity::Warning);
    else
        figures_[2]->set(QString::number(waiting.size()),
                         s.rootBlockers.empty()
                             ? tr("no lock waits")
                             : countText(qint64(s.rootBlockers.size()), tr("behind 1 root blocker"),
                                         tr("behind %1 root blockers")),
                         waiting.empty() ? std::nullopt : std::optional(Severity::Critical));

    const std::int64_t iit = state("idle in transaction") + state("idle in transaction (aborted)");
    figures_[3]->set(QString::number(iit), tr("transaction open"),
                     iit > 0 ? std::optional(Severity::Warning) : std::nullopt);

    if (s.health.longestTransactionSeconds) {
        const double secs = *s.health.longestTransactionSeconds;
        figures_[4]->set(durationText(secs), tr("oldest open"),
                         secs >= 300 ? std::optional(Severity::Warning) : std::nullopt);
    } else {
        figures_[4]->set(tr("none"), tr("no open transaction"));
    }
    if (s.health.cacheHitRatio) {
        const double hit = *s.health.cacheHitRatio;
        figures_[5]->set(i18n::localizedFigure(formatPercent(hit)), tr("since stats reset"),
                         hit < 0.9 ? std::optional(Severity::Warning) : std::nullopt);
    } else {
        figures_[5]->set(tr("n/a"), tr("not reported"));
    }

    // Temp spill: the window's growth when there is history, else the cumulative counter.
    const SnapshotPtr first =
        history_->snapshots().empty() ? SnapshotPtr() : history_->snapshots().front();
    if (first && first->collectedAt < s.collectedAt &&
        s.health.tempBytes >= first->health.tempBytes) {
        const std::int64_t bytes = s.health.tempBytes - first->health.tempBytes;
        const double minutes = double(s.collectedAt - first->collectedAt) / 60e6;
        figures_[6]->set(i18n::localizedBytes(bytes),
                         tr("in the last %1").arg(durationText(minutes * 60)),
                         bytes > 0 ? std::optional(Severity::Warning) : std::nullopt);
    } else {
        figures_[6]->set(i18n::localizedBytes(s.health.tempBytes),
                         countText(s.health.tempFiles, tr("1 file since stats reset"),
                                   tr("%1 files since stats reset")));
    }
}

} // namespace dbt::gui
