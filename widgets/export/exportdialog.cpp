#include "export/exportdialog.h"

#include "analysis.h"
#include "bundle/bundleplans.h"
#include "bundle/manifest.h"
#include "common/guiutil.h"
#include "models/snapshothistory.h"
#include "timefmt.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QThread>
#include <QVBoxLayout>

namespace dbt::gui {

BundleInput exportInput(const std::vector<SnapshotPtr>& series, const QString& note) {
    BundleInput input;
    if (series.empty())
        return input;
    input.snapshot =
        series.size() > 1 ? withStatementWindow(*series.front(), *series.back()) : *series.back();
    if (series.size() > 1)
        input.samples = series;
    CollectionInfo& c = input.collection;
    c.samples = static_cast<int>(series.size());
    c.requestedSamples = c.samples;
    c.firstAt = series.front()->collectedAt;
    c.lastAt = series.back()->collectedAt;
    c.intervalSeconds =
        series.size() > 1 ? double(c.lastAt - c.firstAt) / 1e6 / double(series.size() - 1) : 0.0;
    c.note = note.toStdString();
    return input;
}

ExportDialog::ExportDialog(const SnapshotHistory* history, ChartRenderer charts, QWidget* parent,
                           ConnectOptions server)
    : QDialog(parent)
    , history_(history)
    , charts_(std::move(charts))
    , note_(new QPlainTextEdit(this))
    , samples_(new QSpinBox(this))
    , window_(new QLabel(this))
    , explainTop_(new QSpinBox(this))
    , advise_(new QCheckBox(tr("Index candidates (advise)"), this))
    , destination_(new QLineEdit(this))
    , directory_(new QCheckBox(tr("Write a directory instead of a .zip"), this))
    , browse_(new QPushButton(tr("Browse…"), this))
    , progress_(new QProgressBar(this))
    , stage_(new QLabel(this))
    , outcome_(new QLabel(this))
    , buttons_(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , connect_(std::move(server)) {
    setWindowTitle(tr("Export evidence"));
    setObjectName(QStringLiteral("ExportDialog"));

    note_->setPlaceholderText(tr("What you saw and why you are exporting (ticket number, time, "
                                 "symptoms). It goes into README.md and the manifest."));
    note_->setTabChangesFocus(true);
    note_->setMinimumHeight(80);

    const int kept = history_ ? static_cast<int>(history_->size()) : 0;
    samples_->setRange(kept > 0 ? 1 : 0, std::max(kept, 0));
    samples_->setValue(kept);
    samples_->setSuffix(tr(" of %n sample(s) kept", nullptr, kept));
    window_->setWordWrap(true);
    auto updateWindow = [this](int n) {
        if (!history_ || history_->empty() || n <= 0) {
            window_->setText(tr("Nothing to export yet: connect or open a snapshot first."));
            return;
        }
        const auto& all = history_->snapshots();
        const Micros from = all[all.size() - std::size_t(n)]->collectedAt;
        const Micros to = all.back()->collectedAt;
        window_->setText(
            n == 1 ? tr("The sample of %1.").arg(QString::fromStdString(formatRfc3339(to)))
                   : tr("From %1 to %2 (%3).")
                         .arg(QString::fromStdString(formatRfc3339(from)),
                              QString::fromStdString(formatRfc3339(to)),
                              durationText(double(to - from) / 1e6)));
    };
    connect(samples_, &QSpinBox::valueChanged, this, updateWindow);
    updateWindow(kept);

    explainTop_->setRange(0, 50);
    explainTop_->setSpecialValueText(tr("no plans"));
    explainTop_->setSuffix(tr(" statements by time"));
    explainTop_->setObjectName(QStringLiteral("exportExplainTop"));
    advise_->setObjectName(QStringLiteral("exportAdvise"));
    if (canGatherFromServer()) {
        explainTop_->setToolTip(tr("Explain the top N statements of the window on a second "
                                   "read-only session (generic plans, never ANALYZE) and add "
                                   "plans/*.json and plans/*.txt to the bundle."));
        advise_->setToolTip(tr("Ask the index advisor for the window's costliest statements and "
                               "add index-candidates.sql (commented, never executed)."));
    } else {
        explainTop_->setEnabled(false);
        explainTop_->setToolTip(tr("Plans need a connection to the server: connect first (an "
                                   "opened bundle or snapshot cannot be explained)."));
        advise_->setEnabled(false);
        advise_->setToolTip(tr("Index candidates need a connection to the server: connect first "
                               "(an opened bundle or snapshot cannot be advised on)."));
    }

    destination_->setText(defaultDestination());
    destination_->setMinimumWidth(420);
    connect(browse_, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(directory_, &QCheckBox::toggled, this, [this](bool dir) {
        QString path = destination_->text();
        if (dir && path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
            path.chop(4);
        else if (!dir && !path.isEmpty() &&
                 !path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
            path += QLatin1String(".zip");
        destination_->setText(path);
    });

    progress_->setRange(0, 0); // busy: the writer reports stages, not fractions
    progress_->hide();
    stage_->hide();
    outcome_->setWordWrap(true);
    outcome_->setTextFormat(Qt::PlainText);
    outcome_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    outcome_->setObjectName(QStringLiteral("exportOutcome"));
    connect(this, &ExportDialog::stageChanged, stage_, &QLabel::setText);

    export_ = buttons_->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    export_->setDefault(true);
    export_->setEnabled(kept > 0);
    connect(export_, &QPushButton::clicked, this, &ExportDialog::startExport);
    cancel_ = buttons_->addButton(tr("&Cancel export"), QDialogButtonBox::ActionRole);
    cancel_->setObjectName(QStringLiteral("exportCancel"));
    cancel_->hide();
    connect(cancel_, &QPushButton::clicked, this, &ExportDialog::cancelExport);
    connect(buttons_, &QDialogButtonBox::rejected, this, &ExportDialog::reject);

    auto* form = new QFormLayout();
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Note:"), note_);
    form->addRow(tr("&Samples:"), samples_);
    form->addRow(QString(), window_);
    form->addRow(tr("&Plans of the top:"), explainTop_);
    form->addRow(QString(), advise_);
    auto* dest = new QHBoxLayout();
    dest->addWidget(destination_, 1);
    dest->addWidget(browse_);
    form->addRow(tr("&Destination:"), dest);
    form->addRow(QString(), directory_);
    auto* outer = new QVBoxLayout(this);
    outer->addLayout(form);
    outer->addWidget(progress_);
    outer->addWidget(stage_);
    outer->addWidget(outcome_);
    outer->addStretch(1);
    outer->addWidget(buttons_);
}

ExportDialog::~ExportDialog() {
    if (thread_) // writing takes a second or two; the result must not outlive its dialog
        thread_->wait();
}

QString ExportDialog::defaultDestination() const {
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    const QString stamp =
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    return QDir(dir).filePath(QStringLiteral("dbtriage-evidence-%1.zip").arg(stamp));
}

void ExportDialog::browse() {
    if (directory_->isChecked()) {
        const QString parent = QFileDialog::getExistingDirectory(
            this, tr("Directory to write the bundle in"), QFileInfo(destination()).absolutePath());
        if (!parent.isEmpty())
            setDestination(QDir(parent).filePath(QFileInfo(destination()).fileName()));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export evidence"), destination(),
                                                      tr("Evidence bundles (*.zip)"));
    if (!path.isEmpty())
        setDestination(path);
}

void ExportDialog::setDestination(const QString& path) {
    destination_->setText(path);
    directory_->blockSignals(true);
    directory_->setChecked(!path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive));
    directory_->blockSignals(false);
}

QString ExportDialog::destination() const {
    return destination_->text().trimmed();
}

void ExportDialog::setNote(const QString& note) {
    note_->setPlainText(note);
}

void ExportDialog::setSamples(int samples) {
    samples_->setValue(samples);
}

int ExportDialog::samples() const {
    return samples_->value();
}

void ExportDialog::setExplainTop(int n) {
    if (canGatherFromServer())
        explainTop_->setValue(n);
}

int ExportDialog::explainTop() const {
    return canGatherFromServer() ? explainTop_->value() : 0;
}

void ExportDialog::setAdvise(bool advise) {
    if (canGatherFromServer())
        advise_->setChecked(advise);
}

bool ExportDialog::advise() const {
    return canGatherFromServer() && advise_->isChecked();
}

void ExportDialog::cancelExport() {
    if (!busy())
        return;
    cancelRequested_.store(true);
    cancel_->setEnabled(false);
    emit stageChanged(tr("Cancelling after the current statement…"));
}

QString ExportDialog::resultText() const {
    return outcome_->text();
}

void ExportDialog::setBusy(bool busy) {
    progress_->setVisible(busy);
    stage_->setVisible(busy);
    export_->setEnabled(!busy);
    cancel_->setVisible(busy);
    cancel_->setEnabled(busy);
    for (QWidget* w : {static_cast<QWidget*>(note_), static_cast<QWidget*>(samples_),
                       static_cast<QWidget*>(destination_), static_cast<QWidget*>(directory_),
                       static_cast<QWidget*>(browse_)})
        w->setEnabled(!busy);
    explainTop_->setEnabled(!busy && canGatherFromServer());
    advise_->setEnabled(!busy && canGatherFromServer());
    buttons_->button(QDialogButtonBox::Close)->setEnabled(!busy);
}

bool ExportDialog::startExport() {
    if (busy())
        return false;
    const QString path = destination();
    const int n = samples();
    if (path.isEmpty() || !history_ || history_->empty() || n <= 0) {
        outcome_->setText(path.isEmpty()
                              ? tr("Choose where to write the bundle first.")
                              : tr("Nothing to export yet: connect or open a snapshot first."));
        return false;
    }
    const auto& all = history_->snapshots();
    const std::size_t take = std::min<std::size_t>(std::size_t(n), all.size());
    std::vector<SnapshotPtr> series(all.end() - std::ptrdiff_t(take), all.end());
    const QString note = note_->toPlainText();

    const int explainTop = this->explainTop();
    const bool advise = this->advise();

    outcome_->clear();
    result_ = {};
    cancelled_ = false;
    cancelRequested_.store(false);
    setBusy(true);
    emit stageChanged(tr("Composing the summary of %n sample(s)…", nullptr, int(take)));
    // The worker only reads connect_, explainTop and advise (copied or constant while busy).
    thread_ = QThread::create([this, series = std::move(series), note, path, explainTop, advise] {
        BundleInput input = exportInput(series, note);
        if (explainTop > 0) {
            BundlePlansOptions options;
            options.connect = connect_;
            options.progress = [this](int index, int count, const PlanTarget&) {
                if (cancelRequested_.load())
                    return false;
                emit stageChanged(tr("Explaining statement %1 of %2…").arg(index + 1).arg(count));
                return true;
            };
            BundlePlans plans = explainForBundle(input.snapshot, explainTop, options);
            if (plans.cancelled || cancelRequested_.load()) {
                cancelled_ = true;
                return;
            }
            addPlansToBundle(std::move(plans), explainTop, input);
        }
        if (advise) {
            emit stageChanged(tr("Asking the index advisor…"));
            addAdviceToBundle(connect_, {}, input, [this] { return cancelRequested_.load(); });
            if (cancelRequested_.load()) {
                cancelled_ = true;
                return;
            }
        }
        if (charts_) {
            emit stageChanged(tr("Drawing the charts…"));
            charts_(input); // QPainter on images and an SVG generator: no widgets
        }
        emit stageChanged(tr("Writing %1…").arg(QFileInfo(path).fileName()));
        result_ = BundleWriter::write(input, path);
    });
    thread_->setObjectName(QStringLiteral("dbtriage-export"));
    connect(thread_, &QThread::finished, this, &ExportDialog::onFinished);
    thread_->start();
    return true;
}

void ExportDialog::onFinished() {
    thread_->deleteLater();
    thread_ = nullptr;
    setBusy(false);
    if (cancelled_) {
        const QString sentence = tr("Cancelled: nothing was written.");
        outcome_->setText(sentence);
        emit failed(sentence);
        return;
    }
    if (!result_.ok()) {
        outcome_->setText(tr("Not exported: %1").arg(result_.error));
        emit failed(result_.error);
        return;
    }
    outcome_->setText(tr("Wrote %1 (%2 files, %3 KB).")
                          .arg(QDir::toNativeSeparators(result_.path))
                          .arg(result_.files)
                          .arg((result_.bytes + 1023) / 1024));
    emit exported(result_.path);
}

void ExportDialog::reject() {
    if (busy()) {
        cancelExport(); // stops after the current statement; the writing itself is short
        return;
    }
    QDialog::reject();
}

} // namespace dbt::gui
