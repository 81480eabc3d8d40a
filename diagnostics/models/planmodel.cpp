#include "models/planmodel.h"

#include "i18n/figures.h"
#include "plans/format.h"
#include "plans/parse.h"

#include <QStringList>
#include <algorithm>

namespace dbt {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// Figures in the core's English format with the user's separators (i18n/figures.h).
QString fig(const std::string& english) {
    return i18n::localizedFigure(english);
}

QString ms(const std::optional<double>& v) {
    return v ? fig(plans::detail::formatMs(*v)) : QString();
}

QString rows(double r) {
    return fig(plans::detail::formatRows(r));
}

} // namespace

PlanDocumentPtr makePlanDocument(std::string_view text, std::string source) {
    auto doc = std::make_shared<PlanDocument>();
    doc->plan = plans::parsePlan(text);
    doc->insights = plans::findInsights(doc->plan);
    doc->analyzed = doc->plan.analyzed;
    doc->notes = doc->plan.notes;
    doc->source = std::move(source);
    return doc;
}

PlanModel::PlanModel(QObject* parent)
    : QAbstractItemModel(parent) {}

void PlanModel::setDocument(PlanDocumentPtr document) {
    beginResetModel();
    document_ = std::move(document);
    rowInParent_.clear();
    insightCount_.clear();
    maxSeverity_.clear();
    hasTimes_ = false;
    maxExclusive_ = 0;
    if (document_) {
        const auto& nodes = document_->plan.nodes;
        rowInParent_.assign(nodes.size(), 0);
        insightCount_.assign(nodes.size(), 0);
        maxSeverity_.assign(nodes.size(), -1);
        for (const auto& node : nodes) {
            for (std::size_t r = 0; r < node.children.size(); ++r) {
                const int c = node.children[r];
                if (c >= 0 && static_cast<std::size_t>(c) < nodes.size())
                    rowInParent_[static_cast<std::size_t>(c)] = static_cast<int>(r);
            }
            if (node.derived.exclusiveTimeMs)
                hasTimes_ = true;
        }
        for (const auto& node : nodes) {
            const double v = hasTimes_ ? node.derived.exclusiveTimeMs.value_or(0)
                                       : node.derived.exclusiveCost.value_or(0);
            maxExclusive_ = std::max(maxExclusive_, v);
        }
        for (const auto& insight : document_->insights) {
            if (insight.node < 0 || static_cast<std::size_t>(insight.node) >= nodes.size())
                continue;
            const auto n = static_cast<std::size_t>(insight.node);
            ++insightCount_[n];
            maxSeverity_[n] = std::max(maxSeverity_[n], static_cast<int>(insight.severity));
        }
    }
    endResetModel();
}

int PlanModel::nodeCount() const {
    return document_ ? static_cast<int>(document_->plan.nodes.size()) : 0;
}

int PlanModel::nodeOf(const QModelIndex& index) const {
    if (!index.isValid())
        return -1;
    return static_cast<int>(index.internalId());
}

QModelIndex PlanModel::indexForNode(int node, int column) const {
    if (node < 0 || node >= nodeCount() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(rowInParent_[static_cast<std::size_t>(node)], column,
                       static_cast<quintptr>(node));
}

QModelIndex PlanModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= ColumnCount || nodeCount() == 0)
        return {};
    if (!parent.isValid())
        return row == 0 ? createIndex(0, column, quintptr(0)) : QModelIndex();
    if (parent.column() != 0)
        return {};
    const auto& children = document_->plan.nodes[static_cast<std::size_t>(nodeOf(parent))].children;
    if (static_cast<std::size_t>(row) >= children.size())
        return {};
    return createIndex(row, column, static_cast<quintptr>(children[static_cast<std::size_t>(row)]));
}

QModelIndex PlanModel::parent(const QModelIndex& child) const {
    const int node = nodeOf(child);
    if (node <= 0 || node >= nodeCount())
        return {};
    const int p = document_->plan.nodes[static_cast<std::size_t>(node)].parent;
    if (p < 0)
        return {};
    return createIndex(rowInParent_[static_cast<std::size_t>(p)], 0, static_cast<quintptr>(p));
}

int PlanModel::rowCount(const QModelIndex& parent) const {
    if (nodeCount() == 0)
        return 0;
    if (!parent.isValid())
        return 1;
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(
        document_->plan.nodes[static_cast<std::size_t>(nodeOf(parent))].children.size());
}

int PlanModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant PlanModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NodeCol:
        return tr("Node");
    case ExclusiveCol:
        return hasTimes_ ? tr("Exclusive time") : tr("Exclusive cost");
    case InclusiveCol:
        return hasTimes_ ? tr("Inclusive time") : tr("Inclusive cost");
    case ShareCol:
        return tr("Share");
    case RowsCol:
        return tr("Rows planned → actual");
    case LoopsCol:
        return tr("Loops");
    case BuffersCol:
        return tr("Buffers hit / read / temp");
    case InsightsCol:
        return tr("Insights");
    default:
        return {};
    }
}

QVariant PlanModel::data(const QModelIndex& index, int role) const {
    const int n = nodeOf(index);
    if (n < 0 || n >= nodeCount())
        return {};
    const auto& node = document_->plan.nodes[static_cast<std::size_t>(n)];
    const auto& d = node.derived;
    const auto un = static_cast<std::size_t>(n);
    const double share = hasTimes_ ? d.timeShare : d.costShare;
    const std::optional<double> exclusive = hasTimes_ ? d.exclusiveTimeMs : d.exclusiveCost;
    const std::optional<double> inclusive = hasTimes_ ? d.inclusiveTimeMs : d.inclusiveCost;

    switch (role) {
    case NodeIndexRole:
        return n;
    case InsightCountRole:
        return insightCount_[un];
    case MaxSeverityRole:
        return maxSeverity_[un];
    case RawFieldsRole: {
        QStringList out;
        for (const auto& [key, value] : node.raw)
            out << qs(key) + QStringLiteral(": ") + qs(value);
        return out;
    }
    case BarRole:
        if (index.column() == ExclusiveCol)
            return maxExclusive_ > 0 ? exclusive.value_or(0) / maxExclusive_ : 0.0;
        if (index.column() == ShareCol)
            return share;
        return {};
    case SortValueRole:
        switch (index.column()) {
        case ExclusiveCol:
            return exclusive.value_or(-1);
        case InclusiveCol:
            return inclusive.value_or(-1);
        case ShareCol:
            return share;
        case RowsCol:
            return d.rowFactor.value_or(0);
        case LoopsCol:
            return node.actualLoops.value_or(0);
        case BuffersCol:
            return double(d.exclusiveBuffers.sharedTotal());
        case InsightsCol:
            return maxSeverity_[un] * 1000 + insightCount_[un];
        default:
            return qs(plans::nodeLabel(node));
        }
    case Qt::TextAlignmentRole:
        if (index.column() != NodeCol)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NodeCol || index.column() == InsightsCol) {
            QStringList lines;
            for (const auto& insight : document_->insights)
                if (insight.node == n)
                    lines << qs(insight.message);
            return lines.isEmpty() ? QVariant() : QVariant(lines.join(QLatin1Char('\n')));
        }
        if (index.column() == RowsCol && d.rowFactor)
            return d.underestimated ? tr("Underestimated: %1 more rows than planned")
                                          .arg(fig(plans::detail::formatFactor(*d.rowFactor)))
                                    : tr("Overestimated: %1 fewer rows than planned")
                                          .arg(fig(plans::detail::formatFactor(*d.rowFactor)));
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }

    switch (index.column()) {
    case NodeCol:
        return qs(plans::nodeLabel(node));
    case ExclusiveCol:
        return hasTimes_ ? ms(exclusive)
                         : (exclusive ? fig(plans::detail::formatCost(*exclusive)) : QString());
    case InclusiveCol:
        return hasTimes_ ? ms(inclusive)
                         : (inclusive ? fig(plans::detail::formatCost(*inclusive)) : QString());
    case ShareCol:
        return i18n::localizedPercent(share * 100);
    case RowsCol: {
        QString planned = node.planRows ? rows(*node.planRows) : QStringLiteral("?");
        if (!node.actualRows)
            return planned;
        QString text = planned + QStringLiteral(" → ") + rows(*node.actualRows);
        if (d.rowFactor && *d.rowFactor >= 2)
            text += QStringLiteral(" (%1%2)").arg(d.underestimated ? QStringLiteral("↓")
                                                                   : QStringLiteral("↑"),
                                                  fig(plans::detail::formatFactor(*d.rowFactor)));
        return text;
    }
    case LoopsCol:
        return node.actualLoops ? rows(*node.actualLoops) : QString();
    case BuffersCol: {
        if (!node.hasBuffers)
            return {};
        const auto& b = d.exclusiveBuffers;
        return QStringLiteral("%1 / %2 / %3")
            .arg(rows(double(b.sharedHit)), rows(double(b.sharedRead)),
                 rows(double(b.tempRead + b.tempWritten)));
    }
    case InsightsCol: {
        const int count = insightCount_[un];
        if (count == 0)
            return {};
        return QStringLiteral("%1 %2").arg(count).arg(
            qs(severityName(static_cast<Severity>(maxSeverity_[un]))));
    }
    default:
        return {};
    }
}

} // namespace dbt
