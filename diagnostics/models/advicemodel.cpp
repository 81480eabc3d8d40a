#include "models/advicemodel.h"

#include "i18n/figures.h"
#include "i18n/messagetext.h"
#include "textutil.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace dbt {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

QString qualified(const std::string& schema, const std::string& name) {
    return schema.empty() ? qs(name) : qs(schema) + QLatin1Char('.') + qs(name);
}

QString percentText(double ratio) {
    return QLocale().toString(ratio * 100.0, 'f', 1) + QStringLiteral(" %");
}

QString bytesText(std::int64_t bytes) {
    return i18n::localizedBytes(bytes); // "1,4 MiB" in German
}

} // namespace

// ---------------------------------------------------------------------------------------

AdviceCandidatesModel::AdviceCandidatesModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void AdviceCandidatesModel::setAdvice(AdvicePtr advice) {
    beginResetModel();
    advice_ = std::move(advice);
    endResetModel();
}

const advisor::Proposal* AdviceCandidatesModel::proposalAt(int row) const {
    if (!advice_ || row < 0 || row >= int(advice_->proposals.size()))
        return nullptr;
    return &advice_->proposals[std::size_t(row)];
}

int AdviceCandidatesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !advice_ ? 0 : int(advice_->proposals.size());
}

int AdviceCandidatesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString AdviceCandidatesModel::methodLabel(const advisor::Proposal& p) {
    return p.method == "hypopg" ? tr("validated with HypoPG") : tr("heuristic, not validated");
}

QString AdviceCandidatesModel::tableText(const advisor::Candidate& c) {
    return qualified(c.schema, c.table);
}

QString AdviceCandidatesModel::columnsText(const advisor::Candidate& c) {
    QStringList parts;
    for (std::size_t i = 0; i < c.columns.size(); ++i) {
        QString part = qs(c.columns[i]);
        if (i < c.opclasses.size() && !c.opclasses[i].empty())
            part += QLatin1Char(' ') + qs(c.opclasses[i]);
        if (i < c.descending.size() && c.descending[i])
            part += QStringLiteral(" DESC");
        parts << part;
    }
    QString text = parts.join(QStringLiteral(", "));
    if (c.method == "gin")
        text += tr(" (GIN)");
    else if (c.method == "gin_trgm")
        text += tr(" (GIN, trigram)");
    return text;
}

double AdviceCandidatesModel::costBefore(const advisor::Proposal& p) {
    double sum = 0;
    for (const auto& s : p.statements)
        sum += s.costBefore;
    return sum;
}

std::optional<double> AdviceCandidatesModel::costAfter(const advisor::Proposal& p) {
    if (p.statements.empty())
        return std::nullopt;
    double sum = 0;
    for (const auto& s : p.statements) {
        if (!s.costAfter)
            return std::nullopt;
        sum += *s.costAfter;
    }
    return sum;
}

std::optional<double> AdviceCandidatesModel::saving(const advisor::Proposal& p) {
    const double before = costBefore(p);
    const auto after = costAfter(p);
    if (!after || before <= 0)
        return std::nullopt;
    return std::clamp(1.0 - *after / before, 0.0, 1.0);
}

double AdviceCandidatesModel::share(const advisor::Proposal& p) {
    double sum = 0;
    for (const auto& s : p.statements)
        sum += s.share;
    return std::min(sum, 1.0);
}

QString AdviceCandidatesModel::reasonText(const advisor::Candidate& c) {
    return i18n::localized(advisor::reasonMessage(c));
}

QStringList AdviceCandidatesModel::caveatsText(const advisor::Proposal& p) {
    QStringList out;
    for (const Message& m : advisor::caveatMessages(p))
        out << i18n::localized(m);
    return out;
}

QStringList AdviceCandidatesModel::notesText(const advisor::Advice& a) {
    QStringList out;
    for (const Message& m : advisor::noteMessages(a))
        out << i18n::localized(m);
    return out;
}

QString AdviceCandidatesModel::statsResetText(const advisor::Advice& a) {
    return i18n::localized(advisor::statsResetMessage(a));
}

QString AdviceCandidatesModel::costText(double cost) {
    return QLocale().toString(cost, 'f', cost < 10 ? 1 : 0);
}

