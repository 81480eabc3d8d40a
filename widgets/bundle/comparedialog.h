// File → Compare with bundle…: what diagnostics/core/bundle/compare.* computes for a bundle
// (before) against what the window shows now (after: the opened bundle or the live window),
// in four tables: statements whose window time changed most, root blockers new / gone / still
// there, connections by state before and after, settings that changed.
#pragma once

#include "bundle/compare.h"

#include <QDialog>

class QLabel;
class QTabWidget;
class QTableWidget;

namespace dbt::gui {

class CompareDialog final : public QDialog {
    Q_OBJECT
public:
    // `beforeLabel` / `afterLabel` name the two sides ("evidence.zip", "live window").
    CompareDialog(const Comparison& comparison, const QString& beforeLabel,
                  const QString& afterLabel, QWidget* parent = nullptr);

    const Comparison& comparison() const { return comparison_; }
    QLabel* headerLabel() const { return header_; }
    QTableWidget* statementsTable() const { return statements_; }
    QTableWidget* blockersTable() const { return blockers_; }
    QTableWidget* connectionsTable() const { return connections_; }
    QTableWidget* settingsTable() const { return settings_; }
    QTabWidget* tabs() const { return tabs_; }

private:
    Comparison comparison_;
    QLabel* header_;
    QTabWidget* tabs_;
    QTableWidget* statements_;
    QTableWidget* blockers_;
    QTableWidget* connections_;
    QTableWidget* settings_;
};

} // namespace dbt::gui
