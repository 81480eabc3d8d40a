// A parsed, derived plan with its insights as a Qt tree model (Qt Core only).
//
// The plan is the flat pre-order vector of plans/plan.h; a QModelIndex carries the node index
// as its internal id, and every lookup (parent, row in parent, children) is a table lookup:
// nothing here recurses, so plans 10,000 levels deep are fine.
#pragma once

#include "plans/insights.h"
#include "plans/plan.h"

#include <QAbstractItemModel>
#include <memory>
#include <string>
#include <vector>

namespace dbt {

// One plan as the GUI shows it: the plan, its insights and where it came from.
struct PlanDocument {
    plans::Plan plan;
    std::vector<plans::Insight> insights;
    std::string statement;          // the statement explained (empty for a pasted plan)
    std::string source;             // "explain", a file name, "pasted"
    bool genericPlan = false;       // parameters unknown: costs are estimates
    bool analyzed = false;          // ANALYZE ran
    std::vector<std::string> notes; // the engine's and the parser's notes
};
using PlanDocumentPtr = std::shared_ptr<const PlanDocument>;

// Parses (any dialect plans::parsePlan detects), derives and finds insights. Throws
// plans::PlanError with a sentence for bad input.
PlanDocumentPtr makePlanDocument(std::string_view text, std::string source);

class PlanModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        NodeCol,
        ExclusiveCol,
        InclusiveCol,
        ShareCol,
        RowsCol,
        LoopsCol,
        BuffersCol,
        InsightsCol,
        ColumnCount
    };
    enum Role : int {
        NodeIndexRole = Qt::UserRole + 40, // int: the node's index in plan.nodes
        BarRole,          // double 0..1: the bar of the time columns (cost when no times)
        SortValueRole,    // numbers as numbers
        InsightCountRole, // int
        MaxSeverityRole,  // int(dbt::Severity) of the node's worst insight, -1: none
        RawFieldsRole,    // QStringList "key: value" of every raw field
    };

    explicit PlanModel(QObject* parent = nullptr);

    void setDocument(PlanDocumentPtr document);
    const PlanDocumentPtr& document() const { return document_; }
    // The index (column) of plan node `node`, or invalid.
    QModelIndex indexForNode(int node, int column = 0) const;
    int nodeCount() const;
    // Whether the plan has actual times (bars show time) or only costs.
    bool hasTimes() const { return hasTimes_; }

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    int nodeOf(const QModelIndex& index) const;

    PlanDocumentPtr document_;
    std::vector<int> rowInParent_;
    std::vector<int> insightCount_;
    std::vector<int> maxSeverity_;
    bool hasTimes_ = false;
    double maxExclusive_ = 0;
};

} // namespace dbt