QVariant AdviceCandidatesModel::data(const QModelIndex& index, int role) const {
    const advisor::Proposal* p = index.isValid() ? proposalAt(index.row()) : nullptr;
    if (!p)
        return {};
    const bool validated = p->method == "hypopg";
    switch (role) {
    case DdlRole:
        return qs(p->ddl);
    case ValidatedRole:
        return validated;
    case KeyRole:
        return qs(p->candidate.key());
    case FilterTextRole:
        return QString(tableText(p->candidate) + QLatin1Char(' ') + columnsText(p->candidate));
    default:
        break;
    }
    const int column = index.column();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Table:
            return tableText(p->candidate);
        case Columns:
            return columnsText(p->candidate);
        case Method:
            return methodLabel(*p);
        case Cost: {
            const auto after = costAfter(*p);
            return after ? tr("%1 → %2").arg(costText(costBefore(*p)), costText(*after))
                         : tr("%1 → not estimated").arg(costText(costBefore(*p)));
        }
        case Saving: {
            const auto s = saving(*p);
            return s ? percentText(*s) : tr("unknown");
        }
        case Statements: {
            QStringList ids;
            for (const auto& s : p->statements)
                ids << qs(s.id);
            return tr("%1 of the window: %2")
                .arg(percentText(share(*p)), ids.join(QStringLiteral(", ")));
        }
        case Size:
            return p->sizeBytes ? bytesText(std::int64_t(std::llround(*p->sizeBytes)))
                                : tr("unknown");
        case Caveats: {
            const QStringList caveats = caveatsText(*p);
            if (caveats.isEmpty())
                return tr("none");
            return caveats.size() == 1
                       ? caveats.front()
                       : tr("%1 (+%2 more)").arg(caveats.front()).arg(caveats.size() - 1);
        }
        default:
            return {};
        }
    }
    if (role == SortRole) {
        switch (column) {
        case Table:
            return tableText(p->candidate);
        case Columns:
            return columnsText(p->candidate);
        case Method:
            return validated ? 1 : 0;
        case Cost:
            return costBefore(*p);
        case Saving:
            return saving(*p).value_or(-1.0);
        case Statements:
            return share(*p);
        case Size:
            return p->sizeBytes.value_or(-1.0);
        case Caveats:
            return int(p->caveats.size());
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Method:
            return validated ? tr("The planner chose a hypothetical index (HypoPG) for these "
                                  "statements and its estimated cost dropped as shown.")
                             : tr("Proposed from the statistics and the current plan only; the "
                                  "planner has not confirmed it. The details say how to "
                                  "validate it.");
        case Cost:
            return tr("The planner's estimated cost of the statements it helps, summed: now → "
                      "with the index.");
        case Statements: {
            QStringList lines;
            for (const auto& s : p->statements)
                lines << tr("%1: %2 of the window's time, %3 calls")
                             .arg(qs(s.id), percentText(s.share),
                                  QLocale().toString(qint64(std::llround(s.calls))));
            return lines.join(QLatin1Char('\n'));
        }
        case Caveats:
            return caveatsText(*p).join(QLatin1Char('\n'));
        default:
            return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole && (column == Cost || column == Saving || column == Size))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant AdviceCandidatesModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Table:
        return tr("Table");
    case Columns:
        return tr("Columns (in order)");
    case Method:
        return tr("Method");
    case Cost:
        return tr("Cost before → after");
    case Saving:
        return tr("Saving");
    case Statements:
        return tr("Statements helped");
    case Size:
        return tr("Est. size");
    case Caveats:
        return tr("Caveats");
    default:
        return {};
    }
}

// ---------------------------------------------------------------------------------------

UnusedIndexesModel::UnusedIndexesModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void UnusedIndexesModel::setAdvice(AdvicePtr advice) {
    beginResetModel();
    advice_ = std::move(advice);
    endResetModel();
}

const advisor::UnusedIndex* UnusedIndexesModel::indexAt(int row) const {
    if (!advice_ || row < 0 || row >= int(advice_->unused.size()))
        return nullptr;
    return &advice_->unused[std::size_t(row)];
}

int UnusedIndexesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !advice_ ? 0 : int(advice_->unused.size());
}

int UnusedIndexesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

