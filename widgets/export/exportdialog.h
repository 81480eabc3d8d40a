// File → Export evidence… (Ctrl+E): writes an evidence bundle (docs/bundle-format.md) of the
// window's recent samples, with a note, to a .zip or a directory. The samples are copied when
// the export starts; the charts are drawn headless (diagnostics/render) and the bundle written by
// BundleWriter on a worker thread, so the window keeps sampling and drawing meanwhile. A failure
// (unwritable target, full disk) is one sentence in the dialog and leaves nothing under the
// final name (BundleWriter writes under a temporary name and renames).
//
// Connected (the window passes its ConnectOptions, password in memory only), the dialog can
// also explain the top N statements and ask the index advisor (diagnostics/bundle/bundleplans.h,
// the same code as `dbtriage collect --explain-top N --advise`) on the same worker, on sessions
// of their own, with the stage shown ("Explaining statement 3 of 10…") and Cancel. Offline (a
// bundle or snapshot is open, or disconnected) both options stay disabled with a tooltip saying
// why.
#pragma once

#include "bundle/bundlewriter.h"
#include "engines/engine.h"
#include "snapshot.h"

#include <QDialog>
#include <atomic>
#include <functional>
#include <vector>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QThread;

namespace dbt {
class SnapshotHistory;
}

namespace dbt::gui {

// The bundle input for the last samples of a window, oldest first: the result carries window
// deltas when there are two or more samples. `note` goes into the README and manifest.
BundleInput exportInput(const std::vector<SnapshotPtr>& series, const QString& note);

class ExportDialog final : public QDialog {
    Q_OBJECT
public:
    // Adds the charts to a bundle input on the worker thread (render::addCharts from
    // diagnostics_render, which the widgets library does not link); may be empty.
    using ChartRenderer = std::function<void(BundleInput&)>;

    // `server`: the monitored server's options (target empty: offline, no plans or advice).
    ExportDialog(const SnapshotHistory* history, ChartRenderer charts, QWidget* parent = nullptr,
                 ConnectOptions server = {});
    ~ExportDialog() override;

    void setDestination(const QString& path);
    QString destination() const;
    void setNote(const QString& note);
    void setSamples(int samples);
    int samples() const;
    // Plans of the top N statements (0: none) and index candidates; only when connected.
    void setExplainTop(int n);
    int explainTop() const;
    void setAdvise(bool advise);
    bool advise() const;
    bool canGatherFromServer() const { return !connect_.target.empty(); }
    // Stops a running export after the current statement; nothing is written then.
    void cancelExport();
    bool busy() const { return thread_ != nullptr; }
    // The last export's outcome: a sentence (empty before any export).
    QString resultText() const;
    const BundleWriteResult& result() const { return result_; }

    // Starts writing (the Export button); returns false with the sentence shown when the
    // destination is empty or there is nothing to export.
    bool startExport();

signals:
    void exported(const QString& path);
    void failed(const QString& sentence);
    void stageChanged(const QString& stage); // emitted from the worker; queued to the dialog

protected:
    void reject() override;

private:
    void browse();
    void onFinished();
    void setBusy(bool busy);
    QString defaultDestination() const;

    const SnapshotHistory* history_;
    ChartRenderer charts_;
    QPlainTextEdit* note_;
    QSpinBox* samples_;
    QLabel* window_;
    QSpinBox* explainTop_;
    QCheckBox* advise_;
    QLineEdit* destination_;
    QCheckBox* directory_;
    QPushButton* browse_;
    QProgressBar* progress_;
    QLabel* stage_;
    QLabel* outcome_;
    QDialogButtonBox* buttons_;
    QPushButton* export_;
    QPushButton* cancel_;
    ConnectOptions connect_; // never written anywhere; holds the password in memory only
    std::atomic<bool> cancelRequested_{false};
    bool cancelled_ = false; // the last export was cancelled (written by the worker)
    QThread* thread_ = nullptr;
    BundleWriteResult result_; // written by the worker, read after it finished
};

} // namespace dbt::gui
