// Connections over time by state, stacked, against the usable maximum (max_connections
// minus the reserved slots). Reads the history's light connection series.
#pragma once

#include "models/snapshothistory.h"

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QDateTimeAxis;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace dbt::gui {

class MessageStack;

class ConnectionChart final : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionChart(const SnapshotHistory* history, QWidget* parent = nullptr);

    void refresh();
    int windowMinutes() const;
    void setWindowMinutes(int minutes);
    int seriesCount() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyTheme();

    const SnapshotHistory* history_;
    QComboBox* window_;
    QChart* chart_;
    QChartView* view_;
    MessageStack* stack_;
    QDateTimeAxis* axisX_;
    QValueAxis* axisY_;
    QLabel* note_;
};

} // namespace dbt::gui