// lupdate files the strings of the second and third class of advicemodel.h under their names
// without the namespace, so these use that context explicitly (tr() would look in
// "dbt::UnusedIndexesModel" and find nothing).
QString UnusedIndexesModel::whyText(const advisor::UnusedIndex& u, const std::string& statsReset) {
    const QString scans =
        u.scans == 1 ? QCoreApplication::translate("UnusedIndexesModel", "1 scan")
                     : QCoreApplication::translate("UnusedIndexesModel", "%1 scans").arg(u.scans);
    return statsReset.empty()
               ? QCoreApplication::translate(
                     "UnusedIndexesModel", "%1 since the statistics were last reset (time unknown)")
                     .arg(scans)
               : QCoreApplication::translate("UnusedIndexesModel",
                                             "%1 since the statistics reset at %2")
                     .arg(scans, QString::fromStdString(statsReset));
}

QVariant UnusedIndexesModel::data(const QModelIndex& index, int role) const {
    const advisor::UnusedIndex* u = index.isValid() ? indexAt(index.row()) : nullptr;
    if (!u)
        return {};
    if (role == DdlRole)
        return qs(u->definition);
    if (role == KeyRole)
        return qualified(u->schema, u->name);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole) {
        switch (index.column()) {
        case Index:
            return qualified(u->schema, u->name);
        case Table:
            return qualified(u->schema, u->table);
        case Size:
            if (role == SortRole)
                return qint64(u->sizeBytes);
            return bytesText(u->sizeBytes);
        case Why:
            return whyText(*u, advice_->statsReset.empty()
                                   ? std::string()
                                   : AdviceCandidatesModel::statsResetText(*advice_).toStdString());
        case Definition:
            return qs(u->definition);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Size)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant UnusedIndexesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Index:
        return QCoreApplication::translate("UnusedIndexesModel", "Index");
    case Table:
        return QCoreApplication::translate("UnusedIndexesModel", "Table");
    case Size:
        return QCoreApplication::translate("UnusedIndexesModel", "Size");
    case Why:
        return QCoreApplication::translate("UnusedIndexesModel", "Why unused");
    case Definition:
        return QCoreApplication::translate("UnusedIndexesModel", "Definition");
    default:
        return {};
    }
}

// ---------------------------------------------------------------------------------------

RedundantIndexesModel::RedundantIndexesModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void RedundantIndexesModel::setAdvice(AdvicePtr advice) {
    beginResetModel();
    advice_ = std::move(advice);
    endResetModel();
}

const advisor::RedundantIndex* RedundantIndexesModel::indexAt(int row) const {
    if (!advice_ || row < 0 || row >= int(advice_->redundant.size()))
        return nullptr;
    return &advice_->redundant[std::size_t(row)];
}

int RedundantIndexesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !advice_ ? 0 : int(advice_->redundant.size());
}

int RedundantIndexesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString RedundantIndexesModel::whyText(const advisor::RedundantIndex& r) {
    return r.kind == "duplicate"
               ? QCoreApplication::translate("RedundantIndexesModel",
                                             "duplicate of %1 (same columns)")
                     .arg(qs(r.coveredBy))
               : QCoreApplication::translate("RedundantIndexesModel",
                                             "prefix of %1, which serves the same lookups")
                     .arg(qs(r.coveredBy));
}

QVariant RedundantIndexesModel::data(const QModelIndex& index, int role) const {
    const advisor::RedundantIndex* r = index.isValid() ? indexAt(index.row()) : nullptr;
    if (!r)
        return {};
    if (role == DdlRole)
        return qs(r->definition);
    if (role == KeyRole)
        return qualified(r->schema, r->name);
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole) {
        switch (index.column()) {
        case Index:
            return qualified(r->schema, r->name);
        case Table:
            return qualified(r->schema, r->table);
        case Size:
            if (role == SortRole)
                return qint64(r->sizeBytes);
            return bytesText(r->sizeBytes);
        case Why:
            return whyText(*r);
        case Definition:
            return qs(r->definition);
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() == Size)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant RedundantIndexesModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Index:
        return QCoreApplication::translate("RedundantIndexesModel", "Index");
    case Table:
        return QCoreApplication::translate("RedundantIndexesModel", "Table");
    case Size:
        return QCoreApplication::translate("RedundantIndexesModel", "Size");
    case Why:
        return QCoreApplication::translate("RedundantIndexesModel", "Why");
    case Definition:
        return QCoreApplication::translate("RedundantIndexesModel", "Definition");
    default:
        return {};
    }
}

} // namespace dbt
